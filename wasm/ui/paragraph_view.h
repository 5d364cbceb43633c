// Drawing what core's TextLayout produced: glyphs at their positions, readings above their bases,
// and the selection behind them.
#pragma once

#include <string_view>
#include <vector>

#include <imgui.h>

#include "core/text_layout.h"

namespace reader::ui {

struct ParagraphStyle {
    ImFont* font = nullptr;
    core::LayoutOptions options;
    ImU32 color = 0;
    ImU32 rubyColor = 0;
};

// Lays out `text`, reading its inline pinyin annotations as ruby (core::RubyParser).
core::ParagraphLayout layoutText(std::string_view text, const ParagraphStyle& style);

// Glyphs [begin, end) of a layout drawn on a coloured ground (selection, search hits).
struct Highlight {
    size_t begin = 0;
    size_t end = 0;
    ImU32 color = 0;
};

// Draws a layout with its top-left at `origin`, highlights behind the glyphs.
void drawParagraph(ImDrawList* drawList, const core::ParagraphLayout& layout, const ParagraphStyle& style,
                   ImVec2 origin, const std::vector<Highlight>& highlights = {});

// Offset from a line box's top to where glyphs are drawn (ImGui's text position, above the ascent).
float glyphTop(const core::ParagraphLayout& layout, const ParagraphStyle& style);

}  // namespace reader::ui
