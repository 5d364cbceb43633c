// Plain-text captures of a page (what a browser's "save as text" or a copy of the whole page
// gives) -> PageContent: one line per paragraph or piece of chrome, no markup.
#pragma once

#include <string_view>

#include "page_content.h"

namespace reader::tools::ingest {

PageContent extractText(std::string_view utf8, const ExtractOptions& options);

}  // namespace reader::tools::ingest
