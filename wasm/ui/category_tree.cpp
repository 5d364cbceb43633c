// The bundle's categories as a tree: a sidebar on wide screens, a menu on narrow ones. Drawn from
// the bundle's tree rows with a clipper: no recursion, and only the visible rows cost a frame.
#include "category_tree.h"

#include <imgui.h>

#include <algorithm>

#include "text_drawing.h"

namespace reader::ui {

namespace {

constexpr float kIndent = 14.0f;  // logical pixels per level

// The category the reader is in: the list's, or the open article's.
std::string currentCategory(const ViewContext& ctx) {
    const core::Place& place = ctx.nav.current();
    if (place.view != core::View::Article) return place.categoryId;
    const core::Article* article = ctx.bundle->findArticle(place.articleId);
    return article ? article->categoryId : std::string();
}

bool entry(ViewContext& ctx, const std::string& key, std::string_view label, int depth, bool active) {
    const float size = typography().chrome;
    // Deep trees (the loader allows 32 levels) stop indenting at half the width, so every row keeps
    // room for its name.
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::min(depth * kIndent, ImGui::GetContentRegionAvail().x * 0.5f));
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const ImVec2 box(ImGui::GetContentRegionAvail().x, naturalHeight(ctx.font, size) + 8.0f);
    const bool clicked = ImGui::InvisibleButton(key.c_str(), box, ImGuiButtonFlags_EnableNav);
    const bool hovered = ImGui::IsItemHovered();
    ctx.items.addLastItem(key);
    ImDrawList* drawList = ImGui::GetWindowDrawList();
    if (active || hovered) drawList->AddRectFilled(at, ImVec2(at.x + box.x, at.y + box.y), ctx.theme.rowHover, 3.0f);
    if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    drawList->AddText(ctx.font, size, ImVec2(at.x + 6.0f, at.y + 4.0f), active ? ctx.theme.selected : ctx.theme.text,
                      label.data(), label.data() + label.size());
    return clicked;
}

// The rows under Home: the bundle's tree rows (core::Bundle::categoryRows, built once per bundle),
// through a clipper, so a frame costs what is visible, not what the bundle holds.
void drawRows(ViewContext& ctx, const std::string& current) {
    const std::vector<core::CategoryRow>& rows = ctx.bundle->categoryRows;
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(rows.size()));
    while (clipper.Step()) {
        for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
            const core::Category& category = ctx.bundle->categories[rows[row].category];
            const int depth = static_cast<int>(rows[row].depth);
            if (entry(ctx, "category:" + category.id, ctx.chrome(category.name), depth, category.id == current)) {
                ctx.nav.openCategory(category.id);
                ImGui::CloseCurrentPopup();
            }
        }
    }
}

}  // namespace

void drawCategoryTree(ViewContext& ctx) {
    const std::string current = currentCategory(ctx);
    const core::Place& place = ctx.nav.current();
    if (entry(ctx, "category:", ctx.strings.home, 0, current.empty() && place.view == core::View::List)) {
        ctx.nav.goHome();
        ImGui::CloseCurrentPopup();
    }
    drawRows(ctx, current);
}

void drawCategoryMenuButton(ViewContext& ctx) {
    const float size = typography().chrome;
    if (textButton("categories", ctx.font, size, ctx.strings.categories, ctx.theme.link, ctx.theme.link)) {
        ImGui::OpenPopup("category-menu");
    }
    ctx.items.addLastItem("categories");
    ImGui::SetNextWindowSizeConstraints(ImVec2(220, 0), ImVec2(360, 480));
    if (ImGui::BeginPopup("category-menu")) {
        ImGui::PushFont(ctx.font, size);
        drawCategoryTree(ctx);
        ImGui::PopFont();
        ImGui::EndPopup();
    }
}

}  // namespace reader::ui
