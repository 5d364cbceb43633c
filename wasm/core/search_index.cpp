// SearchIndex: searching the index and what comes of it (search_index.h has the design; the index is
// built in search_index_builder.cpp).
//
// Index of this file
//   [SECTION] Collecting matches into results
//   [SECTION] Searching
//   [SECTION] Snippets and hits in one article
#include "search_index.h"

#include <algorithm>
#include <cmath>
#include <optional>

#include "ruby_parser.h"
#include "search_postings.h"
#include "text_fold.h"
#include "utf8.h"

namespace reader::core {

using postings::BigramCursor;
using postings::kEndOfField;
using postings::kOverflow;
using postings::PostingCursor;

// [SECTION] Collecting matches into results

// A matching article: `rank` is its newest-first rank, `hits` the positions of its first hits, sorted.
struct SearchIndex::Candidate {
    uint32_t rank = 0;
    uint32_t titleHits = 0;
    uint32_t bodyHits = 0;
    uint32_t shown = 0;  // entries of `hits` in use
    uint32_t hits[kHitsPerResult] = {};
    double score = 0;

    void addHit(uint32_t position, bool inTitle) {  // positions come in increasing order
        ++(inTitle ? titleHits : bodyHits);
        if (shown < kHitsPerResult) hits[shown++] = position;
    }

    static bool better(const Candidate& a, const Candidate& b) {
        return a.score > b.score || (a.score == b.score && a.rank < b.rank);
    }
};

// The candidates kept, given newest first. Newest keeps the first `limit`; Relevance keeps the first
// max(limit, kRelevanceWindow) and returns the best `limit` of them.
class SearchIndex::Results {
public:
    Results(SearchOrder order, size_t limit)
        : m_order(order), m_limit(limit), m_needed(articlesNeeded(order, limit)) {}

    // How many matching articles, newest first, decide the answer.
    static size_t articlesNeeded(SearchOrder order, size_t limit) {
        return order == SearchOrder::Newest ? limit : std::max(limit, kRelevanceWindow);
    }

    bool full() const { return m_kept.size() >= m_needed; }
    void add(const Candidate& candidate) { m_kept.push_back(candidate); }

    std::vector<Candidate> take() {
        if (m_order == SearchOrder::Relevance) {
            const size_t kept = std::min(m_limit, m_kept.size());
            std::partial_sort(m_kept.begin(), m_kept.begin() + static_cast<std::ptrdiff_t>(kept), m_kept.end(),
                              Candidate::better);
            m_kept.resize(kept);
        }
        return std::move(m_kept);
    }

private:
    SearchOrder m_order;
    size_t m_limit;
    size_t m_needed;
    std::vector<Candidate> m_kept;
};

namespace {

// The rank of the article holding `position`, searching forward from rank `from` (galloping, as
// positions mostly move forward a little). `starts` ends with the end of the last article.
uint32_t articleAt(const std::vector<uint32_t>& starts, uint32_t from, uint32_t position) {
    const uint32_t last = static_cast<uint32_t>(starts.size() - 2);
    if (starts[from + 1] > position) return from;
    uint32_t step = 1, low = from + 1;
    while (low + step <= last && starts[low + step] <= position) {
        low += step;
        step *= 2;
    }
    const uint32_t high = std::min(low + step, last + 1);  // starts[high] > position, or high = last + 1
    return static_cast<uint32_t>(std::upper_bound(starts.begin() + low, starts.begin() + high, position) -
                                 starts.begin() - 1);
}

std::u32string foldQuery(std::string_view query) {
    std::u32string folded = foldForSearch(query);
    const auto isSpace = [](char32_t cp) { return cp == U' ' || cp == U'\t'; };
    const auto begin = std::find_if_not(folded.begin(), folded.end(), isSpace);
    const auto end = std::find_if_not(folded.rbegin(), folded.rend(), isSpace).base();
    return begin < end ? std::u32string(begin, end) : std::u32string();
}

}  // namespace

double SearchIndex::score(size_t titleHits, size_t bodyHits, size_t firstHitAt) {
    return std::log2(1.0 + 5.0 * static_cast<double>(titleHits) + static_cast<double>(bodyHits)) +
           0.5 / (1.0 + static_cast<double>(firstHitAt) / 64.0);
}

SearchHit SearchIndex::hitAt(size_t rank, uint32_t position, size_t length) const {
    const auto first = m_fieldStart.begin() + m_articleFirstField[rank];
    const auto last = m_fieldStart.begin() + m_articleFirstField[rank + 1];
    const size_t field = static_cast<size_t>(std::upper_bound(first, last, position) - m_fieldStart.begin() - 1);
    const size_t titleField = m_articleFirstField[rank];
    return SearchHit{m_order[rank], field == titleField ? SearchHit::kTitle : field - titleField - 1,
                     position - m_fieldStart[field], length};
}

// [SECTION] Searching

// The bigram's own list, else its first code point's overflow list (sorted last in its group), else
// null: the bigram is nowhere in the text.
std::optional<BigramCursor> SearchIndex::findBigram(char32_t first, char32_t second) const {
    const auto firstAt = std::lower_bound(m_firstChars.begin(), m_firstChars.end(), first);
    if (firstAt == m_firstChars.end() || *firstAt != first) return std::nullopt;
    const size_t group = static_cast<size_t>(firstAt - m_firstChars.begin());
    const auto begin = m_secondChars.begin() + m_firstCharTerms[group];
    const auto end = m_secondChars.begin() + m_firstCharTerms[group + 1];
    const auto term = std::lower_bound(begin, end, second);
    if (term != end && *term == second) {
        return BigramCursor(m_postings.data() + m_termOffset[static_cast<size_t>(term - m_secondChars.begin())], false, second);
    }
    if (end[-1] != kOverflow) return std::nullopt;
    BigramCursor cursor(m_postings.data() + m_termOffset[static_cast<size_t>(end - 1 - m_secondChars.begin())], true, second);
    if (cursor.done()) return std::nullopt;
    return cursor;
}

std::vector<SearchResult> SearchIndex::search(std::string_view query, SearchOrder order, size_t limit) const {
    const std::u32string folded = foldQuery(query);
    if (folded.empty() || folded.size() > m_longestField || limit == 0) return {};
    if (folded.find(kEndOfField) != std::u32string::npos) return {};  // U+0000 marks the end of a field
    std::vector<Candidate> found =
        folded.size() == 1 ? searchOneChar(folded[0], order, limit) : searchBigrams(folded, order, limit);
    std::vector<SearchResult> results;
    results.reserve(found.size());
    for (const Candidate& candidate : found) {
        SearchResult& result = results.emplace_back();
        result.article = m_order[candidate.rank];
        result.score = candidate.score;
        result.hitCount = candidate.titleHits + candidate.bodyHits;
        for (uint32_t i = 0; i < candidate.shown; ++i) {
            result.hits.push_back(hitAt(candidate.rank, candidate.hits[i], folded.size()));
        }
    }
    return results;
}

// The positions where a one-code-point query matches: the lists of every bigram it starts, merged
// by a heap on their current positions.
class SearchIndex::CharMatches {
public:
    explicit CharMatches(std::vector<PostingCursor> lists) : m_lists(std::move(lists)) {
        for (uint32_t i = 0; i < m_lists.size(); ++i) m_heap.push_back(i);
        std::make_heap(m_heap.begin(), m_heap.end(), later());
    }

    bool next(uint32_t& position) {
        if (m_heap.empty()) return false;
        PostingCursor& list = m_lists[m_heap.front()];
        position = list.position();
        list.advance();
        if (list.done()) {
            m_heap.front() = m_heap.back();
            m_heap.pop_back();
        }
        siftDown();
        return true;
    }

private:
    struct Later {
        const std::vector<PostingCursor>* lists;
        bool operator()(uint32_t a, uint32_t b) const { return (*lists)[a].position() > (*lists)[b].position(); }
    };
    Later later() const { return Later{&m_lists}; }

    // The top moved on: one pass down the heap instead of a pop and a push.
    void siftDown() {
        const size_t size = m_heap.size();
        const Later isLater = later();
        for (size_t at = 0;;) {
            size_t earliest = at;
            for (size_t child = 2 * at + 1; child <= 2 * at + 2 && child < size; ++child) {
                if (isLater(m_heap[earliest], m_heap[child])) earliest = child;
            }
            if (earliest == at) return;
            std::swap(m_heap[at], m_heap[earliest]);
            at = earliest;
        }
    }

    std::vector<PostingCursor> m_lists;
    std::vector<uint32_t> m_heap;  // indices into m_lists, the earliest position on top
};

// The positions where a longer query matches: the lists of the bigrams at offsets 0, 2, 4, ... and
// n - 2 (which cover every code point) and of its rarest bigram, lined up: each is sought to where
// the others say a match would start, the rarest list leading.
class SearchIndex::BigramMatches {
public:
    struct Part {
        BigramCursor list;
        uint32_t offset;  // of the bigram in the query
    };

    explicit BigramMatches(std::vector<Part> parts) : m_parts(std::move(parts)) {
        std::sort(m_parts.begin(), m_parts.end(), [](const Part& a, const Part& b) { return a.list.count() < b.list.count(); });
    }

    bool next(uint32_t& position) {
        Part& leader = m_parts.front();
        for (;;) {
            leader.list.seekTo(m_start + leader.offset);
            if (leader.list.done()) return false;
            if (leader.list.position() < leader.offset) {  // too early in the text to be a match
                leader.list.advance();
                continue;
            }
            m_start = leader.list.position() - leader.offset;
            bool lined = true;
            for (size_t i = 1; i < m_parts.size() && lined; ++i) {
                Part& part = m_parts[i];
                part.list.seekTo(m_start + part.offset);
                if (part.list.done()) return false;
                if (part.list.position() != m_start + part.offset) {
                    m_start = part.list.position() - part.offset;
                    lined = false;
                }
            }
            if (lined) {
                position = m_start++;
                return true;
            }
        }
    }

private:
    std::vector<Part> m_parts;
    uint32_t m_start = 0;  // the next match cannot start before this position
};

// Match positions, in increasing order, into candidates, article by article (so newest first), until
// enough articles are complete.
template <class Matches>
std::vector<SearchIndex::Candidate> SearchIndex::collect(Matches& matches, uint32_t length, SearchOrder order,
                                                         size_t limit) const {
    Results results(order, limit);
    Candidate current;
    bool haveCurrent = false;
    uint32_t taken = 0;  // end of the latest hit kept: hits do not overlap
    const auto finish = [&] {
        if (!haveCurrent) return;
        current.score = score(current.titleHits, current.bodyHits, current.hits[0] - m_articleStart[current.rank]);
        results.add(current);
    };
    uint32_t position = 0;
    while (matches.next(position)) {
        if (!haveCurrent || position >= m_articleStart[current.rank + 1]) {
            finish();
            if (results.full()) return results.take();
            const uint32_t rank = articleAt(m_articleStart, haveCurrent ? current.rank : 0, position);
            current = Candidate();
            current.rank = rank;
            haveCurrent = true;
            taken = 0;
        }
        if (position >= taken) {
            current.addHit(position, position < m_fieldStart[m_articleFirstField[current.rank] + 1]);
            taken = position + length;
        }
    }
    finish();
    return results.take();
}

std::vector<SearchIndex::Candidate> SearchIndex::searchOneChar(char32_t cp, SearchOrder order, size_t limit) const {
    const auto firstAt = std::lower_bound(m_firstChars.begin(), m_firstChars.end(), cp);
    if (firstAt == m_firstChars.end() || *firstAt != cp) return {};
    const size_t group = static_cast<size_t>(firstAt - m_firstChars.begin());
    std::vector<PostingCursor> lists;
    for (uint32_t term = m_firstCharTerms[group]; term < m_firstCharTerms[group + 1]; ++term) {
        lists.emplace_back(m_postings.data() + m_termOffset[term], m_secondChars[term] == kOverflow);
    }
    CharMatches matches(std::move(lists));
    return collect(matches, 1, order, limit);
}

std::vector<SearchIndex::Candidate> SearchIndex::searchBigrams(const std::u32string& query, SearchOrder order,
                                                               size_t limit) const {
    const uint32_t length = static_cast<uint32_t>(query.size());
    std::vector<BigramMatches::Part> all;  // every bigram of the query
    for (uint32_t offset = 0; offset + 1 < length; ++offset) {
        std::optional<BigramCursor> list = findBigram(query[offset], query[offset + 1]);
        if (!list) return {};
        all.push_back({*list, offset});
    }
    // Those at even offsets and the last cover every code point; the rarest of all leads.
    const auto rarest = std::min_element(all.begin(), all.end(), [](const auto& a, const auto& b) {
        return a.list.count() < b.list.count();
    });
    std::vector<BigramMatches::Part> parts;
    for (const BigramMatches::Part& part : all) {
        if (part.offset % 2 == 0 || part.offset + 2 == length || &part == &*rarest) parts.push_back(part);
    }
    BigramMatches matches(std::move(parts));
    return collect(matches, length, order, limit);
}

// [SECTION] Snippets and hits in one article

SearchIndex::Snippet SearchIndex::snippet(const Bundle& bundle, const SearchResult& result, size_t maxChars) const {
    if (result.hits.empty() || result.hits.front().article >= bundle.articles.size()) return {};
    const SearchHit& hit = result.hits.front();
    const Article& article = bundle.articles[hit.article];
    if (hit.paragraph != SearchHit::kTitle && hit.paragraph >= article.body.size()) return {};
    const std::string text = RubyParser::strip(hit.paragraph == SearchHit::kTitle ? article.title : article.body[hit.paragraph]);
    const std::vector<utf8::CodePoint> codePoints = utf8::decode(text);
    const size_t count = codePoints.size();
    const size_t hitBegin = std::min(hit.offset, count);
    const size_t hitEnd = std::min(hit.offset + hit.length, count);
    const size_t room = maxChars > hitEnd - hitBegin ? maxChars - (hitEnd - hitBegin) : 0;
    const size_t after = std::min(count - hitEnd, room - std::min(hitBegin, room / 3));
    const size_t before = std::min(hitBegin, room - after);  // room not used after the hit goes before it
    const auto byteAt = [&](size_t index) { return index < count ? codePoints[index].byteOffset : text.size(); };
    const size_t begin = byteAt(hitBegin - before);
    Snippet out;
    out.text = text.substr(begin, byteAt(hitEnd + after) - begin);
    out.hitBegin = byteAt(hitBegin) - begin;
    out.hitEnd = byteAt(hitEnd) - begin;
    out.clippedBefore = hitBegin - before > 0;
    out.clippedAfter = hitEnd + after < count;
    return out;
}

std::vector<SearchHit> SearchIndex::findInArticle(const Bundle& bundle, size_t article, std::string_view query) {
    const std::u32string folded = foldQuery(query);
    std::vector<SearchHit> hits;
    if (folded.empty() || article >= bundle.articles.size()) return hits;
    const Article& source = bundle.articles[article];
    std::u32string text;
    const auto findIn = [&](const std::string& field, size_t paragraph) {
        text.clear();
        appendFoldedForSearch(field, text);
        for (size_t at = text.find(folded); at != std::u32string::npos; at = text.find(folded, at + folded.size())) {
            hits.push_back({article, paragraph, at, folded.size()});
        }
    };
    findIn(source.title, SearchHit::kTitle);
    for (size_t paragraph = 0; paragraph < source.body.size(); ++paragraph) findIn(source.body[paragraph], paragraph);
    return hits;
}

size_t SearchIndex::memoryBytes() const {
    const auto bytes = [](const auto& vector) { return vector.capacity() * sizeof(vector[0]); };
    return sizeof(*this) + bytes(m_order) + bytes(m_articleFirstField) + bytes(m_articleStart) +
           bytes(m_fieldStart) + bytes(m_firstChars) + bytes(m_firstCharTerms) + bytes(m_secondChars) +
           bytes(m_termOffset) + bytes(m_postings);
}

}  // namespace reader::core
