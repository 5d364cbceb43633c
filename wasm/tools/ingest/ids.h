// Stable ids for what ingest creates, so that ingesting the same page again finds it again.
// FNV-1a: tiny, well known, and the same on every platform and run (std::hash is neither).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "page_content.h"

namespace reader::tools::ingest {

uint32_t fnv1a32(std::string_view bytes);
uint64_t fnv1a64(std::string_view bytes);

// "a-" + 16 hex digits of the 64-bit hash of the page's URL when it states one, else of its
// title, a newline and its publish time as written in the bundle ("2023-08-17T22:10:37+08:00").
std::string articleIdFor(const PageContent& page);
// "cat-" + 8 hex digits of the 32-bit hash of the category's name.
std::string categoryIdFor(std::string_view name);

}  // namespace reader::tools::ingest
