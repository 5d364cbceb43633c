// The category tree at scale: the loader's depth limit, word for word; the child index and rows the
// bundle model builds once (Bundle::indexCategories); and the walks over it (articlesIn,
// categoryPath) on generated bundles of 100,000 categories, flat and as one chain, with no
// recursion and no scan of every category per node.
#include <doctest/doctest.h>

#include <chrono>
#include <string>

#include "core/bundle_loader.h"
#include "core/navigation.h"

using reader::core::Bundle;
using reader::core::BundleLoader;
using reader::core::LoadLimits;
using reader::core::Result;

namespace {

enum class Shape { flat, chain };

// A bundle of `count` categories c0..c(count-1), each the parent of the next for a chain, and one
// article in the last category and one in the first.
std::string categoryBundle(size_t count, Shape shape) {
    std::string text = R"({"format": {"name": "article-reader-bundle", "version": "1.0"},)"
                       R"( "site": {"name": "消協", "locale": "zh-Hant"}, "categories": [)";
    for (size_t i = 0; i < count; ++i) {
        if (i > 0) text += ", ";
        text += R"({"id": "c)" + std::to_string(i) + R"(", "name": "分類)" + std::to_string(i) + "\"";
        if (shape == Shape::chain && i > 0) text += R"(, "parent": "c)" + std::to_string(i - 1) + "\"";
        text += "}";
    }
    const auto article = [](const std::string& id, size_t category, const char* published) {
        return R"({"id": ")" + id + R"(", "category": "c)" + std::to_string(category) + R"(", "title": "標題", "published": ")" +
               published + R"(", "body": ["一"]})";
    };
    text += "], \"articles\": [" + article("last", count - 1, "2024-01-02T00:00:00+08:00") + ", " +
            article("first", 0, "2024-01-01T00:00:00+08:00") + "]}";
    return text;
}

std::string errorOf(const std::string& text) {
    const Result<Bundle> result = BundleLoader::load(text);
    REQUIRE_FALSE(result.ok());
    return result.error().describe();
}

double secondsSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

TEST_CASE("category tree: a chain deeper than the limit is refused at the first category too deep") {
    CHECK(LoadLimits().maxCategoryDepth == 32);
    CHECK(BundleLoader::load(categoryBundle(32, Shape::chain)).ok());
    CHECK(errorOf(categoryBundle(33, Shape::chain)) ==
          "/categories/32/parent: category depth of 33 levels exceeds the limit of 32");
    CHECK(errorOf(categoryBundle(100'000, Shape::chain)) ==
          "/categories/32/parent: category depth of 33 levels exceeds the limit of 32");
    LoadLimits shallow;
    shallow.maxCategoryDepth = 2;
    const Result<Bundle> result = BundleLoader::load(categoryBundle(3, Shape::chain), shallow);
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().describe() == "/categories/2/parent: category depth of 3 levels exceeds the limit of 2");
}

TEST_CASE("category tree: the deepest chain allowed has its child index, rows and walks") {
    const Result<Bundle> loaded = BundleLoader::load(categoryBundle(32, Shape::chain));
    REQUIRE(loaded.ok());
    const Bundle& bundle = *loaded;
    CHECK(bundle.topCategories == std::vector<size_t>{0});
    REQUIRE(bundle.categoryRows.size() == 32);
    for (size_t i = 0; i < 32; ++i) {
        CHECK(bundle.categoryRows[i].category == i);
        CHECK(bundle.categoryRows[i].depth == i);
        CHECK(bundle.categoryChildren[i] == (i + 1 < 32 ? std::vector<size_t>{i + 1} : std::vector<size_t>{}));
    }
    const auto path = reader::core::categoryPath(bundle, "c31");
    REQUIRE(path.size() == 32);
    CHECK(path.front()->id == "c0");
    CHECK(path.back()->id == "c31");
    CHECK(reader::core::articlesIn(bundle, "c0").size() == 2);  // the whole chain is under c0
    CHECK(reader::core::articlesIn(bundle, "c1").size() == 1);
    CHECK(reader::core::articlesIn(bundle, "c1").front()->id == "last");
}

TEST_CASE("category tree: 100,000 flat categories load, index and list in linear time") {
    const std::string text = categoryBundle(100'000, Shape::flat);
    const auto start = std::chrono::steady_clock::now();
    const Result<Bundle> loaded = BundleLoader::load(text);
    REQUIRE(loaded.ok());
    const Bundle& bundle = *loaded;
    CHECK(bundle.topCategories.size() == 100'000);
    REQUIRE(bundle.categoryRows.size() == 100'000);
    CHECK(bundle.categoryRows.back().category == 99'999);
    CHECK(bundle.categoryRows.back().depth == 0);
    for (size_t i = 0; i < 1000; ++i) CHECK(reader::core::articlesIn(bundle, "c" + std::to_string(i * 100)).size() == (i == 0));
    CHECK(reader::core::articlesIn(bundle, "c99999").front()->id == "last");
    CHECK(reader::core::categoryPath(bundle, "c99999").size() == 1);
    // Quadratic work (each category scanning every category) would take minutes here.
    CHECK(secondsSince(start) < 10.0);
}

TEST_CASE("category tree: a model built by other means, with a parent missing, keeps every category in its rows") {
    Bundle bundle;
    bundle.categories = {{"a", "甲", ""}, {"b", "乙", "a"}, {"c", "丙", "nowhere"}, {"d", "丁", "b"}};
    for (size_t i = 0; i < bundle.categories.size(); ++i) bundle.categoryIndex[bundle.categories[i].id] = i;
    bundle.indexCategories();
    CHECK(bundle.topCategories == std::vector<size_t>{0, 2});
    REQUIRE(bundle.categoryRows.size() == 4);
    const size_t order[] = {0, 1, 3, 2};
    const size_t depth[] = {0, 1, 2, 0};
    for (size_t i = 0; i < 4; ++i) {
        CHECK(bundle.categoryRows[i].category == order[i]);
        CHECK(bundle.categoryRows[i].depth == depth[i]);
    }
}
