// reader.findTimings(query) (the benchmark's rows for issue #17): what a search view costs beyond
// the search, timed in the module on the bundle shown: the index's search alone (up to 500
// results), the view's results, the excerpts of those 500 and then their sub-results, and the
// filters' counts: finding every match, then counting.
#include <emscripten.h>

#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "core/search_filters.h"
#include "exports.h"
#include "ui/reader_app.h"

namespace {

std::string g_reply;

}  // namespace

extern "C" {

// {"results", "matching", "searchMs", "viewMs", "excerptsMs", "subResultsMs", "matchMs", "facetsMs"};
// {} without a bundle. Each part is timed on a query the view has not seen yet (nothing cached).
EMSCRIPTEN_KEEPALIVE const char* reader_find_timings(const char* query) {
    reader::ui::ReaderApp& app = reader::web::boundApp();
    if (!app.bundle()) return "{}";
    app.finishSearchIndex();
    static const reader::core::Bundle* tableOf = nullptr;  // the view keeps its table per bundle too
    static std::optional<reader::core::FacetTable> table;
    if (tableOf != app.bundle()) table.emplace(*app.bundle()), tableOf = app.bundle();
    reader::core::Place place;
    place.view = reader::core::View::Search;
    place.query = query;
    const size_t limit = reader::ui::SearchView::kMaxResults;
    const double t0 = emscripten_get_now();
    const size_t results = app.searchIndex().search(query, app.searchOrder(), limit).size();
    const double t1 = emscripten_get_now();
    app.listedResults(place);
    const double t2 = emscripten_get_now();
    app.searchExcerpts(place, limit, false);
    const double t3 = emscripten_get_now();
    app.searchExcerpts(place, limit, true);  // the excerpts are kept: this is the sub-results' cost
    const double t4 = emscripten_get_now();
    const std::vector<size_t> matching = app.searchIndex().articlesWith(query);
    const double t5 = emscripten_get_now();
    table->count(matching, {});
    const double t6 = emscripten_get_now();
    char text[320];
    std::snprintf(text, sizeof text,
                  R"({"results":%zu,"matching":%zu,"searchMs":%.3f,"viewMs":%.3f,"excerptsMs":%.3f,"subResultsMs":%.3f,"matchMs":%.3f,"facetsMs":%.3f})",
                  results, matching.size(), t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4, t6 - t5);
    g_reply = text;
    return g_reply.c_str();
}

}  // extern "C"
