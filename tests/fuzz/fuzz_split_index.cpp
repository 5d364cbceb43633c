// Fuzz target `split_index`: SplitIndex (the split form's search index, core/split_index.h) reading
// damaged files. The files of a small bundle's index are made once (SplitIndexWriter, shards of 64
// bytes); an input damages one of them: byte 0 picks the file (0: the manifest, k: shard k - 1,
// modulo the count), bytes 1-2 cut it to that length (little-endian; 0xFFFF: not cut), and every
// following 3 bytes XOR the byte at an offset (2 bytes, little-endian, modulo the length) with the
// third. The manifest and then every shard are loaded, and queries run on what loaded.
// Checks, besides no crash, hang or sanitizer report:
// - a refused file is told in one line without control characters, naming the file;
// - undamaged files always load, and answer as the whole-bundle SearchIndex does;
// - results name articles of the bundle, at most `limit` of them, with at least one hit each.
#include "fuzz_target.h"

#include "core/search_index.h"
#include "core/split_index.h"

#include <string>
#include <vector>

namespace {

using reader::core::Bundle;
using reader::core::SearchIndex;
using reader::core::SearchOrder;
using reader::core::SplitIndex;
using reader::core::SplitIndexFiles;
using reader::core::SplitIndexWriter;

const Bundle& bundle() {
    static const Bundle made = [] {
        Bundle out;
        const char* texts[][3] = {{"消費者權益保護", "年(nián)度工作會議召開。", "投訴電話：12315"},
                                  {"动态：消协发布警示", "预付卡 ODR 纠纷调解", "消费者消费者消费者"},
                                  {"會議", "Ｂ，b，B", "知識產權戰略實施工作"}};
        for (size_t i = 0; i < 3; ++i) {
            reader::core::Article& article = out.articles.emplace_back();
            article.id = "a" + std::to_string(i);
            article.title = texts[i][0];
            article.body = {texts[i][1], texts[i][2]};
            article.published.epochSeconds = static_cast<int64_t>(i % 2);
        }
        return out;
    }();
    return made;
}

const SplitIndexFiles& files() {
    static const SplitIndexFiles made = SplitIndexWriter::write(bundle(), 64);
    return made;
}

bool oneLine(const std::string& message) {
    if (message.empty()) return false;
    for (const char c : message) {
        if (static_cast<unsigned char>(c) < 0x20) return false;
    }
    return true;
}

const char* const kQueries[] = {"消", "消費者", "会议", "12315", "b", "，", "消费者消费者", "戰略實施"};

}  // namespace

int reader::fuzz::fuzzOne(const uint8_t* data, size_t size) {
    const SplitIndexFiles& real = files();
    const size_t target = size > 0 ? data[0] % (real.shards.size() + 1) : 0;
    std::string damaged = target == 0 ? real.manifest : real.shards[target - 1];
    const size_t cut = size >= 3 ? size_t{data[1]} | size_t{data[2]} << 8 : 0xFFFF;
    if (cut != 0xFFFF && cut < damaged.size()) damaged.resize(cut);
    for (size_t at = 3; at + 3 <= size && !damaged.empty(); at += 3) {
        damaged[(size_t{data[at]} | size_t{data[at + 1]} << 8) % damaged.size()] ^= static_cast<char>(data[at + 2]);
    }
    const bool intact = target == 0 ? damaged == real.manifest : damaged == real.shards[target - 1];

    auto loaded = SplitIndex::load(bundle(), target == 0 ? damaged : real.manifest);
    if (!loaded.ok()) {
        FUZZ_CHECK(!intact);
        FUZZ_CHECK(oneLine(loaded.error().message) && loaded.error().message.starts_with("manifest.bin: "));
        return 0;
    }
    SplitIndex& index = *loaded;
    bool allLoaded = true;
    for (size_t k = 0; k < index.shardCount(); ++k) {
        const bool fuzzed = target == k + 1;
        const std::string& bytes = fuzzed ? damaged : (k < real.shards.size() ? real.shards[k] : damaged);
        const auto result = index.loadShard(k, bytes);
        if (!result.ok()) {
            allLoaded = false;
            FUZZ_CHECK(oneLine(result.error().message));
            FUZZ_CHECK(result.error().message.starts_with(index.shardName(k) + ": "));
            FUZZ_CHECK(!index.hasShard(k));
        }
    }
    if (intact) FUZZ_CHECK(allLoaded);
    static const SearchIndex whole = [] {
        SearchIndex built;
        built.build(bundle());
        return built;
    }();
    for (const char* query : kQueries) {
        for (const size_t limit : {size_t{1}, size_t{500}}) {
            const auto results = index.search(query, SearchOrder::Relevance, limit);
            FUZZ_CHECK(results.size() <= limit);
            for (const auto& result : results) {
                FUZZ_CHECK(result.article < bundle().articles.size());
                FUZZ_CHECK(!result.hits.empty());
            }
            if (intact) {
                const auto want = whole.search(query, SearchOrder::Relevance, limit);
                FUZZ_CHECK(results.size() == want.size());
                for (size_t i = 0; i < results.size() && i < want.size(); ++i) FUZZ_CHECK(results[i].article == want[i].article);
            }
        }
    }
    return 0;
}
