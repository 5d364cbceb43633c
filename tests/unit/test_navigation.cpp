// core/navigation: article lists, category paths, history, view specs, URL fragments, a new bundle.
#include <doctest/doctest.h>

#include "core/navigation.h"

using namespace reader::core;

namespace {

Article article(const std::string& id, const std::string& category, int64_t epoch) {
    Article a;
    a.id = id;
    a.categoryId = category;
    a.title = id;
    a.published.epochSeconds = epoch;
    return a;
}

Bundle sampleBundle() {
    Bundle b;
    b.categories = {{"news", "消協動态", ""}, {"tips", "維權提示", ""}, {"warn", "消費警示", "tips"}};
    b.articles = {article("a", "news", 100), article("b", "tips", 300), article("c", "warn", 200),
                  article("d", "news", 100)};
    for (size_t i = 0; i < b.categories.size(); ++i) b.categoryIndex[b.categories[i].id] = i;
    for (size_t i = 0; i < b.articles.size(); ++i) b.articleIndex[b.articles[i].id] = i;
    b.indexCategories();
    return b;
}

std::vector<std::string> ids(const std::vector<const Article*>& articles) {
    std::vector<std::string> out;
    for (const Article* a : articles) out.push_back(a->id);
    return out;
}

}  // namespace

TEST_CASE("navigation: lists are newest first, ties in bundle order") {
    const Bundle b = sampleBundle();
    CHECK(ids(articlesIn(b, "")) == std::vector<std::string>{"b", "c", "a", "d"});
    CHECK(ids(articlesIn(b, "news")) == std::vector<std::string>{"a", "d"});
}

TEST_CASE("navigation: a category lists its descendants' articles too") {
    const Bundle b = sampleBundle();
    CHECK(ids(articlesIn(b, "tips")) == std::vector<std::string>{"b", "c"});
    CHECK(ids(articlesIn(b, "warn")) == std::vector<std::string>{"c"});
}

TEST_CASE("navigation: category path runs from the outermost category") {
    const Bundle b = sampleBundle();
    const auto path = categoryPath(b, "warn");
    REQUIRE(path.size() == 2);
    CHECK(path[0]->id == "tips");
    CHECK(path[1]->id == "warn");
    CHECK(categoryPath(b, "nope").empty());
}

TEST_CASE("navigation: back retraces the moves") {
    Navigator nav;
    nav.openCategory("news");
    nav.openArticle("a");
    CHECK(nav.current().view == View::Article);
    REQUIRE(nav.back());
    CHECK(nav.current() == Place{View::List, "news", ""});
    REQUIRE(nav.back());
    CHECK(nav.current() == Place{});
    CHECK_FALSE(nav.back());
}

TEST_CASE("navigation: opening the place already shown adds no history") {
    Navigator nav;
    nav.openArticle("a");
    nav.openArticle("a");
    REQUIRE(nav.back());
    CHECK_FALSE(nav.canGoBack());
}

TEST_CASE("navigation: view specs name a place") {
    CHECK(placeFromSpec("list") == Place{});
    CHECK(placeFromSpec("category:news") == Place{View::List, "news", ""});
    CHECK(placeFromSpec("article:a-1") == Place{View::Article, "", "a-1"});
    CHECK_FALSE(placeFromSpec("article:").has_value());
    CHECK(placeFromSpec("search:動态") == Place{View::Search, "", "", "動态"});
    CHECK_FALSE(placeFromSpec("nonsense").has_value());
}

TEST_CASE("navigation: a new bundle keeps the view when its article still exists") {
    const Bundle b = sampleBundle();
    Navigator nav;
    nav.openCategory("news");
    nav.openArticle("a");
    nav.rebase(b);
    CHECK(nav.current().articleId == "a");
    CHECK(nav.canGoBack());
}

TEST_CASE("navigation: a new bundle without the article goes home and drops stale history") {
    const Bundle b = sampleBundle();
    Navigator nav;
    nav.openCategory("gone");
    nav.openArticle("zz");
    nav.rebase(b);
    CHECK(nav.current() == Place{});
    CHECK_FALSE(nav.canGoBack());
}

TEST_CASE("navigation: forward retraces what back undid, until a new move") {
    Navigator nav;
    nav.openCategory("news");
    nav.openArticle("a");
    REQUIRE(nav.back());
    REQUIRE(nav.forward());
    CHECK(nav.current().articleId == "a");
    REQUIRE(nav.back());
    nav.openArticle("d");
    CHECK_FALSE(nav.forward());
}

TEST_CASE("navigation: typing refines one search place instead of stacking history") {
    Navigator nav;
    nav.openCategory("news");
    nav.search("動");
    nav.search("動态");
    CHECK(nav.current() == Place{View::Search, "", "", "動态"});
    REQUIRE(nav.back());
    CHECK(nav.current().categoryId == "news");
}

TEST_CASE("navigation: URL fragments round-trip every place, queries percent-encoded") {
    const Place places[] = {Place{}, Place{View::List, "xiaoxie-dongtai", "", ""},
                            Place{View::Article, "", "2023-08-17-a.b_c~d", ""},
                            Place{View::Search, "", "", "動态 12315/%#?"}};
    for (const Place& place : places) {
        CAPTURE(fragmentFor(place));
        CHECK(placeFromFragment(fragmentFor(place)) == place);
    }
    CHECK(fragmentFor(Place{View::Search, "", "", "動"}) == "#/search/%E5%8B%95");
    CHECK(fragmentFor(Place{}) == "#/");
    CHECK(placeFromFragment("") == Place{});
    CHECK(placeFromFragment("#/article/x") == Place{View::Article, "", "x", ""});
    CHECK_FALSE(placeFromFragment("#/article/").has_value());
    CHECK_FALSE(placeFromFragment("#/search/%E5%8").has_value());
    CHECK_FALSE(placeFromFragment("#/unknown/x").has_value());
}

TEST_CASE("navigation: a search's filters go in the fragment after the query; a filtered archive needs no query") {
    const Place filtered{View::Search, "weiquan-tishi", "", "預付卡", 2024, 3};
    CHECK(fragmentFor(filtered) == "#/search/%E9%A0%90%E4%BB%98%E5%8D%A1?category=weiquan-tishi&year=2024&month=3");
    CHECK(placeFromFragment(fragmentFor(filtered)) == filtered);
    const Place archive{View::Search, "", "", "", 2023, 0};
    CHECK(fragmentFor(archive) == "#/search/?year=2023");
    CHECK(placeFromFragment("#/search/?year=2023") == archive);
    CHECK(placeFromFragment("#/search/x?month=3") == Place{View::Search, "", "", "x"});  // a month needs its year
    CHECK(placeFromFragment("#/search/x?year=abc&month=13&colour=red") == Place{View::Search, "", "", "x"});
    CHECK(placeFromFragment("#/search/?category=a%2Fb") == Place{View::Search, "a/b", "", ""});
    CHECK(placeFromFragment("#/search/") == Place{View::Search, "", "", ""});  // no query and no filter: the archive
    CHECK(fragmentFor(Place{View::Search, "", "", "q?&="}) == "#/search/q%3F%26%3D");  // the query's own ? and & stay encoded
    CHECK(placeFromFragment("#/search/q%3F%26%3D?year=2020") == Place{View::Search, "", "", "q?&=", 2020, 0});
}

TEST_CASE("navigation: a filter is a new place; typing keeps the filters") {
    Navigator nav;
    nav.search("消費");
    nav.filterSearch("tips", 2024, 0);
    CHECK(nav.current() == Place{View::Search, "tips", "", "消費", 2024, 0});
    nav.search("消費者");
    CHECK(nav.current() == Place{View::Search, "tips", "", "消費者", 2024, 0});
    CHECK(nav.back());
    CHECK(nav.current() == Place{View::Search, "", "", "消費"});
    nav.goHome();
    nav.filterSearch("", 2023, 5);  // from the list: the archive, filtered
    CHECK(nav.current() == Place{View::Search, "", "", "", 2023, 5});
    nav.filterSearch("", 0, 5);  // a month without its year is no filter
    CHECK(nav.current() == Place{View::Search, "", "", "", 0, 0});
}
