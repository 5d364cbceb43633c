#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/ruby_parser.h"
#include "core/text_layout.h"
#include "core/utf8.h"

using namespace reader::core;

namespace {

// Latin letters (with tone marks too) are half an em wide, everything else one em: a deterministic
// stand-in for a CJK font.
class FakeMetrics final : public GlyphMetrics {
public:
    float advance(char32_t cp, float fontSize) const override { return cp < 0x250 ? fontSize * 0.5f : fontSize; }
};

const FakeMetrics kMetrics;

LayoutOptions options(float width, float fontSize = 10.0f, float indent = 0.0f, RubyMode mode = RubyMode::Above) {
    LayoutOptions o;
    o.width = width;
    o.fontSize = fontSize;
    o.lineHeight = 1.5f;
    o.firstLineIndent = indent;
    o.rubyMode = mode;
    return o;
}

std::vector<std::string> lineTexts(const ParagraphLayout& layout) {
    std::vector<std::string> out;
    for (const LineBox& line : layout.lines) {
        std::string text;
        for (size_t g = line.glyphBegin; g < line.glyphEnd; ++g) utf8::append(text, layout.glyphs[g].cp);
        out.push_back(text);
    }
    return out;
}

ParagraphLayout plain(const std::string& text, const LayoutOptions& o) { return TextLayout::layoutPlain(text, o, kMetrics); }
ParagraphLayout ruby(const std::string& text, const LayoutOptions& o) {
    return TextLayout::layout(RubyParser::parse(text), o, kMetrics);
}

}  // namespace

TEST_CASE("layout: lines fill the width, the first indented by two characters") {
    const auto layout = plain("一二三四五六七八九十", options(100.0f, 10.0f, 2.0f));
    CHECK(lineTexts(layout) == std::vector<std::string>{"一二三四五六七八", "九十"});
    CHECK(layout.glyphs[0].x == 20.0f);
    CHECK(layout.glyphs[8].x == 0.0f);
    CHECK(layout.lines[1].y == 15.0f);
    CHECK(layout.height == 30.0f);
    CHECK(layout.lines[0].width == 100.0f);
}

TEST_CASE("layout: a comma that would start a line pulls its character down with it") {
    const auto layout = plain("一二三四五，六七", options(50.0f));
    CHECK(lineTexts(layout) == std::vector<std::string>{"一二三四", "五，六七"});
}

TEST_CASE("layout: no line starts with closing punctuation or a lone annotation in the seed's prose") {
    const std::string text =
        "會議指出,2022年(nián)以來,自(zì)治區黨委、政府高(gāo)度重視知識産權保護工(gōng)作,堅持以習近平新時代"
        "中國特色社會主義思想爲指導。";
    for (RubyMode mode : {RubyMode::Above, RubyMode::Hidden, RubyMode::Inline}) {
        for (float width = 60.0f; width < 400.0f; width += 7.0f) {
            const auto layout = ruby(text, options(width, 10.0f, 2.0f, mode));
            for (const std::string& line : lineTexts(layout)) {
                CAPTURE(width);
                CAPTURE(line);
                for (const char* mark : {"、", "。", ",", "(", ")"}) CHECK(line.rfind(mark, 0) != 0);
            }
        }
    }
}

TEST_CASE("layout: a word wider than the line is cut rather than overflowing") {
    const auto layout = plain("https://example.org/a/very/long/path", options(50.0f));
    REQUIRE(layout.lines.size() > 1);
    for (const LineBox& line : layout.lines) CHECK(line.width <= 50.0f);
}

TEST_CASE("layout: trailing spaces do not count toward a line's width") {
    const auto layout = plain("ab cd", options(12.0f));
    REQUIRE(layout.lines.size() == 2);
    CHECK(layout.lines[0].width == 10.0f);
}

TEST_CASE("layout: an empty paragraph has no lines") {
    const auto layout = plain("", options(100.0f));
    CHECK(layout.lines.empty());
    CHECK(layout.height == 0.0f);
}

TEST_CASE("layout: ruby above is centred over its base, in a band that keeps it off the line above") {
    const auto layout = ruby("第一(yī)次", options(200.0f, 20.0f));
    CHECK(layout.text == U"第一次");
    REQUIRE(layout.rubies.size() == 1);
    const RubyMark& mark = layout.rubies[0];
    CHECK(mark.reading == "yī");
    CHECK(mark.baseBegin == 1);
    CHECK(mark.baseEnd == 2);
    // "yī" is 2 characters at half the size, half an em each: 10px, centred over the 20px 一.
    CHECK(mark.width == 10.0f);
    CHECK(mark.x == doctest::Approx(layout.glyphs[1].x + 5.0f));
    CHECK(layout.rubyBand > 0.0f);
    CHECK(layout.lineAdvance == 30.0f + layout.rubyBand);
}

TEST_CASE("layout: a reading wider than its base overhangs free neighbours, then widens the base") {
    // "zhuàng" at half of 10px: 6 * 2.5 = 15px over a 10px base: 2.5px too wide on each side, of
    // which 0.6 * 5 = 3px may overhang a neighbour without a reading.
    const auto free = ruby("一狀(zhuàng)二", options(200.0f));
    REQUIRE(free.rubies.size() == 1);
    CHECK(free.glyphs[1].x == doctest::Approx(10.0f));
    CHECK(free.glyphs[2].x == doctest::Approx(20.0f));
    CHECK(free.rubies[0].x == doctest::Approx(7.5f));
    // At the start of the paragraph there is no neighbour to overhang: the base widens.
    const auto first = ruby("狀(zhuàng)二", options(200.0f));
    CHECK(first.glyphs[0].x == doctest::Approx(2.5f));
    CHECK(first.rubies[0].x == doctest::Approx(0.0f));
    // Between two readings neither may overhang the other.
    const auto packed = ruby("狀(zhuàng)狀(zhuàng)", options(200.0f));
    CHECK(packed.glyphs[1].x - packed.glyphs[0].x == doctest::Approx(15.0f));
}

TEST_CASE("layout: readings stay inside the column at a line's edges, shifted inward") {
    // "zhuàng" (15px) over 狀 (10px) overhangs its free neighbour 四 by 2.5px on each side; at a
    // line's start or end that neighbour is on another line, and the column ends there.
    const auto start = ruby("一二三四狀(zhuàng)五", options(40.0f));
    REQUIRE(lineTexts(start) == std::vector<std::string>{"一二三四", "狀五"});
    CHECK(start.glyphs[4].x == doctest::Approx(0.0f));
    CHECK(start.rubies[0].x == doctest::Approx(0.0f));  // centred it would start at -2.5
    const auto end = ruby("一二三狀(zhuàng)四五", options(40.0f));
    REQUIRE(lineTexts(end) == std::vector<std::string>{"一二三狀", "四五"});
    CHECK(end.rubies[0].x == doctest::Approx(25.0f));  // centred it would end at 42.5
    // A reading beside a shifted one moves as far as needed not to overlap it.
    const auto two = ruby("一二三四狀(zhuàng)狀(zhuàng)", options(40.0f));
    REQUIRE(two.rubies.size() == 2);
    CHECK(two.rubies[0].x == doctest::Approx(0.0f));
    CHECK(two.rubies[1].x >= two.rubies[0].x + two.rubies[0].width);
    // Every reading of annotated prose, at every width, stays inside the column.
    const std::string text = "各地莊(zhuāng)重舉行雙(shuāng)創(chuàng)活動,狀(zhuàng)況良好,2022年(nián)以來自(zì)治區重視。";
    for (float width = 30.0f; width < 300.0f; width += 3.0f) {
        CAPTURE(width);
        for (const RubyMark& mark : ruby(text, options(width, 10.0f, 2.0f)).rubies) {
            CHECK(mark.x >= 0.0f);
            CHECK(mark.x + mark.width <= width);
        }
    }
}

TEST_CASE("layout: a URL moves whole to the next line, and is cut before a slash only when wider than a line") {
    // Latin letters are 5px: the URL is 29 * 5 = 145px.
    const std::string text = "請登錄https://www.cc315.gov.cn/news查詢";
    CHECK(lineTexts(plain(text, options(150.0f))) ==
          std::vector<std::string>{"請登錄", "https://www.cc315.gov.cn/news", "查詢"});
    CHECK(lineTexts(plain(text, options(130.0f))) ==
          std::vector<std::string>{"請登錄", "https://www.cc315.gov.cn", "/news查詢"});
}

TEST_CASE("layout: every line of a multi-line ruby paragraph keeps its readings inside its own band") {
    const auto layout = ruby("自(zì)治區市(shì)場監督管理局工(gōng)作會議", options(60.0f));
    REQUIRE(layout.lines.size() > 1);
    for (const RubyMark& mark : layout.rubies) {
        const LineBox& line = layout.lines[mark.line];
        CHECK(mark.baseBegin >= line.glyphBegin);
        CHECK(mark.baseEnd <= line.glyphEnd);
    }
    for (size_t l = 1; l < layout.lines.size(); ++l) CHECK(layout.lines[l].y - layout.lines[l - 1].y == layout.lineAdvance);
}

TEST_CASE("layout: hidden mode shows the text without annotations") {
    const auto layout = ruby("2023年(nián)第一(yī)次", options(300.0f, 10.0f, 0.0f, RubyMode::Hidden));
    CHECK(layout.text == U"2023年第一次");
    CHECK(layout.rubies.empty());
    CHECK(layout.rubyBand == 0.0f);
}

TEST_CASE("layout: inline mode shows the source and never splits a character from its annotation") {
    const std::string text = "年(nián)第一(yī)次";
    CHECK(ruby(text, options(300.0f, 10.0f, 0.0f, RubyMode::Inline)).text == U"年(nián)第一(yī)次");
    for (float width = 20.0f; width < 120.0f; width += 5.0f) {
        for (const std::string& line : lineTexts(ruby(text, options(width, 10.0f, 0.0f, RubyMode::Inline)))) {
            CAPTURE(line);
            CHECK(line.rfind("(", 0) != 0);
        }
    }
}

TEST_CASE("layout: justification stretches full lines to the width, not the last line") {
    LayoutOptions o = options(95.0f);
    o.justify = true;
    const auto layout = plain("一二三四五六七八九十十一", o);
    REQUIRE(layout.lines.size() == 2);
    CHECK(layout.lines[0].width == doctest::Approx(95.0f));
    CHECK(layout.lines[1].width < 95.0f);
    // Nine characters, eight gaps, 5px shared: the last glyph moved by all of it.
    CHECK(layout.glyphs[8].x == doctest::Approx(85.0f));
}

TEST_CASE("layout: justification does not open gaps inside a Latin word or a number") {
    LayoutOptions o = options(100.0f);
    o.justify = true;
    const auto layout = plain("一二三四五六七2023八九十", o);
    REQUIRE(layout.lines.size() >= 2);
    const Glyph& two = layout.glyphs[7];
    const Glyph& zero = layout.glyphs[8];
    CHECK(zero.x - two.x == doctest::Approx(5.0f));
}

TEST_CASE("layout: hit-testing finds the nearest caret, line by line") {
    const auto layout = plain("一二三四五六七八九十", options(50.0f));
    CHECK(layout.hitTest(0.0f, 1.0f) == 0);
    CHECK(layout.hitTest(4.0f, 1.0f) == 0);
    CHECK(layout.hitTest(6.0f, 1.0f) == 1);
    CHECK(layout.hitTest(49.0f, 1.0f) == 5);
    CHECK(layout.hitTest(1.0f, 16.0f) == 5);
    CHECK(layout.hitTest(999.0f, 999.0f) == 10);
    CHECK(layout.hitTest(-5.0f, -5.0f) == 0);
    CHECK(layout.caretX(3) == 30.0f);
    CHECK(layout.caretX(10) == 50.0f);
    CHECK(layout.lineOf(4) == 0);
    CHECK(layout.lineOf(5) == 1);
}

TEST_CASE("layout: displayed text per mode is what copying gives") {
    const auto runs = RubyParser::parse("自(zì)治區(2023)");
    CHECK(displayedText(runs, RubyMode::Above) == "自治區(2023)");
    CHECK(displayedText(runs, RubyMode::Hidden) == "自治區(2023)");
    CHECK(displayedText(runs, RubyMode::Inline) == "自(zì)治區(2023)");
}

TEST_CASE("layout: chrome text follows the pinyin mode as one line can: inline shows annotations, the others leave them out") {
    // A category named as ingest names it from a real page, in both ruby forms.
    std::string structured = "消";
    appendStructuredRuby(structured, "協", "xié");
    structured += "動態";
    for (const std::string& name : {std::string("消協(xié)動態"), structured}) {
        CHECK(chromeText(name, RubyMode::Above) == "消協動態");
        CHECK(chromeText(name, RubyMode::Hidden) == "消協動態");
        CHECK(chromeText(name, RubyMode::Inline) == "消協(xié)動態");
    }
    CHECK(chromeText("消費警示(2023)", RubyMode::Above) == "消費警示(2023)");  // not an annotation
}

TEST_CASE("layout: a grapheme cluster over 32 code points is laid out cut, with a mark") {
    std::string text = "x";
    for (int i = 0; i < 50'000; ++i) utf8::append(text, 0x0301);
    text += "y";
    const ParagraphLayout layout = TextLayout::layoutPlain(text, options(200), kMetrics);
    REQUIRE(layout.text.size() == 34);  // x, 31 marks, the cut mark, y
    CHECK(layout.text[0] == U'x');
    CHECK(layout.text[31] == U'\u0301');
    CHECK(layout.text[32] == U'\u2026');
    CHECK(layout.text[33] == U'y');
    CHECK(layout.glyphs.size() == 34);
}
