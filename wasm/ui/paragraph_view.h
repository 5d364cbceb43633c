// Drawing what core's TextLayout produced: glyphs at their positions, readings above their bases,
// and the selection behind them.
#pragma once

#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include <imgui.h>

#include "core/settings.h"
#include "core/text_layout.h"
#include "theme.h"

namespace reader::ui {

struct ParagraphStyle {
    ImFont* font = nullptr;
    core::LayoutOptions options;
    ImU32 color = 0;
    ImU32 rubyColor = 0;
    const ImU32* toneColors = nullptr;  // colours of tones 1-5 (index 1-5) for readings; null: rubyColor
};

// The colours of a tone colour scheme, by tone (index 1-5), or null for none.
const ImU32* toneColorsFor(core::ToneColors scheme);
// The same, none under the system's colours (forced colours keep every colour the system's).
const ImU32* toneColorsFor(core::ToneColors scheme, const Theme& theme);

// Lays out `text`, reading its inline pinyin annotations as ruby (core::RubyParser).
core::ParagraphLayout layoutText(std::string_view text, const ParagraphStyle& style);

// Glyphs [begin, end) of a layout drawn on a coloured ground (selection, search hits).
struct Highlight {
    size_t begin = 0;
    size_t end = 0;
    ImU32 color = 0;
};

// Glyphs [begin, end) drawn their own way: a link in its colour and underlined, strong text
// emboldened. Sorted by begin, not overlapping.
struct InlineInk {
    size_t begin = 0;
    size_t end = 0;
    ImU32 color = 0;
    bool underline = false;
    bool bold = false;
};

// Draws a layout with its top-left at `origin`, highlights behind the glyphs, inks on them.
void drawParagraph(ImDrawList* drawList, const core::ParagraphLayout& layout, const ParagraphStyle& style,
                   ImVec2 origin, const std::vector<Highlight>& highlights = {}, std::span<const InlineInk> inks = {});

// The lines [first, end) of a layout drawn with its top at `originY` that meet the band of screen
// [clipTop, clipBottom].
std::pair<size_t, size_t> visibleLines(const core::ParagraphLayout& layout, float originY, float clipTop, float clipBottom);

// Offset from a line box's top to where glyphs are drawn (ImGui's text position, above the ascent).
float glyphTop(const core::ParagraphLayout& layout, const ParagraphStyle& style);

}  // namespace reader::ui
