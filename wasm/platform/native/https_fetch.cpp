// HttpsFetch with libcurl's easy interface (https_fetch.h).
#include "https_fetch.h"

#include <curl/curl.h>

#include <memory>

namespace reader::native {

namespace {

struct Sink {
    std::vector<unsigned char>* bytes;
    size_t maxBytes;
    bool tooLarge = false;
};

size_t keep(char* data, size_t size, size_t count, void* user) {
    Sink& sink = *static_cast<Sink*>(user);
    const size_t n = size * count;
    if (sink.bytes->size() + n > sink.maxBytes) {
        sink.tooLarge = true;
        return 0;  // libcurl stops the transfer with CURLE_WRITE_ERROR
    }
    sink.bytes->insert(sink.bytes->end(), data, data + n);
    return n;
}

}  // namespace

void initFetching() {
    curl_global_init(CURL_GLOBAL_DEFAULT);
}

Fetched fetchUrl(const std::string& url, const FetchRules& rules) {
    Fetched out;
    const std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), &curl_easy_cleanup);
    if (!curl) {
        out.error = "could not be fetched: libcurl did not start";
        return out;
    }
    Sink sink{&out.bytes, rules.maxBytes};
    char detail[CURL_ERROR_SIZE] = {};
    CURL* c = curl.get();
    curl_easy_setopt(c, CURLOPT_URL, url.c_str());
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, rules.protocols.c_str());
    curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, rules.protocols.c_str());
    curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(c, CURLOPT_MAXREDIRS, 5L);
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 10L);
    curl_easy_setopt(c, CURLOPT_TIMEOUT, rules.timeoutSeconds);
    curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(rules.maxBytes));
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);  // a worker thread: no SIGALRM for timeouts
    curl_easy_setopt(c, CURLOPT_USERAGENT, "article-reader-desktop");
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, keep);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &sink);
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, detail);
    const CURLcode code = curl_easy_perform(c);
    long status = 0;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
    if (code == CURLE_UNSUPPORTED_PROTOCOL) {
        out.error = "refused: only " + rules.protocols + " is fetched";
    } else if (sink.tooLarge || code == CURLE_FILESIZE_EXCEEDED) {
        out.error = "over " + std::to_string(rules.maxBytes) + " bytes";
    } else if (code != CURLE_OK) {
        out.error = std::string("could not be fetched: ") + (detail[0] ? detail : curl_easy_strerror(code));
    } else if (status < 200 || status > 299) {
        out.error = "HTTP " + std::to_string(status);
    }
    if (!out.ok()) out.bytes.clear();
    return out;
}

}  // namespace reader::native
