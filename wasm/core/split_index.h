// SplitIndex: the split form's prebuilt search index (data/README.md, "The split form's search
// index"), read a shard at a time, so that a query fetches only the files of its own bigrams and
// finds articles whose bodies were never fetched. SplitIndexWriter cuts a built SearchIndex into
// those files (reader-tool split). Results are the whole-bundle SearchIndex's: the same positions,
// the same posting lists byte for byte, the same walks over them (search_matching.h).
//
// Files, all binary, little-endian, varints as search_postings.h writes them (7 bits a byte, low
// first), beside index.json under search/<build>/ (build: 8 hex digits, a hash of the files):
//   manifest.bin  "RSIM" | version (1 byte, 1) | build (u32) | articles (varint) | ids hash (u32:
//                 FNV-1a of the article ids, newest first, each followed by a 0 byte) | longest field
//                 (varint, code points) | per article, newest first: its positions (varint) and where
//                 its title ends (varint, from its first position) | shards (varint) | per shard: its
//                 first key (varint first code point, varint second) and its size (varint bytes)
//   NNNN.bin      "RSIS" | version | build (u32) | shard number (varint) | terms (varint) | per term,
//                 in key order: first code point less the previous term's (varint), second code point
//                 (varint, 0 = end of field), list size (varint bytes) | the lists, one after another,
//                 each exactly as SearchIndex holds it (search_postings.h)
// A shard holds every term whose key (first, second) is at or after its first key and before the
// next shard's; no overflow lists (the writer indexes with no bigram limit). A query of one code
// point reads every list of its first code point (the shards over [(cp, 0), (cp, max)]); a longer one
// the list of each of its bigrams.
// Reading is bounds-checked: every count, size and position is checked against the bytes and the
// bundle before it is used, every list is decoded once on arrival; a refused file is told with its
// name and what is wrong ("0003.bin: truncated: list 12 needs 480 bytes, 200 left"), and the index
// keeps answering from the shards it has.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "bundle.h"
#include "error.h"
#include "search_index.h"

namespace reader::core {

// The files of a split index, as SplitIndexWriter makes them.
struct SplitIndexFiles {
    std::string folder;               // "search/<build>": where they go, relative to index.json
    std::string manifest;             // manifest.bin's bytes
    std::vector<std::string> shards;  // the bytes of shard k, written as SplitIndex::shardName(k)
};

class SplitIndexWriter {
public:
    static constexpr size_t kShardBytes = 24 * 1024;  // a shard is cut once its lists reach this

    static SplitIndexFiles write(const Bundle& bundle, size_t shardBytes = kShardBytes);
};

class SplitIndex {
public:
    static constexpr uint8_t kVersion = 1;
    static constexpr size_t kMaxShardBytes = size_t{64} << 20;  // a larger shard is refused

    // The manifest, checked against the bundle it was made for (article count and ids).
    static Result<SplitIndex> load(const Bundle& bundle, std::string_view manifest);

    // "0007.bin": four digits, more when there are more than 10,000 shards.
    static std::string shardName(size_t shard, size_t shardCount);
    std::string shardName(size_t shard) const { return shardName(shard, m_shards.size()); }
    size_t shardCount() const { return m_shards.size(); }
    size_t shardBytes(size_t shard) const { return m_shards[shard].bytes; }  // as the manifest says
    size_t manifestBytes() const { return m_manifestBytes; }
    bool hasShard(size_t shard) const { return shard < m_shards.size() && !m_shards[shard].data.empty(); }

    // The shards `query` needs (its folded bigrams', or for one code point every list of it), in
    // order; those not loaded yet are the ones to fetch.
    std::vector<size_t> shardsFor(std::string_view query) const;
    std::vector<size_t> missingShards(std::string_view query) const;
    // A shard's bytes, checked (the error says what is wrong; the index stays as it was).
    Result<void> loadShard(size_t shard, std::string_view bytes);

    // As SearchIndex::search, from the shards loaded: complete when missingShards(query) is empty
    // (else what those shards would add is missing). A hit in an article's body has paragraph
    // SearchHit::kBody (the split index does not know paragraphs); a title hit is told exactly.
    std::vector<SearchResult> search(std::string_view query, SearchOrder order, size_t limit = 200) const;

private:
    struct Term {
        char32_t first;
        char32_t second;
        uint32_t offset;  // of its list in the shard's data
    };
    struct Shard {
        char32_t first = 0;   // its first key
        char32_t second = 0;
        size_t bytes = 0;
        std::vector<Term> terms;
        std::vector<uint8_t> data;  // the lists and kWordSlack zero bytes; empty until loaded
    };

    size_t shardOf(char32_t first, char32_t second) const;
    const Term* findTerm(char32_t first, char32_t second, const Shard*& in) const;
    Result<void> readManifest(const Bundle& bundle, std::string_view bytes);

    uint32_t m_build = 0;
    size_t m_manifestBytes = 0;
    size_t m_longestField = 0;
    std::vector<uint32_t> m_order;         // rank -> index into Bundle::articles
    std::vector<uint32_t> m_articleStart;  // rank -> its first position; one more at the end
    std::vector<uint32_t> m_titleEnd;      // rank -> the position after its title
    std::vector<Shard> m_shards;
};

}  // namespace reader::core
