// SearchIndex: folding (traditional/simplified, full/half width, Latin case), pinyin ignored,
// ranking, snippets, edge cases; and every result checked against a plain scan of the text, on
// bundles dense enough to use the skip entries of long posting lists.
//
// Index
//   [SECTION] Folding
//   [SECTION] Ranking
//   [SECTION] Snippets
//   [SECTION] Edge cases
//   [SECTION] Against a plain scan
#include "core/search_index.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <ctime>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/bundle_loader.h"
#include "core/ruby_parser.h"
#include "core/text_fold.h"
#include "core/utf8.h"

using reader::core::Article;
using reader::core::Bundle;
using reader::core::SearchHit;
using reader::core::SearchIndex;
using reader::core::SearchOrder;
using reader::core::SearchResult;

namespace {

constexpr size_t kTitle = SearchHit::kTitle;

// A bundle of articles (title, paragraphs), the first published first, one day apart.
struct Draft {
    std::string title;
    std::vector<std::string> body;
};
Bundle makeBundle(const std::vector<Draft>& drafts) {
    Bundle bundle;
    for (size_t i = 0; i < drafts.size(); ++i) {
        Article& article = bundle.articles.emplace_back();
        article.id = std::to_string(i);
        article.title = drafts[i].title;
        article.body = drafts[i].body;
        article.published.epochSeconds = 1'700'000'000 + static_cast<int64_t>(i) * 86'400;
    }
    return bundle;
}

std::vector<size_t> articlesOf(const std::vector<SearchResult>& results) {
    std::vector<size_t> out;
    for (const SearchResult& result : results) out.push_back(result.article);
    return out;
}

std::vector<size_t> sorted(std::vector<size_t> values) {
    std::sort(values.begin(), values.end());
    return values;
}

const Bundle& sampleBundle() {
    static const Bundle bundle = [] {
        std::ifstream in(READER_SOURCE_DIR "/data/sample-bundle.json", std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        auto result = reader::core::BundleLoader::load(text.str());
        REQUIRE(result.ok());
        return std::move(*result);
    }();
    return bundle;
}

// The text a hit points into: the stripped title or paragraph.
std::string fieldText(const Bundle& bundle, const SearchHit& hit) {
    const Article& article = bundle.articles[hit.article];
    return reader::core::RubyParser::strip(hit.paragraph == kTitle ? article.title : article.body[hit.paragraph]);
}

// The hit's own characters, as written (unfolded).
std::string hitText(const Bundle& bundle, const SearchHit& hit) {
    const std::string text = fieldText(bundle, hit);
    const auto codePoints = reader::core::utf8::decode(text);
    const size_t begin = codePoints[hit.offset].byteOffset;
    const size_t end = hit.offset + hit.length < codePoints.size() ? codePoints[hit.offset + hit.length].byteOffset : text.size();
    return text.substr(begin, end - begin);
}

}  // namespace

// [SECTION] Folding

TEST_CASE("search: 动态, 動態 and 動态 all find each other") {
    const Bundle bundle = makeBundle({{"消協動态", {"本網站「消協動态」欄目"}},
                                      {"市場動態", {"價格動態"}},
                                      {"动态监测", {}},
                                      {"狀態", {"靜態"}}});
    SearchIndex index;
    index.build(bundle);
    const std::vector<size_t> want = {0, 1, 2};
    for (const char* query : {"动态", "動態", "動态", "动態"}) {
        CAPTURE(query);
        CHECK(sorted(articlesOf(index.search(query, SearchOrder::Newest))) == want);
    }
    const auto results = index.search("動態", SearchOrder::Newest);
    REQUIRE(results.size() == 3);
    CHECK(results[2].hitCount == 2);  // title and paragraph of 消協動态
    CHECK(hitText(bundle, results[2].hits[0]) == "動态");
    CHECK(hitText(bundle, results[1].hits[0]) == "動態");
    CHECK(hitText(bundle, results[0].hits[0]) == "动态");
}

TEST_CASE("search: in the sample, 動態 finds 消協動态 and 狀態 finds 狀态") {
    const Bundle& bundle = sampleBundle();
    SearchIndex index;
    index.build(bundle);
    const auto dynamic = index.search("動態", SearchOrder::Newest);
    REQUIRE(dynamic.size() == 1);
    CHECK(bundle.articles[dynamic[0].article].id == "2025-03-14-waimai-pingtai-diaocha");
    CHECK(hitText(bundle, dynamic[0].hits[0]) == "動态");
    const auto state = index.search("狀態", SearchOrder::Newest);
    REQUIRE(state.size() == 1);
    CHECK(bundle.articles[state[0].article].id == "2023-08-17-zhishichanquan-lianxi-huiyi");
    CHECK(hitText(bundle, state[0].hits[0]) == "狀态");
    CHECK(index.search("状态", SearchOrder::Newest).size() == 1);
}

TEST_CASE("search: full-width and half-width digits and letters find each other") {
    const Bundle bundle = makeBundle({{"投訴", {"可撥打12315熱線"}}, {"熱線", {"撥打１２３１５投訴"}}});
    SearchIndex index;
    index.build(bundle);
    CHECK(sorted(articlesOf(index.search("１２３１５", SearchOrder::Newest))) == std::vector<size_t>{0, 1});
    CHECK(sorted(articlesOf(index.search("12315", SearchOrder::Newest))) == std::vector<size_t>{0, 1});
    CHECK(sorted(articlesOf(index.search("打1", SearchOrder::Newest))) == std::vector<size_t>{0, 1});
}

TEST_CASE("search: Latin letters match whatever their case") {
    const Bundle bundle = makeBundle({{"CCC認證", {"推動ODR企業擴容"}}, {"odr", {"ccc"}}});
    SearchIndex index;
    index.build(bundle);
    for (const char* query : {"ccc", "CCC", "Ccc", "ＣＣＣ"}) {
        CAPTURE(query);
        CHECK(sorted(articlesOf(index.search(query, SearchOrder::Newest))) == std::vector<size_t>{0, 1});
    }
    CHECK(sorted(articlesOf(index.search("Odr企業", SearchOrder::Newest))) == std::vector<size_t>{0});
}

TEST_CASE("search: pinyin annotations are ignored, and offsets count the text without them") {
    const Bundle bundle = makeBundle({{"2023年(nián)第一(yī)次會議", {"内蒙古自(zì)治區市(shì)場監督管理局"}}});
    SearchIndex index;
    index.build(bundle);
    const auto results = index.search("自治區", SearchOrder::Newest);
    REQUIRE(results.size() == 1);
    REQUIRE(results[0].hits.size() == 1);
    CHECK(results[0].hits[0].paragraph == 0);
    CHECK(results[0].hits[0].offset == 3);  // 内蒙古|自治區
    CHECK(results[0].hits[0].length == 3);
    CHECK(index.search("自(zì)治區", SearchOrder::Newest).size() == 1);
    CHECK(index.search("年第一次", SearchOrder::Newest).size() == 1);
    CHECK(index.search("nián", SearchOrder::Newest).empty());
    CHECK(index.search("(zì)", SearchOrder::Newest).empty());
}

TEST_CASE("search: structured ruby is ignored like inline annotations, snippets show the bases") {
    std::string paragraph = "内蒙古";
    reader::core::appendStructuredRuby(paragraph, "自", "zì");
    paragraph += "治區";
    reader::core::appendStructuredRuby(paragraph, "市場", "shì chǎng");
    paragraph += "監督(jiān)管理局";
    const Bundle bundle = makeBundle({{"標題", {paragraph}}});
    SearchIndex index;
    index.build(bundle);
    const auto results = index.search("自治區市場監督管理", SearchOrder::Newest);
    REQUIRE(results.size() == 1);
    CHECK(results[0].hits[0].offset == 3);
    CHECK(index.search("zì", SearchOrder::Newest).empty());
    CHECK(index.search("shì chǎng", SearchOrder::Newest).empty());
    CHECK(index.snippet(bundle, results[0]).text == "内蒙古自治區市場監督管理局");
    CHECK(SearchIndex::findInArticle(bundle, 0, "市場監督").size() == 1);
}

// [SECTION] Ranking

TEST_CASE("search: a title hit outranks any body hits; more hits rank higher, then newer") {
    const std::string filler(60, 'x');
    const Bundle bundle = makeBundle({
        {"通知", {"關于預付卡的提示"}},                                           // 0: one body hit
        {"預付卡消費提示", {"其他内容"}},                                         // 1: one title hit
        {"公告", {"預付卡、預付卡和預付卡"}},                                     // 2: three body hits
        {"說明", {filler + filler + "預付卡"}},                                   // 3: one late body hit
        {"提醒", {"預付卡" + filler + filler}},                                   // 4: one early body hit
    });
    SearchIndex index;
    index.build(bundle);
    const auto results = index.search("预付卡", SearchOrder::Relevance);
    CHECK(articlesOf(results) == std::vector<size_t>{1, 2, 4, 3, 0});  // title, most hits, then newest first
    for (size_t i = 1; i < results.size(); ++i) CHECK(results[i - 1].score >= results[i].score);
    CHECK(results[0].score == doctest::Approx(SearchIndex::score(1, 0)));
    CHECK(results[1].hitCount == 3);
    CHECK(SearchIndex::score(1, 0) > SearchIndex::score(0, 1000));  // a title match first, whatever the body's count
    CHECK(SearchIndex::score(1, 2) > SearchIndex::score(1, 1));
    CHECK(SearchIndex::score(0, 2) > SearchIndex::score(0, 1));
    CHECK(SearchIndex::score(0, 1) == SearchIndex::score(0, 1));  // then the newest first
}

TEST_CASE("search: Newest orders by published time, then by bundle order") {
    Bundle bundle = makeBundle({{"甲 通知", {}}, {"乙 通知", {}}, {"丙 通知", {}}, {"丁 通知", {}}});
    bundle.articles[3].published.epochSeconds = bundle.articles[1].published.epochSeconds;  // 丁 ties 乙
    SearchIndex index;
    index.build(bundle);
    CHECK(articlesOf(index.search("通知", SearchOrder::Newest)) == std::vector<size_t>{2, 1, 3, 0});
    CHECK(articlesOf(index.search("通知", SearchOrder::Newest, 2)) == std::vector<size_t>{2, 1});
    CHECK(articlesOf(index.search("知", SearchOrder::Newest, 3)) == std::vector<size_t>{2, 1, 3});
    // Equal scores: newest first as well.
    CHECK(articlesOf(index.search("通知", SearchOrder::Relevance)) == std::vector<size_t>{2, 1, 3, 0});
}

// [SECTION] Snippets

TEST_CASE("search: snippets at the start and end of the text, around multi-byte characters") {
    const Bundle bundle = makeBundle({{"標題", {"動態監測開始，其後是一段很長很長很長很長很長很長很長的文字，最後是狀態"}}});
    SearchIndex index;
    index.build(bundle);

    const auto start = index.search("动态", SearchOrder::Newest);
    REQUIRE(start.size() == 1);
    const SearchIndex::Snippet first = index.snippet(bundle, start[0], 10);
    CHECK(first.text == "動態監測開始，其後是");
    CHECK(first.hitBegin == 0);
    CHECK(first.hitEnd == std::string("動態").size());
    CHECK_FALSE(first.clippedBefore);
    CHECK(first.clippedAfter);

    const auto end = index.search("状态", SearchOrder::Newest);
    REQUIRE(end.size() == 1);
    const SearchIndex::Snippet last = index.snippet(bundle, end[0], 10);
    CHECK(last.text == "長的文字，最後是狀態");
    CHECK(last.text.substr(last.hitBegin, last.hitEnd - last.hitBegin) == "狀態");
    CHECK(last.hitEnd == last.text.size());
    CHECK(last.clippedBefore);
    CHECK_FALSE(last.clippedAfter);

    // In the middle: about a third of the room before the hit.
    const auto middle = index.search("一段", SearchOrder::Newest);
    const SearchIndex::Snippet around = index.snippet(bundle, middle[0], 11);
    CHECK(around.text == "其後是一段很長很長很長");
    CHECK(around.text.substr(around.hitBegin, around.hitEnd - around.hitBegin) == "一段");

    // The whole text when it is short; the hit alone when it is longer than maxChars.
    const SearchIndex::Snippet whole = index.snippet(bundle, index.search("標題", SearchOrder::Newest)[0], 60);
    CHECK(whole.text == "標題");
    CHECK_FALSE(whole.clippedBefore);
    CHECK_FALSE(whole.clippedAfter);
    const SearchIndex::Snippet hitOnly = index.snippet(bundle, start[0], 1);
    CHECK(hitOnly.text == "動態");
    CHECK(hitOnly.hitBegin == 0);
    CHECK(hitOnly.hitEnd == hitOnly.text.size());
}

TEST_CASE("search: a snippet's hit is in the text without annotations") {
    const Bundle bundle = makeBundle({{"會議", {"2023年(nián)第一(yī)次自(zì)治區知識産權會議"}}});
    SearchIndex index;
    index.build(bundle);
    const auto results = index.search("自治区", SearchOrder::Newest);
    REQUIRE(results.size() == 1);
    const SearchIndex::Snippet snippet = index.snippet(bundle, results[0]);
    CHECK(snippet.text == "2023年第一次自治區知識産權會議");
    CHECK(snippet.text.substr(snippet.hitBegin, snippet.hitEnd - snippet.hitBegin) == "自治區");
}

// [SECTION] Edge cases

TEST_CASE("search: empty, blank, unknown and over-long queries find nothing") {
    const Bundle bundle = makeBundle({{"消費提示", {"理性消費"}}});
    SearchIndex index;
    index.build(bundle);
    CHECK(index.search("", SearchOrder::Newest).empty());
    CHECK(index.search("   ", SearchOrder::Relevance).empty());
    CHECK(index.search("\u3000", SearchOrder::Relevance).empty());
    CHECK(index.search("鑫", SearchOrder::Newest).empty());
    CHECK(index.search("提示理性", SearchOrder::Newest).empty());          // across fields
    CHECK(index.search("消費提示消費提示", SearchOrder::Newest).empty());  // longer than any field
    CHECK(index.search(" 消費 ", SearchOrder::Newest).size() == 1);     // trimmed
    CHECK(index.search("消費", SearchOrder::Newest, 0).empty());
    CHECK(index.search("示", SearchOrder::Newest).size() == 1);          // last character of a field
    CHECK(index.search(std::string("示\0", 4), SearchOrder::Newest).empty());  // U+0000 is never text

    SearchIndex empty;
    CHECK(empty.search("消費", SearchOrder::Newest).empty());
    empty.build(Bundle());
    CHECK(empty.search("消費", SearchOrder::Relevance).empty());
    CHECK(empty.articleCount() == 0);
}

TEST_CASE("search: hits do not overlap, and findInArticle finds what search finds") {
    const Bundle bundle = makeBundle({{"哈哈哈", {"哈哈哈哈"}}});
    SearchIndex index;
    index.build(bundle);
    const auto results = index.search("哈哈", SearchOrder::Newest);
    REQUIRE(results.size() == 1);
    CHECK(results[0].hitCount == 3);  // 哈哈|哈 and 哈哈|哈哈
    const auto hits = SearchIndex::findInArticle(bundle, 0, "哈哈");
    REQUIRE(hits.size() == 3);
    CHECK(hits[0].paragraph == kTitle);
    CHECK(hits[0].offset == 0);
    CHECK(hits[1].paragraph == 0);
    CHECK(hits[1].offset == 0);
    CHECK(hits[2].offset == 2);
    REQUIRE(results[0].hits.size() == 2);  // the first hit of each field: the title's, the paragraph's
    CHECK(results[0].hits[0].offset == hits[0].offset);
    CHECK(results[0].hits[1].offset == hits[1].offset);
}

// [SECTION] Against a plain scan

namespace {

// splitmix64, for repeatable random text.
struct Random {
    uint64_t state;
    uint64_t next() {
        uint64_t z = (state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    size_t below(size_t n) { return static_cast<size_t>(next() % n); }
};

// Results as a plain scan of every article finds them (findInArticle), ranked as search() ranks.
std::vector<SearchResult> scanAll(const Bundle& bundle, const std::string& query, SearchOrder order, size_t limit) {
    std::vector<size_t> newestFirst(bundle.articles.size());
    for (size_t i = 0; i < newestFirst.size(); ++i) newestFirst[i] = i;
    std::stable_sort(newestFirst.begin(), newestFirst.end(), [&](size_t a, size_t b) {
        return bundle.articles[a].published.epochSeconds > bundle.articles[b].published.epochSeconds;
    });
    std::vector<std::pair<size_t, SearchResult>> found;  // newest-first rank, result
    for (size_t rank = 0; rank < newestFirst.size(); ++rank) {
        const size_t index = newestFirst[rank];
        const std::vector<SearchHit> hits = SearchIndex::findInArticle(bundle, index, query);
        if (hits.empty()) continue;
        size_t titleHits = 0;
        for (const SearchHit& hit : hits) titleHits += hit.paragraph == kTitle;
        SearchResult result;
        result.article = index;
        result.score = SearchIndex::score(titleHits, hits.size() - titleHits);
        result.hitCount = hits.size();
        for (const SearchHit& hit : hits) {  // the first hit of each field, for the first few fields
            if (result.hits.size() == SearchIndex::kHitsPerResult) break;
            if (result.hits.empty() || result.hits.back().paragraph != hit.paragraph) result.hits.push_back(hit);
        }
        found.emplace_back(rank, std::move(result));
    }
    if (order == SearchOrder::Relevance) {  // the best of the newest kRelevanceWindow (or `limit`) matches
        found.resize(std::min(found.size(), std::max(limit, SearchIndex::kRelevanceWindow)));
        std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
            return a.second.score > b.second.score;
        });
    }
    std::vector<SearchResult> out;
    for (size_t i = 0; i < found.size() && i < limit; ++i) out.push_back(std::move(found[i].second));
    return out;
}

void checkSame(const std::vector<SearchResult>& got, const std::vector<SearchResult>& want) {
    REQUIRE(got.size() == want.size());
    for (size_t i = 0; i < got.size(); ++i) {
        CAPTURE(i);
        CHECK(got[i].article == want[i].article);
        CHECK(got[i].hitCount == want[i].hitCount);
        CHECK(got[i].score == doctest::Approx(want[i].score));
        REQUIRE(got[i].hits.size() == want[i].hits.size());
        for (size_t h = 0; h < got[i].hits.size(); ++h) {
            CHECK(got[i].hits[h].article == want[i].hits[h].article);
            CHECK(got[i].hits[h].paragraph == want[i].hits[h].paragraph);
            CHECK(got[i].hits[h].offset == want[i].hits[h].offset);
            CHECK(got[i].hits[h].length == want[i].hits[h].length);
        }
    }
}

// A bundle of 400 articles over a small alphabet with traditional/simplified pairs, full-width and
// Latin forms, an annotation and `extra` pieces, so that each bigram occurs thousands of times and
// lists span many blocks; and queries drawn from the same pieces.
struct Dense {
    Bundle bundle;
    std::vector<std::string> queries;
};
Dense denseBundle(uint64_t seed, const std::vector<std::string>& extra = {}) {
    std::vector<std::string> pieces = {"消", "費", "费", "動", "动", "態", "态", "者", "a", "A", "１",
                                       "1", "，", "年(nián)", "年", "工"};
    pieces.insert(pieces.end(), extra.begin(), extra.end());
    Random random{seed};
    std::vector<Draft> drafts;
    for (size_t a = 0; a < 400; ++a) {
        Draft draft;
        for (size_t n = 2 + random.below(8); n > 0; --n) draft.title += pieces[random.below(pieces.size())];
        for (size_t p = random.below(4); p > 0; --p) {
            std::string paragraph;
            for (size_t n = random.below(120); n > 0; --n) paragraph += pieces[random.below(pieces.size())];
            draft.body.push_back(paragraph);
        }
        drafts.push_back(draft);
    }
    Dense dense{makeBundle(drafts), {"消", "年", "a", "１", "者", "動態", "费者", "1a", "态，", "消費者", "动态动态",
                                     "年工年", "消费动态者a1"}};
    for (Article& article : dense.bundle.articles) article.published.epochSeconds = static_cast<int64_t>(random.below(50));  // many ties
    for (size_t i = 0; i < 40; ++i) {
        std::string query;
        for (size_t n = 1 + random.below(6); n > 0; --n) query += pieces[random.below(pieces.size())];
        dense.queries.push_back(query);
    }
    return dense;
}

void checkAgainstScan(const SearchIndex& index, const Dense& dense) {
    for (const std::string& query : dense.queries) {
        for (const SearchOrder order : {SearchOrder::Newest, SearchOrder::Relevance}) {
            for (const size_t limit : {size_t{1}, size_t{7}, size_t{200}, size_t{100000}}) {
                CAPTURE(query);
                CAPTURE(static_cast<int>(order));
                CAPTURE(limit);
                checkSame(index.search(query, order, limit), scanAll(dense.bundle, query, order, limit));
            }
        }
    }
}

}  // namespace

TEST_CASE("search: every result as a plain scan finds it, on text dense enough for skip entries") {
    const Dense dense = denseBundle(20240315);
    SearchIndex index;
    index.build(dense.bundle);
    checkAgainstScan(index, dense);
}

TEST_CASE("search: articlesWith is every article a full search finds, newest first (the filters' counts)") {
    const Dense dense = denseBundle(20241207);
    SearchIndex index;
    index.build(dense.bundle);
    for (const std::string& query : dense.queries) {
        CAPTURE(query);
        std::vector<size_t> expected;
        for (const SearchResult& result : scanAll(dense.bundle, query, SearchOrder::Newest, SIZE_MAX)) expected.push_back(result.article);
        CHECK(index.articlesWith(query) == expected);
    }
    CHECK(index.articlesWith("").empty());
    CHECK(index.articlesWith("龘靐").empty());
}

TEST_CASE("search: bigrams past the dictionary's limit are found exactly, in overflow lists") {
    // Invalid UTF-8 and a code point beyond the BMP too: their bigrams go to overflow lists as well.
    const Dense dense = denseBundle(77, {"\xFF", "😀", "é"});
    SearchIndex unlimited;
    unlimited.build(dense.bundle);
    // 0: every bigram in an overflow list; 1 and 40: some in lists of their own, the rest not.
    for (const size_t limit : {size_t{0}, size_t{1}, size_t{40}}) {
        CAPTURE(limit);
        const SearchIndex index = reader::core::SearchIndexBuilder(dense.bundle, limit).take();
        checkAgainstScan(index, dense);
        for (const char* query : {"消費", "😀a", "\xFF\xFF", "年工", "é", "不在"}) {
            CAPTURE(query);
            checkSame(index.search(query, SearchOrder::Relevance, 50), unlimited.search(query, SearchOrder::Relevance, 50));
        }
    }
}

TEST_CASE("search: random ideographs cost memory in proportion to their length") {
    // Nearly every pair of 60,000 ideographs drawn from 2,000 is distinct: a list each would cost far
    // more than the text (10 bytes and more a pair); overflow lists keep each pair's second code point
    // beside its position instead (about 5 bytes a code point: 3 + the position).
    Random random{5};
    std::vector<Draft> drafts(20);
    size_t textBytes = 0;
    for (Draft& draft : drafts) {
        draft.title = "標題";
        std::string paragraph;
        for (size_t n = 0; n < 3000; ++n) reader::core::utf8::append(paragraph, static_cast<char32_t>(0x4E00 + random.below(2000)));
        textBytes += paragraph.size() + draft.title.size();
        draft.body.push_back(paragraph);
    }
    const Bundle bundle = makeBundle(drafts);
    const SearchIndex bounded = reader::core::SearchIndexBuilder(bundle, 1024).take();
    SearchIndex unlimited;
    unlimited.build(bundle);
    MESSAGE("random ideographs: ", textBytes, " bytes of text, index ", bounded.memoryBytes(), " bytes (", unlimited.memoryBytes(),
            " with a list for every pair)");
    CHECK(bounded.memoryBytes() < textBytes * 2);
    CHECK(unlimited.memoryBytes() > textBytes * 3);
    const std::string& text = bundle.articles[7].body[0];
    const std::string query = text.substr(3000, 9);  // three ideographs from the middle of article 7
    const auto found = bounded.search(query, SearchOrder::Newest, 10);
    checkSame(found, unlimited.search(query, SearchOrder::Newest, 10));
    REQUIRE(!found.empty());
    CHECK(sorted(articlesOf(found)) == sorted(articlesOf(scanAll(bundle, query, SearchOrder::Newest, 10))));
}

TEST_CASE("search: an index built a slice at a time is the index built at once") {
    const Bundle& bundle = sampleBundle();
    SearchIndex whole;
    whole.build(bundle);
    reader::core::SearchIndexBuilder builder(bundle);
    CHECK(builder.progress() == 0.0);
    double progress = 0;
    size_t steps = 0;
    while (!builder.step(64)) {
        CHECK(builder.progress() >= progress);
        progress = builder.progress();
        ++steps;
    }
    CHECK(steps > 36);  // 18 articles, walked twice, each longer than 64 units
    CHECK(builder.progress() == 1.0);
    const SearchIndex sliced = builder.take();
    CHECK(sliced.memoryBytes() == whole.memoryBytes());
    for (const char* query : {"消費者", "自治區", "12315", "年", "動態", "ODR"}) {
        for (const SearchOrder order : {SearchOrder::Newest, SearchOrder::Relevance}) {
            CAPTURE(query);
            checkSame(sliced.search(query, order), whole.search(query, order));
        }
    }
    // take() finishes what step() has not.
    CHECK(reader::core::SearchIndexBuilder(bundle).take().search("消費者", SearchOrder::Newest).size() ==
          whole.search("消費者", SearchOrder::Newest).size());
}

// CPU time of this thread (ms): unlike the wall clock, not stretched by other processes.
double threadMs() {
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
}

TEST_CASE("search: a step costs about the same whatever the articles' sizes") {
    // Two titles of 1 MB (Han without punctuation, Latin without spaces) between short articles: a
    // step walks a part of a long field, and the text is folded a chunk at a time.
    std::string han, latin;
    Random random{11};
    while (han.size() < 1'000'000) reader::core::utf8::append(han, static_cast<char32_t>(0x4E00 + random.below(200)));
    while (latin.size() < 1'000'000) latin += static_cast<char>('a' + random.below(26));
    const Bundle bundle = makeBundle({{"消費者", {"動態"}}, {han, {}}, {"年", {"工作"}}, {latin, {"投訴"}}, {"提示", {}}});
    reader::core::SearchIndexBuilder builder(bundle);
    constexpr size_t kWork = 65536;
    size_t steps = 0;
    double slowestMs = 0;
    for (bool done = false; !done; ++steps) {
        const double start = threadMs();
        done = builder.step(kWork);
        slowestMs = std::max(slowestMs, threadMs() - start);
    }
    MESSAGE("two 1 MB titles: ", steps, " steps of ", kWork, " units, the slowest ", slowestMs, " ms of CPU");
    // Each walk folds 2 MB and indexes about 1.33 M code points: at least 2 * 3.3 M / kWork steps.
    CHECK(steps >= 100);
    // Natively a step is about a millisecond, but those that grow the dictionary's hash table or lay the
    // lists out between the walks take up to about 20 ms here; a whole 1 MB title took hundreds.
    CHECK(slowestMs < 50);
    const SearchIndex sliced = builder.take();
    SearchIndex whole;
    whole.build(bundle);
    CHECK(sliced.memoryBytes() == whole.memoryBytes());
    const std::string hanQuery = han.substr(600'000, 12);
    const std::string latinQuery = latin.substr(500'000, 6);
    for (const std::string& query : {hanQuery, latinQuery, std::string("工作"), std::string("a")}) {
        CAPTURE(query);
        checkSame(sliced.search(query, SearchOrder::Newest), whole.search(query, SearchOrder::Newest));
        checkSame(sliced.search(query, SearchOrder::Newest), scanAll(bundle, query, SearchOrder::Newest, 200));
    }
}

TEST_CASE("search: a field folded in chunks decodes as the whole field does") {
    // Steps of a few units fold a few bytes at a time: chunks end inside multi-byte sequences, valid
    // and broken, and the index must be the one built at once.
    const Dense dense = denseBundle(99, {"\xE5\x8B", "\x80\x80\x80\x80", "\xF0\x9F\x98", "😀", "é", "\xC3"});
    SearchIndex whole;
    whole.build(dense.bundle);
    for (const size_t work : {size_t{1}, size_t{5}, size_t{7}}) {
        CAPTURE(work);
        reader::core::SearchIndexBuilder builder(dense.bundle);
        while (!builder.step(work)) {
        }
        const SearchIndex sliced = builder.take();
        CHECK(sliced.memoryBytes() == whole.memoryBytes());
        checkAgainstScan(sliced, dense);
    }
}

TEST_CASE("search: Relevance ranks the newest kRelevanceWindow matches") {
    // Every article matches; the oldest has the best score (a title hit), but is outside the window.
    std::vector<Draft> drafts(SearchIndex::kRelevanceWindow + 100, Draft{"公告", {"關于消費的提示"}});
    drafts[0].title = "消費消費提示";  // two title hits
    drafts[SearchIndex::kRelevanceWindow + 50].title = "消費公告";  // the best inside the window
    const Bundle bundle = makeBundle(drafts);
    SearchIndex index;
    index.build(bundle);
    const auto relevant = index.search("消費", SearchOrder::Relevance, 3);
    REQUIRE(relevant.size() == 3);
    CHECK(relevant[0].article == SearchIndex::kRelevanceWindow + 50);
    CHECK(relevant[1].article == drafts.size() - 1);  // then equal scores, newest first
    CHECK(index.search("消費", SearchOrder::Relevance, drafts.size()).front().article == 0);  // a larger limit widens it
    CHECK(index.search("消費", SearchOrder::Newest, drafts.size()).size() == drafts.size());
}

TEST_CASE("search: the index reports its memory") {
    const Bundle& bundle = sampleBundle();
    SearchIndex index;
    index.build(bundle);
    size_t textBytes = 0;
    for (const Article& article : bundle.articles) {
        textBytes += article.title.size();
        for (const std::string& paragraph : article.body) textBytes += paragraph.size();
    }
    MESSAGE("sample bundle: ", textBytes, " bytes of text, index ", index.memoryBytes(), " bytes");
    CHECK(index.articleCount() == bundle.articles.size());
    // A small bundle is mostly bigrams seen once, each with a list of its own: about 7 bytes per code
    // point here, against under 2 for 100,000 articles (docs/search.md).
    CHECK(index.memoryBytes() > textBytes / 3);
    CHECK(index.memoryBytes() < textBytes * 3);
}
