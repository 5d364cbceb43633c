// HttpsFetch: a file from the network for the desktop reader (a figure whose src is an https:
// URL), with libcurl. Only https, redirects included; bounded in bytes and in time; an answer
// other than 2xx is a failure that says its status. Blocking: call it from a worker thread.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace reader::native {

struct FetchRules {
    std::string protocols = "https";  // libcurl's list of allowed schemes, for the URL and every redirect
    size_t maxBytes = 64u << 20;      // a larger answer is cut off and failed
    long timeoutSeconds = 30;         // the whole transfer
};

struct Fetched {
    std::vector<unsigned char> bytes;
    std::string error;  // empty: `bytes` is the answer's body
    bool ok() const { return error.empty(); }
};

// Once per process, before any thread fetches (libcurl's global set-up).
void initFetching();

Fetched fetchUrl(const std::string& url, const FetchRules& rules = {});

}  // namespace reader::native
