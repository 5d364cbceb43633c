// Excerpts around search hits (search_excerpt.h).
#include "search_excerpt.h"

#include <algorithm>

#include "ruby_parser.h"
#include "utf8.h"

namespace reader::core {

namespace {

// Marks after which an excerpt may start or end: the ends of clauses and sentences, closing
// brackets and quotes, in full and half width, and spaces (Latin text's only boundaries).
bool isCutMark(char32_t cp) {
    switch (cp) {
        case U'，': case U'。': case U'、': case U'；': case U'：': case U'！': case U'？': case U'」': case U'』':
        case U'）': case U'》': case U'〉': case U'】': case U'”': case U'…': case U'．':
        case U',': case U'.': case U';': case U':': case U'!': case U'?': case U')': case U' ': case U'\u3000':
            return true;
        default:
            return false;
    }
}

size_t countCodePoints(std::string_view text) {
    size_t n = 0;
    for (size_t pos = 0; pos < text.size(); ++n) utf8::next(text, pos);
    return n;
}

// strippedToDisplayed of a field already parsed into its runs.
std::vector<size_t> displayedIndices(const std::vector<RubyRun>& runs, RubyMode mode) {
    std::vector<size_t> map;
    size_t displayed = 0;
    for (const RubyRun& run : runs) {
        const size_t base = countCodePoints(run.base);
        for (size_t i = 0; i < base; ++i) map.push_back(displayed + i);
        const bool inlineReading = !run.reading.empty() && mode == RubyMode::Inline;
        displayed += inlineReading ? countCodePoints(run.source) : base;
    }
    map.push_back(displayed);
    return map;
}

// Whether `field` may hold readings (inline after a parenthesis, or structured): else it is shown
// as it is.
bool mayHaveReadings(std::string_view field) {
    return field.find('(') != std::string_view::npos || field.find("\uFF08") != std::string_view::npos ||
           field.find("\uFFF9") != std::string_view::npos;
}

// The code points of a text between two indices (and their bytes), and how many it has in all: an
// excerpt looks at a few dozen around its hit, so a long field is scanned, not stored.
class CodePointWindow {
public:
    CodePointWindow(std::string_view text, size_t first, size_t last) : m_first(first), m_bytes(text.size()) {
        for (size_t pos = 0; pos < text.size(); ++m_count) {
            const size_t start = pos;
            const char32_t cp = utf8::next(text, pos);
            if (m_count >= first && m_count <= last) m_cps.push_back({cp, start});
        }
    }
    size_t size() const { return m_count; }
    char32_t operator[](size_t i) const { return m_cps[i - m_first].value; }  // first <= i <= last, i < size()
    size_t byteAt(size_t i) const { return i < m_count ? m_cps[i - m_first].byteOffset : m_bytes; }

private:
    size_t m_first, m_bytes, m_count = 0;
    std::vector<utf8::CodePoint> m_cps;
};

// The excerpt of displayed text `shown` around the hit at its code points [hitBegin, hitEnd)
// (clamped to the text).
Excerpt cutAround(std::string_view shown, size_t hitBegin, size_t hitEnd, size_t context) {
    const size_t reach = context * 2 / 3;
    const CodePointWindow cps(shown, hitBegin > reach ? hitBegin - reach - 1 : 0, hitEnd + context + context / 4 + 1);
    const size_t n = cps.size();
    if (hitBegin > n) return cutAround(shown, n, n, context);  // offsets past the text (stale): its end, in a window that holds it
    hitEnd = std::clamp(hitEnd, hitBegin, n);
    const auto cutAfter = [&](size_t i) { return i > 0 && isCutMark(cps[i - 1]); };  // a cut may come before i

    // The start: the farthest clause start within two thirds of the context before the hit, else
    // the field's start if that near, else a hard cut a third of the context before the hit.
    size_t begin = hitBegin <= reach ? 0 : hitBegin - context / 3;
    if (hitBegin > reach) {
        for (size_t i = hitBegin - reach; i < hitBegin; ++i) {
            if (cutAfter(i)) {
                begin = i;
                break;
            }
        }
    }
    while (begin < hitBegin && isCutMark(cps[begin])) ++begin;  // never a line starting with ，

    // The end: the last cut mark in reach of what the context has left (a short clause rather than
    // a cut mid-phrase), else the field's end if that near, else the budget.
    const size_t budget = context > hitBegin - begin ? context - (hitBegin - begin) : context / 4;
    size_t end = std::min(n, hitEnd + budget);
    if (n - hitEnd > budget + context / 4) {
        for (size_t i = std::min(n, hitEnd + budget + context / 4); i > hitEnd + budget / 4; --i) {
            if (cutAfter(i)) {
                end = i;
                break;
            }
        }
    } else {
        end = n;
    }

    while (end > hitEnd && (cps[end - 1] == U' ' || cps[end - 1] == U'\u3000')) --end;

    Excerpt out;
    out.text = std::string(shown.substr(cps.byteAt(begin), cps.byteAt(end) - cps.byteAt(begin)));
    out.hitBegin = cps.byteAt(hitBegin) - cps.byteAt(begin);
    out.hitEnd = cps.byteAt(hitEnd) - cps.byteAt(begin);
    out.clippedBefore = begin > 0;
    out.clippedAfter = end < n;
    return out;
}

}  // namespace

std::vector<size_t> strippedToDisplayed(std::string_view field, RubyMode mode) {
    return displayedIndices(RubyParser::parse(field), mode);
}

Excerpt searchExcerpt(std::string_view field, size_t offset, size_t length, RubyMode mode, size_t context) {
    // Without readings shown, the displayed text is the text without annotations (the field itself
    // when it has none), and a hit's offsets are already displayed positions: no runs, no map.
    const bool plain = !mayHaveReadings(field);
    if (mode != RubyMode::Inline || plain) {
        const std::string stripped = plain ? std::string() : RubyParser::strip(field);
        return cutAround(plain ? field : std::string_view(stripped), offset, offset + length, context);
    }
    const std::vector<RubyRun> runs = RubyParser::parse(field);  // once, for the text and its map
    const std::vector<size_t> map = displayedIndices(runs, mode);
    const size_t last = map.size() - 1;
    const size_t hitBegin = map[std::min(offset, last)];
    const size_t hitEnd = length == 0 ? hitBegin : map[std::min(offset + length - 1, last)] + 1;
    return cutAround(displayedText(runs, mode), hitBegin, hitEnd, context);
}

}  // namespace reader::core
