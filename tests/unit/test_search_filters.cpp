// Search filters (core/search_filters): a category takes its sub-categories in; a year, and a month
// in it; each facet's counts with the other facets applied and its own left out.
#include "core/search_filters.h"

#include <doctest/doctest.h>

using namespace reader::core;

namespace {

Article article(const std::string& id, const std::string& category, int year, int month) {
    Article a;
    a.id = id;
    a.categoryId = category;
    a.published.year = year;
    a.published.month = month;
    return a;
}

Bundle archive() {
    Bundle b;
    b.categories = {{"news", "消協動态", ""}, {"tips", "維權提示", ""}, {"warn", "消費警示", "tips"}};
    b.articles = {article("a", "news", 2024, 3), article("b", "tips", 2024, 3), article("c", "warn", 2024, 7),
                  article("d", "news", 2023, 12), article("e", "warn", 2023, 1)};
    for (size_t i = 0; i < b.categories.size(); ++i) b.categoryIndex[b.categories[i].id] = i;
    for (size_t i = 0; i < b.articles.size(); ++i) b.articleIndex[b.articles[i].id] = i;
    b.indexCategories();
    return b;
}

std::vector<std::string> passing(const Bundle& b, const SearchFilters& f) {
    std::vector<std::string> out;
    for (const Article& a : b.articles) {
        if (passesFilters(b, a, f)) out.push_back(a.id);
    }
    return out;
}

}  // namespace

TEST_CASE("filters: a category takes its sub-categories in; a month needs its year") {
    const Bundle b = archive();
    CHECK(passing(b, {}) == std::vector<std::string>{"a", "b", "c", "d", "e"});
    CHECK(passing(b, {"tips", 0, 0}) == std::vector<std::string>{"b", "c", "e"});
    CHECK(passing(b, {"warn", 0, 0}) == std::vector<std::string>{"c", "e"});
    CHECK(passing(b, {"", 2024, 0}) == std::vector<std::string>{"a", "b", "c"});
    CHECK(passing(b, {"", 2024, 3}) == std::vector<std::string>{"a", "b"});
    CHECK(passing(b, {"tips", 2024, 3}) == std::vector<std::string>{"b"});
    CHECK(passing(b, {"unknown", 0, 0}).empty());
}

TEST_CASE("filters: each facet counts with the others applied, its own left out") {
    const Bundle b = archive();
    const std::vector<size_t> all = {0, 1, 2, 3, 4};
    const FacetCounts none = countFacets(b, all, {});
    CHECK(none.categories == std::vector<size_t>{2, 3, 2});  // news; tips with warn's two; warn
    CHECK(none.years == std::vector<std::pair<int, size_t>>{{2024, 3}, {2023, 2}});
    CHECK(none.months.empty());  // no year chosen

    const FacetCounts year = countFacets(b, all, {"", 2024, 0});
    CHECK(year.categories == std::vector<size_t>{1, 2, 1});
    CHECK(year.years == none.years);  // the date facet's own choice left out
    CHECK(year.months == std::vector<std::pair<int, size_t>>{{3, 2}, {7, 1}});

    const FacetCounts both = countFacets(b, all, {"warn", 2024, 7});
    CHECK(both.categories == std::vector<size_t>{0, 1, 1});  // in July 2024 only c, under warn and tips
    CHECK(both.years == std::vector<std::pair<int, size_t>>{{2024, 1}, {2023, 1}});
    CHECK(both.months == std::vector<std::pair<int, size_t>>{{7, 1}});

    const FacetCounts some = countFacets(b, {1, 3}, {});  // a query's results
    CHECK(some.categories == std::vector<size_t>{1, 1, 0});
}
