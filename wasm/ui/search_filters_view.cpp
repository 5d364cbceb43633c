// The search view's filter rows (search_filters_view.h).
#include "search_filters_view.h"

#include <cmath>
#include <string>

#include <imgui.h>

#include "text_drawing.h"

namespace reader::ui {

namespace {

// A row: its label, then its choices, wrapping onto more lines when the column is too narrow. The
// chosen one in the text colour, underlined; `key` names it for tests and the keyboard.
class ChoiceRow {
public:
    ChoiceRow(ViewContext& ctx, std::string_view label) : m_ctx(ctx), m_left(ImGui::GetCursorPosX()) {
        lineText(ctx.font, size(), label, ctx.theme.muted);
        ImGui::SameLine(0, 12);
    }
    ~ChoiceRow() { ImGui::Dummy(ImVec2(0, 2)); }

    bool choice(const std::string& key, const std::string& text, bool chosen) {
        const float width = textWidth(m_ctx.font, size(), text);
        if (!m_first && ImGui::GetCursorPosX() + width > m_left + m_ctx.width) ImGui::NewLine();
        if (ImGui::GetCursorPosX() < m_left + 1.0f) ImGui::SetCursorPosX(m_left + 24.0f);
        m_first = false;
        // The chosen one in the text colour, underlined: where the reader is, not a way elsewhere.
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const bool clicked = textButton(key.c_str(), m_ctx.font, size(), text, chosen ? m_ctx.theme.text : m_ctx.theme.link, m_ctx.theme.link);
        if (chosen) {
            const float y = std::round(at.y + naturalHeight(m_ctx.font, size())) + 1.0f;
            ImGui::GetWindowDrawList()->AddLine(ImVec2(at.x, y), ImVec2(at.x + width, y), m_ctx.theme.text, 1.0f);
        }
        m_ctx.items.addLastItem(key);
        ImGui::SameLine(0, 14);
        return clicked;
    }

private:
    static float size() { return typography().chrome; }

    ViewContext& m_ctx;
    float m_left;
    bool m_first = true;
};

std::string counted(std::string_view text, size_t count) { return std::string(text) + " (" + std::to_string(count) + ")"; }

void categoryRow(ViewContext& ctx, const core::Place& place, const core::FacetCounts& counts) {
    const core::Bundle& bundle = *ctx.bundle;
    ChoiceRow row(ctx, ctx.strings.filters[0]);
    if (row.choice("filter:category:", std::string(ctx.strings.filters[3]), place.categoryId.empty())) {
        ctx.nav.filterSearch("", place.year, place.month);
    }
    for (size_t i = 0; i < bundle.categories.size(); ++i) {
        const core::Category& category = bundle.categories[i];
        const bool chosen = category.id == place.categoryId;
        if (counts.categories[i] == 0 && !chosen) continue;
        // A sub-category says its parent's name before its own: 維權提示 › 消費警示.
        std::string name = ctx.chrome(category.name);
        if (bundle.categoryParent[i] != core::Bundle::kNoParent) name = ctx.chrome(bundle.categories[bundle.categoryParent[i]].name) + " › " + name;
        if (row.choice("filter:category:" + category.id, counted(name, counts.categories[i]), chosen)) {
            ctx.nav.filterSearch(chosen ? "" : category.id, place.year, place.month);
        }
    }
}

void dateRows(ViewContext& ctx, const core::Place& place, const core::FacetCounts& counts) {
    {
        ChoiceRow row(ctx, ctx.strings.filters[1]);
        if (row.choice("filter:year:", std::string(ctx.strings.filters[3]), place.year == 0)) ctx.nav.filterSearch(place.categoryId, 0, 0);
        for (const auto& [year, count] : counts.years) {
            const bool chosen = year == place.year;
            if (row.choice("filter:year:" + std::to_string(year), counted(std::to_string(year), count), chosen)) {
                ctx.nav.filterSearch(place.categoryId, chosen ? 0 : year, 0);
            }
        }
    }
    if (place.year == 0) return;
    ChoiceRow row(ctx, ctx.strings.filters[2]);
    if (row.choice("filter:month:", std::string(ctx.strings.filters[3]), place.month == 0)) ctx.nav.filterSearch(place.categoryId, place.year, 0);
    for (const auto& [month, count] : counts.months) {
        const bool chosen = month == place.month;
        const std::string name(ctx.strings.months[static_cast<size_t>(month - 1)]);
        if (row.choice("filter:month:" + std::to_string(month), counted(name, count), chosen)) {
            ctx.nav.filterSearch(place.categoryId, place.year, chosen ? 0 : month);
        }
    }
}

}  // namespace

void drawSearchFilters(ViewContext& ctx, const core::Place& place, const core::FacetCounts& counts) {
    if (counts.categories.size() != ctx.bundle->categories.size()) return;  // not counted yet
    categoryRow(ctx, place, counts);
    dateRows(ctx, place, counts);
    ImGui::Dummy(ImVec2(0, 4));
}

}  // namespace reader::ui
