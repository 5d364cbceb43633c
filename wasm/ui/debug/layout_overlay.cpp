// The layout overlay: what core's TextLayout decided for the open article, drawn over the text
// itself (line boxes and their ruby bands, where lines could break and where they did, ruby boxes),
// and the character under the mouse with its UAX #14 class, font size and glyph metrics.
#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>
#include <utility>

#include <imgui.h>
#include <imgui_internal.h>

#include "core/line_breaker.h"
#include "core/ruby_parser.h"
#include "core/utf8.h"
#include "panels.h"
#include "ui/paragraph_view.h"
#include "ui/reader_app.h"
#include "ui/text_drawing.h"

namespace reader::ui {

namespace {

constexpr ImU32 kLineBox = IM_COL32(40, 110, 220, 110);
constexpr ImU32 kRubyBand = IM_COL32(240, 170, 40, 40);
constexpr ImU32 kInkEnd = IM_COL32(30, 160, 70, 160);       // where a line's last glyph ends
constexpr ImU32 kBreak = IM_COL32(30, 160, 70, 200);        // a break opportunity not taken
constexpr ImU32 kBreakTaken = IM_COL32(220, 40, 40, 230);   // where the line did break
constexpr ImU32 kRubyBox = IM_COL32(230, 120, 20, 200);
constexpr ImU32 kHoverFill = IM_COL32(40, 110, 220, 50);
constexpr ImU32 kInkBox = IM_COL32(220, 40, 40, 230);
constexpr float kTick = 6.0f;  // height of a break mark, logical pixels

// The break opportunities TextLayout used for `source` in `mode`: the displayed text and its glue
// (ruby units) rebuilt as text_layout.cpp's buildDisplay builds them, then LineBreaker. If the
// rebuilt text is not the layout's text, the two have drifted apart: no breaks are shown.
bool breaksOf(std::string_view source, core::RubyMode mode, const std::u32string& shown, std::vector<bool>& out) {
    std::vector<core::utf8::CodePoint> text;
    std::vector<core::LineBreaker::Range> glued;
    for (const core::RubyRun& run : core::RubyParser::parse(source)) {
        const size_t begin = text.size();
        const bool ruby = !run.reading.empty();
        const std::string& piece = ruby && mode == core::RubyMode::Inline ? run.source : run.base;
        for (size_t pos = 0; pos < piece.size();) {
            const char32_t cp = core::utf8::next(piece, pos);
            text.push_back({cp, text.size()});
        }
        if (ruby) glued.emplace_back(begin, text.size());
    }
    if (text.size() != shown.size()) return false;
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i].value != shown[i]) return false;
    }
    out = core::LineBreaker::opportunities(text, &glued);
    return true;
}

const char* yesNo(bool value) { return value ? "yes" : "no"; }

}  // namespace

void LayoutOverlay::rebuildBreaks(const ReaderApp& app) {
    const ArticleView& view = app.articleView();
    if (view.articleId() == m_articleId && app.bundleGeneration() == m_generation && view.rubyMode() == m_mode &&
        m_breaks.size() == view.paragraphLayouts().size()) {
        return;
    }
    m_articleId = view.articleId();
    m_generation = app.bundleGeneration();
    m_mode = view.rubyMode();
    const core::Article* article = app.bundle() ? app.bundle()->findArticle(m_articleId) : nullptr;
    const auto& layouts = view.paragraphLayouts();
    m_breaks.assign(layouts.size(), {});
    m_breaksValid.assign(layouts.size(), false);
    m_titleBreaksValid = article && breaksOf(article->title, m_mode, view.titleLayout().text, m_titleBreaks);
    if (!article || article->body.size() != layouts.size()) return;
    for (size_t i = 0; i < layouts.size(); ++i) {
        m_breaksValid[i] = breaksOf(article->body[i], m_mode, layouts[i].text, m_breaks[i]);
    }
}

void LayoutOverlay::drawBlock(ImDrawList* drawList, ImFont* font, const Block& block, float width) const {
    const core::ParagraphLayout& layout = *block.layout;
    const ImVec2 o = block.origin;
    for (size_t l = 0; l < layout.lines.size(); ++l) {
        const core::LineBox& line = layout.lines[l];
        const float top = o.y + line.y;
        const float bottom = top + layout.lineAdvance;
        if (showLines) {
            if (layout.rubyBand > 0.0f) drawList->AddRectFilled(ImVec2(o.x, top), ImVec2(o.x + width, top + layout.rubyBand), kRubyBand);
            drawList->AddRect(ImVec2(o.x, top), ImVec2(o.x + width, bottom), kLineBox);
            drawList->AddLine(ImVec2(o.x + line.width, top), ImVec2(o.x + line.width, bottom), kInkEnd);
        }
        if (showBreaks && block.breaks && line.glyphBegin < line.glyphEnd) {
            // Opportunities inside the line: ticks at the left edge of the glyph a line could start with.
            for (size_t i = line.glyphBegin + 1; i < line.glyphEnd; ++i) {
                if (!(*block.breaks)[i]) continue;
                const float x = std::round(o.x + layout.glyphs[i].x);
                drawList->AddLine(ImVec2(x, bottom - kTick), ImVec2(x, bottom), kBreak);
            }
            // The break taken: after the line's last glyph.
            if (l + 1 < layout.lines.size()) {
                const core::Glyph& last = layout.glyphs[line.glyphEnd - 1];
                const float x = std::round(o.x + last.x + last.advance);
                drawList->AddLine(ImVec2(x, bottom - 2 * kTick), ImVec2(x, bottom), kBreakTaken, 2.0f);
            }
        }
    }
    if (showRuby && !layout.rubies.empty()) {
        // Readings sit where drawParagraph puts them (paragraph_view.cpp): just above their base's
        // ink, in the line's ruby band and below it.
        ParagraphStyle style;
        style.font = font;
        style.options.fontSize = block.fontSize;
        const float rubySize = block.fontSize * style.options.rubyScale;
        constexpr float kIdeographicAscent = 0.88f;  // as in paragraph_view.cpp
        const float inkTop = glyphTop(layout, style) + ascent(font, block.fontSize) - kIdeographicAscent * block.fontSize;
        const float rubyY = std::max(0.0f, inkTop - block.fontSize * style.options.rubyGap - ascent(font, rubySize));
        for (const core::RubyMark& ruby : layout.rubies) {
            if (ruby.line >= layout.lines.size() || ruby.baseBegin >= ruby.baseEnd) continue;
            const float top = o.y + layout.lines[ruby.line].y;
            const ImVec2 at(std::round(o.x + ruby.x), std::round(top + rubyY));
            drawList->AddRect(at, ImVec2(at.x + ruby.width, at.y + naturalHeight(font, rubySize)), kRubyBox);
            const core::Glyph& first = layout.glyphs[ruby.baseBegin];
            const core::Glyph& last = layout.glyphs[ruby.baseEnd - 1];
            drawList->AddRect(ImVec2(o.x + first.x, top + layout.rubyBand), ImVec2(o.x + last.x + last.advance, top + layout.lineAdvance), kRubyBox);
        }
    }
}

void LayoutOverlay::findHover(const ReaderApp& app, ImDrawList* drawList, const Block& block, ImVec2 mouse) {
    const core::ParagraphLayout& layout = *block.layout;
    const ImVec2 o = block.origin;
    if (mouse.y < o.y || mouse.y >= o.y + layout.height || layout.lineAdvance <= 0.0f) return;
    const size_t l = static_cast<size_t>((mouse.y - o.y) / layout.lineAdvance);
    if (l >= layout.lines.size()) return;
    const core::LineBox& line = layout.lines[l];
    for (size_t g = line.glyphBegin; g < line.glyphEnd; ++g) {
        const core::Glyph& glyph = layout.glyphs[g];
        if (mouse.x < o.x + glyph.x || mouse.x >= o.x + glyph.x + glyph.advance) continue;
        Hover hover;
        hover.paragraph = block.paragraph;
        hover.line = l;
        hover.index = g;
        hover.cp = glyph.cp;
        hover.fontSize = block.fontSize;
        hover.layoutX = glyph.x;
        hover.layoutAdvance = glyph.advance;
        hover.breakClass = core::breakClassName(glyph.cp);
        if (block.breaks) {
            hover.breakBefore = (*block.breaks)[g];
            hover.breakAfter = g + 1 < block.breaks->size() && (*block.breaks)[g + 1];
        }
        for (const core::RubyMark& ruby : layout.rubies) {
            if (g >= ruby.baseBegin && g < ruby.baseEnd) hover.reading = ruby.reading;
        }
        const float top = o.y + line.y;
        drawList->AddRectFilled(ImVec2(o.x + glyph.x, top + layout.rubyBand), ImVec2(o.x + glyph.x + glyph.advance, top + layout.lineAdvance), kHoverFill);
        // The glyph as ImGui draws it: baked at this size, placed where drawParagraph places it.
        ImFont* font = app.font();
        if (ImFontBaked* baked = font ? font->GetFontBaked(block.fontSize) : nullptr) {
            if (const ImFontGlyph* info = baked->FindGlyphNoFallback(static_cast<ImWchar>(glyph.cp))) {
                const float scale = block.fontSize / baked->Size;
                hover.hasGlyph = true;
                hover.advanceX = info->AdvanceX * scale;
                hover.x0 = info->X0 * scale;
                hover.y0 = info->Y0 * scale;
                hover.x1 = info->X1 * scale;
                hover.y1 = info->Y1 * scale;
                hover.visible = info->Visible;
                ParagraphStyle style;
                style.font = font;
                style.options.fontSize = block.fontSize;
                const ImVec2 at(std::trunc(std::round(o.x + glyph.x)), std::trunc(std::round(top + glyphTop(layout, style))));
                drawList->AddRect(ImVec2(at.x + hover.x0, at.y + hover.y0), ImVec2(at.x + hover.x1, at.y + hover.y1), kInkBox);
            }
        }
        m_hover = std::move(hover);
        return;
    }
}

void LayoutOverlay::drawOverlay(const ReaderApp& app) {
    m_hover.reset();
    const core::Place& place = app.navigator().current();
    const ArticleView& view = app.articleView();
    ImGuiWindow* content = contentWindow();
    if (!content || !app.font() || place.view != core::View::Article || view.articleId() != place.articleId) return;
    rebuildBreaks(app);

    ImDrawList* drawList = content->DrawList;
    const ImRect clip = content->InnerClipRect;
    drawList->PushClipRect(clip.Min, clip.Max);
    std::vector<Block> blocks;
    blocks.push_back({&view.titleLayout(), view.titleOrigin(), view.titleTextSize(), m_titleBreaksValid ? &m_titleBreaks : nullptr, -1});
    const auto& layouts = view.paragraphLayouts();
    const auto& origins = view.paragraphOrigins();
    for (size_t i = 0; i < layouts.size() && i < origins.size(); ++i) {
        const bool valid = i < m_breaksValid.size() && m_breaksValid[i];
        blocks.push_back({&layouts[i], origins[i], view.bodyTextSize(), valid ? &m_breaks[i] : nullptr, static_cast<int>(i)});
    }
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    const bool mouseOnText = GImGui->HoveredWindow == content && clip.Contains(mouse);
    for (const Block& block : blocks) {
        if (block.origin.y > clip.Max.y || block.origin.y + block.layout->height < clip.Min.y) continue;
        drawBlock(drawList, app.font(), block, view.layoutWidth());
        if (mouseOnText && !m_hover) findHover(app, drawList, block, mouse);
    }
    drawList->PopClipRect();
}

void LayoutOverlay::drawPanel(const ReaderApp& app) {
    ImGui::Checkbox("Line boxes", &showLines);
    ImGui::SameLine();
    ImGui::Checkbox("Break opportunities", &showBreaks);
    ImGui::SameLine();
    ImGui::Checkbox("Ruby boxes", &showRuby);
    ImGui::TextWrapped("Blue: line boxes (amber band: room for readings); green: where the ink ends and where a line "
                       "could break; red: where it broke; orange: readings and their bases; red box: the glyph's ink.");
    ImGui::Separator();
    const ArticleView& view = app.articleView();
    if (app.navigator().current().view != core::View::Article) {
        ImGui::TextDisabled("Open an article to see its layout.");
        return;
    }
    ImGui::Text("Body %.0f px, title %.0f px, column %.0f px, ruby %s", view.bodyTextSize(), view.titleTextSize(),
                view.layoutWidth(), core::RubyMode::Above == view.rubyMode() ? "above" : core::RubyMode::Hidden == view.rubyMode() ? "hidden" : "inline");
    size_t lines = view.titleLayout().lines.size();
    for (const core::ParagraphLayout& layout : view.paragraphLayouts()) lines += layout.lines.size();
    ImGui::Text("%zu paragraphs, %zu lines", view.paragraphLayouts().size(), lines);
    if (!enabled) {
        ImGui::TextDisabled("Turn the layout overlay on to inspect the character under the mouse.");
        return;
    }
    if (!m_hover) {
        ImGui::TextDisabled("Point at a character of the article.");
        return;
    }
    const Hover& h = *m_hover;
    ImGui::Separator();
    ImGui::Text("%s", describeCodePoint(h.cp).c_str());
    if (h.paragraph < 0) {
        ImGui::Text("title, line %zu, index %zu", h.line + 1, h.index);
    } else {
        ImGui::Text("paragraph %d, line %zu, index %zu", h.paragraph + 1, h.line + 1, h.index);
    }
    ImGui::Text("UAX #14 class %s; break before: %s, after: %s", h.breakClass, yesNo(h.breakBefore), yesNo(h.breakAfter));
    if (!h.reading.empty()) ImGui::Text("ruby reading: %s", h.reading.c_str());
    ImGui::Text("font size %.1f px", h.fontSize);
    ImGui::Text("layout: x %.2f, advance %.2f (justification included)", h.layoutX, h.layoutAdvance);
    if (h.hasGlyph) {
        ImGui::Text("ImFontGlyph: advance %.2f, box (%.2f, %.2f)-(%.2f, %.2f), %s", h.advanceX, h.x0, h.y0, h.x1, h.y1,
                    h.visible ? "visible" : "no ink");
    } else {
        ImGui::TextDisabled("no glyph in the font for this code point");
    }
}

}  // namespace reader::ui
