// The list of a category's articles (all articles on 首頁), newest first: one row per article,
// title and date. Rows have one height, so only the rows on screen are laid out and drawn
// (ImGuiListClipper): a bundle of 100,000 articles scrolls as lightly as one of ten.
#include "list_view.h"

#include <algorithm>
#include <cmath>

#include <imgui.h>

#include "core/calendar.h"
#include "chrome_views.h"
#include "keyboard_focus.h"
#include "paragraph_view.h"
#include "text_drawing.h"

namespace reader::ui {

namespace {

constexpr float kRowPaddingY = 10.0f;  // logical pixels above and below a row's text
constexpr float kDateGap = 24.0f;      // between a title and its date
constexpr float kTitleLineHeight = 1.5f;
constexpr size_t kMaxKeptTitles = 4096;  // laid-out titles kept (a few screens' worth, many times over)

ParagraphStyle titleStyle(const ViewContext& ctx, float width) {
    ParagraphStyle style;
    style.font = ctx.font;
    style.options.width = width;
    style.options.fontSize = typography().listTitle;
    style.options.lineHeight = kTitleLineHeight;
    style.options.firstLineIndent = 0.0f;
    style.options.rubyMode = ctx.settings.rubyMode;
    style.rubyColor = ctx.theme.ruby;
    return style;
}

// The ruby band every row keeps in "above" mode, so that all rows have one height.
float rowBand(const ViewContext& ctx) {
    const float size = typography().listTitle;
    return ctx.settings.rubyMode == core::RubyMode::Above ? std::ceil(size * (0.5f * 1.2f + 0.1f)) : 0.0f;
}

}  // namespace

float ListView::rowHeight(const ViewContext& ctx) const {
    return rowBand(ctx) + std::round(typography().listTitle * kTitleLineHeight) + 2 * kRowPaddingY;
}

const std::vector<const core::Article*>& ListView::articles(const ViewContext& ctx, const std::string& categoryId) {
    if (m_bundle != ctx.bundle || m_categoryId != categoryId || !m_valid) {
        m_articles = core::articlesIn(*ctx.bundle, categoryId);
        m_bundle = ctx.bundle;
        m_categoryId = categoryId;
        m_valid = true;
        m_selected = std::min(m_selected, m_articles.empty() ? 0 : m_articles.size() - 1);
    }
    return m_articles;
}

// One line per row: a longer title ends with an ellipsis. Only its first kOneLineCodePoints are laid
// out (a line never shows more), so a title of a megabyte costs what a long one does, once.
const ListView::TitleLine& ListView::titleLine(const ViewContext& ctx, const core::Article& article, const ParagraphStyle& style) {
    const TitleInputs inputs{ctx.bundle, style.font, style.options.rubyMode, ctx.converter};
    if (inputs != m_titlesFor || m_titles.size() > kMaxKeptTitles) {
        m_titles.clear();
        m_titlesFor = inputs;
    }
    TitleLine& line = m_titles[&article];
    if (line.width == style.options.width) return line;
    const std::string_view source = oneLinePrefix(article.title);
    const std::string shownTitle = ctx.shown(source);
    line.width = style.options.width;
    line.layout = layoutText(shownTitle, style);
    line.cut = line.layout.lines.size() > 1 || source.size() < article.title.size();
    if (line.cut) {
        ParagraphStyle narrower = style;
        narrower.options.width -= textWidth(ctx.font, style.options.fontSize, "…");
        line.layout = layoutText(shownTitle, narrower);
        line.layout.lines.resize(std::min<size_t>(1, line.layout.lines.size()));
        std::erase_if(line.layout.rubies, [](const core::RubyMark& ruby) { return ruby.line > 0; });
    }
    return line;
}

void ListView::drawRow(ViewContext& ctx, size_t index, bool selected) {
    const core::Article& article = *m_articles[index];
    const bool isSelectedRow = index == m_selected;
    const std::string date = core::formatPublishedDate(article.published);
    const float dateWidth = textWidth(ctx.font, typography().chrome, date);
    ParagraphStyle style = titleStyle(ctx, std::max(80.0f, ctx.width - dateWidth - kDateGap));
    const TitleLine& line = titleLine(ctx, article, style);
    const core::ParagraphLayout& title = line.layout;
    const bool cut = line.cut;
    const float height = rowHeight(ctx);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const std::string key = "article:" + article.id;
    ImGui::PushID(key.c_str());
    // The list is one tab stop, its selected row (as a listbox is): ↑/↓ move within it.
    ImGui::PushItemFlag(ImGuiItemFlags_NoTabStop, !isSelectedRow);
    const bool clicked = ImGui::Selectable("##row", selected, 0, ImVec2(ctx.width, height - ImGui::GetStyle().ItemSpacing.y));
    ImGui::PopItemFlag();
    const bool hovered = ImGui::IsItemHovered();
    ImGui::PopID();
    ctx.items.addLastItem(key);
    if (isSelectedRow && m_focusSelected) {
        focusLastItem();  // the arrows moved the selection: the keyboard's focus goes with it
        m_focusSelected = false;
    } else if (ImGui::IsItemFocused() && keyboardFocusShown() && !m_focusSelected) {
        m_selected = index;  // Tab, or the row's text-mirror link, brought the focus here
        selected = m_keyboardUsed = true;
    }
    if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);

    ImDrawList* drawList = ImGui::GetWindowDrawList();
    // The row the arrow keys moved to wears a focus ring, not just the pale fill: 2 px in the link
    // colour, which every theme keeps at 3:1 or more against its page and its row fill.
    if (selected) drawList->AddRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), ctx.theme.link, 3.0f, 0, 2.0f);
    style.color = hovered ? ctx.theme.link : ctx.theme.text;
    // Rows without readings still keep the band, so every row lines up.
    const ImVec2 titleOrigin(origin.x, origin.y + kRowPaddingY + rowBand(ctx) - title.rubyBand);
    drawParagraph(drawList, title, style, titleOrigin);
    const float titleTop = titleOrigin.y + glyphTop(title, style);
    if (cut && !title.lines.empty()) {
        const float x = titleOrigin.x + title.lines[0].width;
        drawList->AddText(ctx.font, style.options.fontSize, ImVec2(std::round(x), std::round(titleTop)), style.color, "…");
    }
    // The date sits on the title's baseline.
    const float dateY = titleTop + ascent(ctx.font, style.options.fontSize) - ascent(ctx.font, typography().chrome);
    drawList->AddText(ctx.font, typography().chrome, ImVec2(std::round(origin.x + ctx.width - dateWidth), std::round(dateY)),
                      ctx.theme.muted, date.c_str());
    const float ruleY = origin.y + height - 0.5f * ImGui::GetStyle().ItemSpacing.y;
    drawList->AddLine(ImVec2(origin.x, ruleY), ImVec2(origin.x + ctx.width, ruleY), ctx.theme.rule);
    if (clicked) ctx.nav.openArticle(article.id);
}

// The row whose text-mirror link has the page's focus (ItemRegistry::focusOn) is selected, so that
// it is drawn, scrolled to and focused even when it was off screen.
void ListView::revealFocusedLink(const ViewContext& ctx) {
    const std::string& key = ctx.items.focusKey();
    if (key == m_revealedKey) return;
    m_revealedKey = key;
    if (!key.starts_with("article:")) return;
    for (size_t i = 0; i < m_articles.size(); ++i) {
        if (m_articles[i]->id != key.substr(8)) continue;
        m_selected = i;
        m_keyboardUsed = true;
        return;
    }
}

// ↑/↓ move the selection and the keyboard's focus (keeping it on screen); Enter opens it (or,
// while a control shows keyboard focus, activates that control, the row among them).
void ListView::handleKeys(ViewContext& ctx, float listTop) {
    if (m_articles.empty() || ImGui::GetIO().WantTextInput) return;
    const size_t before = m_selected;
    if (ImGui::IsKeyPressed(ImGuiKey_DownArrow)) m_selected = std::min(m_selected + 1, m_articles.size() - 1);
    if (ImGui::IsKeyPressed(ImGuiKey_UpArrow) && m_selected > 0) --m_selected;
    const bool enter = ImGui::IsKeyPressed(ImGuiKey_Enter, false) || ImGui::IsKeyPressed(ImGuiKey_KeypadEnter, false);
    if (enter && !keyboardFocusShown()) ctx.nav.openArticle(m_articles[m_selected]->id);
    revealFocusedLink(ctx);
    if (m_selected == before) return;
    m_keyboardUsed = true;
    m_focusSelected = true;
    const float rowTop = listTop + static_cast<float>(m_selected) * rowHeight(ctx);
    const float viewTop = ImGui::GetScrollY();
    const float viewBottom = viewTop + ImGui::GetWindowHeight();
    if (rowTop < viewTop) ImGui::SetScrollY(rowTop);
    if (rowTop + rowHeight(ctx) > viewBottom) ImGui::SetScrollY(rowTop + rowHeight(ctx) - ImGui::GetWindowHeight());
}

void ListView::draw(ViewContext& ctx, const std::string& categoryId) {
    const core::Category* category = ctx.bundle->findCategory(categoryId);
    const std::string heading = category ? ctx.chrome(category->name) : std::string(ctx.strings.home);
    lineText(ctx.font, typography().listTitle * 1.25f, heading, ctx.theme.text);
    // The archive by date (and by sub-category), with counts: the search view without a query.
    ImGui::SameLine(0, 24);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 6.0f);
    if (textButton("browse:dates", ctx.font, typography().chrome, ctx.strings.filters[4], ctx.theme.link, ctx.theme.link)) {
        ctx.nav.filterSearch(categoryId, 0, 0);
    }
    ctx.items.addLastItem("browse:dates");
    ImGui::Dummy(ImVec2(0, 6));

    const auto& list = articles(ctx, categoryId);
    if (list.empty()) {
        drawMessage(ctx, std::string(ctx.strings.emptyCategory), "", false);
        return;
    }
    // The list's top in the scrolled window's own coordinates, for keeping the selection visible.
    const float listTop = ImGui::GetCursorPosY();
    handleKeys(ctx, listTop);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(ImGui::GetStyle().ItemSpacing.x, 0));
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(list.size()), rowHeight(ctx));
    clipper.IncludeItemByIndex(static_cast<int>(m_selected));  // the list's tab stop is always there
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            drawRow(ctx, static_cast<size_t>(i), static_cast<size_t>(i) == m_selected && m_keyboardUsed);
        }
    }
    ImGui::PopStyleVar();
}

}  // namespace reader::ui
