// One saved page, bytes in, PageContent out: decode (encoding.h), then read it as HTML or, when
// there are no tags in its first kilobyte, as a plain-text capture.
#pragma once

#include <string_view>

#include "encoding.h"
#include "page_content.h"

namespace reader::tools::ingest {

struct ReadPage {
    PageContent content;
    DecodedText decoded;
    bool html = false;
};

// A tag ("<p", "</", "<!DOCTYPE") in the first kilobyte.
bool looksLikeHtml(std::string_view utf8);

ReadPage readPage(std::string_view bytes, const ExtractOptions& options);

}  // namespace reader::tools::ingest
