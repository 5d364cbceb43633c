// reader.findTimings(query) (the benchmark's rows for issue #17): what a search view costs beyond
// the search, timed in the module on the bundle shown: the index's search alone (up to 500
// results), the view's results with the filters' counts, the excerpts and sub-results of those 500,
// and the counts alone over every match.
#include <emscripten.h>

#include <cstdio>
#include <string>

#include "core/search_filters.h"
#include "exports.h"
#include "ui/reader_app.h"

namespace {

std::string g_reply;

}  // namespace

extern "C" {

// {"results": n, "matching": n, "searchMs", "viewMs", "excerptsMs", "facetsMs"}; {} without a bundle.
EMSCRIPTEN_KEEPALIVE const char* reader_find_timings(const char* query) {
    reader::ui::ReaderApp& app = reader::web::boundApp();
    if (!app.bundle()) return "{}";
    app.finishSearchIndex();
    reader::core::Place place;
    place.view = reader::core::View::Search;
    place.query = query;
    const double t0 = emscripten_get_now();
    const size_t results = app.searchIndex().search(query, app.searchOrder(), reader::ui::SearchView::kMaxResults).size();
    const double t1 = emscripten_get_now();
    app.listedResults(place);
    const double t2 = emscripten_get_now();
    app.searchExcerpts(place, reader::ui::SearchView::kMaxResults);
    const double t3 = emscripten_get_now();
    const std::vector<size_t> matching = app.searchIndex().articlesWith(query);
    const double t4 = emscripten_get_now();
    reader::core::countFacets(*app.bundle(), matching, {});
    const double t5 = emscripten_get_now();
    char text[256];
    std::snprintf(text, sizeof text, R"({"results":%zu,"matching":%zu,"searchMs":%.3f,"viewMs":%.3f,"excerptsMs":%.3f,"facetsMs":%.3f})",
                  results, matching.size(), t1 - t0, t2 - t1, t3 - t2, t5 - t4);
    g_reply = text;
    return g_reply.c_str();
}

}  // extern "C"
