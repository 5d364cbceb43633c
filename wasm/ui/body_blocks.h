// BodyBlocks: an article's body laid out block by block (format 1.2: paragraphs, headings, lists,
// quotes, tables, figures, attachments, videos) and drawn. Every body text gets one ParagraphLayout
// and its style, in text order, as paragraphs always had, so that selection, search hits and the
// marks index them as before; each block knows where its texts sit inside it. Geometry that needs
// no font (markers, column widths, figure boxes) comes from core/block_layout.h.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include <imgui.h>

#include "core/block_layout.h"
#include "core/bundle.h"
#include "core/text_layout.h"
#include "paragraph_view.h"
#include "view_context.h"

namespace reader::ui {

struct BlockGeometry {
    core::Block block;
    float height = 0.0f;               // the whole block, without the gap after it
    std::vector<ImVec2> textOffsets;   // per text of the block: its top-left from the block's top-left
    std::vector<std::string> markers;  // list: per item
    float markerRight = 0.0f;          // list: where markers end, from the block's left
    std::vector<float> columns;        // table: widths, padding included
    std::vector<float> rowTops;        // table: from the block's top, header first, then the end
    float tableTop = 0.0f;             // table: below its caption
    float tableWidth = 0.0f;           // table: may exceed the column (it then scrolls sideways)
    core::BoxSize box;                 // figure, video: the placeholder, at boxLeft
    float boxLeft = 0.0f;
    std::string label;                 // attachment: " (PDF, 24 KB)", drawn at labelAt (a line box's top)
    ImVec2 labelAt;
    float glyphTop = 0.0f;             // list, attachment: from a line box's top to its glyphs
};

// Which of the theme's colours a text is drawn in: resolved each frame (inkColor), so that a theme
// change recolours the body without laying it out again.
enum class TextInk : unsigned char { text, muted, link };
ImU32 inkColor(TextInk ink, const Theme& theme);

struct BodyLayout {
    std::vector<core::ParagraphLayout> texts;  // one per body text
    std::vector<ParagraphStyle> styles;        // and how each is drawn (its colours: see inks)
    std::vector<TextInk> inks;
    std::vector<BlockGeometry> blocks;
    std::vector<char> separators;              // core::textSeparators: how copied texts join
};

BodyLayout layoutBody(const ViewContext& ctx, const core::Article& article, const ParagraphStyle& body);

// Moves each line so that it is centred in `width`.
void centreLines(core::ParagraphLayout& layout, float width);

// How far past the column a table is scrolled: 0 .. tableWidth - width.
float clampTableScroll(const BlockGeometry& geometry, float width, float scroll);

// Draws the block's frame and non-text parts (rules, markers, a table's grid, placeholders, the
// play mark, an attachment's icon and label) at `origin`; the texts are drawn by the caller.
// `scrollX`: a wide table's sideways scroll. `image`: a figure's image, drawn in its placeholder's
// place once it is here (ImTextureID_Invalid: the placeholder with the alt text).
void drawBlockFrame(ImDrawList* drawList, const ViewContext& ctx, const BlockGeometry& geometry, const ParagraphStyle& body,
                    ImVec2 origin, float scrollX, ImTextureID image = ImTextureID_Invalid);

}  // namespace reader::ui
