// TextSelection: selecting the body's text with mouse and keys, and copying it.
#include "text_selection.h"

#include <algorithm>
#include <string_view>

#include <imgui.h>
#include <imgui_internal.h>

#include "core/block_layout.h"
#include "article_annotations.h"
#include "core/annotations.h"
#include "core/utf8.h"

namespace reader::ui {

namespace {

// A phrase for double-click: the run between punctuation marks or spaces.
bool endsPhrase(char32_t cp) {
    static constexpr std::u32string_view kMarks = U"，。、；：？！「」『』（）《》〈〉【】“”‘’…—,.;:?!()[]\"' \t\u3000";
    return kMarks.find(cp) != std::u32string_view::npos;
}

}  // namespace

void TextSelection::selectAll(const ArticleLayout& layout) {
    const auto& paragraphs = layout.paragraphs();
    if (paragraphs.empty()) return;
    m_anchor = {0, 0};
    m_focus = {paragraphs.size() - 1, paragraphs.back().text.size()};
}

std::string TextSelection::text(const ArticleLayout& layout) const {
    const auto& paragraphs = layout.paragraphs();
    const TextPosition from = std::min(m_anchor, m_focus);
    const TextPosition to = std::max(m_anchor, m_focus);
    // Each text's selected part; joined as core::joinTexts joins them (a table's row: its cells with tabs).
    std::vector<std::string> parts;
    std::vector<char> separators;
    for (size_t p = from.paragraph; p <= to.paragraph && p < paragraphs.size(); ++p) {
        const std::u32string& text = paragraphs[p].text;
        const size_t begin = p == from.paragraph ? from.caret : 0;
        const size_t end = p == to.paragraph ? to.caret : text.size();
        std::string& part = parts.emplace_back();
        separators.push_back(layout.separatorBefore(p));
        for (size_t i = begin; i < end && i < text.size(); ++i) core::utf8::append(part, text[i]);
    }
    return core::joinTexts(parts, separators);
}

std::optional<Highlight> TextSelection::highlightIn(size_t paragraph, const ArticleLayout& layout, ImU32 color) const {
    const TextPosition from = std::min(m_anchor, m_focus);
    const TextPosition to = std::max(m_anchor, m_focus);
    if (paragraph < from.paragraph || paragraph > to.paragraph || from == to) return std::nullopt;
    const size_t begin = paragraph == from.paragraph ? from.caret : 0;
    const size_t end = paragraph == to.paragraph ? to.caret : layout.paragraphs()[paragraph].text.size();
    return Highlight{begin, end, color};
}

void TextSelection::handleMouse(const ArticleLayout& layout) {
    const ImGuiIO& io = ImGui::GetIO();
    const bool overTools = any() && ImRect(m_toolsMin, m_toolsMax).Contains(io.MousePos);
    const bool overBody = ImGui::IsWindowHovered() && !ImGui::IsAnyItemHovered() && !overTools && layout.overBody(io.MousePos);
    if (overBody) ImGui::SetMouseCursor(ImGuiMouseCursor_TextInput);
    if (overBody && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
        const auto hit = layout.hitTest(io.MousePos);
        if (!hit) return;
        if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
            const std::u32string& text = layout.paragraphs()[hit->paragraph].text;
            size_t begin = hit->caret, end = hit->caret;
            while (begin > 0 && !endsPhrase(text[begin - 1])) --begin;
            while (end < text.size() && !endsPhrase(text[end])) ++end;
            m_anchor = {hit->paragraph, begin};
            m_focus = {hit->paragraph, end};
            return;
        }
        if (!io.KeyShift) m_anchor = *hit;
        m_focus = *hit;
        m_dragging = true;
    }
    if (m_dragging && ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
        if (const auto hit = layout.hitTest(io.MousePos)) m_focus = *hit;
    }
    if (!ImGui::IsMouseDown(ImGuiMouseButton_Left)) m_dragging = false;
}

void TextSelection::handleKeys(const ArticleLayout& layout) {
    if (ImGui::GetIO().WantTextInput) return;
    if (ImGui::IsKeyChordPressed(ImGuiMod_Ctrl | ImGuiKey_A)) selectAll(layout);
    if (any() && ImGui::IsKeyChordPressed(ImGuiMod_Ctrl | ImGuiKey_C)) ImGui::SetClipboardText(text(layout).c_str());
}

// Small buttons by the end of the selection: copying without knowing the shortcut, highlighting.
TextSelection::Action TextSelection::drawTools(ViewContext& ctx, const ArticleLayout& layout) {
    Action action;
    if (!any() || m_dragging) return action;
    const bool annotate = ctx.annotations != nullptr;
    const TextPosition end = to();
    const core::ParagraphLayout& paragraph = layout.paragraphs()[end.paragraph];
    const size_t line = paragraph.lineOf(end.caret > 0 ? end.caret - 1 : 0);
    const ImVec2 origin = layout.origins()[end.paragraph];
    const float width = annotate ? 330.0f : 48.0f;
    const float x = std::max(layout.origins()[0].x, std::min(origin.x + paragraph.caretX(end.caret) + 6.0f, layout.bodyMax().x - width));
    const float y = origin.y + paragraph.lines[line].y + paragraph.lineAdvance;
    const ImVec2 saved = ImGui::GetCursorScreenPos();
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    ImGui::PushStyleColor(ImGuiCol_Button, ImGui::ColorConvertU32ToFloat4(ctx.theme.link));
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
    ImGui::PushFont(ctx.font, typography().chrome);
    const auto button = [&](std::string_view label, const char* key) {
        const bool clicked = ImGui::Button((std::string(label) + "##" + key).c_str());
        ctx.items.addLastItem(key);
        return clicked;
    };
    if (button(ctx.strings.copy, "copy")) ImGui::SetClipboardText(text(layout).c_str());
    m_toolsMin = ImGui::GetItemRectMin();
    if (annotate) {
        const float side = ImGui::GetFrameHeight();
        for (const std::string_view color : core::kHighlightColors) {
            ImGui::SameLine(0.0f, 4.0f);
            ImGui::PushStyleColor(ImGuiCol_Button, ImGui::ColorConvertU32ToFloat4(highlightFill(color, ctx.theme) | IM_COL32_A_MASK));
            const std::string key = "highlight:" + std::string(color);
            if (ImGui::Button(("##" + key).c_str(), ImVec2(side, side))) action = {Action::Kind::Highlight, color};
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", std::string(ctx.strings.highlight).c_str());
            ctx.items.addLastItem(key);
            ImGui::PopStyleColor();
        }
        ImGui::SameLine(0.0f, 4.0f);
        if (button(ctx.strings.note, "highlight:with-note")) action = {Action::Kind::Note, core::kHighlightColors[0]};
        ImGui::SameLine(0.0f, 4.0f);
        if (button(ctx.strings.quoteLink, "quote-link")) action.kind = Action::Kind::QuoteLink;
    }
    m_toolsMax = ImGui::GetItemRectMax();
    ImGui::PopFont();
    ImGui::PopStyleColor(2);
    ImGui::SetCursorScreenPos(saved);
    return action;
}

}  // namespace reader::ui
