// Search: the box in the top bar, and the results of the current place's query (title, date and a
// snippet with the hit marked), newest first or by relevance.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/navigation.h"
#include "core/search_excerpt.h"
#include "core/search_filters.h"
#include "core/search_index.h"
#include "core/split_index.h"
#include "view_context.h"

namespace reader::ui {

// What the search box holds.
struct SearchState {
    char buffer[256] = "";        // UTF-8 query as typed
    bool focusRequested = false;  // put the keyboard cursor in the box on the next frame
    bool composing = false;       // an IME composes at the caret (the page draws that text): no hint under it
};

void drawSearchBox(ViewContext& ctx, SearchState& search, float width);
float searchBoxHeight(const ViewContext& ctx);

// Why a result matched, as the row shows it (and the text mirror, for screen readers): where (表格,
// 圖說…; empty for the title or a paragraph) and the snippet around the hit, in the chosen script.
// `hit` is empty while a split bundle's body that holds it has not arrived.
struct SearchExcerpt {
    std::string_view role;
    std::string heading;             // a sub-result's section: the heading above its paragraph, or empty
    size_t paragraph = core::SearchHit::kTitle;  // where the hit is: an index into the body, or the title
    std::string before, hit, after;  // "…" included where the snippet was clipped
    std::vector<SearchExcerpt> subResults;  // a result's (ReaderApp::searchExcerpts): its more matches
};

class SearchView {
public:
    static constexpr size_t kMaxResults = 500;

    // A search place: its query (empty: the whole archive) and its filters (search_filters.h).
    void draw(ViewContext& ctx, const core::Place& place);
    const std::vector<core::SearchResult>& results(const ViewContext& ctx, const core::Place& place);
    // The filters' counts for the last results() (over every match of its query), made when first asked.
    const core::FacetCounts& counts(const ViewContext& ctx);
    // The excerpt of result `i` of the last results(); its snippet is kept for the rows.
    SearchExcerpt excerpt(const ViewContext& ctx, size_t i);
    // Up to kSubResults more matches of result `i`, each in a paragraph of its own (after the
    // excerpt's), in reading order: Pagefind's sub-results, by paragraph, labelled by their heading.
    static constexpr size_t kSubResults = 3;
    std::vector<SearchExcerpt> subResults(const ViewContext& ctx, size_t i);

private:
    void ensureResults(const ViewContext& ctx, const core::Place& place);
    std::vector<core::SearchResult> find(const ViewContext& ctx, const core::Place& place);
    core::Excerpt excerptOf(const ViewContext& ctx, const core::SearchResult& result) const;
    static float baseRowHeight(const ViewContext& ctx);  // a row's title and excerpt lines
    static float subResultHeight(const ViewContext& ctx);
    float rowHeight(const ViewContext& ctx, size_t i) const;
    void forgetExcerpts();
    void layOutRows(const ViewContext& ctx);
    void drawRow(ViewContext& ctx, size_t i);
    void drawSubResult(ViewContext& ctx, const core::Article& article, const SearchExcerpt& sub, size_t n);

    const core::Bundle* m_bundle = nullptr;
    const core::SearchIndex* m_index = nullptr;
    const core::SplitIndex* m_splitIndex = nullptr;  // results from the split form's index, else null
    size_t m_splitShards = 0;                        // its shards loaded when they were searched
    std::string m_query;
    core::SearchFilters m_filters;
    core::FacetCounts m_counts;  // each filter's choices, counted over every match of the query
    bool m_countsValid = false;  // for the results shown
    std::optional<core::FacetTable> m_facets;  // of m_bundle
    core::SearchOrder m_order = core::SearchOrder::Newest;
    std::vector<core::SearchResult> m_results;
    std::vector<std::optional<core::Excerpt>> m_snippets;  // made when first shown
    std::vector<std::optional<std::vector<core::Excerpt>>> m_subSnippets;  // the sub-results', likewise
    core::RubyMode m_rubyMode = core::RubyMode::Above;      // that they were made in
    std::vector<float> m_rowTops;  // each row's top from the first's, and the end; rows differ by their sub-results
    float m_rowsFor = 0.0f;        // the font size they were laid out for
};

}  // namespace reader::ui
