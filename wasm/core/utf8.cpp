// UTF-8 decoding, encoding and validation (RFC 3629) (utf8.h).
#include "utf8.h"

namespace reader::core::utf8 {

namespace {

// Length of a well-formed sequence at text[pos], or 0 (RFC 3629: no overlongs, no surrogates,
// nothing above U+10FFFF).
size_t validLength(std::string_view text, size_t pos) {
    const auto byte = [&](size_t i) { return static_cast<unsigned char>(text[pos + i]); };
    const size_t left = text.size() - pos;
    const unsigned char b0 = byte(0);
    if (b0 < 0x80) return 1;
    const auto cont = [&](size_t i) { return i < left && (byte(i) & 0xC0) == 0x80; };
    if (b0 >= 0xC2 && b0 <= 0xDF) return cont(1) ? 2 : 0;
    if (b0 >= 0xE0 && b0 <= 0xEF) {
        if (left < 2) return 0;
        const unsigned char b1 = byte(1);
        if (b0 == 0xE0 && b1 < 0xA0) return 0;  // overlong
        if (b0 == 0xED && b1 > 0x9F) return 0;  // surrogate
        return cont(1) && cont(2) ? 3 : 0;
    }
    if (b0 >= 0xF0 && b0 <= 0xF4) {
        if (left < 2) return 0;
        const unsigned char b1 = byte(1);
        if (b0 == 0xF0 && b1 < 0x90) return 0;  // overlong
        if (b0 == 0xF4 && b1 > 0x8F) return 0;  // above U+10FFFF
        return cont(1) && cont(2) && cont(3) ? 4 : 0;
    }
    return 0;
}

}  // namespace

char32_t next(std::string_view text, size_t& pos) {
    const size_t len = validLength(text, pos);
    if (len == 0) {
        ++pos;
        return kReplacement;
    }
    const auto b = [&](size_t i) { return static_cast<char32_t>(static_cast<unsigned char>(text[pos + i])); };
    char32_t cp = 0;
    switch (len) {
        case 1: cp = b(0); break;
        case 2: cp = ((b(0) & 0x1F) << 6) | (b(1) & 0x3F); break;
        case 3: cp = ((b(0) & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F); break;
        default: cp = ((b(0) & 0x07) << 18) | ((b(1) & 0x3F) << 12) | ((b(2) & 0x3F) << 6) | (b(3) & 0x3F); break;
    }
    pos += len;
    return cp;
}

std::vector<CodePoint> decode(std::string_view text) {
    std::vector<CodePoint> out;
    out.reserve(text.size() / 2);
    for (size_t pos = 0; pos < text.size();) {
        const size_t start = pos;
        const char32_t cp = next(text, pos);
        out.push_back({cp, start});
    }
    return out;
}

void append(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

std::string_view prefix(std::string_view text, size_t codePoints) {
    size_t pos = 0;
    for (size_t n = 0; n < codePoints && pos < text.size(); ++n) next(text, pos);
    return text.substr(0, pos);
}

size_t firstInvalid(std::string_view text) {
    for (size_t pos = 0; pos < text.size();) {
        const size_t len = validLength(text, pos);
        if (len == 0) return pos;
        pos += len;
    }
    return std::string_view::npos;
}

}  // namespace reader::core::utf8
