// TextLayout: a paragraph (plain or with pinyin ruby) -> lines of positioned glyphs for a width,
// font size and line height, with a first-line indent, ruby above its base, optional
// inter-character justification, and hit-testing. Glyph advances come through GlyphMetrics, so
// tests use a deterministic fake and need no font; the UI only draws what this produced.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ruby_parser.h"

namespace reader::core {

class GlyphMetrics {
public:
    virtual ~GlyphMetrics() = default;
    // Horizontal advance of one code point at a font size (em size, as CSS font-size), in logical pixels.
    virtual float advance(char32_t cp, float fontSize) const = 0;
};

// How pinyin annotations are shown.
enum class RubyMode {
    Above,   // reading centred over its base in a smaller size
    Hidden,  // clean text: annotations removed
    Inline,  // as the source page shows it: 年(nián)
};

struct LayoutOptions {
    float width = 600.0f;          // logical pixels available for the text
    float fontSize = 18.0f;        // logical pixels (em)
    float lineHeight = 1.8f;       // multiple of fontSize, without ruby
    float firstLineIndent = 2.0f;  // multiple of fontSize (two characters, as Chinese prose is set)
    RubyMode rubyMode = RubyMode::Above;
    float rubyScale = 0.5f;        // ruby font size, multiple of fontSize
    float rubyGap = 0.1f;          // between a reading and its base, multiple of fontSize
    bool justify = false;          // stretch full lines to the width between characters
    float letterSpacing = 0.0f;    // extra space after each character, multiple of fontSize
    bool reserveRubyBand = false;  // in Above mode, keep the readings' band even without readings,
                                   // so every paragraph of an article has one line spacing
};

struct Glyph {
    char32_t cp = 0;
    float x = 0.0f;        // from the paragraph's left edge
    float advance = 0.0f;  // including any justification space after it
    size_t index = 0;      // position in the displayed text (code points)
};

struct LineBox {
    size_t glyphBegin = 0;  // the line's glyphs are glyphs[glyphBegin, glyphEnd)
    size_t glyphEnd = 0;
    float y = 0.0f;         // top of the line box from the paragraph's top (the ruby band included)
    float width = 0.0f;     // right edge of the last visible glyph
};

struct RubyMark {
    std::string reading;
    float x = 0.0f;        // left edge of the reading, centred over its base
    float width = 0.0f;    // advance of the reading at the ruby size
    size_t line = 0;
    size_t baseBegin = 0;  // the annotated characters, as displayed-text indices [baseBegin, baseEnd)
    size_t baseEnd = 0;
};

struct ParagraphLayout {
    std::u32string text;          // what is displayed (mode-dependent, clusters capped: capClusters()), one glyph per code point
    std::vector<Glyph> glyphs;    // in text order; glyphs[i].index == i
    std::vector<LineBox> lines;
    std::vector<RubyMark> rubies;
    float lineAdvance = 0.0f;     // distance between consecutive line tops
    float rubyBand = 0.0f;        // space at the top of each line box kept for readings
    float height = 0.0f;

    // The caret position (0..text.size()) nearest to a point in paragraph coordinates.
    size_t hitTest(float x, float y) const;
    // The displayed-text index of the glyph whose box (its advance, its line) holds a point in
    // paragraph coordinates, or SIZE_MAX for none (a margin, past a line's end).
    size_t glyphAt(float x, float y) const;
    // The line holding the glyph at a displayed-text index (the last line for text.size()).
    size_t lineOf(size_t index) const;
    // x of the caret before displayed-text index `index` (after the last glyph for text.size()).
    float caretX(size_t index) const;
};

class TextLayout {
public:
    static ParagraphLayout layout(const std::vector<RubyRun>& runs, const LayoutOptions& options,
                                  const GlyphMetrics& metrics);
    // Plain text: no annotations are looked for.
    static ParagraphLayout layoutPlain(std::string_view text, const LayoutOptions& options, const GlyphMetrics& metrics);
};

// The displayed text for a mode, as UTF-8 (what copying a whole paragraph gives).
std::string displayedText(const std::vector<RubyRun>& runs, RubyMode mode);

// Bundle text shown on one line of chrome (a category in the sidebar or a crumb, a list heading, a
// search result's title, the meta line, the window title, the text mirror's links). One line has
// no band for readings above, so annotations (inline or structured) show as inline mode shows them,
// 消協(xié), when it is chosen, and are left out, 消協, in the other modes: as the breadcrumb has
// always shown an article's title.
std::string chromeText(std::string_view text, RubyMode mode);

}  // namespace reader::core
