#include "line_breaker.h"

#include <string_view>

namespace reader::core {

namespace {

enum class BreakClass { Ideographic, Open, Close, Space, Dash, Word };

bool among(char32_t cp, std::u32string_view set) { return set.find(cp) != std::u32string_view::npos; }

BreakClass classify(char32_t cp) {
    // Closing punctuation, full stops, commas and the like: never start a line.
    if (among(cp, U")]}>,.:;?!%、。，．：；？！）〕］｝〉》」』】〙〗〞〟’”…‥・·ゝゞ々〻ーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ％")) {
        return BreakClass::Close;
    }
    // Opening punctuation: never ends a line.
    if (among(cp, U"([{<（〔［｛〈《「『【〘〖〝‘“＄￥$")) return BreakClass::Open;
    if (cp == U' ' || cp == U'\t' || cp == 0x3000) return BreakClass::Space;
    if (cp == 0x2014 || cp == 0x2015 || cp == 0x2E3A) return BreakClass::Dash;  // — ― ⸺
    const bool han = (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
                     (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x3FFFF);
    const bool kanaHangul = (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0xAC00 && cp <= 0xD7AF);
    const bool fullwidth = (cp >= 0xFF01 && cp <= 0xFF5E) || (cp >= 0x3000 && cp <= 0x303F);
    if (han || kanaHangul || fullwidth) return BreakClass::Ideographic;
    return BreakClass::Word;
}

bool isAsciiLetter(char32_t cp) { return (cp >= U'a' && cp <= U'z') || (cp >= U'A' && cp <= U'Z'); }

bool isWordChar(char32_t cp) { return classify(cp) == BreakClass::Word; }

// A '(' that opens a pinyin annotation right after the character it reads: 年(nián).
bool opensAnnotation(const std::vector<utf8::CodePoint>& text, size_t i) {
    const char32_t cp = text[i].value;
    if (cp != U'(' && cp != U'（') return false;
    if (i == 0 || classify(text[i - 1].value) != BreakClass::Ideographic) return false;
    if (i + 1 >= text.size()) return false;
    const char32_t first = text[i + 1].value;
    return isAsciiLetter(first) || (first >= 0xC0 && first <= 0x24F);  // Latin letters, with tone marks
}

bool breakBefore(const std::vector<utf8::CodePoint>& text, size_t i) {
    const char32_t prevCp = text[i - 1].value;
    const char32_t cp = text[i].value;
    const BreakClass prev = classify(prevCp);
    const BreakClass cur = classify(cp);
    if (cur == BreakClass::Close || cur == BreakClass::Space) return false;
    if (prev == BreakClass::Open) return false;
    if (prev == BreakClass::Space) return true;
    if (opensAnnotation(text, i)) return false;
    if (prev == BreakClass::Dash && cur == BreakClass::Dash) return false;
    // ASCII ',' '.' ':' inside a number or a word (3.14, 12:30, a.b) glue both sides.
    if (prev == BreakClass::Close && prevCp < 0x80 && i >= 2 && isWordChar(text[i - 2].value) && isWordChar(cp)) {
        return false;
    }
    if (prev == BreakClass::Ideographic || cur == BreakClass::Ideographic) return true;
    if (prev == BreakClass::Close || prev == BreakClass::Dash) return true;
    if (cur == BreakClass::Open || cur == BreakClass::Dash) return true;
    return false;  // inside a Latin word, a number or a phone number
}

}  // namespace

std::vector<bool> LineBreaker::opportunities(const std::vector<utf8::CodePoint>& text) {
    std::vector<bool> allowed(text.size(), false);
    for (size_t i = 1; i < text.size(); ++i) allowed[i] = breakBefore(text, i);
    return allowed;
}

}  // namespace reader::core
