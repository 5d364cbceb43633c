// How a query becomes results, shared by the whole-bundle index (search_index.cpp) and the split
// form's sharded one (split_index.cpp): the query's folding, the walks over posting lists that give
// match positions (one code point: a merge of lists; longer: bigram lists lined up), and the
// collection of positions into matching articles. Both indexes number positions the same way
// (search_index.h): articles newest first, one position per folded code point, a gap after a field.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "search_index.h"
#include "search_postings.h"

namespace reader::core::search {

// The query as the text is indexed: annotations dropped, folded, spaces trimmed at both ends. Empty
// when nothing is left, or when it holds U+0000 (which marks the end of a field in the lists).
std::u32string foldQuery(std::string_view query);

// A matching article: `rank` is its newest-first rank, `hits` the positions of its first hits, sorted.
struct Candidate {
    uint32_t rank = 0;
    uint32_t titleHits = 0;
    uint32_t bodyHits = 0;
    uint32_t shown = 0;  // entries of `hits` in use
    uint32_t hits[SearchIndex::kHitsPerResult] = {};
    double score = 0;

    // Positions come in increasing order; `keep`: the hit is the first of its field (only those
    // are kept, so that the kept hits are in distinct fields: the result's excerpt and sub-results).
    void addHit(uint32_t position, bool inTitle, bool keep) {
        ++(inTitle ? titleHits : bodyHits);
        if (keep && shown < SearchIndex::kHitsPerResult) hits[shown++] = position;
    }
};

// Where the articles lie among the positions: `start` holds each rank's first position and one more
// at the end; `titleEnd(rank)` is the position after its title (a hit before it is in the title);
// `fieldEnd(rank, position)` the position after the field holding `position`.
template <class TitleEnd, class FieldEnd>
struct ArticleSpans {
    const std::vector<uint32_t>& start;
    TitleEnd titleEnd;
    FieldEnd fieldEnd;
};

// The positions where a one-code-point query matches: the lists of every bigram it starts, merged
// by a heap on their current positions.
class CharMatches {
public:
    explicit CharMatches(std::vector<postings::PostingCursor> lists);
    bool next(uint32_t& position);

private:
    void siftDown();
    bool later(uint32_t a, uint32_t b) const { return m_lists[a].position() > m_lists[b].position(); }

    std::vector<postings::PostingCursor> m_lists;
    std::vector<uint32_t> m_heap;  // indices into m_lists, the earliest position on top
};

// The positions where a longer query matches: the lists of the bigrams at offsets 0, 2, 4, ... and
// n - 2 (which cover every code point) and of its rarest bigram, lined up: each is sought to where
// the others say a match would start, the rarest list leading.
class BigramMatches {
public:
    struct Part {
        postings::BigramCursor list;
        uint32_t offset;  // of the bigram in the query
    };

    // `all` holds the list of every bigram of the query, by offset; the parts above are kept.
    explicit BigramMatches(std::vector<Part> all);
    bool next(uint32_t& position);
    // No match starts before `position` (one per article is all SearchIndex::articlesWith needs).
    void skipTo(uint32_t position) { m_start = std::max(m_start, position); }

private:
    std::vector<Part> m_parts;
    uint32_t m_start = 0;  // the next match cannot start before this position
};

// The candidates of the answer, newest first (Newest: the first `limit`; Relevance: the best `limit`
// of the first max(limit, kRelevanceWindow)), from match positions in increasing order.
std::vector<Candidate> takeBest(std::vector<Candidate> kept, SearchOrder order, size_t limit);
size_t articlesNeeded(SearchOrder order, size_t limit);
uint32_t articleAt(const std::vector<uint32_t>& starts, uint32_t from, uint32_t position);

// Match positions, in increasing order, into candidates, article by article (so newest first), until
// enough articles are complete. Hits of one article do not overlap.
template <class Matches, class TitleEnd, class FieldEnd>
std::vector<Candidate> collect(Matches& matches, const ArticleSpans<TitleEnd, FieldEnd>& articles, uint32_t length,
                               SearchOrder order, size_t limit) {
    const size_t needed = articlesNeeded(order, limit);
    std::vector<Candidate> kept;
    Candidate current;
    bool haveCurrent = false;
    uint32_t taken = 0;  // end of the latest hit kept
    uint32_t titleEnd = 0;
    uint32_t keptFieldEnd = 0;  // end of the field of the latest hit kept in `hits`
    const auto finish = [&] {
        if (!haveCurrent) return;
        current.score = SearchIndex::score(current.titleHits, current.bodyHits);
        kept.push_back(current);
    };
    uint32_t position = 0;
    while (matches.next(position)) {
        if (!haveCurrent || position >= articles.start[current.rank + 1]) {
            finish();
            if (kept.size() >= needed) return takeBest(std::move(kept), order, limit);
            const uint32_t rank = articleAt(articles.start, haveCurrent ? current.rank : 0, position);
            current = Candidate();
            current.rank = rank;
            haveCurrent = true;
            taken = 0;
            keptFieldEnd = 0;
            titleEnd = articles.titleEnd(rank);
        }
        if (position >= taken) {
            const bool keep = position >= keptFieldEnd && current.shown < SearchIndex::kHitsPerResult;
            current.addHit(position, position < titleEnd, keep);
            if (keep) keptFieldEnd = articles.fieldEnd(current.rank, position);
            taken = position + length;
        }
    }
    finish();
    return takeBest(std::move(kept), order, limit);
}

// Candidates as results: `order` maps a rank to its article's index into Bundle::articles, and
// `hitAt(rank, position)` says which field of the article a hit position is in, and where.
template <class HitAt>
std::vector<SearchResult> toResults(const std::vector<Candidate>& found, const std::vector<uint32_t>& order, HitAt hitAt) {
    std::vector<SearchResult> results;
    results.reserve(found.size());
    for (const Candidate& candidate : found) {
        SearchResult& result = results.emplace_back();
        result.article = order[candidate.rank];
        result.score = candidate.score;
        result.hitCount = candidate.titleHits + candidate.bodyHits;
        for (uint32_t i = 0; i < candidate.shown; ++i) result.hits.push_back(hitAt(candidate.rank, candidate.hits[i]));
    }
    return results;
}

}  // namespace reader::core::search
