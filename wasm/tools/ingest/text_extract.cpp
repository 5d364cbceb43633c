#include "text_extract.h"

#include "page_assembler.h"
#include "text_util.h"

namespace reader::tools::ingest {

PageContent extractText(std::string_view utf8, const ExtractOptions& options) {
    std::vector<PageLine> lines;
    size_t start = 0;
    while (start <= utf8.size()) {
        const size_t end = std::min(utf8.find('\n', start), utf8.size());
        PageLine line;
        line.text = trimLayoutSpace(utf8.substr(start, end - start));  // also drops a '\r' before '\n'
        if (!line.text.empty()) lines.push_back(std::move(line));
        start = end + 1;
    }
    return assemblePage(std::move(lines), PageHints{}, options);
}

}  // namespace reader::tools::ingest
