// SplitIndex: the split form's sharded search index gives the whole-bundle SearchIndex's answers
// (same articles, same order, same scores) once the shards a query names are loaded, asks for no
// more than those, and refuses damaged, truncated, foreign and hostile files with a message.
//
// Index
//   [SECTION] Same answers as the whole-bundle index
//   [SECTION] Which shards a query needs
//   [SECTION] Bad files
#include "core/split_index.h"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/bundle_loader.h"

using reader::core::Article;
using reader::core::Bundle;
using reader::core::SearchHit;
using reader::core::SearchIndex;
using reader::core::SearchOrder;
using reader::core::SearchResult;
using reader::core::SplitIndex;
using reader::core::SplitIndexFiles;
using reader::core::SplitIndexWriter;

namespace {

// splitmix64: a fixed sequence for a seed.
struct Random {
    uint64_t state;
    size_t below(size_t n) {
        uint64_t z = (state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return static_cast<size_t>((z ^ (z >> 31)) % n);
    }
};

// 300 articles over a small alphabet with traditional/simplified pairs, full-width and Latin forms
// and an annotation, so that lists are long (with samples) and shards many; many equal times.
Bundle denseBundle() {
    const std::vector<std::string> pieces = {"消", "費", "费", "動", "动", "態", "态", "者", "a", "A", "１", "1", "，", "年(nián)", "年", "工"};
    Random random{20261207};
    Bundle bundle;
    for (size_t a = 0; a < 300; ++a) {
        Article& article = bundle.articles.emplace_back();
        article.id = "a" + std::to_string(a);
        for (size_t n = 2 + random.below(8); n > 0; --n) article.title += pieces[random.below(pieces.size())];
        for (size_t p = random.below(4); p > 0; --p) {
            std::string paragraph;
            for (size_t n = random.below(150); n > 0; --n) paragraph += pieces[random.below(pieces.size())];
            article.body.push_back(paragraph);
        }
        article.published.epochSeconds = static_cast<int64_t>(random.below(40));
    }
    return bundle;
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

SplitIndex loadAll(const Bundle& bundle, const SplitIndexFiles& files) {
    auto index = SplitIndex::load(bundle, files.manifest);
    REQUIRE(index.ok());
    REQUIRE(index->shardCount() == files.shards.size());
    for (size_t k = 0; k < files.shards.size(); ++k) {
        const auto loaded = index->loadShard(k, files.shards[k]);
        REQUIRE_MESSAGE(loaded.ok(), loaded.error().message);
    }
    return std::move(*index);
}

// Same articles in the same order with the same scores and hit counts; the title's hit where the
// whole index has one, and one hit in the body where it has any (the split index knows the body as
// one field, the whole index each paragraph).
void checkSame(const std::vector<SearchResult>& got, const std::vector<SearchResult>& want) {
    REQUIRE(got.size() == want.size());
    for (size_t i = 0; i < got.size(); ++i) {
        CHECK(got[i].article == want[i].article);
        CHECK(got[i].score == want[i].score);
        CHECK(got[i].hitCount == want[i].hitCount);
        const bool wantTitle = want[i].hits.front().paragraph == SearchHit::kTitle;
        const bool wantBody = want[i].hits.back().paragraph != SearchHit::kTitle;
        REQUIRE(got[i].hits.size() == size_t{wantTitle} + size_t{wantBody});
        if (wantTitle) {
            CHECK(got[i].hits.front().paragraph == SearchHit::kTitle);
            CHECK(got[i].hits.front().offset == want[i].hits.front().offset);
        }
        if (wantBody) CHECK(got[i].hits.back().paragraph == SearchHit::kBody);
        for (const SearchHit& hit : got[i].hits) CHECK(hit.length == want[i].hits.front().length);
    }
}

void checkQueries(const Bundle& bundle, const SplitIndex& split, const std::vector<std::string>& queries) {
    SearchIndex whole;
    whole.build(bundle);
    for (const std::string& query : queries) {
        for (const SearchOrder order : {SearchOrder::Newest, SearchOrder::Relevance}) {
            for (const size_t limit : {size_t{1}, size_t{7}, size_t{500}}) {
                CAPTURE(query);
                CAPTURE(limit);
                checkSame(split.search(query, order, limit), whole.search(query, order, limit));
            }
        }
    }
}

std::string withByte(std::string bytes, size_t at, char value) {
    bytes[at] = value;
    return bytes;
}

}  // namespace

// [SECTION] Same answers as the whole-bundle index

TEST_CASE("split index: the sample's answers are the whole index's, in one shard and in many") {
    const std::vector<std::string> queries = {"動態", "动态", "消協", "自治區", "年", "會", "。", "12315", "知識產權戰略",
                                              "nián", " 消費 ", "熊猫", "a", "Ｂ"};
    for (const size_t shardBytes : {size_t{1}, size_t{64}, SplitIndexWriter::kShardBytes}) {
        CAPTURE(shardBytes);
        const SplitIndexFiles files = SplitIndexWriter::write(sampleBundle(), shardBytes);
        checkQueries(sampleBundle(), loadAll(sampleBundle(), files), queries);
    }
}

TEST_CASE("split index: dense text with long lists gives the whole index's answers") {
    const Bundle bundle = denseBundle();
    const SplitIndexFiles files = SplitIndexWriter::write(bundle, 512);
    CHECK(files.shards.size() > 10);
    checkQueries(bundle, loadAll(bundle, files), {"消", "年", "a", "１", "者", "，", "動態", "费者", "1a", "态，", "消費者", "动态动态", "年工年", "消费动态者a1", "工工工工"});
}

TEST_CASE("split index: files are named by their build, and the same bundle gives the same bytes") {
    const SplitIndexFiles first = SplitIndexWriter::write(sampleBundle());
    const SplitIndexFiles again = SplitIndexWriter::write(sampleBundle());
    CHECK(first.manifest == again.manifest);
    CHECK(first.shards == again.shards);
    CHECK(first.folder.size() == std::string("search/01234567").size());
    CHECK(first.folder.rfind("search/", 0) == 0);
    CHECK(SplitIndex::shardName(7, 12) == "0007.bin");
    CHECK(SplitIndex::shardName(7, 10001) == "00007.bin");
}

// [SECTION] Which shards a query needs

TEST_CASE("split index: a query needs the shards of its bigrams; one character those of its lists") {
    const SplitIndexFiles files = SplitIndexWriter::write(sampleBundle(), 64);
    auto index = SplitIndex::load(sampleBundle(), files.manifest);
    REQUIRE(index.ok());
    const std::vector<size_t> shards = index->shardsFor("知識產權戰略");
    CHECK(!shards.empty());
    CHECK(shards.size() <= 5);
    CHECK(index->missingShards("知識產權戰略") == shards);
    CHECK(index->search("知識產權戰略", SearchOrder::Newest).empty());  // nothing loaded: nothing found
    for (const size_t k : shards) REQUIRE(index->loadShard(k, files.shards[k]).ok());
    CHECK(index->missingShards("知識產權戰略").empty());
    CHECK(index->missingShards("知识产权战略").empty());  // folded the same way: the same shards
    const auto results = index->search("知識產權戰略", SearchOrder::Newest);
    REQUIRE(results.size() == 1);
    CHECK(sampleBundle().articles[results[0].article].id == "2023-08-17-zhishichanquan-lianxi-huiyi");
    CHECK(!index->shardsFor("會").empty());
    CHECK(index->shardsFor("").empty());
    CHECK(index->shardsFor(std::string(2000, 'x')).empty());  // longer than every field
}

// [SECTION] Bad files

TEST_CASE("split index: a manifest that is damaged or made for other articles is refused") {
    const SplitIndexFiles files = SplitIndexWriter::write(sampleBundle(), 64);
    const auto error = [](const Bundle& bundle, std::string_view bytes) {
        auto index = SplitIndex::load(bundle, bytes);
        REQUIRE(!index.ok());
        return index.error().message;
    };
    CHECK(error(sampleBundle(), "{\"format\": 1}") == "manifest.bin: not a search index manifest (no \"RSIM\" at the start)");
    CHECK(error(sampleBundle(), withByte(files.manifest, 4, 2)) == "manifest.bin: version 2, this reader reads version 1");
    CHECK(error(sampleBundle(), files.manifest.substr(0, 9)) == "manifest.bin: truncated in its header");
    CHECK(error(sampleBundle(), files.manifest.substr(0, 40)) == "manifest.bin: truncated in the spans of the articles");
    CHECK(error(sampleBundle(), files.manifest + "x") == "manifest.bin: 1 bytes after the list of shards");
    Bundle fewer = sampleBundle();
    fewer.articles.pop_back();
    CHECK(error(fewer, files.manifest) == "manifest.bin: made for 18 articles, the bundle has 17");
    Bundle renamed = sampleBundle();
    renamed.articles[0].id += "-2";
    CHECK(error(renamed, files.manifest).rfind("manifest.bin: made for other articles (ids hash ", 0) == 0);
}

TEST_CASE("split index: shards that are truncated, from another build or hostile are refused, and the rest still answers") {
    const SplitIndexFiles files = SplitIndexWriter::write(sampleBundle(), 64);
    auto loaded = SplitIndex::load(sampleBundle(), files.manifest);
    REQUIRE(loaded.ok());
    SplitIndex& index = *loaded;
    const auto error = [&](size_t shard, std::string_view bytes) {
        const auto result = index.loadShard(shard, bytes);
        REQUIRE(!result.ok());
        CHECK(!index.hasShard(shard));
        return result.error().message;
    };
    const std::string& shard = files.shards[3];
    const std::string size = std::to_string(shard.size());
    CHECK(error(3, shard.substr(0, 20)) == "0003.bin: truncated or replaced: 20 bytes, the manifest says " + size);
    CHECK(error(3, files.shards[4]).rfind("0003.bin: truncated or replaced: ", 0) == 0);
    CHECK(error(3, withByte(shard, 0, 'X')) == "0003.bin: not a search index shard (no \"RSIS\" at the start)");
    CHECK(error(3, withByte(shard, 4, 9)) == "0003.bin: version 9, this reader reads version 1");
    CHECK(error(3, withByte(shard, 5, static_cast<char>(shard[5] ^ 1))).rfind("0003.bin: from another build of the index (", 0) == 0);
    CHECK(error(3, withByte(shard, 9, 4)) == "0003.bin: says it is shard 4");
    CHECK(error(100000, shard) == "no shard 100000 in the manifest");
    // Every byte after the header changed in turn: refused with a message, or (a low bit that still
    // decodes to increasing positions) taken; never a crash, never a read out of bounds (ASan).
    for (size_t at = 11; at < shard.size(); ++at) {
        for (const int flip : {0x01, 0x80, 0xFF}) {
            SplitIndex copy = index;
            const auto result = copy.loadShard(3, withByte(shard, at, static_cast<char>(shard[at] ^ flip)));
            if (result.ok()) (void)copy.search("會", SearchOrder::Relevance);
        }
    }
    // The index keeps answering from what it has.
    for (size_t k = 0; k < files.shards.size(); ++k) {
        if (k != 3) REQUIRE(index.loadShard(k, files.shards[k]).ok());
    }
    CHECK(!index.search("消協", SearchOrder::Newest).empty());
}
