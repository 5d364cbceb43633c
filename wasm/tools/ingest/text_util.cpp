#include "text_util.h"

#include "core/utf8.h"

namespace reader::tools::ingest {

namespace {

// Letters pinyin uses beyond ASCII: the four tones on each vowel, ü and its tones, ê, ḿ ń ň ǹ.
constexpr std::u32string_view kToneLetters = U"āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêḿńňǹĀÁǍÀĒÉĚÈĪÍǏÌŌÓǑÒŪÚǓÙǕǗǙǛÜÊ";

bool isPinyinLetter(char32_t c) {
    return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') || kToneLetters.find(c) != std::u32string_view::npos;
}

}  // namespace

std::u32string toU32(std::string_view utf8) {
    std::u32string out;
    out.reserve(utf8.size());
    for (size_t pos = 0; pos < utf8.size();) out.push_back(core::utf8::next(utf8, pos));
    return out;
}

std::string toUtf8(std::u32string_view text) {
    std::string out;
    out.reserve(text.size() * 3);
    for (const char32_t c : text) core::utf8::append(out, c);
    return out;
}

bool isHan(char32_t c) {
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x20000 && c <= 0x3134F) ||
           (c >= 0xF900 && c <= 0xFAFF);
}

bool isLayoutSpace(char32_t c) {
    return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == U'\f' || c == 0x00A0 || c == 0x3000;
}

bool isSentenceEnd(char32_t c) {
    return std::u32string_view(U"。！？!?…；;：:”」』\"").find(c) != std::u32string_view::npos;
}

size_t countHan(std::string_view text) {
    size_t count = 0;
    for (size_t pos = 0; pos < text.size();) count += isHan(core::utf8::next(text, pos)) ? 1 : 0;
    return count;
}

size_t countCodePoints(std::string_view text) {
    size_t count = 0;
    for (size_t pos = 0; pos < text.size(); ++count) core::utf8::next(text, pos);
    return count;
}

std::u32string trimLayoutSpace(std::u32string_view text) {
    size_t begin = 0, end = text.size();
    while (begin < end && isLayoutSpace(text[begin])) ++begin;
    while (end > begin && isLayoutSpace(text[end - 1])) --end;
    return std::u32string(text.substr(begin, end - begin));
}

std::string trimLayoutSpace(std::string_view text) { return toUtf8(trimLayoutSpace(toU32(text))); }

std::string stripPinyin(std::string_view text) {
    const std::u32string in = toU32(text);
    std::u32string out;
    for (size_t i = 0; i < in.size(); ++i) {
        const bool opens = in[i] == U'(' || in[i] == U'（';
        if (opens && i > 0 && isHan(in[i - 1])) {
            size_t j = i + 1;
            while (j < in.size() && isPinyinLetter(in[j])) ++j;
            if (j > i + 1 && j < in.size() && (in[j] == U')' || in[j] == U'）')) {
                i = j;
                continue;
            }
        }
        out.push_back(in[i]);
    }
    return toUtf8(out);
}

std::u32string plainSpaces(std::u32string_view text) {
    std::u32string out(text);
    for (char32_t& c : out) {
        if (isLayoutSpace(c)) c = U' ';
    }
    return out;
}

}  // namespace reader::tools::ingest
