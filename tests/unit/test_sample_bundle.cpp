// The sample bundle shipped in data/: it loads, and it still holds the seed article as published.
#include "core/bundle_loader.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

using reader::core::Article;
using reader::core::Bundle;
using reader::core::BundleLoader;
using reader::core::Result;

namespace {

constexpr const char* kSamplePath = READER_SOURCE_DIR "/data/sample-bundle.json";
constexpr const char* kSeedCategory = "xiaoxie-dongtai";
// By title rather than id: ids are the bundle's to choose, the title is the seed's own.
constexpr std::string_view kSeedTitlePrefix = "2023年(nián)第一(yī)次自(zì)治區知識産權戰略";

std::string readFile(const char* path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE_MESSAGE(in.good(), "cannot open ", path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

const Bundle& sampleBundle() {
    static const Result<Bundle> result = BundleLoader::load(readFile(kSamplePath));
    REQUIRE_MESSAGE(result.ok(), (result ? std::string() : result.error().describe()));
    return *result;
}

const Article* seedArticle(const Bundle& bundle) {
    const auto it = std::find_if(bundle.articles.begin(), bundle.articles.end(),
                                 [](const Article& a) { return a.title.starts_with(kSeedTitlePrefix); });
    return it == bundle.articles.end() ? nullptr : &*it;
}

}  // namespace

TEST_CASE("sample: the site is the seed's") {
    const Bundle& bundle = sampleBundle();
    CHECK(bundle.format.major == 1);
    CHECK(bundle.site.visitorCount == 2125453021u);
    REQUIRE(bundle.site.hotlines.size() == 2);
    CHECK(bundle.site.hotlines[0].number == "12315");
    CHECK(bundle.site.hotlines[1].number == "0471-6920007");
}

TEST_CASE("sample: the seed article is there with its six paragraphs and its date") {
    const Bundle& bundle = sampleBundle();
    const Article* seed = seedArticle(bundle);
    REQUIRE(seed != nullptr);
    CHECK(seed->categoryId == kSeedCategory);
    REQUIRE(seed->body.size() == 6);
    CHECK(seed->body[0].starts_with("8月(yuè)10日下(xià)午"));  // inline pinyin kept verbatim
    CHECK(seed->published.year == 2023);
    CHECK(seed->published.month == 8);
    CHECK(seed->published.day == 17);
    CHECK(seed->published.hour == 22);
    CHECK(seed->published.minute == 10);
    CHECK(seed->published.second == 37);
    CHECK(seed->published.offsetMinutes == 8 * 60);
}

TEST_CASE("sample: the seed's category 消協動态 has enough articles to page through") {
    const Bundle& bundle = sampleBundle();
    const auto* category = bundle.findCategory(kSeedCategory);
    REQUIRE(category != nullptr);
    CHECK(category->name == "消協動态");
    const auto inCategory = std::count_if(bundle.articles.begin(), bundle.articles.end(),
                                          [](const Article& a) { return a.categoryId == kSeedCategory; });
    CHECK(inCategory >= 9);
}
