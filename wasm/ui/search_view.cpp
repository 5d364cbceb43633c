// Search: the box in the top bar and the results (title, date and a snippet with the hit marked,
// newest first or by relevance). The hits inside an opened article are article_marks.cpp's.
#include "search_view.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>

#include <imgui.h>

#include "core/calendar.h"
#include "chrome_views.h"
#include "core/ruby_parser.h"
#include "core/search_excerpt.h"
#include "split_search.h"
#include "text_drawing.h"

namespace reader::ui {

namespace {

constexpr float kResultPaddingY = 8.0f;  // logical pixels above and below a result's two lines

}  // namespace

// [SECTION] The search box

float searchBoxHeight(const ViewContext& ctx) { return naturalHeight(ctx.font, typography().chrome) + 8.0f; }

void drawSearchBox(ViewContext& ctx, SearchState& search, float width) {
    const float size = typography().chrome;
    ImGui::PushFont(ctx.font, size);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(8.0f, (searchBoxHeight(ctx) - size) * 0.5f));
    ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, 4.0f);
    ImGui::PushStyleColor(ImGuiCol_FrameBg, ImGui::ColorConvertU32ToFloat4(ctx.theme.page));
    ImGui::PushStyleColor(ImGuiCol_Border, ImGui::ColorConvertU32ToFloat4(ctx.theme.rule));
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 1.0f);
    // "/" anywhere but in a text field puts the cursor here.
    if (search.focusRequested || (!ImGui::GetIO().WantTextInput && ImGui::IsKeyPressed(ImGuiKey_Slash, false))) {
        ImGui::SetKeyboardFocusHere();
        search.focusRequested = false;
    }
    ImGui::SetNextItemWidth(width);
    const std::string hint = search.composing ? std::string() : std::string(ctx.strings.searchHint);
    if (ImGui::InputTextWithHint("##search", hint.c_str(), search.buffer, sizeof search.buffer)) {
        const std::string query = search.buffer;
        if (query.empty() && ctx.nav.current().view == core::View::Search) {
            ctx.nav.back();
        } else if (!query.empty()) {
            ctx.nav.search(query);
        }
    }
    ctx.items.addLastItem("search");
    ImGui::PopStyleVar(3);
    ImGui::PopStyleColor(2);
    ImGui::PopFont();
}

// [SECTION] Results

// A split bundle's prebuilt index answers once its manifest is in (bodies not fetched included);
// until then, or without one, the index built here.
void SearchView::ensureResults(const ViewContext& ctx, const std::string& query) {
    const core::SplitIndex* split = ctx.splitSearch ? ctx.splitSearch->index() : nullptr;
    const size_t shards = ctx.splitSearch ? ctx.splitSearch->shardsLoaded() : 0;
    if (m_rubyMode != ctx.settings.rubyMode) {  // the excerpts show readings in inline mode only
        m_rubyMode = ctx.settings.rubyMode;
        m_snippets.assign(m_results.size(), std::nullopt);
    }
    if (m_bundle == ctx.bundle && m_query == query && m_order == ctx.settings.searchOrder && m_index == ctx.searchIndex &&
        m_splitIndex == split && m_splitShards == shards) {
        return;
    }
    m_results = split ? split->search(query, ctx.settings.searchOrder, kMaxResults)
                      : ctx.searchIndex ? ctx.searchIndex->search(query, ctx.settings.searchOrder, kMaxResults)
                                        : std::vector<core::SearchResult>();
    m_bundle = ctx.bundle;
    m_query = query;
    m_order = ctx.settings.searchOrder;
    m_index = ctx.searchIndex;
    m_splitIndex = split;
    m_splitShards = shards;
    m_snippets.assign(m_results.size(), std::nullopt);
}

// The excerpt around a result's first hit, in the pinyin mode shown. The split index knows a body
// hit's article, not its paragraph: the hit is found in the body if it has arrived; else the excerpt
// is empty.
core::Excerpt SearchView::excerptOf(const ViewContext& ctx, const core::SearchResult& result) const {
    if (result.hits.empty()) return {};
    core::SearchHit hit = result.hits.front();
    if (hit.paragraph == core::SearchHit::kBody) {
        const std::vector<core::SearchHit> found = core::SearchIndex::findInArticle(*ctx.bundle, result.article, m_query);
        if (found.empty()) return {};
        hit = found.front();
    }
    const core::Article& article = ctx.bundle->articles[result.article];
    if (hit.paragraph != core::SearchHit::kTitle && hit.paragraph >= article.body.size()) return {};
    const std::string& field = hit.paragraph == core::SearchHit::kTitle ? article.title : article.body[hit.paragraph];
    return core::searchExcerpt(field, hit.offset, hit.length, ctx.settings.rubyMode);
}

const std::vector<core::SearchResult>& SearchView::results(const ViewContext& ctx, const std::string& query) {
    ensureResults(ctx, query);
    return m_results;
}

float SearchView::rowHeight(const ViewContext& ctx) const {
    return naturalHeight(ctx.font, typography().listTitle) + naturalHeight(ctx.font, typography().chrome) + 6.0f +
           2 * kResultPaddingY;
}

SearchExcerpt SearchView::excerpt(const ViewContext& ctx, size_t i) {
    const core::SearchResult& result = m_results[i];
    const core::Article& article = ctx.bundle->articles[result.article];
    if (!m_snippets[i]) m_snippets[i] = excerptOf(ctx, result);
    const core::Excerpt& snippet = *m_snippets[i];
    SearchExcerpt out;
    const size_t field = result.hits.front().paragraph;
    if (field != core::SearchHit::kTitle) out.role = ctx.strings.textRoles[static_cast<size_t>(core::textRole(article, field))];
    // In the chosen script, piece by piece, so that the hit's range stays where it was.
    const std::string_view text = snippet.text;
    out.before = (snippet.clippedBefore ? "…" : "") + ctx.shown(text.substr(0, snippet.hitBegin));
    out.hit = ctx.shown(text.substr(snippet.hitBegin, snippet.hitEnd - snippet.hitBegin));
    out.after = ctx.shown(text.substr(snippet.hitEnd)) + (snippet.clippedAfter ? "…" : "");
    return out;
}

void SearchView::drawRow(ViewContext& ctx, size_t i) {
    const core::SearchResult& result = m_results[i];
    const core::Article& article = ctx.bundle->articles[result.article];
    const SearchExcerpt excerpt = this->excerpt(ctx, i);

    const float height = rowHeight(ctx);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const std::string key = "result:" + article.id;
    ImGui::PushID(key.c_str());
    const bool clicked = ImGui::Selectable("##result", false, 0, ImVec2(ctx.width, height));
    const bool hovered = ImGui::IsItemHovered();
    ImGui::PopID();
    ctx.items.addLastItem(key);
    if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);

    ImDrawList* drawList = ImGui::GetWindowDrawList();
    const float titleSize = typography().listTitle;
    const float small = typography().chrome;
    const std::string title = ctx.chrome(oneLinePrefix(article.title));
    const std::string date = core::formatPublishedDate(article.published);
    const float dateWidth = textWidth(ctx.font, small, date);
    float y = origin.y + kResultPaddingY;
    ImGui::PushClipRect(origin, ImVec2(origin.x + ctx.width - dateWidth - 16.0f, origin.y + height), true);
    drawList->AddText(ctx.font, titleSize, ImVec2(origin.x, y), hovered ? ctx.theme.link : ctx.theme.text, title.c_str());
    ImGui::PopClipRect();
    drawList->AddText(ctx.font, small, ImVec2(std::round(origin.x + ctx.width - dateWidth), y + ascent(ctx.font, titleSize) - ascent(ctx.font, small)),
                      ctx.theme.muted, date.c_str());
    y += naturalHeight(ctx.font, titleSize) + 6.0f;

    // Where it matched, when not in the title or a paragraph: 表格, 圖說, 清單...
    const std::string_view role = excerpt.role;
    float x = origin.x;
    if (!role.empty()) {
        const float padding = std::round(small * 0.3f), width = textWidth(ctx.font, small, role) + 2 * padding;
        drawList->AddRect(ImVec2(x, y), ImVec2(x + width, y + naturalHeight(ctx.font, small)), ctx.theme.muted, 3.0f);
        drawList->AddText(ctx.font, small, ImVec2(x + padding, y), ctx.theme.muted, role.data(), role.data() + role.size());
        x += width + padding;
    }

    // The snippet, its hit on a marker-yellow ground.
    const std::string shown = excerpt.before + excerpt.hit + excerpt.after;
    const float hitX = x + textWidth(ctx.font, small, excerpt.before);
    const float hitW = textWidth(ctx.font, small, excerpt.hit);
    ImGui::PushClipRect(origin, ImVec2(origin.x + ctx.width, origin.y + height), true);
    if (hitW > 0.0f) {  // no snippet: a split index's hit in a body not fetched yet
        drawList->AddRectFilled(ImVec2(hitX, y), ImVec2(hitX + hitW, y + naturalHeight(ctx.font, small)), ctx.theme.searchHit, 2.0f);
    }
    drawList->AddText(ctx.font, small, ImVec2(x, y), ctx.theme.muted, shown.c_str());
    ImGui::PopClipRect();

    const float ruleY = origin.y + height;
    drawList->AddLine(ImVec2(origin.x, ruleY), ImVec2(origin.x + ctx.width, ruleY), ctx.theme.rule);
    if (clicked) ctx.nav.openArticle(article.id);
}

void SearchView::draw(ViewContext& ctx, const std::string& query) {
    lineText(ctx.font, typography().listTitle * 1.25f, ctx.strings.searchResults, ctx.theme.text);
    ImGui::SameLine(0, 24);
    // 最新 / 相關: the order of the results.
    for (int i = 0; i < 2; ++i) {
        const core::SearchOrder order = i == 0 ? core::SearchOrder::Newest : core::SearchOrder::Relevance;
        const bool active = ctx.settings.searchOrder == order;
        const char* key = i == 0 ? "order:newest" : "order:relevance";
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 6.0f);
        if (textButton(key, ctx.font, typography().chrome, ctx.strings.searchOrders[static_cast<size_t>(i)],
                       active ? ctx.theme.selected : ctx.theme.link, ctx.theme.link)) {
            ctx.settings.searchOrder = order;
        }
        ctx.items.addLastItem(key);
        if (i == 0) ImGui::SameLine(0, 12);
    }
    ImGui::Dummy(ImVec2(0, 6));

    if (!ctx.searchIndex && !ctx.splitSearch) {  // still being built, a slice per frame
        char percent[16];
        std::snprintf(percent, sizeof percent, " %d%%", static_cast<int>(ctx.indexProgress * 100.0f));
        lineText(ctx.font, typography().chrome, std::string(ctx.strings.indexing) + percent, ctx.theme.muted);
        drawProgressBar(ctx, ctx.indexProgress);
        return;
    }
    const bool awaiting = ctx.splitSearch && ctx.splitSearch->awaiting(query);
    if (ctx.splitSearch) {
        if (awaiting) lineText(ctx.font, typography().chrome, ctx.strings.fetchingIndex, ctx.theme.muted);
        if (!ctx.splitSearch->error().empty()) lineText(ctx.font, typography().chrome, ctx.splitSearch->error(), ctx.theme.muted);
    } else if (ctx.bodiesPending) {
        lineText(ctx.font, typography().chrome, ctx.strings.titlesOnly, ctx.theme.muted);
    }
    const auto& list = results(ctx, query);
    if (list.empty()) {
        if (!awaiting) drawMessage(ctx, std::string(ctx.strings.noResults), "", false);  // not before the shards say so
        return;
    }
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(ImGui::GetStyle().ItemSpacing.x, 0));
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(list.size()), rowHeight(ctx));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) drawRow(ctx, static_cast<size_t>(i));
    }
    ImGui::PopStyleVar();
}

}  // namespace reader::ui
