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
// as it is, and the parser's runs and map (most of an excerpt's cost) are not needed.
bool mayHaveReadings(std::string_view field) {
    return field.find('(') != std::string_view::npos || field.find("\uFF08") != std::string_view::npos ||
           field.find("\uFFF9") != std::string_view::npos;
}

// The excerpt of displayed text `shown` (its code points `cps`) around the hit at code points [hitBegin, hitEnd).
Excerpt cutAround(std::string_view shown, const std::vector<utf8::CodePoint>& cps, size_t hitBegin, size_t hitEnd, size_t context) {
    const size_t n = cps.size();
    const auto cutAfter = [&](size_t i) { return i > 0 && isCutMark(cps[i - 1].value); };  // a cut may come before i

    // The start: the farthest clause start within two thirds of the context before the hit, else
    // the field's start if that near, else a hard cut a third of the context before the hit.
    const size_t reach = context * 2 / 3;
    size_t begin = hitBegin <= reach ? 0 : hitBegin - context / 3;
    if (hitBegin > reach) {
        for (size_t i = hitBegin - reach; i < hitBegin; ++i) {
            if (cutAfter(i)) {
                begin = i;
                break;
            }
        }
    }
    while (begin < hitBegin && isCutMark(cps[begin].value)) ++begin;  // never a line starting with ，

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

    while (end > hitEnd && (cps[end - 1].value == U' ' || cps[end - 1].value == U'\u3000')) --end;

    const auto byteAt = [&](size_t i) { return i < n ? cps[i].byteOffset : shown.size(); };
    Excerpt out;
    out.text = std::string(shown.substr(byteAt(begin), byteAt(end) - byteAt(begin)));
    out.hitBegin = byteAt(hitBegin) - byteAt(begin);
    out.hitEnd = byteAt(hitEnd) - byteAt(begin);
    out.clippedBefore = begin > 0;
    out.clippedAfter = end < n;
    return out;
}

}  // namespace

std::vector<size_t> strippedToDisplayed(std::string_view field, RubyMode mode) {
    return displayedIndices(RubyParser::parse(field), mode);
}

Excerpt searchExcerpt(std::string_view field, size_t offset, size_t length, RubyMode mode, size_t context) {
    if (!mayHaveReadings(field)) {  // displayed as stored: offsets are displayed positions
        const std::vector<utf8::CodePoint> cps = utf8::decode(field);
        const size_t hitBegin = std::min(offset, cps.size());
        return cutAround(field, cps, hitBegin, std::max(hitBegin, std::min(offset + length, cps.size())), context);
    }
    const std::vector<RubyRun> runs = RubyParser::parse(field);  // once, for the text and its map
    const std::string shown = displayedText(runs, mode);
    const std::vector<utf8::CodePoint> cps = utf8::decode(shown);
    const std::vector<size_t> map = displayedIndices(runs, mode);
    const size_t n = cps.size(), last = map.size() - 1;
    const size_t hitBegin = std::min(map[std::min(offset, last)], n);
    const size_t hitEnd = std::max(hitBegin, length == 0 ? hitBegin : std::min(map[std::min(offset + length - 1, last)] + 1, n));
    return cutAround(shown, cps, hitBegin, hitEnd, context);
}

}  // namespace reader::core
