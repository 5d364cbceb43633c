// TextLayout: a paragraph -> lines that fit a width, given glyph advances from outside.
// The metrics come through an interface so tests use a deterministic fake and need no font.
#pragma once

#include <string_view>
#include <vector>

namespace reader::core {

class GlyphMetrics {
public:
    virtual ~GlyphMetrics() = default;
    // Horizontal advance of one code point at a font size, both in logical pixels.
    virtual float advance(char32_t cp, float fontSize) const = 0;
};

struct LayoutOptions {
    float width = 600.0f;          // logical pixels available for the text
    float fontSize = 18.0f;        // logical pixels
    float lineHeight = 1.8f;       // multiple of fontSize
    float firstLineIndent = 2.0f;  // multiple of fontSize (two characters, as Chinese prose is set)
};

struct LineBox {
    size_t byteBegin = 0;  // the line's text is paragraph[byteBegin, byteEnd)
    size_t byteEnd = 0;
    float x = 0.0f;        // offset from the paragraph's left edge (the indent on the first line)
    float y = 0.0f;        // top of the line box from the paragraph's top
    float width = 0.0f;    // advance of the visible text (trailing spaces excluded)
};

struct ParagraphLayout {
    std::vector<LineBox> lines;
    float height = 0.0f;   // lines * line height
};

class TextLayout {
public:
    static ParagraphLayout layoutParagraph(std::string_view text, const LayoutOptions& options,
                                           const GlyphMetrics& metrics);
};

}  // namespace reader::core
