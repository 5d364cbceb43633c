// PageAssembler: a page's lines and hints -> PageContent. Decides which line is the title, the
// publish time, the source, the breadcrumb and the site's footer facts, and which lines are the
// body; the same for HTML and plain-text captures.
#pragma once

#include <vector>

#include "page_content.h"

namespace reader::tools::ingest {

// When no line is marked inBody (plain text, or HTML without a clear container), the body is the
// run of consecutive plain lines holding the most Chinese text.
PageContent assemblePage(std::vector<PageLine> lines, const PageHints& hints, const ExtractOptions& options);

}  // namespace reader::tools::ingest
