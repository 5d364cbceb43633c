// HTML (already UTF-8) -> PageContent, with gumbo, the HTML5 parser Debian ships as libgumbo.
#pragma once

#include <string_view>

#include "page_content.h"

namespace reader::tools::ingest {

PageContent extractHtml(std::string_view utf8, const ExtractOptions& options);

}  // namespace reader::tools::ingest
