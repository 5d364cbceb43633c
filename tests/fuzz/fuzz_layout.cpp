// Fuzz target `layout`: TextLayout on any paragraph, plain (layoutPlain) and with its pinyin
// annotations parsed (RubyParser::parse, then layout in the mode the input picks), with a fake
// GlyphMetrics. Input: five option bytes (width, font size, line height, indent, flags: justify,
// ruby mode), then the paragraph (any bytes).
// Checks, besides no crash, hang or sanitizer report:
// - the displayed text is the paragraph's code points (as displayedText() says for ruby; grapheme
//   clusters over the cap cut, each ruby run on its own, as capClusters() says), one glyph
//   each, in order; lines cover every glyph exactly once, in order, none empty, one line advance apart;
// - a line wider than the width holds one glyph only;
// - plain text: a line starts at a break opportunity (so never with closing punctuation), or else
//   the line before it is one segment too wide for a whole line, cut where the next glyph overflows;
// - ruby: the sources of the runs give back the paragraph; each reading is placed on its base's line;
// - hitTest, lineOf and caretX answer in range anywhere.
#include "fuzz_target.h"

#include "core/grapheme_clusters.h"
#include "core/line_breaker.h"
#include "core/ruby_parser.h"
#include "core/text_layout.h"
#include "core/utf8.h"

#include <cmath>
#include <string>
#include <vector>

namespace {

using namespace reader::core;

// Advances in quarters of the font size, so that sums are exact.
class FakeMetrics final : public GlyphMetrics {
public:
    float advance(char32_t cp, float fontSize) const override {
        if ((cp >= 0x300 && cp <= 0x36F) || cp == 0x200B) return 0.0f;  // combining marks, zero width space
        if (cp < 0x80) return fontSize * 0.5f;
        if (cp >= 0x2E80 && cp <= 0xFFEF) return fontSize;  // CJK, full-width forms
        return fontSize * 0.75f;
    }
};

// The code points the layout displays: a grapheme cluster over the cap is cut (capClusters).
std::u32string codePoints(std::string_view text) {
    std::u32string out;
    for (size_t pos = 0; pos < text.size();) out += utf8::next(text, pos);
    return capClusters(out);
}

// What the layout displays of ruby runs: each run's text capped on its own.
std::u32string displayedPoints(const std::vector<RubyRun>& runs, RubyMode mode) {
    std::u32string out;
    for (const RubyRun& run : runs) out += codePoints(displayedText({run}, mode));
    return out;
}

float availableWidth(const LayoutOptions& options, size_t line) {
    return options.width - (line == 0 ? options.firstLineIndent * options.fontSize : 0.0f);
}

void checkLines(const ParagraphLayout& layout, const std::u32string& expected, const LayoutOptions& options) {
    const size_t n = expected.size();
    FUZZ_CHECK(layout.text == expected);
    FUZZ_CHECK(layout.glyphs.size() == n);
    for (size_t i = 0; i < n; ++i) FUZZ_CHECK(layout.glyphs[i].index == i && layout.glyphs[i].cp == expected[i]);
    FUZZ_CHECK(layout.lines.empty() == (n == 0));
    size_t next = 0;
    const float tolerance = 1e-3f + 1e-4f * options.width;
    for (size_t k = 0; k < layout.lines.size(); ++k) {
        const LineBox& line = layout.lines[k];
        FUZZ_CHECK(line.glyphBegin == next && line.glyphBegin < line.glyphEnd);
        FUZZ_CHECK(line.y == static_cast<float>(k) * layout.lineAdvance);
        if (line.glyphEnd - line.glyphBegin > 1) FUZZ_CHECK(line.width <= options.width + tolerance);
        next = line.glyphEnd;
    }
    FUZZ_CHECK(next == n);
    FUZZ_CHECK(layout.height == static_cast<float>(layout.lines.size()) * layout.lineAdvance);

    for (const float x : {-1e6f, -1.0f, 0.0f, options.width * 0.5f, options.width, 1e6f}) {
        for (const float y : {-1e6f, 0.0f, layout.height * 0.5f, layout.height, 1e6f})
            FUZZ_CHECK(layout.hitTest(x, y) <= n);
    }
    for (size_t i = 0; i <= n; ++i) {
        FUZZ_CHECK(std::isfinite(layout.caretX(i)));
        FUZZ_CHECK(n == 0 || layout.lineOf(i) < layout.lines.size());
    }
}

// Plain text has no ruby padding: a glyph's width is its advance, as here.
void checkLineStarts(const ParagraphLayout& layout, const LayoutOptions& options, const GlyphMetrics& metrics) {
    std::vector<utf8::CodePoint> cps;
    std::vector<float> widths;
    for (size_t i = 0; i < layout.text.size(); ++i) {
        cps.push_back({layout.text[i], i});
        widths.push_back(metrics.advance(layout.text[i], options.fontSize));
    }
    const std::vector<LineBreaker::Range> noUnits;
    const std::vector<bool> breaks = LineBreaker::opportunities(cps, &noUnits);
    // A URL too wide for a line is cut before a slash, wherever more of it would fit.
    const std::vector<bool> urlBreaks = LineBreaker::urlBreaks(cps);
    for (size_t k = 1; k < layout.lines.size(); ++k) {
        const size_t start = layout.lines[k].glyphBegin;
        if (breaks[start] || urlBreaks[start]) continue;
        const size_t previous = layout.lines[k - 1].glyphBegin;
        float used = 0.0f;
        for (size_t i = previous; i < start; ++i) {
            FUZZ_CHECK(i == previous || !breaks[i]);
            used += widths[i];
        }
        FUZZ_CHECK(used + widths[start] > availableWidth(options, k - 1));
    }
}

}  // namespace

int reader::fuzz::fuzzOne(const uint8_t* data, size_t size) {
    FuzzInput input(data, size);
    LayoutOptions options;
    options.width = static_cast<float>(input.byte()) * 4.0f;             // 0..1020 px
    options.fontSize = 1.0f + static_cast<float>(input.byte() % 48);    // 1..48 px
    options.lineHeight = 1.0f + static_cast<float>(input.byte() % 8) * 0.25f;
    options.firstLineIndent = static_cast<float>(input.byte() % 4);
    const uint8_t flags = input.byte();
    options.justify = flags & 1;
    options.rubyMode = static_cast<RubyMode>((flags >> 1) % 3);
    const std::string_view text = input.rest();
    const FakeMetrics metrics;

    const ParagraphLayout plain = TextLayout::layoutPlain(text, options, metrics);
    checkLines(plain, codePoints(text), options);
    checkLineStarts(plain, options, metrics);
    FUZZ_CHECK(plain.rubies.empty());

    const std::vector<RubyRun> runs = RubyParser::parse(text);
    std::string sources;
    size_t annotated = 0;
    for (const RubyRun& run : runs) {
        sources += run.source;
        if (!run.reading.empty()) ++annotated;
    }
    FUZZ_CHECK(sources == text);
    const ParagraphLayout ruby = TextLayout::layout(runs, options, metrics);
    checkLines(ruby, displayedPoints(runs, options.rubyMode), options);
    FUZZ_CHECK(ruby.rubies.size() == (options.rubyMode == RubyMode::Above ? annotated : 0));
    for (const RubyMark& mark : ruby.rubies) {
        FUZZ_CHECK(!mark.reading.empty());
        FUZZ_CHECK(mark.baseBegin < mark.baseEnd && mark.baseEnd <= ruby.text.size());
        FUZZ_CHECK(mark.line == ruby.lineOf(mark.baseBegin));
        FUZZ_CHECK(std::isfinite(mark.x) && mark.width >= 0.0f);
    }
    return 0;
}
