// Chrome text lines and text buttons drawn with ImGui's draw list (text_drawing.h).
#include "text_drawing.h"

#include <cmath>

#include "imgui_glyph_metrics.h"
#include "paragraph_view.h"

namespace reader::ui {

float naturalHeight(ImFont* font, float fontSize) {
    const ImFontBaked* baked = font->GetFontBaked(fontSize);
    return baked->Ascent - baked->Descent;
}

float ascent(ImFont* font, float fontSize) { return std::round(font->GetFontBaked(fontSize)->Ascent); }

float wrappedText(ImFont* font, float fontSize, float lineHeight, float width, std::string_view text, ImU32 color) {
    ParagraphStyle style;
    style.font = font;
    style.options.width = width;
    style.options.fontSize = fontSize;
    style.options.lineHeight = lineHeight;
    style.options.firstLineIndent = 0.0f;
    style.color = color;
    const ImGuiGlyphMetrics metrics(font);
    const core::ParagraphLayout layout = core::TextLayout::layoutPlain(text, style.options, metrics);
    drawParagraph(ImGui::GetWindowDrawList(), layout, style, ImGui::GetCursorScreenPos());
    ImGui::Dummy(ImVec2(width, layout.height));
    return layout.height;
}

float textWidth(ImFont* font, float fontSize, std::string_view text) {
    return font->CalcTextSizeA(fontSize, FLT_MAX, 0.0f, text.data(), text.data() + text.size()).x;
}

void lineText(ImFont* font, float fontSize, std::string_view text, ImU32 color) {
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const ImVec2 size(textWidth(font, fontSize, text), naturalHeight(font, fontSize));
    ImGui::GetWindowDrawList()->AddText(font, fontSize, ImVec2(std::round(pos.x), std::round(pos.y)), color,
                                        text.data(), text.data() + text.size());
    ImGui::Dummy(size);
}

bool textButton(const char* id, ImFont* font, float fontSize, std::string_view text, ImU32 color, ImU32 hoverColor) {
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const ImVec2 size(textWidth(font, fontSize, text), naturalHeight(font, fontSize));
    // A control the keyboard reaches (Tab), which wears ImGui's focus ring then (keyboard_focus.h).
    const bool clicked = ImGui::InvisibleButton(id, size, ImGuiButtonFlags_EnableNav);
    const bool hovered = ImGui::IsItemHovered();
    if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    ImDrawList* drawList = ImGui::GetWindowDrawList();
    const ImVec2 at(std::round(pos.x), std::round(pos.y));
    drawList->AddText(font, fontSize, at, hovered ? hoverColor : color, text.data(), text.data() + text.size());
    if (hovered) {
        const float underline = std::round(at.y + size.y - 1.0f);
        drawList->AddLine(ImVec2(at.x, underline), ImVec2(at.x + size.x, underline), hoverColor);
    }
    return clicked;
}

}  // namespace reader::ui
