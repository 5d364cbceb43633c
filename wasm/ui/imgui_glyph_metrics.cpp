// Glyph advances for core's layout, read from an ImGui font (imgui_glyph_metrics.h).
#include "imgui_glyph_metrics.h"

#include <imgui.h>

namespace reader::ui {

float ImGuiGlyphMetrics::advance(char32_t cp, float fontSize) const {
    return m_font->GetFontBaked(fontSize)->GetCharAdvance(static_cast<ImWchar>(cp));
}

}  // namespace reader::ui
