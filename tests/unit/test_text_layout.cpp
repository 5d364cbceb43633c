#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/text_layout.h"

using namespace reader::core;

namespace {

// Every character is one em wide, ASCII half an em: a deterministic stand-in for a CJK font.
class FakeMetrics final : public GlyphMetrics {
public:
    float advance(char32_t cp, float fontSize) const override { return cp < 0x80 ? fontSize * 0.5f : fontSize; }
};

std::vector<std::string> lineTexts(const std::string& text, const ParagraphLayout& layout) {
    std::vector<std::string> out;
    for (const LineBox& line : layout.lines) out.push_back(text.substr(line.byteBegin, line.byteEnd - line.byteBegin));
    return out;
}

}  // namespace

TEST_CASE("layout: lines fill the width, the first indented by two characters") {
    const std::string text = "一二三四五六七八九十";
    const FakeMetrics metrics;
    const auto layout = TextLayout::layoutParagraph(text, {100.0f, 10.0f, 1.5f, 2.0f}, metrics);
    CHECK(lineTexts(text, layout) == std::vector<std::string>{"一二三四五六七八", "九十"});
    CHECK(layout.lines[0].x == 20.0f);
    CHECK(layout.lines[1].x == 0.0f);
    CHECK(layout.lines[1].y == 15.0f);
    CHECK(layout.height == 30.0f);
    CHECK(layout.lines[0].width == 80.0f);
}

TEST_CASE("layout: a comma that would start a line pulls its character down with it") {
    const std::string text = "一二三四五，六七";
    const FakeMetrics metrics;
    const auto layout = TextLayout::layoutParagraph(text, {50.0f, 10.0f, 1.5f, 0.0f}, metrics);
    CHECK(lineTexts(text, layout) == std::vector<std::string>{"一二三四", "五，六七"});
}

TEST_CASE("layout: no line starts with closing punctuation in the seed's prose") {
    const std::string text =
        "會議指出,2022年(nián)以來,自(zì)治區黨委、政府高(gāo)度重視知識産權保護工(gōng)作,堅持以習近平新時代"
        "中國特色社會主義思想爲指導。";
    const FakeMetrics metrics;
    for (float width = 60.0f; width < 400.0f; width += 7.0f) {
        const auto layout = TextLayout::layoutParagraph(text, {width, 10.0f, 1.5f, 2.0f}, metrics);
        for (const std::string& line : lineTexts(text, layout)) {
            CAPTURE(width);
            CAPTURE(line);
            CHECK(line.rfind("、", 0) != 0);
            CHECK(line.rfind("。", 0) != 0);
            CHECK(line.rfind(",", 0) != 0);
            CHECK(line.rfind("(", 0) != 0);
        }
    }
}

TEST_CASE("layout: a word wider than the line is cut rather than overflowing") {
    const std::string text = "https://example.org/a/very/long/path";
    const FakeMetrics metrics;
    const auto layout = TextLayout::layoutParagraph(text, {50.0f, 10.0f, 1.5f, 0.0f}, metrics);
    REQUIRE(layout.lines.size() > 1);
    for (const LineBox& line : layout.lines) CHECK(line.width <= 50.0f);
}

TEST_CASE("layout: trailing spaces do not count toward a line's width") {
    const std::string text = "ab cd";
    const FakeMetrics metrics;
    const auto layout = TextLayout::layoutParagraph(text, {12.0f, 10.0f, 1.5f, 0.0f}, metrics);
    REQUIRE(layout.lines.size() == 2);
    CHECK(layout.lines[0].width == 10.0f);
}

TEST_CASE("layout: an empty paragraph has no lines") {
    const FakeMetrics metrics;
    const auto layout = TextLayout::layoutParagraph("", {100.0f, 10.0f, 1.5f, 2.0f}, metrics);
    CHECK(layout.lines.empty());
    CHECK(layout.height == 0.0f);
}
