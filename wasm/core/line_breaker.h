// LineBreaker: where a line may break in a paragraph. The classes and the algorithm are Unicode's
// UAX #14 (libunibreak 6.1, Unicode 15.0 data); Chinese rules go on top: never before closing
// punctuation (，。、）」 … ·) or after opening punctuation, no split inside a dash pair (—— ――),
// full-width digits and letters stay whole like ASCII ones (２０２３年), digits joined by a middle dot
// or a bullet stay whole (3·15, 3•15), a URL stays whole (urlBreaks() gives where it may be cut when
// it does not fit on a line of its own: before a slash), and never inside a ruby unit (年(nián) stays
// whole, although UAX #14 allows a break before its '(').
// Numbers follow the tailoring of LB25 that Unicode's LineBreakTest.txt assumes (UAX #14, Example 7),
// in both the reader's breaks and the standard ones.
#pragma once

#include <cstddef>
#include <utility>
#include <vector>

#include "utf8.h"

namespace reader::core {

class LineBreaker {
public:
    // A [begin, end) range of code-point indices inside which no line may break.
    using Range = std::pair<size_t, size_t>;

    // allowed[i] is true when a line may start at text[i]; allowed[0] is always false.
    // glued: ruby units (base and reading) as the RubyParser found them. Without it, a Han character
    // (or as many as the reading has syllables) followed by a parenthesised Latin reading, as in
    // 年(nián) or 第一(dì yī), is glued by a simple heuristic; with it (even empty), only the given
    // ranges are.
    static std::vector<bool> opportunities(const std::vector<utf8::CodePoint>& text,
                                           const std::vector<Range>* glued = nullptr);

    // out[i]: a URL may be cut before text[i] (a slash that starts a path segment), where
    // opportunities() gives none; for a URL that does not fit on a line of its own.
    static std::vector<bool> urlBreaks(const std::vector<utf8::CodePoint>& text);

    // The UAX #14 breaks without the Chinese rules (what Unicode's LineBreakTest.txt expects), same convention:
    // for holding the breaker against the standard, not for laying out Chinese text.
    static std::vector<bool> standardOpportunities(const std::vector<utf8::CodePoint>& text);
};

// The UAX #14 class libunibreak gives a code point under the reader's tailoring (language
// "zh-strict", full-width digits and letters read as ASCII), by its name in UAX #14: "ID", "CL",
// "AL", ... (before resolution: AI, CJ, SA stay as they are). For the layout overlay.
const char* breakClassName(char32_t cp);

}  // namespace reader::core
