// LineBreaker: UAX #14 through libunibreak, tailored as LineBreakTest.txt expects, plus the Chinese rules.
#include "line_breaker.h"

#include <algorithm>
#include <initializer_list>
#include <iterator>
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

void tailorAsTheStandardTest(const std::vector<utf32_t>& cps, const char* language, std::vector<bool>& allowed);

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
    tailorAsTheStandardTest(cps, language, out.allowed);
    return out;
}

// [SECTION] LB25 as a regular expression, LB30b for unassigned pictographs
//
// libunibreak 6.1 applies LB25 as UAX #14 lists it, pairs of classes (NU × NU, IS × NU, SY × NU,
// PR × OP, CL × PO, ...) wherever they meet. LineBreakTest.txt assumes the tailoring of UAX #14's
// Example 7 instead, as ICU does: no break inside a match of
//     (PR | PO)? (OP | HY)? NU (NU | SY | IS)* (CL | CP)? (PR | PO)?
// and those pairs mean nothing outside one, so `a.2` may break after the stop, `}%` before the
// percent sign, `$(` after the dollar sign, while 3.15, 3/15, (12)% and $-5 stay whole.

// A code point with the combining marks after it (LB9: X CM* is treated as X).
struct ClassItem {
    LineBreakClass cls;
    char32_t base;
    size_t begin;            // code-point index of the base
    bool endsWithZwj;        // LB8a: no break after a zero-width joiner
};

std::vector<ClassItem> classItems(const std::vector<utf32_t>& cps, const char* language) {
    std::vector<ClassItem> items;
    if (cps.empty()) return items;
    LineBreakContext context;
    lb_init_break_context(&context, cps.front(), language);
    for (size_t i = 0; i < cps.size(); ++i) {
        const LineBreakClass cls = lb_get_char_class(&context, cps[i]);
        const bool combining = cls == LBP_CM || cls == LBP_ZWJ;
        const auto absorbs = [](LineBreakClass c) {  // LB9: all but BK, CR, LF, NL, SP, ZW
            return c != LBP_BK && c != LBP_CR && c != LBP_LF && c != LBP_NL && c != LBP_SP && c != LBP_ZW;
        };
        if (combining && !items.empty() && absorbs(items.back().cls)) {
            items.back().endsWithZwj = cls == LBP_ZWJ;
            continue;
        }
        items.push_back({cls, static_cast<char32_t>(cps[i]), i, cls == LBP_ZWJ});
    }
    return items;
}

bool isOneOf(LineBreakClass cls, std::initializer_list<LineBreakClass> set) {
    return std::find(set.begin(), set.end(), cls) != set.end();
}

// Items [k, end) of the longest match of Example 7's expression starting at item k; k when none.
size_t numberEnd(const std::vector<ClassItem>& items, size_t k) {
    const size_t n = items.size();
    size_t j = k;
    const auto take = [&](std::initializer_list<LineBreakClass> set) {
        if (j < n && isOneOf(items[j].cls, set)) ++j;
    };
    take({LBP_PR, LBP_PO});
    take({LBP_OP, LBP_HY});
    if (j >= n || items[j].cls != LBP_NU) return k;
    ++j;
    while (j < n && isOneOf(items[j].cls, {LBP_NU, LBP_SY, LBP_IS})) ++j;
    take({LBP_CL, LBP_CP});
    take({LBP_PR, LBP_PO});
    return j;
}

// UAX #14's LB25 pairs: no break between them inside a number (and, under the tailoring, only there).
bool isNumberPair(LineBreakClass before, LineBreakClass after) {
    switch (after) {
        case LBP_PO:
        case LBP_PR: return isOneOf(before, {LBP_CL, LBP_CP, LBP_NU});
        case LBP_OP: return isOneOf(before, {LBP_PO, LBP_PR});
        case LBP_NU: return isOneOf(before, {LBP_PO, LBP_PR, LBP_HY, LBP_IS, LBP_NU, LBP_SY});
        default: return false;
    }
}

// Unicode 15.0's [\p{Extended_Pictographic} & \p{Cn}] (emoji-data.txt, UnicodeData.txt): LB30b keeps
// an emoji modifier on them as on an emoji base. libunibreak reads them as ID.
constexpr std::pair<char32_t, char32_t> kUnassignedPictographic[] = {
    {0x1F02C, 0x1F02F}, {0x1F094, 0x1F09F}, {0x1F0AF, 0x1F0B0}, {0x1F0C0, 0x1F0C0}, {0x1F0D0, 0x1F0D0},
    {0x1F0F6, 0x1F0FF}, {0x1F1AE, 0x1F1E5}, {0x1F203, 0x1F20F}, {0x1F23C, 0x1F23F}, {0x1F249, 0x1F24F},
    {0x1F252, 0x1F25F}, {0x1F266, 0x1F2FF}, {0x1F6D8, 0x1F6DB}, {0x1F6ED, 0x1F6EF}, {0x1F6FD, 0x1F6FF},
    {0x1F777, 0x1F77A}, {0x1F7DA, 0x1F7DF}, {0x1F7EC, 0x1F7EF}, {0x1F7F1, 0x1F7FF}, {0x1F80C, 0x1F80F},
    {0x1F848, 0x1F84F}, {0x1F85A, 0x1F85F}, {0x1F888, 0x1F88F}, {0x1F8AE, 0x1F8AF}, {0x1F8B2, 0x1F8FF},
    {0x1FA54, 0x1FA5F}, {0x1FA6E, 0x1FA6F}, {0x1FA7D, 0x1FA7F}, {0x1FA89, 0x1FA8F}, {0x1FABE, 0x1FABE},
    {0x1FAC6, 0x1FACD}, {0x1FADC, 0x1FADF}, {0x1FAE9, 0x1FAEF}, {0x1FAF9, 0x1FAFF}, {0x1FC00, 0x1FFFD}};

bool isUnassignedPictographic(char32_t cp) {
    return std::any_of(std::begin(kUnassignedPictographic), std::end(kUnassignedPictographic),
                       [cp](const auto& range) { return cp >= range.first && cp <= range.second; });
}

void tailorAsTheStandardTest(const std::vector<utf32_t>& cps, const char* language, std::vector<bool>& allowed) {
    const std::vector<ClassItem> items = classItems(cps, language);
    std::vector<bool> inNumber(items.size(), false);  // inNumber[k]: items k-1 and k are in one match
    for (size_t k = 0; k < items.size();) {
        const size_t end = numberEnd(items, k);
        std::fill(inNumber.begin() + static_cast<std::ptrdiff_t>(std::min(k + 1, end)),
                  inNumber.begin() + static_cast<std::ptrdiff_t>(end), true);
        k = end > k + 1 ? end - 1 : k + 1;  // a number's closing PR or PO may open the next one
    }
    for (size_t k = 1; k < items.size(); ++k) {
        const ClassItem& before = items[k - 1];
        const ClassItem& after = items[k];
        if (!inNumber[k] && !before.endsWithZwj && isNumberPair(before.cls, after.cls)) allowed[after.begin] = true;
        if (after.cls == LBP_EM && isUnassignedPictographic(before.base)) allowed[after.begin] = false;
    }
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

// Digits joined by one of these stay one number: 3·15 (the consumer-rights day), 3•15. UAX #14
// makes · an ideograph under "zh" and • a break-after; 3/15, 3-15 and 3.15 it keeps whole itself.
constexpr std::u32string_view kNumberJoiners = U"·•‧・･∙";

bool isDigit(char32_t cp) { return (cp >= U'0' && cp <= U'9') || (cp >= U'０' && cp <= U'９'); }

// [SECTION] URLs: whole, or cut before a slash as a last resort

bool startsWithAscii(const std::vector<utf8::CodePoint>& text, size_t at, std::string_view prefix) {
    if (at + prefix.size() > text.size()) return false;
    for (size_t i = 0; i < prefix.size(); ++i) {
        char32_t cp = text[at + i].value;
        if (cp >= U'A' && cp <= U'Z') cp += U'a' - U'A';
        if (cp != static_cast<unsigned char>(prefix[i])) return false;
    }
    return true;
}

bool isAsciiAlnum(char32_t cp) {
    return (cp >= U'0' && cp <= U'9') || (cp >= U'a' && cp <= U'z') || (cp >= U'A' && cp <= U'Z');
}

// What may be inside a URL (RFC 3986's characters, and % escapes): no space, no quote, no non-ASCII.
bool isUrlChar(char32_t cp) {
    return cp > U' ' && cp < 0x7F && std::u32string_view(U"\"<>\\^`{|}").find(cp) == std::u32string_view::npos;
}

// [begin, end) of every URL: from http://, https://, ftp:// or www. at the start of a word to the
// last URL character, without the punctuation that ends a sentence or closes a bracket around it.
std::vector<LineBreaker::Range> findUrls(const std::vector<utf8::CodePoint>& text) {
    std::vector<LineBreaker::Range> urls;
    for (size_t i = 0; i < text.size(); ++i) {
        if (i > 0 && isAsciiAlnum(text[i - 1].value)) continue;
        if (!startsWithAscii(text, i, "http://") && !startsWithAscii(text, i, "https://") &&
            !startsWithAscii(text, i, "ftp://") && !startsWithAscii(text, i, "www.")) {
            continue;
        }
        size_t end = i;
        while (end < text.size() && isUrlChar(text[end].value)) ++end;
        while (end > i && std::u32string_view(U".,:;!?')]").find(text[end - 1].value) != std::u32string_view::npos) --end;
        urls.emplace_back(i, end);
        i = end;
    }
    return urls;
}

// A slash that starts a path segment: not one of the two after a scheme's colon.
bool isPathSlash(const std::vector<utf8::CodePoint>& text, size_t i, const LineBreaker::Range& url) {
    return text[i].value == U'/' && text[i - 1].value != U'/' && (i + 1 >= url.second || text[i + 1].value != U'/');
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
        if (among(cur, kNumberJoiners) && isDigit(prev) && i + 1 < n && isDigit(text[i + 1].value)) {
            allowed[i] = allowed[i + 1] = false;
        }
    }
    for (const auto& [begin, end] : findUrls(text)) std::fill(allowed.begin() + begin + 1, allowed.begin() + end, false);
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

std::vector<bool> LineBreaker::urlBreaks(const std::vector<utf8::CodePoint>& text) {
    std::vector<bool> out(text.size(), false);
    for (const Range& url : findUrls(text)) {
        for (size_t i = url.first + 1; i < url.second; ++i) out[i] = isPathSlash(text, i, url);
    }
    return out;
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
