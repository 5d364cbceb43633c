// ingest: the seed capture (shared/seed/, a plain-text copy of the model page) gives the sample
// bundle's seed article and site, byte for byte.
#include <doctest/doctest.h>

#include <algorithm>

#include "core/bundle_loader.h"
#include "ingest/bundle_merge.h"
#include "ingest/date_scan.h"
#include "ingest/page_reader.h"
#include "ingest_fixtures.h"

using namespace reader::tools::ingest;
using reader::core::Article;
using reader::core::Bundle;
using reader::core::BundleLoader;
using reader::core::Result;

namespace {

const Bundle& sample() {
    static const Result<Bundle> result = BundleLoader::load(ingest_test::readBytes(ingest_test::kSamplePath));
    REQUIRE(result.ok());
    return *result;
}

const Article& sampleSeedArticle() {
    const Bundle& bundle = sample();
    const Article* article = bundle.findArticle("2023-08-17-zhishichanquan-lianxi-huiyi");
    REQUIRE(article != nullptr);
    return *article;
}

const ReadPage& seedPage() {
    static const ReadPage page = readPage(ingest_test::readBytes(ingest_test::kSeedPath), ExtractOptions{});
    return page;
}

}  // namespace

TEST_CASE("seed: read as a plain-text capture in UTF-8") {
    CHECK_FALSE(seedPage().html);
    CHECK(seedPage().decoded.charset == "UTF-8");
    CHECK(seedPage().decoded.invalidSequences == 0);
}

TEST_CASE("seed: the article equals the sample's seed article") {
    const PageContent& page = seedPage().content;
    const Article& expected = sampleSeedArticle();
    CHECK(page.title == expected.title);
    REQUIRE(page.published);
    CHECK(formatIso(*page.published) == "2023-08-17T22:10:37+08:00");
    CHECK(page.published->epochSeconds == expected.published.epochSeconds);
    CHECK(page.source == expected.source);
    CHECK(page.categoryName == "消協動态");
    CHECK(page.categoryName == sample().findCategory(expected.categoryId)->name);
    REQUIRE(page.body.size() == 6);
    for (size_t i = 0; i < 6; ++i) CHECK_MESSAGE(page.body[i] == expected.body[i], "paragraph ", i);
    CHECK(page.body[0].starts_with("8月(yuè)10日下(xià)午,2023年(nián)第一(yī)次"));  // pinyin kept in the article
}

TEST_CASE("seed: the site facts equal the sample's, without pinyin") {
    const PageContent& page = seedPage().content;
    const reader::core::Site& expected = sample().site;
    CHECK(page.copyrightHolder == expected.copyrightHolder);
    CHECK(page.address == "呼和浩特市新城區興安南路9号 舊站");
    CHECK(page.address == expected.address);
    CHECK(page.visitorCount == 2125453021u);
    CHECK(page.visitorCount == expected.visitorCount);
    REQUIRE(page.hotlines.size() == expected.hotlines.size());
    for (size_t i = 0; i < page.hotlines.size(); ++i) {
        CHECK(page.hotlines[i].label == expected.hotlines[i].label);
        CHECK(page.hotlines[i].number == expected.hotlines[i].number);
    }
    CHECK(page.siteName == expected.name);  // from the copyright line: the capture has no <title>
    CHECK(page.locale == expected.locale);
}

TEST_CASE("seed: merged into the sample it is found already present, under the sample's id") {
    Bundle bundle = sample();
    const MergeResult result = mergePage(bundle, seedPage().content, MergeOptions{});
    CHECK(result.status == MergeResult::Status::alreadyPresent);
    CHECK(result.articleId == "2023-08-17-zhishichanquan-lianxi-huiyi");
    CHECK(bundle.articles.size() == sample().articles.size());
}
