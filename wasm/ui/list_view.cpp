// The list of a category's articles (all articles on 首頁), newest first: title and date per row.
#include <algorithm>
#include <cmath>

#include <imgui.h>

#include "core/calendar.h"
#include "text_drawing.h"
#include "views.h"

namespace reader::ui {

namespace {

constexpr float kRowPaddingY = 10.0f;  // logical pixels above and below a row's text
constexpr float kDateGap = 24.0f;     // between a title and its date

void drawRow(ViewContext& ctx, const core::Article& article) {
    const std::string date = core::formatPublishedDate(article.published);
    const float dateWidth = textWidth(ctx.font, typography().chrome, date);
    ParagraphStyle style;
    style.font = ctx.font;
    style.options.width = std::max(80.0f, ctx.width - dateWidth - kDateGap);
    style.options.fontSize = typography().listTitle;
    style.options.lineHeight = 1.5f;
    style.options.firstLineIndent = 0.0f;
    style.options.rubyMode = ctx.settings.rubyMode;
    const float size = style.options.fontSize;
    const core::ParagraphLayout title = layoutText(article.title, style);
    const float height = title.height + 2 * kRowPaddingY;

    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const std::string key = "article:" + article.id;
    ImGui::PushID(key.c_str());
    const bool clicked = ImGui::Selectable("##row", false, 0, ImVec2(ctx.width, height));
    const bool hovered = ImGui::IsItemHovered();
    ImGui::PopID();
    ctx.items.addLastItem(key);
    if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);

    ImDrawList* drawList = ImGui::GetWindowDrawList();
    style.color = hovered ? ctx.theme.link : ctx.theme.text;
    style.rubyColor = ctx.theme.ruby;
    drawParagraph(drawList, title, style, ImVec2(origin.x, origin.y + kRowPaddingY));
    // The date sits on the first title line's baseline.
    const float titleTop = origin.y + kRowPaddingY + glyphTop(title, style);
    const float dateY = titleTop + ascent(ctx.font, size) - ascent(ctx.font, typography().chrome);
    drawList->AddText(ctx.font, typography().chrome, ImVec2(std::round(origin.x + ctx.width - dateWidth), dateY),
                      ctx.theme.muted, date.c_str());
    const float ruleY = origin.y + height + 0.5f * ImGui::GetStyle().ItemSpacing.y;
    drawList->AddLine(ImVec2(origin.x, ruleY), ImVec2(origin.x + ctx.width, ruleY), ctx.theme.rule);
    if (clicked) ctx.nav.openArticle(article.id);
}

}  // namespace

void drawListView(ViewContext& ctx, const std::string& categoryId) {
    const core::Category* category = ctx.bundle->findCategory(categoryId);
    const std::string heading = category ? category->name : std::string(ctx.strings.home);
    lineText(ctx.font, typography().listTitle * 1.25f, heading, ctx.theme.text);
    ImGui::Dummy(ImVec2(0, 6));

    const auto articles = core::articlesIn(*ctx.bundle, categoryId);
    if (articles.empty()) {
        drawMessage(ctx, std::string(ctx.strings.emptyCategory), "", false);
        return;
    }
    for (const core::Article* article : articles) drawRow(ctx, *article);
}

}  // namespace reader::ui
