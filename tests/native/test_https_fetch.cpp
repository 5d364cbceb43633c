// The desktop reader's network fetch (wasm/platform/native/https_fetch.h) against a real HTTP
// server on the loopback interface, run by this test: only the schemes the rules allow are fetched
// (https by default, so a plain http: URL is refused before anything connects), a body comes back
// whole, a status other than 2xx fails with its number, and an answer over the byte limit fails.
#include <doctest/doctest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <string>
#include <thread>

#include "https_fetch.h"

using namespace reader::native;

namespace {

// One thread answering GET requests, one connection at a time, by path: /ok (a 3000-byte body),
// /big (a 100000-byte body, sent without a Content-Length) and anything else 404.
class LoopbackServer {
public:
    LoopbackServer() {
        m_socket = ::socket(AF_INET, SOCK_STREAM, 0);
        REQUIRE(m_socket >= 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        REQUIRE(::bind(m_socket, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
        socklen_t length = sizeof address;
        REQUIRE(::getsockname(m_socket, reinterpret_cast<sockaddr*>(&address), &length) == 0);
        m_port = ntohs(address.sin_port);
        REQUIRE(::listen(m_socket, 4) == 0);
        m_thread = std::thread([this] { serve(); });
    }
    ~LoopbackServer() {
        ::shutdown(m_socket, SHUT_RDWR);
        ::close(m_socket);
        m_thread.join();
    }
    std::string url(const std::string& path) const { return "http://127.0.0.1:" + std::to_string(m_port) + path; }
    int requests() const { return m_requests; }
    static std::string body(size_t n) {
        std::string out;
        for (size_t k = 0; k < n; k++) out += static_cast<char>('a' + k % 26);
        return out;
    }

private:
    void serve() {
        for (;;) {
            const int client = ::accept(m_socket, nullptr, nullptr);
            if (client < 0) return;
            m_requests++;
            std::string request;
            char buffer[4096];
            while (request.find("\r\n\r\n") == std::string::npos) {
                const ssize_t n = ::recv(client, buffer, sizeof buffer, 0);
                if (n <= 0) break;
                request.append(buffer, static_cast<size_t>(n));
            }
            const std::string path = request.substr(4, request.find(' ', 4) - 4);
            std::string answer;
            if (path == "/ok") {
                answer = "HTTP/1.1 200 OK\r\nContent-Length: 3000\r\nConnection: close\r\n\r\n" + body(3000);
            } else if (path == "/big") {
                answer = "HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n" + body(100000);
            } else {
                answer = "HTTP/1.1 404 Not Found\r\nContent-Length: 9\r\nConnection: close\r\n\r\nnot found";
            }
            for (size_t sent = 0; sent < answer.size();) {
                const ssize_t n = ::send(client, answer.data() + sent, answer.size() - sent, MSG_NOSIGNAL);
                if (n <= 0) break;
                sent += static_cast<size_t>(n);
            }
            ::close(client);
        }
    }

    int m_socket = -1;
    int m_port = 0;
    std::atomic<int> m_requests{0};
    std::thread m_thread;
};

const FetchRules kPlainHttp{.protocols = "http"};

}  // namespace

TEST_CASE("https fetch: an http: URL is refused by the default rules before anything connects") {
    initFetching();
    LoopbackServer server;
    const Fetched fetched = fetchUrl(server.url("/ok"));
    CHECK(fetched.error == "refused: only https is fetched");
    CHECK(fetched.bytes.empty());
    CHECK(server.requests() == 0);
}

TEST_CASE("https fetch: a body comes back whole; a 404 fails with its status") {
    initFetching();
    LoopbackServer server;
    const Fetched ok = fetchUrl(server.url("/ok"), kPlainHttp);
    REQUIRE(ok.ok());
    CHECK(std::string(ok.bytes.begin(), ok.bytes.end()) == LoopbackServer::body(3000));
    const Fetched missing = fetchUrl(server.url("/missing.png"), kPlainHttp);
    CHECK(missing.error == "HTTP 404");
    CHECK(missing.bytes.empty());
}

TEST_CASE("https fetch: an answer over the byte limit fails, announced or not") {
    initFetching();
    LoopbackServer server;
    FetchRules small = kPlainHttp;
    small.maxBytes = 1000;
    CHECK(fetchUrl(server.url("/ok"), small).error == "over 1000 bytes");   // its Content-Length says so
    CHECK(fetchUrl(server.url("/big"), small).error == "over 1000 bytes");  // counted as it comes
    small.maxBytes = 200000;
    CHECK(fetchUrl(server.url("/big"), small).bytes.size() == 100000);
}

TEST_CASE("https fetch: nothing listening is a failure that says so") {
    initFetching();
    int port = 0;
    {
        LoopbackServer server;  // a port that was free a moment ago, and is closed now
        port = std::stoi(server.url("").substr(17));
    }
    const Fetched fetched = fetchUrl("http://127.0.0.1:" + std::to_string(port) + "/ok", kPlainHttp);
    CHECK(fetched.error.rfind("could not be fetched: ", 0) == 0);
}
