// One article: title, meta line and settings panel, then the body paragraphs, which the reader can
// select and copy; pinyin on demand shows a reading under the pointer.
#include "article_view.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>

#include <imgui.h>

#include "core/annotation_export.h"
#include "core/pinyin_tone.h"
#include "core/ruby_parser.h"
#include "core/utf8.h"
#include "figure_images.h"
#include "meta_line.h"
#include "text_drawing.h"

namespace reader::ui {

namespace {

constexpr float kParagraphGapEm = 0.6f;  // space between paragraphs, multiple of the body size

// Pinyin on demand: the reading of the annotated character under the pointer (or the finger that
// tapped it), in a tooltip just above it. The text is laid out without readings (hidden mode).
void showReadingUnderPointer(const ViewContext& ctx, const core::Article& article, const ArticleLayout& layout) {
    const std::optional<TextPosition> at = layout.hitTest(ImGui::GetIO().MousePos);
    if (!at || at->paragraph >= article.body.size()) return;
    const core::ParagraphLayout& paragraph = layout.paragraphs()[at->paragraph];
    // hitTest gives a caret; the character under the pointer is the one it is in front of or after.
    const ImVec2 origin = layout.origins()[at->paragraph];
    const float x = ImGui::GetIO().MousePos.x - origin.x;
    const size_t character = at->caret > 0 && paragraph.caretX(at->caret) > x ? at->caret - 1 : at->caret;
    size_t index = 0;
    for (const core::RubyRun& run : core::RubyParser::parse(ctx.shown(article.body[at->paragraph]))) {
        size_t length = 0;
        for (size_t pos = 0; pos < run.base.size(); ++length) core::utf8::next(run.base, pos);
        if (character < index + length) {
            if (run.reading.empty()) return;
            // Centred just above the character, where the reading would sit in the "above" mode.
            const float centre = origin.x + (paragraph.caretX(character) + paragraph.caretX(character + 1)) * 0.5f;
            const float lineTop = origin.y + paragraph.lines[paragraph.lineOf(character)].y;
            ImGui::SetNextWindowPos(ImVec2(centre, lineTop), ImGuiCond_Always, ImVec2(0.5f, 1.0f));
            ImGui::PushStyleColor(ImGuiCol_PopupBg, ImGui::ColorConvertU32ToFloat4(ctx.theme.barBackground));
            ImGui::BeginTooltip();
            const float size = std::round(bodyFontSize(ctx) * 0.8f);
            ImDrawList* drawList = ImGui::GetWindowDrawList();
            const ImVec2 pos = ImGui::GetCursorScreenPos();
            const ImU32* tones = toneColorsFor(ctx.settings.toneColors, ctx.theme);
            const ImU32 color = tones ? tones[core::syllableTone(run.reading)] : ctx.theme.ruby;
            drawList->AddText(ctx.font, size, pos, color, run.reading.c_str());
            ImGui::Dummy(ImVec2(textWidth(ctx.font, size, run.reading), naturalHeight(ctx.font, size)));
            ImGui::EndTooltip();
            ImGui::PopStyleColor();
            return;
        }
        index += length;
    }
}

// Body text t's links in the theme's link colour, underlined, and its strong runs emboldened in the
// text's own colour.
std::vector<InlineInk> inlineInks(const ArticleLayout& layout, size_t t, ImU32 textColor, const Theme& theme) {
    std::vector<InlineInk> inks;
    for (const core::InlineSpan& span : layout.inlineSpans(t)) {
        const core::InlineMark& mark = layout.inlineMark(span);
        const bool link = !mark.href.empty();
        inks.push_back(InlineInk{span.begin, span.end, link ? theme.link : textColor, link, mark.strong});
    }
    return inks;
}

// The link of text t (drawn at `at`) under the pointer, or "".
std::string_view linkUnderPointer(const ArticleLayout& layout, size_t t, ImVec2 at) {
    const auto spans = layout.inlineSpans(t);
    if (spans.empty() || !ImGui::IsWindowHovered()) return {};
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    const size_t glyph = layout.paragraphs()[t].glyphAt(mouse.x - at.x, mouse.y - at.y);
    const core::InlineSpan* span = core::spanAt(spans, glyph);
    return span ? std::string_view(layout.inlineMark(*span).href) : std::string_view();
}

// A click (press and release without a drag: a drag selects) on a link opens it.
bool linkClicked() {
    const float threshold = ImGui::GetIO().MouseDragThreshold;
    return ImGui::IsMouseReleased(ImGuiMouseButton_Left) && ImGui::GetIO().MouseDragMaxDistanceSqr[ImGuiMouseButton_Left] < threshold * threshold;
}

}  // namespace

std::vector<Highlight> ArticleView::highlightsFor(const ViewContext& ctx, size_t paragraph) const {
    std::vector<Highlight> marks;
    m_speechMark.addHighlight(paragraph, ctx.theme, marks);
    m_hits.addHighlights(paragraph, ctx.theme, marks);
    if (paragraph == TextRange::kTitle) return marks;
    m_annotations.addHighlights(paragraph, marks);
    if (const auto selected = m_selection.highlightIn(paragraph, m_layout, ctx.theme.selection)) marks.push_back(*selected);
    return marks;
}

// The blocks, block by block, each text where its block placed it, the revealed one on a marked
// ground; only blocks on screen are drawn. A click on a video or an attachment opens its link.
ViewResult ArticleView::drawBody(ViewContext& ctx, const ParagraphStyle& body, float gap) {
    ImDrawList* drawList = ImGui::GetWindowDrawList();
    const BodyLayout& layout = m_layout.body();
    m_reveal.keepIfIn(m_layout.articleId(), layout.texts.size());
    m_tableScroll.resize(layout.blocks.size(), 0.0f);
    m_layout.beginBody(ImGui::GetCursorScreenPos());
    ViewResult result;
    for (size_t k = 0; k < layout.blocks.size(); ++k) {
        const BlockGeometry& block = layout.blocks[k];
        const ImVec2 origin = ImGui::GetCursorScreenPos();
        const bool visible = ImGui::IsRectVisible(origin, ImVec2(origin.x + ctx.width, origin.y + block.height));
        const bool table = block.block.kind == core::BlockKind::table;
        float& scrollX = m_tableScroll[k];
        if (table) scrollX = clampTableScroll(block, ctx.width, scrollX);
        const bool figure = block.block.kind == core::BlockKind::figure;
        const ImVec2 boxMin(origin.x + block.boxLeft, origin.y), boxSize(block.box.width, block.box.height);
        // Figures near the viewport are asked for even while not on screen yet: they arrive before they scroll in.
        const ImTextureID image = figure && ctx.images ? ctx.images->figure(m_layout.articleId(), k, block.block, boxMin, boxSize) : ImTextureID_Invalid;
        if (visible && block.block.kind != core::BlockKind::paragraph) drawBlockFrame(drawList, ctx, block, body, origin, scrollX, image);
        for (size_t j = 0; j < block.textOffsets.size(); ++j) {
            const size_t t = block.block.firstText + j;
            const bool cell = table && (!block.block.hasCaption || j > 0);
            const ImVec2 at(origin.x + block.textOffsets[j].x - (cell ? scrollX : 0.0f), origin.y + block.textOffsets[j].y);
            m_layout.placeParagraph(at);
            if (!visible) continue;
            if (m_reveal.paragraph() == t) {
                const float pad = std::round(gap * 0.5f);
                drawList->AddRectFilled(ImVec2(at.x - pad, at.y - pad), ImVec2(at.x + layout.styles[t].options.width + pad, at.y + layout.texts[t].height + pad),
                                        ctx.theme.searchHit, 4.0f);
            }
            if (cell) drawList->PushClipRect(origin, ImVec2(origin.x + ctx.width, origin.y + block.height), true);
            // The colours of this frame's theme and settings; the geometry of the layout's.
            ParagraphStyle style = layout.styles[t];
            style.color = inkColor(layout.inks[t], ctx.theme);
            style.rubyColor = body.rubyColor;
            style.toneColors = body.toneColors;
            drawParagraph(drawList, layout.texts[t], style, at, highlightsFor(ctx, t), inlineInks(m_layout, t, style.color, ctx.theme));
            if (const std::string_view href = linkUnderPointer(m_layout, t, at); !href.empty()) {
                ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
                if (linkClicked()) result.linkToOpen = std::string(href);
            }
            if (cell) drawList->PopClipRect();
        }
        if (figure) result += figureButton(ctx, k, boxMin, boxSize, origin);
        ImGui::Dummy(ImVec2(ctx.width, block.height));
        ctx.items.addLastItem("paragraph:" + std::to_string(block.block.firstText));
        if (visible) result += handleBlockInput(ctx, block, origin, scrollX);
        ImGui::Dummy(ImVec2(ctx.width, std::max(0.0f, gap - ImGui::GetStyle().ItemSpacing.y)));
    }
    m_layout.endBody(ctx.width);
    return result;
}

// A figure's image is a button (a tab stop too): a click, a tap or Enter opens the zoom view. The
// cursor goes back to the block's top, where the block's own item follows.
ViewResult ArticleView::figureButton(const ViewContext& ctx, size_t block, ImVec2 boxMin, ImVec2 boxSize, ImVec2 origin) {
    ViewResult result;
    ImGui::SetCursorScreenPos(boxMin);
    ImGui::PushID(static_cast<int>(block));
    if (ImGui::InvisibleButton("figure", ImVec2(std::max(1.0f, boxSize.x), std::max(1.0f, boxSize.y)))) result.zoomFigure = block;
    ImGui::PopID();
    if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    ctx.items.addLastItem("figure:" + std::to_string(block));
    ImGui::SetCursorScreenPos(origin);
    return result;
}

// A wide table scrolls sideways under the horizontal wheel (or Shift+wheel) and its scrollbar's
// drag; a video's poster or an attachment's line opens its link on a click.
ViewResult ArticleView::handleBlockInput(const ViewContext& ctx, const BlockGeometry& block, ImVec2 origin, float& scrollX) {
    const ImGuiIO& io = ImGui::GetIO();
    const ImVec2 end(origin.x + ctx.width, origin.y + block.height);
    const bool hovered = ImGui::IsWindowHovered() && ImGui::IsMouseHoveringRect(origin, end);
    ViewResult result;
    switch (block.block.kind) {
        case core::BlockKind::table: {
            if (block.tableWidth <= ctx.width) break;
            const float wheel = io.MouseWheelH != 0.0f ? io.MouseWheelH : io.KeyShift ? io.MouseWheel : 0.0f;
            if (hovered) scrollX -= wheel * std::round(bodyFontSize(ctx) * 3.0f);
            const ImVec2 barMin(origin.x, origin.y + block.rowTops.back());
            const bool onBar = hovered && io.MousePos.y >= barMin.y;
            if (onBar && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 0.0f)) scrollX += io.MouseDelta.x * block.tableWidth / ctx.width;
            scrollX = clampTableScroll(block, ctx.width, scrollX);
            break;
        }
        case core::BlockKind::video:
        case core::BlockKind::attachment: {
            const bool video = block.block.kind == core::BlockKind::video;
            const ImVec2 min = video ? ImVec2(origin.x + block.boxLeft, origin.y) : origin;
            const ImVec2 max = video ? ImVec2(min.x + block.box.width, min.y + block.box.height) : end;
            if (!ImGui::IsWindowHovered() || !ImGui::IsMouseHoveringRect(min, max)) break;
            ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
            if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) result.linkToOpen = block.block.href;
            break;
        }
        default: break;
    }
    return result;
}

// While the search box's hits are marked: "3 / 12" and buttons to the previous and next hit and to
// clear the marks, in a window of its own over the content's lower right corner, so that it stays
// put while the article scrolls under it (as a browser's find bar does). Enter and Shift+Enter do
// the same as the buttons; Esc clears (reader_keys.cpp).
ViewResult ArticleView::drawFindBar(ViewContext& ctx) {
    ViewResult result;
    if (m_hits.count() == 0) return result;
    const std::string position = std::to_string(m_hits.current() + 1) + " / " + std::to_string(m_hits.count());
    // Its size computed here, not left to auto-resize: an idle reader draws no second frame that
    // would put a window of a size learnt late in its corner.
    const float size = typography().chrome, gap = 14.0f;
    const ImVec2 padding(12.0f, 6.0f);
    float width = 2 * padding.x + textWidth(ctx.font, size, position);
    for (std::string_view label : ctx.strings.findBar) width += gap + textWidth(ctx.font, size, label);
    const ImVec2 box(std::ceil(width), std::ceil(2 * padding.y + naturalHeight(ctx.font, size)));
    const ImVec2 corner(ImGui::GetWindowPos().x + ImGui::GetWindowWidth() - 24.0f, ImGui::GetWindowPos().y + ImGui::GetWindowHeight() - 16.0f);
    ImGui::SetNextWindowPos(ImVec2(corner.x - box.x, corner.y - box.y));
    ImGui::SetNextWindowSize(box);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImGui::ColorConvertU32ToFloat4(ctx.theme.page));
    ImGui::PushStyleColor(ImGuiCol_Border, ImGui::ColorConvertU32ToFloat4(ctx.theme.rule));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 1.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 6.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, padding);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(gap, 0.0f));
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings |
                                   ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoMove;
    ImGui::Begin("##find-bar", nullptr, flags);
    lineText(ctx.font, size, position, ctx.theme.muted);
    const auto button = [&](std::string_view label, const char* key) {
        ImGui::SameLine();
        const bool clicked = textButton(key, ctx.font, size, label, ctx.theme.link, ctx.theme.link);
        ctx.items.addLastItem(key);
        return clicked;
    };
    if (button(ctx.strings.findBar[0], "find:previous")) m_hits.step(true);
    if (button(ctx.strings.findBar[1], "find:next")) m_hits.step(false);
    result.clearHighlights = button(ctx.strings.findBar[2], "find:clear");
    ImGui::End();
    ImGui::PopStyleVar(4);
    ImGui::PopStyleColor(2);
    return result;
}

// The mouse (a click also ends the revealed mark; a click on a highlight opens its card), the
// selection's keys and the hits' Enter.
void ArticleView::handleInput(const ViewContext& ctx) {
    if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) m_reveal.clear();  // the mark lasts until a click
    const ImGuiIO& io = ImGui::GetIO();
    if (ctx.annotations && linkClicked() && ImGui::IsWindowHovered() && !ImGui::IsAnyItemHovered() && m_layout.overBody(io.MousePos)) {
        const auto hit = m_layout.hitTest(io.MousePos);
        if (const auto id = hit ? m_annotations.highlightAt(*hit) : std::nullopt) m_annotations.edit(*id, ImVec2(io.MousePos.x, io.MousePos.y + 12.0f));
    }
    m_selection.handleMouse(m_layout);
    m_selection.handleKeys(m_layout);
    m_hits.handleKeys();
}

// What the buttons by a selection asked for: a highlight (with its card open for a note), or the
// quote with a link on the clipboard.
void ArticleView::handleSelectionTools(ViewContext& ctx, const core::Article& article) {
    const TextSelection::Action action = m_selection.drawTools(ctx, m_layout);
    if (action.kind == TextSelection::Action::Kind::None) return;
    if (action.kind == TextSelection::Action::Kind::QuoteLink) {
        ImGui::SetClipboardText(core::quoteWithLink(m_selection.text(m_layout), article, ctx.annotations->linkBase()).c_str());
        return;
    }
    const auto [start, end] = ArticleAnnotations::baseRange(article, ctx.settings.rubyMode, m_selection.from(), m_selection.to());
    if (start >= end) return;
    const std::string id = ctx.annotations->highlight(article, start, end, action.color);
    if (action.kind == TextSelection::Action::Kind::Note) m_annotations.edit(id, ImGui::GetItemRectMin());
    m_selection.clear();
}

ViewResult ArticleView::draw(ViewContext& ctx, const core::Article& article) {
    if (m_layout.update(ctx, article)) {
        m_selection.reset();
        m_tableScroll.clear();  // another article: its tables start unscrolled
    }
    const ParagraphStyle body = ArticleLayout::bodyStyle(ctx);
    ImDrawList* drawList = ImGui::GetWindowDrawList();

    ImGui::Dummy(ImVec2(0, 8));
    m_hits.update(ctx, article);
    m_speechMark.update(ctx, article);
    m_annotations.update(ctx, article);
    m_layout.placeTitle(ImGui::GetCursorScreenPos());
    drawParagraph(drawList, m_layout.title(), ArticleLayout::titleStyle(body), m_layout.titleOrigin(), highlightsFor(ctx, TextRange::kTitle));
    ImGui::Dummy(ImVec2(ctx.width, m_layout.title().height + 8));

    ViewResult result = drawMetaLine(ctx, article, m_layout.readingMinutes(), m_settingsPanel);
    result += m_settingsPanel.draw(ctx);
    if (result.toggleBookmark && ctx.annotations) ctx.annotations->toggleBookmark(article.id);
    const ImVec2 rule = ImGui::GetCursorScreenPos();
    drawList->AddLine(rule, ImVec2(rule.x + ctx.width, rule.y), ctx.theme.rule);
    ImGui::Dummy(ImVec2(0, 14));

    const float gap = std::round(body.options.fontSize * kParagraphGapEm);
    result += drawBody(ctx, body, gap);
    handleInput(ctx);
    result += drawFindBar(ctx);
    m_hits.scrollIfMoved(m_layout);
    m_reveal.scrollIfAsked(m_layout, gap);
    m_speechMark.scrollIfMoved(m_layout);
    m_layout.restoreTopParagraph();
    const bool onDemand = ctx.settings.rubyOnDemand && ctx.settings.rubyMode == core::RubyMode::Hidden;
    if (onDemand && ImGui::IsWindowHovered() && !m_selection.dragging()) showReadingUnderPointer(ctx, article, m_layout);
    handleSelectionTools(ctx, article);
    m_annotations.drawEditor(ctx);
    return result;
}

}  // namespace reader::ui
