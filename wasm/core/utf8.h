// UTF-8 helpers shared by the loader, the line breaker and the layout.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace reader::core::utf8 {

inline constexpr char32_t kReplacement = 0xFFFD;

// Decodes the code point starting at text[pos] and advances pos past it. Invalid or truncated
// sequences decode to U+FFFD and advance by one byte, so a loop over any bytes always ends.
char32_t next(std::string_view text, size_t& pos);

// Whole-string decode; each code point remembers the byte offset it started at.
struct CodePoint {
    char32_t value;
    size_t byteOffset;
};
std::vector<CodePoint> decode(std::string_view text);

void append(std::string& out, char32_t cp);

// The first `codePoints` code points of the text (all of it when it has no more), cut between code points.
std::string_view prefix(std::string_view text, size_t codePoints);

// Byte offset of the first invalid sequence, or npos when the text is valid UTF-8.
size_t firstInvalid(std::string_view text);

}  // namespace reader::core::utf8
