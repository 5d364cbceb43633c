// Glyph advances for core's layout, read from the ImGui font that will draw the text, so what is
// laid out is exactly what is drawn.
#pragma once

#include "core/text_layout.h"

struct ImFont;

namespace reader::ui {

class ImGuiGlyphMetrics final : public core::GlyphMetrics {
public:
    explicit ImGuiGlyphMetrics(ImFont* font) : m_font(font) {}
    float advance(char32_t cp, float fontSize) const override;

private:
    ImFont* m_font;
};

}  // namespace reader::ui
