// Highlights in the open article, and the card that edits one.
#include "article_annotations.h"

#include <algorithm>

#include <imgui.h>

#include "core/search_excerpt.h"
#include "text_drawing.h"

namespace reader::ui {

namespace {

// Stored for ImGui's resize callback: the note grows as it is typed.
int resizeNote(ImGuiInputTextCallbackData* data) {
    if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
        auto* note = static_cast<std::string*>(data->UserData);
        note->resize(static_cast<size_t>(data->BufTextLen));
        data->Buf = note->data();
    }
    return 0;
}

bool isDark(const Theme& theme) {
    const ImVec4 page = ImGui::ColorConvertU32ToFloat4(theme.page);
    return page.x * 0.2126f + page.y * 0.7152f + page.z * 0.0722f < 0.5f;
}

}  // namespace

ImU32 highlightFill(std::string_view color, const Theme& theme) {
    if (theme.systemColors) return theme.searchHit;  // forced colours: the system's highlight, translucent
    const int alpha = isDark(theme) ? 110 : 150;
    if (color == "green") return IM_COL32(120, 210, 120, alpha);
    if (color == "blue") return IM_COL32(110, 170, 255, alpha);
    if (color == "pink") return IM_COL32(255, 140, 190, alpha);
    return IM_COL32(255, 215, 64, alpha);  // yellow
}

void ArticleAnnotations::update(const ViewContext& ctx, const core::Article& article) {
    if (!ctx.annotations) return;
    // The colours follow the theme: its page colour says which (light or dark fills, or the system's).
    const std::string key = article.id + '\x1f' + core::rubyModeName(ctx.settings.rubyMode) + '\x1f' +
                            std::to_string(reinterpret_cast<uintptr_t>(ctx.bundle)) + '\x1f' + std::to_string(ctx.theme.page) +
                            (ctx.theme.systemColors ? "s" : "");
    if (key == m_key && ctx.annotations->generation() == m_generation) return;
    m_key = key;
    m_generation = ctx.annotations->generation();
    m_placed.clear();
    m_orphans.clear();
    const core::ArticleText text = core::articleText(article);
    std::vector<std::vector<size_t>> maps(article.body.size());  // displayed place of each base code point, per text
    for (const core::Annotation* a : ctx.annotations->store().of(ctx.annotations->source())) {
        if (a->articleId != article.id || a->kind != core::AnnotationKind::Highlight) continue;
        const std::optional<core::TextRange32> range = core::anchor(text, *a);
        if (!range) {
            m_orphans.push_back(a->id);
            continue;
        }
        for (const core::TextSpan& span : core::spansOf(text, range->start, range->end)) {
            std::vector<size_t>& map = maps[span.paragraph];
            if (map.empty()) map = core::strippedToDisplayed(article.body[span.paragraph], ctx.settings.rubyMode);
            if (span.end >= map.size()) continue;
            m_placed.push_back({a->id, highlightFill(a->color, ctx.theme), span.paragraph, map[span.begin], map[span.end - 1] + 1});
        }
    }
}

void ArticleAnnotations::addHighlights(size_t paragraph, std::vector<Highlight>& marks) const {
    // Oldest first, so that a newer highlight over an older one is drawn over it.
    for (auto it = m_placed.rbegin(); it != m_placed.rend(); ++it) {
        if (it->paragraph == paragraph) marks.push_back({it->begin, it->end, it->color});
    }
}

std::optional<std::string> ArticleAnnotations::highlightAt(TextPosition position) const {
    for (const Placed& p : m_placed) {
        if (p.paragraph == position.paragraph && position.caret >= p.begin && position.caret < p.end) return p.id;
    }
    return std::nullopt;
}

std::optional<size_t> ArticleAnnotations::paragraphOf(const std::string& id) const {
    for (const Placed& p : m_placed) {
        if (p.id == id) return p.paragraph;
    }
    return std::nullopt;
}

std::pair<size_t, size_t> ArticleAnnotations::baseRange(const core::Article& article, core::RubyMode mode, TextPosition from, TextPosition to) {
    const core::ArticleText text = core::articleText(article);
    // A displayed glyph inside a reading (inline mode) counts as the base character after it.
    const auto base = [&](TextPosition at) {
        if (at.paragraph >= article.body.size()) return text.text.size();
        const std::vector<size_t> map = core::strippedToDisplayed(article.body[at.paragraph], mode);
        const size_t offset = static_cast<size_t>(std::lower_bound(map.begin(), map.end(), at.caret) - map.begin());
        return core::positionOf(text, at.paragraph, offset);
    };
    return {base(from), base(to)};
}

void ArticleAnnotations::drawEditor(ViewContext& ctx) {
    if (m_editing.empty() || !ctx.annotations) return;
    const core::Annotation* a = ctx.annotations->store().find(m_editing);
    if (!a) {
        m_editing.clear();
        return;
    }
    if (!m_noteLoaded) {
        m_note = a->note;
        m_noteLoaded = true;
        ImGui::OpenPopup("##highlight-card");
    }
    ImGui::SetNextWindowPos(m_editAt, ImGuiCond_Appearing);
    ImGui::PushStyleColor(ImGuiCol_PopupBg, ImGui::ColorConvertU32ToFloat4(ctx.theme.page));
    ImGui::PushStyleColor(ImGuiCol_Border, ImGui::ColorConvertU32ToFloat4(ctx.theme.rule));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(12.0f, 10.0f));
    if (!ImGui::BeginPopup("##highlight-card")) {  // closed by Esc or a click outside: the note is kept as typed
        ImGui::PopStyleVar();
        ImGui::PopStyleColor(2);
        ctx.annotations->setNote(m_editing, m_note.c_str());
        m_editing.clear();
        m_closedFrame = ImGui::GetFrameCount();
        return;
    }
    const std::string id = m_editing;
    ImGui::PushFont(ctx.font, typography().chrome);
    for (const std::string_view color : core::kHighlightColors) {
        ImGui::PushStyleColor(ImGuiCol_Button, ImGui::ColorConvertU32ToFloat4(highlightFill(color, ctx.theme) | IM_COL32_A_MASK));
        const std::string key = "highlight:color:" + std::string(color);
        if (ImGui::Button((std::string(a->color == color ? "✓" : " ") + "##" + key).c_str(), ImVec2(28, 28))) ctx.annotations->setColor(id, color);
        ctx.items.addLastItem(key);
        ImGui::PopStyleColor();
        ImGui::SameLine();
    }
    ImGui::NewLine();
    lineText(ctx.font, typography().chrome, ctx.strings.note, ctx.theme.muted);
    if (m_note.capacity() < 16) m_note.reserve(16);
    ImGui::InputTextMultiline("##note", m_note.data(), m_note.capacity() + 1, ImVec2(320, 90), ImGuiInputTextFlags_CallbackResize, resizeNote, &m_note);
    ctx.items.addLastItem("highlight:note");
    if (ImGui::Button(std::string(ctx.strings.done).append("##highlight:done").c_str())) {
        ctx.annotations->setNote(id, m_note.c_str());
        ImGui::CloseCurrentPopup();
        m_editing.clear();
    }
    ctx.items.addLastItem("highlight:done");
    ImGui::SameLine();
    if (ImGui::Button(std::string(ctx.strings.removeAnnotation).append("##highlight:remove").c_str())) {
        ctx.annotations->remove(id);
        ImGui::CloseCurrentPopup();
        m_editing.clear();
    }
    ctx.items.addLastItem("highlight:remove");
    ImGui::PopFont();
    ImGui::EndPopup();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor(2);
}

}  // namespace reader::ui
