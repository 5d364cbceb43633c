// Laying out and drawing an article's blocks (body_blocks.h). Sizes are multiples of the body's
// font size, so the settings' size, spacing and column width apply to every block as to paragraphs.
//
// Index
//   [SECTION] Styles
//   [SECTION] Layout, block by block
//   [SECTION] Drawing the frames
#include "body_blocks.h"

#include <algorithm>
#include <cmath>

#include "text_drawing.h"

namespace reader::ui {

namespace {

constexpr float kHeadingScale[] = {1.3f, 1.15f, 1.05f};  // levels 2, 3, 4: multiple of the body size
constexpr float kCaptionScale = 0.85f;                    // captions and credits
constexpr float kListIndentEm = 2.0f;                     // the hanging indent the markers sit in
constexpr float kQuoteIndentEm = 1.5f;
constexpr float kCellPaddingEm = 0.5f;                    // a table cell's, left and right
constexpr float kCellPaddingYEm = 0.3f;                   // and above and below
constexpr float kTableScrollbar = 8.0f;                   // logical pixels, under a table wider than the column
constexpr float kUnbounded = 1.0e6f;                      // a width no cell reaches: its natural line

//-------------------------------------------------------------------------------------------------
// [SECTION] Styles
//-------------------------------------------------------------------------------------------------

float em(const ParagraphStyle& body, float multiple) { return std::round(body.options.fontSize * multiple); }

// Text that is not prose set in a column: no first-line indent, no justification.
ParagraphStyle plain(const ParagraphStyle& body, float width, float scale = 1.0f) {
    ParagraphStyle style = body;
    style.options.width = width;
    style.options.fontSize = std::round(body.options.fontSize * scale);
    style.options.firstLineIndent = 0.0f;
    style.options.justify = false;
    return style;
}

float widestLine(const core::ParagraphLayout& layout) {
    float widest = 0.0f;
    for (const core::LineBox& line : layout.lines) widest = std::max(widest, line.width);
    return widest;
}

struct Builder {
    const ViewContext& ctx;
    const core::Article& article;
    const ParagraphStyle& body;
    BodyLayout& out;

    const core::ParagraphLayout& add(size_t text, const ParagraphStyle& style, BlockGeometry& geometry, ImVec2 offset,
                                     TextInk ink = TextInk::text) {
        out.texts[text] = layoutText(ctx.shown(article.body[text]), style);
        out.styles[text] = style;
        out.inks[text] = ink;
        geometry.textOffsets.push_back(offset);
        return out.texts[text];
    }

    //---------------------------------------------------------------------------------------------
    // [SECTION] Layout, block by block
    //---------------------------------------------------------------------------------------------

    void layoutBlock(BlockGeometry& g) {
        const core::Block& b = g.block;
        const float width = ctx.width;
        switch (b.kind) {
            case core::BlockKind::paragraph: g.height = add(b.firstText, body, g, ImVec2(0, 0)).height; break;
            case core::BlockKind::heading: {
                ParagraphStyle style = plain(body, width, kHeadingScale[std::clamp(b.level, 2, 4) - 2]);
                style.options.lineHeight = 1.5f;
                const float margin = em(body, 0.5f);
                g.height = margin + add(b.firstText, style, g, ImVec2(0, margin)).height;
                break;
            }
            case core::BlockKind::quote: {
                const float indent = em(body, kQuoteIndentEm);
                ParagraphStyle style = body;
                style.options.width = width - indent;
                g.height = add(b.firstText, style, g, ImVec2(indent, 0)).height;
                break;
            }
            case core::BlockKind::list: layoutList(g); break;
            case core::BlockKind::table: layoutTable(g); break;
            case core::BlockKind::figure:
            case core::BlockKind::video: layoutFigure(g); break;
            case core::BlockKind::attachment: layoutAttachment(g); break;
        }
    }

    void layoutList(BlockGeometry& g) {
        const float indent = em(body, kListIndentEm), between = em(body, 0.3f);
        const ParagraphStyle style = plain(body, ctx.width - indent);
        g.markerRight = indent - em(body, 0.5f);
        for (size_t i = 0; i < g.block.textCount; ++i) {
            if (i > 0) g.height += between;
            g.markers.push_back(core::listMarker(i, g.block.ordered));
            const core::ParagraphLayout& item = add(g.block.firstText + i, style, g, ImVec2(indent, g.height));
            if (i == 0) g.glyphTop = glyphTop(item, style);  // markers sit on their item's first line
            g.height += item.height;
        }
    }

    // Columns as wide as their content asks (core::tableColumnWidths), cells wrapped inside them.
    void layoutTable(BlockGeometry& g) {
        const core::Block& b = g.block;
        size_t text = b.firstText;
        if (b.hasCaption) {
            const ParagraphStyle caption = plain(body, ctx.width, kCaptionScale);
            core::ParagraphLayout& layout = out.texts[text];
            add(text++, caption, g, ImVec2(0, 0), TextInk::muted);
            centreLines(layout, ctx.width);
            g.tableTop = layout.height + em(body, 0.3f);
        }
        const size_t columns = std::max<size_t>(b.columns, 1);
        const size_t cells = b.firstText + b.textCount - text;
        const float pad = em(body, kCellPaddingEm), padY = em(body, kCellPaddingYEm);
        std::vector<core::ColumnContent> content(columns);
        for (size_t c = 0; c < cells; ++c) {
            const std::string shown = ctx.shown(article.body[text + c]);
            core::ColumnContent& column = content[c % columns];
            const core::ParagraphLayout oneLine = layoutText(shown, plain(body, kUnbounded));
            column.natural = std::max(column.natural, widestLine(oneLine));
            column.minimum = std::max(column.minimum, core::widestUnbreakable(oneLine));
        }
        g.columns = core::tableColumnWidths(content, ctx.width, pad);
        // Cells are set tighter than prose: no band kept for readings a cell does not have.
        const auto cellStyle = [&](float width) {
            ParagraphStyle style = plain(body, width);
            style.options.lineHeight = std::min(body.options.lineHeight, 1.5f);
            style.options.reserveRubyBand = false;
            return style;
        };
        g.tableWidth = 0.0f;
        for (const float w : g.columns) g.tableWidth += w;
        float top = g.tableTop;
        for (size_t row = 0; row * columns < cells; ++row) {
            g.rowTops.push_back(top);
            float x = 0.0f, tallest = 0.0f;
            for (size_t c = 0; c < columns && row * columns + c < cells; ++c) {
                const float cellWidth = g.columns[c];
                tallest = std::max(tallest, add(text + row * columns + c, cellStyle(cellWidth - 2 * pad), g, ImVec2(x + pad, top + padY)).height);
                x += cellWidth;
            }
            top += tallest + 2 * padY;
        }
        g.rowTops.push_back(top);
        g.height = top + (g.tableWidth > ctx.width ? kTableScrollbar + 4.0f : 0.0f);
    }

    // A figure's placeholder (its final size) or a video's poster frame, then the texts under it.
    void layoutFigure(BlockGeometry& g) {
        const core::Block& b = g.block;
        const bool video = b.kind == core::BlockKind::video;
        g.box = video ? core::figureBox(960, 540, ctx.width) : core::figureBox(b.width, b.height, ctx.width);
        g.boxLeft = std::round((ctx.width - g.box.width) * 0.5f);
        g.height = g.box.height;
        for (size_t i = 0; i < b.textCount; ++i) {
            const bool credit = b.hasCredit && i + 1 == b.textCount;
            const ParagraphStyle style = plain(body, ctx.width, video ? 1.0f : credit ? kCaptionScale * 0.9f : kCaptionScale);
            g.height += em(body, 0.4f);
            core::ParagraphLayout& layout = out.texts[b.firstText + i];
            g.height += add(b.firstText + i, style, g, ImVec2(0, g.height), video ? TextInk::text : TextInk::muted).height;
            centreLines(layout, ctx.width);
        }
    }

    // A link line: an icon, the name in the link colour, then the type and size.
    void layoutAttachment(BlockGeometry& g) {
        const float icon = em(body, 1.4f);
        const ParagraphStyle style = plain(body, ctx.width - icon);
        const core::ParagraphLayout& name = add(g.block.firstText, style, g, ImVec2(icon, 0), TextInk::link);
        g.label = core::attachmentLabel("", g.block.mime, g.block.bytes);
        g.height = name.height;
        g.glyphTop = glyphTop(name, style);
        const float labelWidth = textWidth(body.font, body.options.fontSize, g.label);
        const float lastLine = name.lines.empty() ? 0.0f : name.lines.back().width;
        g.labelAt = ImVec2(icon + lastLine, name.lines.empty() ? 0.0f : name.lines.back().y);
        if (icon + lastLine + labelWidth > ctx.width) {  // on a line of its own
            g.labelAt = ImVec2(icon, name.height);
            g.height += name.lineAdvance;
        }
    }
};

}  // namespace

void centreLines(core::ParagraphLayout& layout, float width) {
    for (size_t l = 0; l < layout.lines.size(); ++l) {
        core::LineBox& line = layout.lines[l];
        const float shift = std::round((width - line.width) * 0.5f);
        for (size_t g = line.glyphBegin; g < line.glyphEnd; ++g) layout.glyphs[g].x += shift;
        for (core::RubyMark& ruby : layout.rubies) {
            if (ruby.line == l) ruby.x += shift;
        }
        line.width += shift;
    }
}

BodyLayout layoutBody(const ViewContext& ctx, const core::Article& article, const ParagraphStyle& body) {
    BodyLayout out;
    out.texts.resize(article.body.size());
    out.styles.resize(article.body.size(), body);
    out.inks.resize(article.body.size(), TextInk::text);
    out.separators = core::textSeparators(article);
    Builder builder{ctx, article, body, out};
    for (const core::Block& block : core::bodyBlocks(article)) {
        BlockGeometry& geometry = out.blocks.emplace_back();
        geometry.block = block;
        builder.layoutBlock(geometry);
    }
    return out;
}

ImU32 inkColor(TextInk ink, const Theme& theme) {
    return ink == TextInk::muted ? theme.muted : ink == TextInk::link ? theme.link : theme.text;
}

float clampTableScroll(const BlockGeometry& geometry, float width, float scroll) {
    return std::clamp(scroll, 0.0f, std::max(0.0f, geometry.tableWidth - width));
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Drawing the frames
//-------------------------------------------------------------------------------------------------

namespace {

void drawTableFrame(ImDrawList* drawList, const ViewContext& ctx, const BlockGeometry& g, ImVec2 origin, float scrollX) {
    const float left = origin.x - scrollX, width = ctx.width;
    // One pixel past the column and the block: the grid's right and bottom lines sit on those edges.
    drawList->PushClipRect(ImVec2(origin.x, origin.y), ImVec2(origin.x + width + 1.0f, origin.y + g.height + 1.0f), true);
    if (g.rowTops.size() >= 2) {
        drawList->AddRectFilled(ImVec2(left, origin.y + g.rowTops[0]), ImVec2(left + g.tableWidth, origin.y + g.rowTops[1]),
                                ctx.theme.barBackground);
    }
    for (const float top : g.rowTops) {
        drawList->AddLine(ImVec2(left, origin.y + top), ImVec2(left + g.tableWidth, origin.y + top), ctx.theme.rule);
    }
    float x = left;
    for (size_t c = 0; c <= g.columns.size(); ++c) {
        drawList->AddLine(ImVec2(x, origin.y + g.rowTops.front()), ImVec2(x, origin.y + g.rowTops.back()), ctx.theme.rule);
        if (c < g.columns.size()) x += g.columns[c];
    }
    drawList->PopClipRect();
    if (g.tableWidth <= width) return;
    // The sideways scrollbar: the thumb shows which part of the table is in the column.
    const float top = origin.y + g.rowTops.back() + 4.0f;
    const float thumb = width * width / g.tableWidth;
    const float at = scrollX / (g.tableWidth - width) * (width - thumb);
    drawList->AddRectFilled(ImVec2(origin.x, top), ImVec2(origin.x + width, top + kTableScrollbar), ctx.theme.rowHover, 4.0f);
    drawList->AddRectFilled(ImVec2(origin.x + at, top), ImVec2(origin.x + at + thumb, top + kTableScrollbar), ctx.theme.muted, 4.0f);
}

// The placeholder of a figure's final size with its alt text, or a video's poster frame with a play mark.
void drawPlaceholder(ImDrawList* drawList, const ViewContext& ctx, const BlockGeometry& g, const ParagraphStyle& body, ImVec2 origin,
                     ImTextureID image) {
    const ImVec2 min(origin.x + g.boxLeft, origin.y), max(min.x + g.box.width, min.y + g.box.height);
    if (image != ImTextureID_Invalid) {
        drawList->AddImage(ImTextureRef(image), min, max);
        return;
    }
    drawList->AddRectFilled(min, max, ctx.theme.rowHover);
    drawList->AddRect(min, max, ctx.theme.rule);
    if (g.block.kind == core::BlockKind::video) {
        const ImVec2 centre((min.x + max.x) * 0.5f, (min.y + max.y) * 0.5f);
        const float r = std::min(std::round(body.options.fontSize * 1.5f), g.box.height * 0.3f);
        drawList->AddCircleFilled(centre, r, ctx.theme.muted);
        drawList->AddTriangleFilled(ImVec2(centre.x - r * 0.35f, centre.y - r * 0.5f), ImVec2(centre.x - r * 0.35f, centre.y + r * 0.5f),
                                    ImVec2(centre.x + r * 0.55f, centre.y), ctx.theme.page);
        return;
    }
    if (g.block.alt.empty()) return;
    const std::string alt = ctx.chrome(g.block.alt);
    const float size = std::round(body.options.fontSize * kCaptionScale);
    const float pad = std::round(size * 0.6f);
    drawList->PushClipRect(min, max, true);
    drawList->AddText(body.font, size, ImVec2(min.x + pad, min.y + pad), ctx.theme.muted, alt.c_str(), alt.c_str() + alt.size(),
                      std::max(1.0f, g.box.width - 2 * pad));
    drawList->PopClipRect();
}

}  // namespace

void drawBlockFrame(ImDrawList* drawList, const ViewContext& ctx, const BlockGeometry& g, const ParagraphStyle& body, ImVec2 origin,
                    float scrollX, ImTextureID image) {
    switch (g.block.kind) {
        case core::BlockKind::list:
            for (size_t i = 0; i < g.markers.size() && i < g.textOffsets.size(); ++i) {
                const std::string& marker = g.markers[i];
                const float markerWidth = textWidth(body.font, body.options.fontSize, marker);
                const float y = origin.y + g.textOffsets[i].y + g.glyphTop;
                drawList->AddText(body.font, body.options.fontSize, ImVec2(origin.x + g.markerRight - markerWidth, std::round(y)), body.color,
                                  marker.c_str());
            }
            break;
        case core::BlockKind::quote: {
            const float x = origin.x + std::round(body.options.fontSize * 0.4f);
            drawList->AddRectFilled(ImVec2(x, origin.y), ImVec2(x + 3.0f, origin.y + g.height), ctx.theme.muted);
            break;
        }
        case core::BlockKind::table: drawTableFrame(drawList, ctx, g, origin, scrollX); break;
        case core::BlockKind::figure:
        case core::BlockKind::video: drawPlaceholder(drawList, ctx, g, body, origin, image); break;
        case core::BlockKind::attachment: {
            // A page with a folded corner, in the link colour, then the type and size after the name.
            const float size = body.options.fontSize;
            const ImVec2 a(origin.x + std::round(size * 0.2f), origin.y + std::round(g.height * 0.5f - size * 0.5f));
            const float w = std::round(size * 0.75f), h = size;
            drawList->AddRect(a, ImVec2(a.x + w, a.y + h), ctx.theme.link, 0.0f, 0, 1.5f);
            drawList->AddLine(ImVec2(a.x + w * 0.25f, a.y + h * 0.45f), ImVec2(a.x + w * 0.75f, a.y + h * 0.45f), ctx.theme.link);
            drawList->AddLine(ImVec2(a.x + w * 0.25f, a.y + h * 0.7f), ImVec2(a.x + w * 0.75f, a.y + h * 0.7f), ctx.theme.link);
            drawList->AddText(body.font, size, ImVec2(origin.x + g.labelAt.x, std::round(origin.y + g.labelAt.y + g.glyphTop)), ctx.theme.muted,
                              g.label.c_str());
            break;
        }
        default: break;
    }
}

}  // namespace reader::ui
