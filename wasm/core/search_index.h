// SearchIndex: exact substring search over the titles and paragraphs of a bundle. Works for Chinese,
// which has no word boundaries, on folded text (text_fold.h: traditional = simplified, full-width =
// half-width, Latin case ignored), with pinyin annotations ignored: `自治區` finds `自(zì)治區`.
//
// Design (docs/search.md has the measurements and the reasons):
// - Articles are ordered newest first (published time, then bundle order). Each one's fields, its
//   title then its paragraphs, are folded (RubyParser::strip, then foldChar) and given consecutive
//   positions, one per code point, with one unused position after every field. The folded text is
//   not kept.
// - For every bigram of a field (two adjacent code points, or its last code point and "end of
//   field") a posting list holds the positions where the bigram starts, Elias-Fano coded, with a
//   sample every 128 positions for seeking. The lists are the index: about 13 bits a code point.
// - The dictionary of bigrams is bounded (SearchIndexBuilder::kBigramLimit, the first bigrams met): a
//   bigram first met once it is full goes to its first code point's overflow list, which keeps each
//   position's second code point beside it. So text whose pairs never repeat (random ideographs)
//   costs memory in proportion to its length, not to its distinct pairs, and results stay exact.
// - A query of one code point is the union of the lists of its bigrams (merged by position); of two,
//   one list; of more, the positions where the lists of the bigrams at offsets 0, 2, 4, ..., n-2 line
//   up (with the rarest bigram's list leading). Positions leave no doubt, so no text is read to
//   verify a match.
// - Matches come in position order, so article by article, newest first. Newest stops after `limit`
//   articles. Relevance scores the newest kRelevanceWindow matching articles and returns the best
//   `limit` of them: a query that matches more (a word in most articles) is ranked within its newest
//   matches, so that its cost stays bounded; every older match is older than all of them.
//
// Offsets in a SearchHit count code points of the field's text with annotations stripped, i.e. of
// RubyParser::strip(paragraph) or RubyParser::strip(title), code points as utf8::next decodes them.
// Hits of one article do not overlap: `哈哈` in `哈哈哈` is one hit.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bundle.h"
#include "search_postings.h"
#include "settings.h"  // SearchOrder

namespace reader::core {

namespace search {
struct Candidate;
class BigramMatches;
}

struct SearchHit {
    static constexpr size_t kTitle = SIZE_MAX;  // `paragraph` of a hit in the title
    static constexpr size_t kBody = SIZE_MAX - 1;  // of a hit somewhere in the body (SplitIndex's)

    size_t article;    // index into Bundle::articles
    size_t paragraph;  // index into Article::body, or kTitle
    size_t offset;     // code points from the start of the stripped field text to the hit
    size_t length;     // code points (the folded query's length)
};

struct SearchResult {
    size_t article;               // index into Bundle::articles
    double score;                 // higher is more relevant (see SearchIndex::score)
    std::vector<SearchHit> hits;  // the first hit of each of the first few fields holding one, in reading
                                  // order (title first), at least one
    size_t hitCount = 0;          // all hits in the article
};

class SearchIndex {
public:
    static constexpr size_t kHitsPerResult = 8;       // SearchResult::hits holds at most this many (the
                                                      // best, and sub-results from other paragraphs)
    static constexpr size_t kRelevanceWindow = 2000;  // matching articles ranked by Relevance (newest)

    // Indexes every article of `bundle`, replacing what was indexed before, in one go (for a UI that
    // must stay responsive, SearchIndexBuilder does it a slice at a time). Text beyond 4 Gi code
    // points in all (far above the loader's 256 MiB limit) is not indexed.
    void build(const Bundle& bundle);

    // Results for `query`, folded as the text is (annotations dropped, then folded) and trimmed of
    // spaces at both ends. An empty query, or one longer than every field, finds nothing.
    std::vector<SearchResult> search(std::string_view query, SearchOrder order, size_t limit = 200) const;
    // Every article holding `query`, newest first, as indices into Bundle::articles: no hits and no
    // scores, for counting what the search's filters would leave (search_filters.h).
    std::vector<size_t> articlesWith(std::string_view query) const;

    // A snippet around the first hit of `result`: about `maxChars` code points of the field's stripped
    // text (more if the hit itself is longer), the hit about a third of the way in; hitBegin/hitEnd
    // are the hit's byte range inside `text`. clippedBefore/After say whether text was cut off there
    // (the UI may draw an ellipsis). Reads the article's text; needs no index.
    struct Snippet {
        std::string text;
        size_t hitBegin = 0;
        size_t hitEnd = 0;
        bool clippedBefore = false;
        bool clippedAfter = false;
    };
    static Snippet snippet(const Bundle& bundle, const SearchResult& result, size_t maxChars = 60);

    // Every hit of `query` in one article (title first, then the paragraphs), for highlighting it in
    // the article view. Reads the article's text; needs no index.
    static std::vector<SearchHit> findInArticle(const Bundle& bundle, size_t article, std::string_view query);

    // Relevance of an article with `titleHits` hits in its title and `bodyHits` in its body, as
    // issue #17 asks: articles whose title matches come first, then more hits before fewer (and
    // equal scores newest first, by the search's own order).
    static double score(size_t titleHits, size_t bodyHits);

    size_t articleCount() const { return m_order.size(); }
    size_t memoryBytes() const;  // heap bytes held by the index

private:
    friend class SearchIndexBuilder;
    friend class SplitIndexWriter;  // cuts a built index into the split form's files (split_index.h)

    std::optional<postings::BigramCursor> findBigram(char32_t first, char32_t second) const;
    // The lists of every bigram `cp` starts; the lists of a longer query's bigrams, lined up (none when one is missing).
    std::vector<postings::PostingCursor> charLists(char32_t cp) const;
    void markCharMatches(char32_t cp, std::vector<bool>& matched) const;  // articlesWith, one code point
    std::optional<search::BigramMatches> bigramMatches(const std::u32string& query) const;
    std::vector<search::Candidate> searchOneChar(char32_t cp, SearchOrder order, size_t limit) const;
    std::vector<search::Candidate> searchBigrams(const std::u32string& query, SearchOrder order, size_t limit) const;
    auto spans() const;
    SearchHit hitAt(size_t rank, uint32_t position, size_t length) const;

    std::vector<uint32_t> m_order;              // newest-first rank -> index into Bundle::articles
    std::vector<uint32_t> m_articleFirstField;  // rank -> its title's field number; one more at the end
    std::vector<uint32_t> m_articleStart;       // rank -> position of its title; one more at the end
    std::vector<uint32_t> m_fieldStart;         // field -> position of its first code point; one more
    size_t m_longestField = 0;                  // code points

    // The lists, found by bigram: first code points sorted, and for each the range of its terms
    // (second code point sorted, and where its list starts in m_postings).
    std::vector<char32_t> m_firstChars;
    std::vector<uint32_t> m_firstCharTerms;  // m_firstChars[i]'s terms: [m_firstCharTerms[i], [i + 1])
    std::vector<char32_t> m_secondChars;     // per term; 0 = end of field, kOverflow = the overflow list
    std::vector<uint32_t> m_termOffset;      // per term, into m_postings; one more at the end
    std::vector<uint8_t> m_postings;
};

// Builds a SearchIndex a slice at a time, so that a UI on one thread can index a large bundle
// between frames: step() until it returns true, then take(). Each article is walked twice (the index
// is laid out between the walks), so progress() passes 0.5 half way. `bundle` must stay alive and
// unchanged until take().
class SearchIndexBuilder {
public:
    // Work units a step does by default: well under a millisecond in WebAssembly.
    static constexpr size_t kStepWork = 32768;
    // Distinct bigrams with lists of their own; later ones go to overflow lists (see SearchIndex).
    static constexpr size_t kBigramLimit = size_t{1} << 18;

    explicit SearchIndexBuilder(const Bundle& bundle, size_t bigramLimit = kBigramLimit);
    ~SearchIndexBuilder();
    SearchIndexBuilder(const SearchIndexBuilder&) = delete;
    SearchIndexBuilder& operator=(const SearchIndexBuilder&) = delete;

    // Walks on for about `work` units: a code point indexed is one, a byte of text folded one more,
    // a byte that RubyParser reads for annotations one more. A long field is walked across several
    // steps, so a step costs about the same whatever the articles' sizes (but RubyParser reads a
    // field with parentheses in one go). True when the index is complete.
    bool step(size_t work = kStepWork);
    double progress() const;  // 0 to 1
    SearchIndex take();       // the index (completing it first if step() has not)

private:
    struct State;
    std::unique_ptr<State> m_state;
};

}  // namespace reader::core
