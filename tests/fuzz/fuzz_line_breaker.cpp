// Fuzz target `line_breaker`: LineBreaker::opportunities and standardOpportunities on any text,
// with or without ruby units to glue. Input: byte 0 says whether units are given and how many
// (up to 7), two bytes per unit give its start and length; the rest is the text (any bytes).
// Checks, besides no crash, hang or sanitizer report:
// - one answer per code point, never a break before the first;
// - never a break before closing punctuation (，。、；：？！）」』》】 and ')'), after opening
//   punctuation (（「『《【 and '('), or inside a glued unit, unless a hard line break (LF, CR not
//   before LF, VT, FF, NEL, LS, PS) forces it; and always a break after a hard line break;
// - the same answer twice.
#include "fuzz_target.h"

#include "core/line_breaker.h"
#include "core/utf8.h"

#include <string_view>
#include <vector>

namespace {

using reader::core::LineBreaker;
using reader::core::utf8::CodePoint;

constexpr std::u32string_view kClosing = U"，。、；：？！）」』》】)";
constexpr std::u32string_view kOpening = U"（「『《【(";

bool among(char32_t cp, std::u32string_view set) { return set.find(cp) != std::u32string_view::npos; }

// UAX #14 LB4, LB5: a line must break after BK, NL, LF, and CR unless CR LF.
bool hardBreakBefore(const std::vector<CodePoint>& text, size_t i) {
    const char32_t prev = text[i - 1].value;
    if (prev == U'\r') return text[i].value != U'\n';
    return prev == U'\n' || prev == 0x0B || prev == 0x0C || prev == 0x85 || prev == 0x2028 || prev == 0x2029;
}

}  // namespace

int reader::fuzz::fuzzOne(const uint8_t* data, size_t size) {
    FuzzInput input(data, size);
    const uint8_t mode = input.byte();
    const bool useGlue = mode & 0x80;
    std::vector<LineBreaker::Range> glued;
    for (int unit = 0; unit < (mode & 7); ++unit) {
        const size_t begin = input.byte();
        glued.emplace_back(begin, begin + input.byte() % 16);
    }
    const std::vector<CodePoint> text = reader::core::utf8::decode(input.rest());
    const size_t n = text.size();

    const std::vector<bool> allowed = LineBreaker::opportunities(text, useGlue ? &glued : nullptr);
    FUZZ_CHECK(allowed.size() == n);
    FUZZ_CHECK(n == 0 || !allowed[0]);
    for (size_t i = 1; i < n; ++i) {
        const bool forced = hardBreakBefore(text, i);
        if (forced) FUZZ_CHECK(allowed[i]);
        if (among(text[i].value, kClosing) || among(text[i - 1].value, kOpening)) FUZZ_CHECK(!allowed[i] || forced);
        if (!useGlue) continue;
        for (const auto& [begin, end] : glued) {
            if (begin < i && i < end) FUZZ_CHECK(!allowed[i] || forced);
        }
    }
    FUZZ_CHECK(LineBreaker::opportunities(text, useGlue ? &glued : nullptr) == allowed);

    const std::vector<bool> standard = LineBreaker::standardOpportunities(text);
    FUZZ_CHECK(standard.size() == n);
    FUZZ_CHECK(n == 0 || !standard[0]);
    for (size_t i = 1; i < n; ++i) {
        if (hardBreakBefore(text, i)) FUZZ_CHECK(standard[i]);
    }
    return 0;
}
