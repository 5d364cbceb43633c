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
#include "search_filters_view.h"
#include "split_search.h"
#include "text_drawing.h"

namespace reader::ui {

namespace {

constexpr float kResultPaddingY = 8.0f;  // logical pixels above and below a result's two lines
constexpr float kSubResultIndent = 20.0f;  // a sub-result's line, under its result's excerpt

// The hits of a result that become sub-results: in paragraphs other than the excerpt's and each
// other's, in reading order (the split index's body hits have no paragraph: none).
std::vector<core::SearchHit> subHits(const core::SearchResult& result, size_t most) {
    std::vector<core::SearchHit> out;
    if (result.hits.empty()) return out;
    std::vector<size_t> taken{result.hits.front().paragraph};
    for (const core::SearchHit& hit : result.hits) {
        if (out.size() == most) break;
        if (hit.paragraph >= core::SearchHit::kBody || std::find(taken.begin(), taken.end(), hit.paragraph) != taken.end()) continue;
        taken.push_back(hit.paragraph);
        out.push_back(hit);
    }
    return out;
}

// The heading a body text sits under (the last heading block before its block), or null.
const std::string* headingAbove(const core::Article& article, size_t text) {
    const std::string* heading = nullptr;
    for (const core::Block& block : article.blocks) {
        if (block.firstText + block.textCount > text) break;  // the text's own block, or after it
        if (block.kind == core::BlockKind::heading && block.textCount > 0) heading = &article.body[block.firstText];
    }
    return heading;
}

// Excerpt pieces in the chosen script, piece by piece, so that the hit's range stays where it was.
void fillShown(const ViewContext& ctx, const core::Excerpt& excerpt, SearchExcerpt& out) {
    const std::string_view text = excerpt.text;
    out.before = (excerpt.clippedBefore ? "…" : "") + ctx.shown(text.substr(0, excerpt.hitBegin));
    out.hit = ctx.shown(text.substr(excerpt.hitBegin, excerpt.hitEnd - excerpt.hitBegin));
    out.after = ctx.shown(text.substr(excerpt.hitEnd)) + (excerpt.clippedAfter ? "…" : "");
}

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
void SearchView::ensureResults(const ViewContext& ctx, const core::Place& place) {
    const core::SplitIndex* split = ctx.splitSearch ? ctx.splitSearch->index() : nullptr;
    const size_t shards = ctx.splitSearch ? ctx.splitSearch->shardsLoaded() : 0;
    if (m_rubyMode != ctx.settings.rubyMode) {  // the excerpts show readings in inline mode only
        m_rubyMode = ctx.settings.rubyMode;
        forgetExcerpts();
    }
    const core::SearchFilters filters{place.categoryId, place.year, place.month};
    if (m_bundle == ctx.bundle && m_query == place.query && m_filters.categoryId == filters.categoryId &&
        m_filters.year == filters.year && m_filters.month == filters.month && m_order == ctx.settings.searchOrder &&
        m_index == ctx.searchIndex && m_splitIndex == split && m_splitShards == shards) {
        return;
    }
    m_bundle = ctx.bundle;
    m_query = place.query;
    m_filters = filters;
    m_order = ctx.settings.searchOrder;
    m_index = ctx.searchIndex;
    m_splitIndex = split;
    m_splitShards = shards;
    m_results = find(ctx, place);
    forgetExcerpts();
    m_rowTops.clear();
}

void SearchView::forgetExcerpts() {
    m_snippets.assign(m_results.size(), std::nullopt);
    m_subSnippets.assign(m_results.size(), std::nullopt);
}

// The results of a place. Without a query the archive is listed, newest first; with filters every
// match is found, then filtered. The filters' counts wait until asked for (counts()).
std::vector<core::SearchResult> SearchView::find(const ViewContext& ctx, const core::Place& place) {
    const core::Bundle& bundle = *ctx.bundle;
    const core::SplitIndex* split = m_splitIndex;
    std::vector<core::SearchResult> found;
    m_countsValid = false;
    if (place.query.empty()) {
        for (const core::Article* article : core::articlesIn(bundle, "")) {
            if (found.size() == kMaxResults) break;
            if (core::passesFilters(bundle, *article, m_filters)) found.push_back({static_cast<size_t>(article - bundle.articles.data()), 0.0, {}, 0});
        }
        return found;
    }
    const size_t limit = m_filters.any() ? SIZE_MAX : kMaxResults;
    found = split ? split->search(place.query, m_order, limit)
                  : m_index ? m_index->search(place.query, m_order, limit) : std::vector<core::SearchResult>();
    if (m_filters.any()) {
        std::erase_if(found, [&](const core::SearchResult& r) { return !core::passesFilters(bundle, bundle.articles[r.article], m_filters); });
        if (found.size() > kMaxResults) found.resize(kMaxResults);
    }
    return found;
}

// Over every match of the query (the whole archive without one), counted once per results.
const core::FacetCounts& SearchView::counts(const ViewContext& ctx) {
    if (m_countsValid || !ctx.bundle) return m_counts;
    const core::Bundle& bundle = *ctx.bundle;
    if (!m_facets || m_facets->bundle() != &bundle) m_facets.emplace(bundle);
    std::vector<size_t> matching;
    if (m_query.empty()) {
        matching.resize(bundle.articles.size());
        for (size_t i = 0; i < matching.size(); ++i) matching[i] = i;
    } else if (m_splitIndex) {
        for (const core::SearchResult& result : m_splitIndex->search(m_query, core::SearchOrder::Newest, SIZE_MAX)) matching.push_back(result.article);
    } else if (m_index) {
        matching = m_index->articlesWith(m_query);
    }
    m_counts = m_facets->count(matching, m_filters);
    m_countsValid = true;
    return m_counts;
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

const std::vector<core::SearchResult>& SearchView::results(const ViewContext& ctx, const core::Place& place) {
    ensureResults(ctx, place);
    return m_results;
}

float SearchView::baseRowHeight(const ViewContext& ctx) {
    return naturalHeight(ctx.font, typography().listTitle) + naturalHeight(ctx.font, typography().chrome) + 6.0f + 2 * kResultPaddingY;
}

float SearchView::subResultHeight(const ViewContext& ctx) { return naturalHeight(ctx.font, typography().chrome) + 4.0f; }

float SearchView::rowHeight(const ViewContext& ctx, size_t i) const {
    return baseRowHeight(ctx) + static_cast<float>(subHits(m_results[i], kSubResults).size()) * subResultHeight(ctx);
}

// Where each row starts: rows with sub-results are taller. From the results alone (their hits know
// their paragraphs), so no article is read for rows not shown.
void SearchView::layOutRows(const ViewContext& ctx) {
    if (m_rowTops.size() == m_results.size() + 1 && m_rowsFor == typography().chrome) return;
    m_rowsFor = typography().chrome;
    m_rowTops.assign(1, 0.0f);
    for (size_t i = 0; i < m_results.size(); ++i) m_rowTops.push_back(m_rowTops.back() + rowHeight(ctx, i));
}

SearchExcerpt SearchView::excerpt(const ViewContext& ctx, size_t i) {
    const core::SearchResult& result = m_results[i];
    const core::Article& article = ctx.bundle->articles[result.article];
    if (!m_snippets[i]) m_snippets[i] = excerptOf(ctx, result);
    const core::Excerpt& snippet = *m_snippets[i];
    SearchExcerpt out;
    if (result.hits.empty()) {  // the archive, no query: where the article is filed
        if (const core::Category* category = ctx.bundle->findCategory(article.categoryId)) out.before = ctx.chrome(category->name);
        return out;
    }
    const size_t field = result.hits.front().paragraph;
    out.paragraph = field;
    if (field < core::SearchHit::kBody) out.role = ctx.strings.textRoles[static_cast<size_t>(core::textRole(article, field))];
    fillShown(ctx, snippet, out);
    return out;
}

std::vector<SearchExcerpt> SearchView::subResults(const ViewContext& ctx, size_t i) {
    const core::Article& article = ctx.bundle->articles[m_results[i].article];
    std::vector<core::SearchHit> hits = subHits(m_results[i], kSubResults);
    std::erase_if(hits, [&](const core::SearchHit& hit) { return hit.paragraph >= article.body.size(); });
    if (!m_subSnippets[i]) {  // made once, as the result's own excerpt is, not in every frame that shows the row
        std::vector<core::Excerpt>& made = m_subSnippets[i].emplace();
        for (const core::SearchHit& hit : hits) {
            made.push_back(core::searchExcerpt(article.body[hit.paragraph], hit.offset, hit.length, ctx.settings.rubyMode));
        }
    }
    std::vector<SearchExcerpt> out;
    for (size_t n = 0; n < hits.size(); ++n) {
        SearchExcerpt& sub = out.emplace_back();
        sub.paragraph = hits[n].paragraph;
        if (const std::string* heading = headingAbove(article, sub.paragraph)) sub.heading = ctx.chrome(*heading);
        else sub.role = ctx.strings.textRoles[static_cast<size_t>(core::textRole(article, sub.paragraph))];
        fillShown(ctx, (*m_subSnippets[i])[n], sub);
    }
    return out;
}

void SearchView::drawRow(ViewContext& ctx, size_t i) {
    const core::SearchResult& result = m_results[i];
    const core::Article& article = ctx.bundle->articles[result.article];
    const SearchExcerpt excerpt = this->excerpt(ctx, i);

    const std::vector<SearchExcerpt> subs = subResults(ctx, i);
    const float height = baseRowHeight(ctx);
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

    if (clicked) {
        if (ctx.openAtParagraph) *ctx.openAtParagraph = excerpt.paragraph;
        ctx.nav.openArticle(article.id);
    }
    for (size_t n = 0; n < subs.size(); ++n) drawSubResult(ctx, article, subs[n], n);
    const float ruleY = ImGui::GetCursorScreenPos().y;
    drawList->AddLine(ImVec2(origin.x, ruleY), ImVec2(origin.x + ctx.width, ruleY), ctx.theme.rule);
}

// One more match of a result, on a line of its own under the excerpt: its heading (or where it is,
// 表格, 圖說…) and its excerpt. A click opens the article at that match.
void SearchView::drawSubResult(ViewContext& ctx, const core::Article& article, const SearchExcerpt& sub, size_t n) {
    const float small = typography().chrome, line = naturalHeight(ctx.font, small), height = subResultHeight(ctx);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const std::string key = "subresult:" + article.id + ":" + std::to_string(n);
    ImGui::PushID(key.c_str());
    const bool clicked = ImGui::Selectable("##sub", false, 0, ImVec2(ctx.width, height));
    const bool hovered = ImGui::IsItemHovered();
    ImGui::PopID();
    ctx.items.addLastItem(key);
    if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    ImDrawList* drawList = ImGui::GetWindowDrawList();
    float x = origin.x + kSubResultIndent;
    const float y = origin.y;
    ImGui::PushClipRect(origin, ImVec2(origin.x + ctx.width, origin.y + height), true);
    const std::string label = sub.heading.empty() ? std::string(sub.role) : sub.heading;
    drawList->AddText(ctx.font, small, ImVec2(origin.x + 4.0f, y), ctx.theme.rule, "›");
    if (!label.empty()) {
        drawList->AddText(ctx.font, small, ImVec2(x, y), hovered ? ctx.theme.link : ctx.theme.text, label.c_str());
        x += textWidth(ctx.font, small, label) + small * 0.6f;
    }
    const float hitX = x + textWidth(ctx.font, small, sub.before), hitW = textWidth(ctx.font, small, sub.hit);
    drawList->AddRectFilled(ImVec2(hitX, y), ImVec2(hitX + hitW, y + line), ctx.theme.searchHit, 2.0f);
    const std::string shown = sub.before + sub.hit + sub.after;
    drawList->AddText(ctx.font, small, ImVec2(x, y), ctx.theme.muted, shown.c_str());
    ImGui::PopClipRect();
    if (clicked) {
        if (ctx.openAtParagraph) *ctx.openAtParagraph = sub.paragraph;
        ctx.nav.openArticle(article.id);
    }
}

void SearchView::draw(ViewContext& ctx, const core::Place& place) {
    const std::string& query = place.query;
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

    if (!query.empty() && !ctx.searchIndex && !ctx.splitSearch) {  // still being built, a slice per frame
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
    const auto& list = results(ctx, place);
    drawSearchFilters(ctx, place, counts(ctx));
    if (list.empty()) {
        if (!awaiting) drawMessage(ctx, std::string(ctx.strings.noResults), "", false);  // not before the shards say so
        return;
    }
    // Rows of their own heights: only those on screen are drawn, and one more each side, so that
    // the arrow keys can move to a row just off screen (ImGui scrolls to it), as its clipper does.
    layOutRows(ctx);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(ImGui::GetStyle().ItemSpacing.x, 0));
    const float top = ImGui::GetCursorPosY();
    const float shownFrom = ImGui::GetScrollY() - top, shownTo = shownFrom + ImGui::GetWindowHeight();
    const auto first = std::upper_bound(m_rowTops.begin(), m_rowTops.end() - 1, shownFrom);
    size_t i = first == m_rowTops.begin() ? 0 : static_cast<size_t>(first - m_rowTops.begin()) - 1;
    i = i > 0 ? i - 1 : 0;
    for (size_t drawn = 0; i < list.size() && (m_rowTops[i] < shownTo || drawn == 0); ++i, ++drawn) {
        ImGui::SetCursorPosY(top + m_rowTops[i]);
        drawRow(ctx, i);
    }
    if (i < list.size()) {
        ImGui::SetCursorPosY(top + m_rowTops[i]);
        drawRow(ctx, i);
    }
    ImGui::SetCursorPosY(top + m_rowTops.back());
    ImGui::Dummy(ImVec2(0, 0));
    ImGui::PopStyleVar();
}

}  // namespace reader::ui
