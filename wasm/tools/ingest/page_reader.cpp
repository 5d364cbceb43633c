#include "page_reader.h"

#include <cctype>

#include "html_extract.h"
#include "text_extract.h"

namespace reader::tools::ingest {

namespace {

constexpr size_t kTagScanBytes = 1024;

}  // namespace

bool looksLikeHtml(std::string_view utf8) {
    const std::string_view head = utf8.substr(0, kTagScanBytes);
    for (size_t at = head.find('<'); at != std::string_view::npos && at + 1 < head.size(); at = head.find('<', at + 1)) {
        const unsigned char next = static_cast<unsigned char>(head[at + 1]);
        if (std::isalpha(next) || next == '/' || next == '!' || next == '?') return true;
    }
    return false;
}

ReadPage readPage(std::string_view bytes, const ExtractOptions& options) {
    ReadPage page;
    page.decoded = decodePage(bytes);
    page.html = looksLikeHtml(page.decoded.utf8);
    page.content = page.html ? extractHtml(page.decoded.utf8, options) : extractText(page.decoded.utf8, options);
    return page;
}

}  // namespace reader::tools::ingest
