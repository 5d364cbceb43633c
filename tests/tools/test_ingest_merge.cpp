// ingest: merging pages into a bundle keeps what is there, skips what is already present (merging
// twice adds nothing), finds categories by name, fills only empty site fields; the writer's output
// loads back unchanged.
#include <doctest/doctest.h>

#include <algorithm>

#include "core/bundle_loader.h"
#include "ingest/bundle_merge.h"
#include "ingest/bundle_writer.h"
#include "ingest/date_scan.h"
#include "ingest/ids.h"
#include "ingest/page_reader.h"
#include "ingest_fixtures.h"

using namespace reader::tools::ingest;
using reader::core::Bundle;
using reader::core::BundleLoader;
using reader::core::Result;

namespace {

const std::vector<std::string> kFixtures = {"gbk_table.html", "big5_div.html", "modern_utf8.html",
                                            "gb18030_nometa.html"};

Bundle loadSample() {
    Result<Bundle> result = BundleLoader::load(ingest_test::readBytes(ingest_test::kSamplePath));
    REQUIRE(result.ok());
    return std::move(*result);
}

PageContent page(const std::string& name) { return readPage(ingest_test::fixture(name), ExtractOptions{}).content; }

std::vector<MergeResult> mergeAll(Bundle& bundle) {
    std::vector<MergeResult> results;
    for (const std::string& name : kFixtures) {
        const PageContent content = page(name);
        fillSite(bundle.site, content);
        results.push_back(mergePage(bundle, content, MergeOptions{}));
    }
    return results;
}

}  // namespace

TEST_CASE("merge: FNV-1a is the published function") {
    CHECK(fnv1a32("") == 0x811C9DC5u);
    CHECK(fnv1a32("a") == 0xE40C292Cu);
    CHECK(fnv1a64("") == 0xCBF29CE484222325ull);
    CHECK(fnv1a64("a") == 0xAF63DC4C8601EC8Cull);
}

TEST_CASE("merge: ids are stable: from the URL when the page states one, else from title and time") {
    CHECK(categoryIdFor("消協動态") == "cat-e2bed3d3");
    const PageContent modern = page("modern_utf8.html");
    char expected[24];
    std::snprintf(expected, sizeof expected, "a-%016llx",
                  static_cast<unsigned long long>(fnv1a64("https://www.example.org.cn/news/2024/0601-food-safety.html")));
    CHECK(articleIdFor(modern) == expected);
    const PageContent gbk = page("gbk_table.html");
    std::snprintf(expected, sizeof expected, "a-%016llx",
                  static_cast<unsigned long long>(fnv1a64("2024年消费维权年度报告发布\n2024-03-15T09:30:00+08:00")));
    CHECK(articleIdFor(gbk) == expected);
    CHECK(articleIdFor(page("gbk_table.html")) == articleIdFor(gbk));
}

TEST_CASE("merge: into the sample, every article already there is kept and the pages are added") {
    const Bundle original = loadSample();
    Bundle bundle = original;
    const std::vector<MergeResult> results = mergeAll(bundle);
    for (const MergeResult& result : results) CHECK(result.status == MergeResult::Status::added);
    REQUIRE(bundle.articles.size() == original.articles.size() + kFixtures.size());
    for (size_t i = 0; i < original.articles.size(); ++i) {
        CHECK(bundle.articles[i].id == original.articles[i].id);
        CHECK(bundle.articles[i].body == original.articles[i].body);
    }
    // 消費警示 is the sample's; 消协动态 (simplified) is not 消協動态; the page without a trail goes to 未分類.
    CHECK(results[1].categoryId == "xiaofei-jingshi");
    CHECK_FALSE(results[1].categoryCreated);
    CHECK(results[0].categoryId == categoryIdFor("消协动态"));
    CHECK(results[0].categoryCreated);
    CHECK(results[3].uncategorized);
    CHECK(bundle.findCategory(results[3].categoryId)->name == "未分類");  // the sample is zh-Hant
    CHECK(bundle.categories.size() == original.categories.size() + 3);
}

TEST_CASE("merge: site fields are filled only where empty, never overwritten") {
    Bundle bundle = loadSample();
    const std::string name = bundle.site.name;
    CHECK(fillSite(bundle.site, page("modern_utf8.html")).empty());
    CHECK(bundle.site.name == name);
    CHECK(bundle.site.hotlines.size() == 2);

    Bundle fresh = emptyBundle();
    const std::vector<std::string> filled = fillSite(fresh.site, page("big5_div.html"));
    CHECK(filled == std::vector<std::string>{"name", "locale", "copyrightHolder", "hotlines"});
    CHECK(fresh.site.name == "消費者保護服務中心");
    CHECK(fillSite(fresh.site, page("gbk_table.html")) == std::vector<std::string>{"address", "visitorCount"});
    CHECK(fresh.site.name == "消費者保護服務中心");
}

TEST_CASE("merge: merging twice adds nothing") {
    Bundle bundle = loadSample();
    mergeAll(bundle);
    const std::string once = writeBundle(bundle);
    const std::vector<MergeResult> again = mergeAll(bundle);
    for (const MergeResult& result : again) CHECK(result.status == MergeResult::Status::alreadyPresent);
    CHECK(writeBundle(bundle) == once);

    const Result<Bundle> reloaded = BundleLoader::load(once);
    REQUIRE_MESSAGE(reloaded.ok(), (reloaded ? std::string() : reloaded.error().describe()));
    Bundle fromFile = *reloaded;
    mergeAll(fromFile);
    CHECK(writeBundle(fromFile) == once);
}

TEST_CASE("merge: --category-id files every page there; a new id is created") {
    Bundle bundle = loadSample();
    MergeOptions options;
    options.categoryId = "zhengce-fagui";
    const MergeResult existing = mergePage(bundle, page("gb18030_nometa.html"), options);
    CHECK(existing.categoryId == "zhengce-fagui");
    CHECK_FALSE(existing.categoryCreated);
    CHECK_FALSE(existing.uncategorized);

    options.categoryId = "notices";
    const MergeResult created = mergePage(bundle, page("big5_div.html"), options);
    CHECK(created.categoryId == "notices");
    CHECK(created.categoryCreated);
    CHECK(bundle.findCategory("notices")->name == "消費警示");  // named after the page's trail
}

TEST_CASE("merge: a page without a title, body or time is not added") {
    Bundle bundle = emptyBundle();
    PageContent content = page("modern_utf8.html");
    content.published.reset();
    const MergeResult result = mergePage(bundle, content, MergeOptions{});
    CHECK(result.status == MergeResult::Status::notAdded);
    CHECK(result.reason == "no publish time");
    CHECK(bundle.articles.empty());
    CHECK(bundle.categories.empty());
}

TEST_CASE("writer: the sample written again is byte-identical") {
    const std::string text = ingest_test::readBytes(ingest_test::kSamplePath);
    const Result<Bundle> loaded = BundleLoader::load(text);
    REQUIRE(loaded.ok());
    CHECK(writeBundle(*loaded) == text);
}

TEST_CASE("writer: a 1.2 bundle with every block, link and strong run is written again byte for byte") {
    const std::string text = ingest_test::readBytes(std::string(READER_SOURCE_DIR) + "/tests/fixtures/rich/rich-bundle.json");
    const Result<Bundle> loaded = BundleLoader::load(text);
    REQUIRE(loaded.ok());
    REQUIRE(loaded->articles[0].blocks.size() == 11);
    CHECK(writeBundle(*loaded) == text);
}

TEST_CASE("merge: a page without a publish time is added only with the time given for undated pages") {
    Bundle bundle = emptyBundle();
    const PageContent undated = page("text_no_date.txt");
    REQUIRE_FALSE(undated.published);
    const MergeResult refused = mergePage(bundle, undated, MergeOptions{});
    CHECK(refused.status == MergeResult::Status::notAdded);
    CHECK(refused.reason == "no publish time");
    MergeOptions options;
    options.undatedTime = toDateTime({2024, 1, 25, 8, 0, 0, std::nullopt}, 8 * 60);
    const MergeResult added = mergePage(bundle, undated, options);
    CHECK(added.status == MergeResult::Status::added);
    CHECK(added.undated);
    REQUIRE(bundle.articles.size() == 1);
    CHECK(formatIso(bundle.articles[0].published) == "2024-01-25T08:00:00+08:00");
    // A page with its own time keeps it.
    const MergeResult dated = mergePage(bundle, page("gbk_table.html"), options);
    CHECK_FALSE(dated.undated);
    CHECK(formatIso(bundle.articles[1].published) == "2024-03-15T09:30:00+08:00");
}
