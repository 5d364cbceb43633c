// Inline marks mapped from stored bytes to displayed code points (inline_spans.h).
#include "inline_spans.h"

#include <algorithm>

#include "ruby_parser.h"
#include "utf8.h"

namespace reader::core {

namespace {

size_t codePoints(std::string_view text) {
    size_t n = 0;
    for (size_t pos = 0; pos < text.size(); ++n) utf8::next(text, pos);
    return n;
}

// Stored byte offset → displayed index, at every boundary a mark can keep: each code point of plain
// text, and only the ends of an annotated unit.
struct Boundary {
    size_t byte;
    size_t displayed;
};

std::vector<Boundary> boundaries(std::string_view source, RubyMode mode) {
    std::vector<Boundary> out{{0, 0}};
    size_t byte = 0, displayed = 0;
    for (const RubyRun& run : RubyParser::parse(source)) {
        if (run.reading.empty()) {
            for (size_t pos = 0; pos < run.source.size();) {
                utf8::next(run.source, pos);
                out.push_back({byte + pos, ++displayed});
            }
        } else {
            displayed += mode == RubyMode::Inline ? codePoints(run.source) : codePoints(run.base);
            out.push_back({byte + run.textBytes(), displayed});
        }
        byte += run.textBytes();
    }
    return out;
}

}  // namespace

std::vector<InlineSpan> inlineSpans(std::string_view source, RubyMode mode, std::span<const InlineMark> marks) {
    std::vector<InlineSpan> spans;
    if (marks.empty()) return spans;
    const std::vector<Boundary> at = boundaries(source, mode);
    for (size_t i = 0; i < marks.size(); ++i) {
        const InlineMark& mark = marks[i];
        // The last boundary at or before the mark's start and the first at or after its end: a unit
        // the mark cuts is taken whole. at[0] is byte 0, so `from` always exists.
        const auto from = std::prev(std::upper_bound(at.begin(), at.end(), mark.begin, [](size_t byte, const Boundary& b) { return byte < b.byte; }));
        const auto to = std::lower_bound(at.begin(), at.end(), mark.end, [](const Boundary& b, size_t byte) { return b.byte < byte; });
        const size_t end = to == at.end() ? at.back().displayed : to->displayed;
        if (from->displayed < end) spans.push_back({from->displayed, end, i});
    }
    return spans;
}

std::vector<std::vector<InlineSpan>> articleInlineSpans(const Article& article, RubyMode mode) {
    std::vector<std::vector<InlineSpan>> out(article.body.size());
    for (size_t i = 0; i < article.marks.size();) {
        const size_t text = article.marks[i].text;
        size_t j = i;
        while (j < article.marks.size() && article.marks[j].text == text) ++j;
        if (text < out.size()) {
            out[text] = inlineSpans(article.body[text], mode, std::span(article.marks).subspan(i, j - i));
            for (InlineSpan& span : out[text]) span.mark += i;
        }
        i = j;
    }
    return out;
}

const InlineSpan* spanAt(std::span<const InlineSpan> spans, size_t index) {
    const auto it = std::upper_bound(spans.begin(), spans.end(), index, [](size_t i, const InlineSpan& s) { return i < s.begin; });
    if (it == spans.begin()) return nullptr;
    const InlineSpan& span = *std::prev(it);
    return index < span.end ? &span : nullptr;
}

}  // namespace reader::core
