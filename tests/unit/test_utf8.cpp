// UTF-8 helpers: what counts as valid (RFC 3629), and that decoding any bytes always ends.
#include "core/utf8.h"

#include <doctest/doctest.h>

#include <string>
#include <string_view>

namespace utf8 = reader::core::utf8;

TEST_CASE("utf8: valid text of one to four bytes a character decodes with its offsets") {
    const std::string_view text = "a\u00E9\u4E2D\U0001F600";  // a é 中 😀
    CHECK(utf8::firstInvalid(text) == std::string_view::npos);
    const auto points = utf8::decode(text);
    REQUIRE(points.size() == 4);
    CHECK(points[0].value == U'a');
    CHECK(points[1].value == U'\u00E9');
    CHECK(points[2].value == U'\u4E2D');
    CHECK(points[3].value == U'\U0001F600');
    CHECK(points[0].byteOffset == 0);
    CHECK(points[1].byteOffset == 1);
    CHECK(points[2].byteOffset == 3);
    CHECK(points[3].byteOffset == 6);
}

TEST_CASE("utf8: append encodes what decode reads") {
    std::string out;
    for (const char32_t cp : {U'a', U'\u00E9', U'\u4E2D', U'\U0001F600', U'\U0010FFFF'}) utf8::append(out, cp);
    CHECK(out == "a\u00E9\u4E2D\U0001F600\U0010FFFF");
    CHECK(utf8::firstInvalid(out) == std::string_view::npos);
}

TEST_CASE("utf8: overlong encodings are invalid") {
    CHECK(utf8::firstInvalid("ab\xC0\xAF") == 2);          // '/' in two bytes
    CHECK(utf8::firstInvalid("\xE0\x80\xAF") == 0);        // '/' in three bytes
    CHECK(utf8::firstInvalid("\xF0\x80\x80\xAF") == 0);    // '/' in four bytes
}

TEST_CASE("utf8: surrogates and code points above U+10FFFF are invalid") {
    CHECK(utf8::firstInvalid("\u4E2D\xED\xA0\x80") == 3);  // U+D800
    CHECK(utf8::firstInvalid("\xED\xBF\xBF") == 0);        // U+DFFF
    CHECK(utf8::firstInvalid("\xF4\x90\x80\x80") == 0);    // U+110000
    CHECK(utf8::firstInvalid("\xF5\x80\x80\x80") == 0);
}

TEST_CASE("utf8: truncated sequences and stray bytes are invalid, and decode one byte at a time") {
    CHECK(utf8::firstInvalid("ok\xE4\xB8") == 2);  // 中 without its last byte
    CHECK(utf8::firstInvalid("\xE4\xB8x") == 0);
    CHECK(utf8::firstInvalid("a\x80") == 1);  // a continuation byte alone
    CHECK(utf8::firstInvalid("\xFF") == 0);

    const std::string_view text = "\xE4\xB8x";
    size_t pos = 0;
    CHECK(utf8::next(text, pos) == utf8::kReplacement);
    CHECK(pos == 1);
    CHECK(utf8::next(text, pos) == utf8::kReplacement);
    CHECK(pos == 2);
    CHECK(utf8::next(text, pos) == U'x');
    CHECK(pos == 3);
}

TEST_CASE("utf8: a prefix is cut between code points") {
    const std::string_view text = "a\u00E9\u4E2D\U0001F600";
    CHECK(utf8::prefix(text, 0).empty());
    CHECK(utf8::prefix(text, 2) == "a\u00E9");
    CHECK(utf8::prefix(text, 3) == "a\u00E9\u4E2D");
    CHECK(utf8::prefix(text, 99) == text);
}
