// SplitIndex: reading the split form's index files, checked, and searching the shards loaded
// (split_index.h has the layout; the walks over the lists are search_matching.cpp's).
//
// Index of this file
//   [SECTION] The manifest
//   [SECTION] Shards
//   [SECTION] Searching
#include "split_index.h"

#include <algorithm>
#include <bit>
#include <cstdio>
#include <numeric>

#include "search_matching.h"
#include "search_postings.h"
#include "split_index_bytes.h"

namespace reader::core {

using postings::BigramCursor;
using postings::PostingCursor;
using split_bytes::ByteReader;

namespace {

constexpr char32_t kLastCodePoint = 0x10FFFF;

Error refused(std::string message) { return Error{.message = std::move(message)}; }

std::string hex(uint32_t value) {
    char text[16];
    std::snprintf(text, sizeof text, "%08x", static_cast<unsigned>(value));
    return text;
}

// Newest first, ties in bundle order: the order SearchIndexBuilder gives ranks.
std::vector<uint32_t> newestFirst(const Bundle& bundle) {
    std::vector<uint32_t> order(bundle.articles.size());
    std::iota(order.begin(), order.end(), 0u);
    std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
        return bundle.articles[a].published.epochSeconds > bundle.articles[b].published.epochSeconds;
    });
    return order;
}

}  // namespace

std::string SplitIndex::shardName(size_t shard, size_t shardCount) {
    const size_t width = std::max<size_t>(4, std::to_string(shardCount == 0 ? 0 : shardCount - 1).size());
    const std::string digits = std::to_string(shard);
    return std::string(width - std::min(width, digits.size()), '0') + digits + ".bin";
}

// [SECTION] The manifest

Result<SplitIndex> SplitIndex::load(const Bundle& bundle, std::string_view manifest) {
    SplitIndex index;
    Result<void> read = index.readManifest(bundle, manifest);
    if (!read) return Error{.message = "manifest.bin: " + read.error().message};
    return index;
}

Result<void> SplitIndex::readManifest(const Bundle& bundle, std::string_view bytes) {
    ByteReader in(bytes);
    if (!in.magic(split_bytes::kManifestMagic)) return refused("not a search index manifest (no \"RSIM\" at the start)");
    const uint8_t version = in.byte();
    if (version != kVersion) return refused("version " + std::to_string(version) + ", this reader reads version " + std::to_string(kVersion));
    m_build = in.u32();
    const uint32_t articles = in.varint();
    const uint32_t ids = in.u32();
    m_longestField = in.varint();
    if (in.failed()) return refused("truncated in its header");
    if (articles != bundle.articles.size()) {
        return refused("made for " + std::to_string(articles) + " articles, the bundle has " + std::to_string(bundle.articles.size()));
    }
    m_order = newestFirst(bundle);
    uint32_t hash = split_bytes::kFnvBasis;
    for (const uint32_t article : m_order) {
        const std::string& id = bundle.articles[article].id;
        for (size_t k = 0; k <= id.size(); ++k) hash = (hash ^ static_cast<uint8_t>(k < id.size() ? id[k] : 0)) * 16777619u;
    }
    if (hash != ids) return refused("made for other articles (ids hash " + hex(ids) + ", the bundle's is " + hex(hash) + ")");
    m_articleStart.assign(1, 0);
    m_titleEnd.clear();
    for (uint32_t rank = 0; rank < articles; ++rank) {
        const uint32_t length = in.varint(), title = in.varint();
        if (in.failed()) return refused("truncated in the spans of the articles");
        if (title == 0 || title > length || uint64_t{m_articleStart.back()} + length >= UINT32_MAX) {
            return refused("article " + std::to_string(rank) + "'s span does not fit (" + std::to_string(length) + " positions, title to " + std::to_string(title) + ")");
        }
        m_titleEnd.push_back(m_articleStart.back() + title);
        m_articleStart.push_back(m_articleStart.back() + length);
    }
    const uint32_t shards = in.varint();
    if (in.failed() || shards > in.left() / 3) return refused("truncated in the list of shards");
    for (uint32_t k = 0; k < shards; ++k) {
        Shard& shard = m_shards.emplace_back();
        shard.first = in.varint();
        shard.second = in.varint();
        shard.bytes = in.varint();
        if (in.failed()) return refused("truncated in the list of shards");
        const bool ordered = k == 0 || shard.first > m_shards[k - 1].first ||
                             (shard.first == m_shards[k - 1].first && shard.second > m_shards[k - 1].second);
        if (!ordered || shard.first > kLastCodePoint || shard.second > kLastCodePoint) {
            return refused("shard " + std::to_string(k) + "'s first key is out of order or not a code point");
        }
        if (shard.bytes > kMaxShardBytes) {
            return refused("shard " + std::to_string(k) + " of " + std::to_string(shard.bytes) + " bytes exceeds the limit of " + std::to_string(kMaxShardBytes));
        }
    }
    if (in.left() != 0) return refused(std::to_string(in.left()) + " bytes after the list of shards");
    m_manifestBytes = bytes.size();
    return {};
}

// [SECTION] Shards

size_t SplitIndex::shardOf(char32_t first, char32_t second) const {
    const auto after = std::upper_bound(m_shards.begin(), m_shards.end(), std::pair{first, second}, [](const auto& key, const Shard& shard) {
        return key.first < shard.first || (key.first == shard.first && key.second < shard.second);
    });
    return after == m_shards.begin() ? 0 : static_cast<size_t>(after - m_shards.begin() - 1);
}

namespace {

// Decodes a list once, checking what PostingCursor takes on trust: its parts fit in `bytes`, its
// high bits hold exactly `count` ones, every sample points at its position's bit, and positions
// increase and stay below `end`. Empty when it is sound, else what is wrong.
std::string checkList(const uint8_t* list, size_t bytes, uint32_t end) {
    ByteReader in(std::string_view(reinterpret_cast<const char*>(list), bytes));
    const uint32_t count = in.varint();
    const uint8_t lowBits = in.byte();
    if (in.failed() || count == 0) return "no count";
    if (lowBits > 31) return "low bits " + std::to_string(lowBits);
    const uint64_t samples = count > postings::kSample ? (count - 1) / postings::kSample : 0;
    const uint64_t lowBytes = (uint64_t{count} * lowBits + 7) / 8;
    if (count > bytes * 8 || in.at() + 4 * samples + lowBytes >= bytes) return std::to_string(count) + " positions in " + std::to_string(bytes) + " bytes";
    const uint8_t* const sampleAt = list + in.at();
    const uint8_t* const low = sampleAt + 4 * samples;
    const uint8_t* const high = low + lowBytes;
    const size_t highBytes = static_cast<size_t>(list + bytes - high);
    uint64_t ones = 0;
    for (size_t k = 0; k < highBytes; ++k) ones += static_cast<unsigned>(std::popcount(high[k]));
    if (ones != count) return std::to_string(ones) + " positions marked, " + std::to_string(count) + " counted";
    uint32_t rank = 0;
    uint64_t previous = 0;
    for (size_t k = 0; k < highBytes; ++k) {
        for (unsigned bit = 0; bit < 8; ++bit) {
            if (!(high[k] >> bit & 1)) continue;
            const uint64_t at = 8 * uint64_t{k} + bit;
            uint64_t lowValue = 0;
            for (unsigned b = 0; b < lowBits; ++b) {
                const uint64_t lowBit = uint64_t{rank} * lowBits + b;
                lowValue |= uint64_t{(low[lowBit / 8] >> (lowBit % 8)) & 1u} << b;
            }
            const uint64_t position = ((at - rank) << lowBits) | lowValue;
            if ((rank > 0 && position <= previous) || position >= end) return "position " + std::to_string(position) + " out of order or past the end";
            if (rank > 0 && rank % postings::kSample == 0 && postings::loadUint32(sampleAt + 4 * (rank / postings::kSample - 1)) != at) {
                return "sample " + std::to_string(rank / postings::kSample) + " points elsewhere";
            }
            previous = position;
            ++rank;
        }
    }
    return {};
}

}  // namespace

Result<void> SplitIndex::loadShard(size_t number, std::string_view bytes) {
    if (number >= m_shards.size()) return refused("no shard " + std::to_string(number) + " in the manifest");
    const std::string name = shardName(number);
    const auto fail = [&](const std::string& message) { return refused(name + ": " + message); };
    Shard& shard = m_shards[number];
    if (bytes.size() != shard.bytes) return fail("truncated or replaced: " + std::to_string(bytes.size()) + " bytes, the manifest says " + std::to_string(shard.bytes));
    ByteReader in(bytes);
    if (!in.magic(split_bytes::kShardMagic)) return fail("not a search index shard (no \"RSIS\" at the start)");
    const uint8_t version = in.byte();
    const uint32_t build = in.u32();
    const uint32_t said = in.varint();
    const uint32_t count = in.varint();
    if (in.failed()) return fail("truncated in its header");
    if (version != kVersion) return fail("version " + std::to_string(version) + ", this reader reads version " + std::to_string(kVersion));
    if (build != m_build) return fail("from another build of the index (" + hex(build) + ", the manifest's is " + hex(m_build) + ")");
    if (said != number) return fail("says it is shard " + std::to_string(said));
    if (count > in.left() / 3) return fail(std::to_string(count) + " terms cannot fit in " + std::to_string(in.left()) + " bytes");
    std::vector<Term> terms;
    terms.reserve(count);
    std::vector<uint32_t> sizes;
    uint64_t total = 0;
    char32_t first = 0;
    for (uint32_t k = 0; k < count; ++k) {
        first += in.varint();
        const char32_t second = in.varint();
        const uint32_t size = in.varint();
        if (in.failed()) return fail("truncated in its terms");
        const bool ordered = k == 0 ? (first > shard.first || (first == shard.first && second >= shard.second))
                                    : (first > terms.back().first || (first == terms.back().first && second > terms.back().second));
        const bool inRange = number + 1 == m_shards.size() || first < m_shards[number + 1].first ||
                             (first == m_shards[number + 1].first && second < m_shards[number + 1].second);
        if (!ordered || !inRange || first > kLastCodePoint || second > kLastCodePoint) {
            return fail("term " + std::to_string(k) + " is out of order or outside the shard's keys");
        }
        terms.push_back({first, second, static_cast<uint32_t>(total)});
        total += size;
        sizes.push_back(size);
    }
    if (total != in.left()) return fail("its lists take " + std::to_string(total) + " bytes, " + std::to_string(in.left()) + " are there");
    std::vector<uint8_t> data(bytes.begin() + static_cast<std::ptrdiff_t>(in.at()), bytes.end());
    data.resize(data.size() + postings::kWordSlack, 0);
    for (uint32_t k = 0; k < count; ++k) {
        const std::string wrong = checkList(data.data() + terms[k].offset, sizes[k], m_articleStart.back());
        if (!wrong.empty()) return fail("list " + std::to_string(k) + ": " + wrong);
    }
    shard.terms = std::move(terms);
    shard.data = std::move(data);
    return {};
}

// [SECTION] Searching

std::vector<size_t> SplitIndex::shardsFor(std::string_view query) const {
    const std::u32string folded = search::foldQuery(query);
    std::vector<size_t> shards;
    if (folded.empty() || folded.size() > m_longestField || m_shards.empty()) return shards;
    if (folded.size() == 1) {
        for (size_t k = shardOf(folded[0], 0); k <= shardOf(folded[0], kLastCodePoint); ++k) shards.push_back(k);
    }
    for (size_t k = 0; k + 1 < folded.size(); ++k) shards.push_back(shardOf(folded[k], folded[k + 1]));
    std::sort(shards.begin(), shards.end());
    shards.erase(std::unique(shards.begin(), shards.end()), shards.end());
    return shards;
}

std::vector<size_t> SplitIndex::missingShards(std::string_view query) const {
    std::vector<size_t> missing = shardsFor(query);
    std::erase_if(missing, [&](size_t shard) { return hasShard(shard); });
    return missing;
}

const SplitIndex::Term* SplitIndex::findTerm(char32_t first, char32_t second, const Shard*& in) const {
    in = &m_shards[shardOf(first, second)];
    const auto term = std::lower_bound(in->terms.begin(), in->terms.end(), std::pair{first, second}, [](const Term& t, const auto& key) {
        return t.first < key.first || (t.first == key.first && t.second < key.second);
    });
    return term != in->terms.end() && term->first == first && term->second == second ? &*term : nullptr;
}

std::vector<SearchResult> SplitIndex::search(std::string_view query, SearchOrder order, size_t limit) const {
    const std::u32string folded = search::foldQuery(query);
    if (folded.empty() || folded.size() > m_longestField || limit == 0 || m_shards.empty()) return {};
    const auto titleEnd = [this](uint32_t rank) { return m_titleEnd[rank]; };
    // The split index knows two fields of an article: its title and its body.
    const auto fieldEnd = [this](uint32_t rank, uint32_t position) {
        return position < m_titleEnd[rank] ? m_titleEnd[rank] : m_articleStart[rank + 1];
    };
    const search::ArticleSpans<decltype(titleEnd), decltype(fieldEnd)> spans{m_articleStart, titleEnd, fieldEnd};
    std::vector<search::Candidate> found;
    if (folded.size() == 1) {
        std::vector<PostingCursor> lists;
        for (size_t k = shardOf(folded[0], 0); k <= shardOf(folded[0], kLastCodePoint); ++k) {
            for (const Term& term : m_shards[k].terms) {
                if (term.first == folded[0]) lists.emplace_back(m_shards[k].data.data() + term.offset, false);
            }
        }
        search::CharMatches matches(std::move(lists));
        found = search::collect(matches, spans, 1, order, limit);
    } else {
        std::vector<search::BigramMatches::Part> all;
        for (uint32_t offset = 0; offset + 1 < folded.size(); ++offset) {
            const Shard* shard = nullptr;
            const Term* term = findTerm(folded[offset], folded[offset + 1], shard);
            if (!term) return {};
            all.push_back({BigramCursor(shard->data.data() + term->offset, false, folded[offset + 1]), offset});
        }
        search::BigramMatches matches(std::move(all));
        found = search::collect(matches, spans, static_cast<uint32_t>(folded.size()), order, limit);
    }
    // The split index knows a hit's field only as title or body (kBody): the body's paragraph is
    // found once its shard is in (SearchView::snippetOf).
    return search::toResults(found, m_order, [&](uint32_t rank, uint32_t at) {
        const bool inTitle = at < m_titleEnd[rank];
        return SearchHit{m_order[rank], inTitle ? SearchHit::kTitle : SearchHit::kBody, at - (inTitle ? m_articleStart[rank] : m_titleEnd[rank]),
                         folded.size()};
    });
}

}  // namespace reader::core
