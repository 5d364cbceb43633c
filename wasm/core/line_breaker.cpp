#include "line_breaker.h"

#include <algorithm>
#include <string_view>

#include <linebreak.h>
extern "C" {
#include <linebreakdef.h>  // the class of one code point (lb_get_char_class); a C header without extern "C"
}

namespace reader::core {

namespace {

// libunibreak's language tags. "zh": ambiguous characters (AI) are ideographs and the curly quotes
// ‘“ open, ’” close. "-strict": conditional Japanese starters (CJ: small kana, ー) never start a line,
// as Chinese typesetting wants. With no language, "-strict" alone gives the default algorithm:
// LB1 resolves CJ to NS, which is what LineBreakTest.txt expects (libunibreak's own test uses it).
constexpr const char* kChinese = "zh-strict";
constexpr const char* kStandard = "-strict";

// [SECTION] UAX #14 through libunibreak

struct Uax14Breaks {
    std::vector<bool> allowed;    // same convention as LineBreaker::opportunities
    std::vector<bool> mandatory;  // after a hard line break (UAX #14 classes BK, CR, LF, NL)
};

// Code points are passed as they are; libunibreak reads no locale, and its results (0..4) are the
// same whether char is signed or not, so the native and the web build agree.
template <typename Map>
Uax14Breaks uax14(const std::vector<utf8::CodePoint>& text, const char* language, Map map) {
    const size_t n = text.size();
    Uax14Breaks out{std::vector<bool>(n, false), std::vector<bool>(n, false)};
    if (n == 0) return out;
    std::vector<utf32_t> cps(n);
    for (size_t i = 0; i < n; ++i) cps[i] = static_cast<utf32_t>(map(text[i].value));
    std::vector<char> brks(n);  // brks[i]: the break after cps[i]
    set_linebreaks_utf32(cps.data(), n, language, brks.data());
    for (size_t i = 1; i < n; ++i) {
        out.mandatory[i] = brks[i - 1] == LINEBREAK_MUSTBREAK;
        out.allowed[i] = out.mandatory[i] || brks[i - 1] == LINEBREAK_ALLOWBREAK;
    }
    return out;
}

// [SECTION] Chinese rules

bool among(char32_t cp, std::u32string_view set) { return set.find(cp) != std::u32string_view::npos; }

// Never start a line. UAX #14 already keeps most of these off a line's start, but not · ﹑ ～ (ID
// under "zh"), and not ；：…％ after a space (LB18 comes before LB21/22); this list is the rule.
constexpr std::u32string_view kClosing =
    U"，。、；：？！）］｝〕〉》」』】〗〙〛〞〟’”．％…‥⋯·‧・･～〜"
    U"﹐﹑﹒﹔﹕﹖﹗﹚﹜﹞｡､｣°℃‰"
    U")]},.:;?!%";
// Never end a line.
constexpr std::u32string_view kOpening = U"（［｛〔〈《「『【〖〘〚〝‘“﹙﹛﹝｢([{";
// A pair of dashes is one punctuation mark (——, ――); ⸺ ⸻ are the two- and three-em forms. UAX #14
// keeps —— (B2 × B2) but not ―― (AI, an ideograph under "zh").
constexpr std::u32string_view kDashes = U"—―⸺⸻";

// Full-width digits, Latin letters, hyphen-minus and full stop are ID to UAX #14 (a break between
// every two); given to it as their ASCII forms, ２０２３ and ０４７１－６９２０００７ stay whole like 2023.
char32_t fullWidthAsAscii(char32_t cp) {
    constexpr char32_t kOffset = 0xFEE0;  // U+FF01..U+FF5E - U+0021..U+007E
    const bool digit = cp >= U'０' && cp <= U'９';
    const bool letter = (cp >= U'Ａ' && cp <= U'Ｚ') || (cp >= U'ａ' && cp <= U'ｚ');
    if (digit || letter || cp == U'－' || cp == U'．') return cp - kOffset;
    return cp;
}

// [SECTION] Ruby units without the RubyParser

bool isHan(char32_t cp) {
    return (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
           (cp >= 0x20000 && cp <= 0x3FFFF) || cp == U'〇';
}

// Letters of a romanised reading: ASCII and Latin-1 to Latin Extended-B (ā á ǎ à ü ǖ ...).
bool isLatinLetter(char32_t cp) {
    if ((cp >= U'a' && cp <= U'z') || (cp >= U'A' && cp <= U'Z')) return true;
    return cp >= 0xC0 && cp <= 0x24F && cp != U'×' && cp != U'÷';
}

// Inside a reading: letters, combining tone marks, tone numbers (ni2), syllable separators.
bool isReadingChar(char32_t cp) {
    return isLatinLetter(cp) || (cp >= 0x300 && cp <= 0x36F) || (cp >= U'0' && cp <= U'5') || cp == U' ' ||
           cp == U'\'' || cp == U'’';
}

// 年(nián), 第一(dì yī), 一（yī）: the Han characters (one per syllable, as many as there are before
// the parenthesis) and the parenthesised reading. An unclosed reading glues its base to the '('.
std::vector<LineBreaker::Range> guessRubyUnits(const std::vector<utf8::CodePoint>& text) {
    std::vector<LineBreaker::Range> units;
    const size_t n = text.size();
    for (size_t open = 1; open + 1 < n; ++open) {
        const char32_t cp = text[open].value;
        if ((cp != U'(' && cp != U'（') || !isHan(text[open - 1].value) || !isLatinLetter(text[open + 1].value)) {
            continue;
        }
        size_t close = open + 1;
        size_t syllables = 1;
        for (; close < n && isReadingChar(text[close].value); ++close) {
            if (text[close].value == U' ' && close + 1 < n && isLatinLetter(text[close + 1].value)) ++syllables;
        }
        const bool closed = close < n && (text[close].value == U')' || text[close].value == U'）');
        size_t begin = open - 1;
        while (begin > 0 && open - begin < syllables && isHan(text[begin - 1].value)) --begin;
        const size_t end = closed ? close + 1 : open + 1;
        units.emplace_back(begin, end);
        open = end - 1;
    }
    return units;
}

}  // namespace

// [SECTION] LineBreaker

std::vector<bool> LineBreaker::opportunities(const std::vector<utf8::CodePoint>& text,
                                             const std::vector<Range>* glued) {
    Uax14Breaks breaks = uax14(text, kChinese, fullWidthAsAscii);
    std::vector<bool>& allowed = breaks.allowed;
    const size_t n = text.size();
    for (size_t i = 1; i < n; ++i) {
        const char32_t prev = text[i - 1].value;
        const char32_t cur = text[i].value;
        if (among(cur, kClosing) || among(prev, kOpening)) allowed[i] = false;
        if (among(prev, kDashes) && among(cur, kDashes)) allowed[i] = false;
    }
    const std::vector<Range> guessed = glued ? std::vector<Range>{} : guessRubyUnits(text);
    for (const auto& [begin, end] : glued ? *glued : guessed) {
        for (size_t i = std::max<size_t>(begin + 1, 1); i < std::min(end, n); ++i) allowed[i] = false;
    }
    // A hard line break stays one, whatever the rules above say.
    for (size_t i = 1; i < n; ++i) {
        if (breaks.mandatory[i]) allowed[i] = true;
    }
    return allowed;
}

std::vector<bool> LineBreaker::standardOpportunities(const std::vector<utf8::CodePoint>& text) {
    return uax14(text, kStandard, [](char32_t cp) { return cp; }).allowed;
}

const char* breakClassName(char32_t cp) {
    // In the order of libunibreak's enum LineBreakClass (linebreakdef.h).
    static constexpr const char* kNames[] = {
        "??", "OP", "CL", "CP", "QU", "GL", "NS", "EX", "SY", "IS", "PR", "PO", "NU", "AL", "HL", "ID", "IN",
        "HY", "BA", "BB", "B2", "ZW", "CM", "WJ", "H2", "H3", "JL", "JV", "JT", "RI", "EB", "EM", "ZWJ", "CB",
        "AI", "BK", "CJ", "CR", "LF", "NL", "SA", "SG", "SP", "XX"};
    static_assert(sizeof kNames / sizeof kNames[0] == LBP_XX + 1);
    const utf32_t ch = static_cast<utf32_t>(fullWidthAsAscii(cp));
    LineBreakContext context;
    lb_init_break_context(&context, ch, kChinese);
    return kNames[lb_get_char_class(&context, ch)];
}

}  // namespace reader::core
