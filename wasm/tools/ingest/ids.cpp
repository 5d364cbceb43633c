#include "ids.h"

#include <cstdio>

#include "date_scan.h"

namespace reader::tools::ingest {

uint32_t fnv1a32(std::string_view bytes) {
    uint32_t hash = 0x811C9DC5u;
    for (const char c : bytes) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 0x01000193u;
    }
    return hash;
}

uint64_t fnv1a64(std::string_view bytes) {
    uint64_t hash = 0xCBF29CE484222325ull;
    for (const char c : bytes) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 0x100000001B3ull;
    }
    return hash;
}

std::string articleIdFor(const PageContent& page) {
    const std::string key =
        !page.url.empty() ? page.url : page.title + "\n" + (page.published ? formatIso(*page.published) : std::string());
    char id[24];
    std::snprintf(id, sizeof id, "a-%016llx", static_cast<unsigned long long>(fnv1a64(key)));
    return id;
}

std::string categoryIdFor(std::string_view name) {
    char id[16];
    std::snprintf(id, sizeof id, "cat-%08x", static_cast<unsigned>(fnv1a32(name)));
    return id;
}

}  // namespace reader::tools::ingest
