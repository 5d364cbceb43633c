// Fuzz target `ingest`: reader-tool ingest's page reader (encoding detection and conversion, gumbo's
// HTML parse, extraction) on any bytes. Inputs are cut at 32 KiB: gumbo itself is slow on very deep
// nesting (docs/fuzzing.md), which is not what this target looks for. Checks, besides no crash, hang
// or sanitizer report: everything extracted is valid UTF-8, no paragraph is empty, the blocks cover
// the texts in order and every link lies inside its text.
#include "fuzz_target.h"

#include "core/utf8.h"
#include "ingest/page_reader.h"

#include <algorithm>
#include <string>

namespace {

bool validUtf8(std::string_view text) { return reader::core::utf8::firstInvalid(text) == std::string_view::npos; }

}  // namespace

int reader::fuzz::fuzzOne(const uint8_t* data, size_t size) {
    namespace ingest = reader::tools::ingest;
    const std::string_view bytes(reinterpret_cast<const char*>(data), std::min<size_t>(size, 32 * 1024));
    const ingest::ReadPage page = ingest::readPage(bytes, ingest::ExtractOptions{});
    const ingest::PageContent& content = page.content;
    FUZZ_CHECK(validUtf8(content.title));
    FUZZ_CHECK(validUtf8(content.source));
    FUZZ_CHECK(validUtf8(content.categoryName));
    FUZZ_CHECK(validUtf8(content.address));
    for (const std::string& text : content.body) FUZZ_CHECK(validUtf8(text));
    // Blocks (format 1.2) cover the texts in order, each once; a paragraph is never empty (a
    // table's cell may be); a link lies inside its text.
    size_t next = 0;
    for (const reader::core::Block& block : content.blocks) {
        FUZZ_CHECK(block.firstText == next);
        next += block.textCount;
        if (block.kind == reader::core::BlockKind::paragraph) FUZZ_CHECK(block.textCount == 1 && !content.body[block.firstText].empty());
    }
    FUZZ_CHECK(content.blocks.empty() ? std::none_of(content.body.begin(), content.body.end(), [](const std::string& t) { return t.empty(); })
                                      : next == content.body.size());
    for (const reader::core::InlineMark& mark : content.marks) {
        FUZZ_CHECK(mark.text < content.body.size() && mark.begin < mark.end && mark.end <= content.body[mark.text].size());
    }
    return 0;
}
