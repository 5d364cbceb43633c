// SearchIndex (search_index.h has the design).
//
// Index of this file
// [SECTION] Posting lists: varints, layout, cursor
// [SECTION] Building
// [SECTION] Collecting matches into results
// [SECTION] Searching
// [SECTION] Snippets and hits in one article
#include "search_index.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <numeric>

#include "ruby_parser.h"
#include "text_fold.h"
#include "utf8.h"

namespace reader::core {

namespace {

// [SECTION] Posting lists: varints, layout, cursor
//
// A list is: varint count; (count - 1) / kBlock skip entries when count > kBlock, 8 bytes each:
// {position of the last posting before block k, byte offset of block k in the data} for k = 1, 2, ...;
// then the data: each position as a varint gap from the one before (the first from 0).

constexpr uint32_t kBlock = 128;  // postings per skip entry
constexpr size_t kSkipBytes = 8;
constexpr char32_t kEndOfField = 0;  // second code point of a field's last bigram

size_t varintLength(uint32_t value) {
    size_t length = 1;
    while (value >= 0x80) {
        value >>= 7;
        ++length;
    }
    return length;
}

uint8_t* writeVarint(uint8_t* out, uint32_t value) {
    while (value >= 0x80) {
        *out++ = static_cast<uint8_t>(value | 0x80);
        value >>= 7;
    }
    *out++ = static_cast<uint8_t>(value);
    return out;
}

inline uint32_t readVarint(const uint8_t*& in) {
    uint32_t value = *in & 0x7F;
    for (unsigned shift = 7; *in++ & 0x80; shift += 7) value |= static_cast<uint32_t>(*in & 0x7F) << shift;
    return value;
}

uint32_t skipCount(uint32_t postings) { return postings > kBlock ? (postings - 1) / kBlock : 0; }

uint64_t bigramKey(char32_t first, char32_t second) { return (uint64_t{first} << 32) | second; }

}  // namespace

// Walks one list in increasing position order; seekTo() uses the skip entries to jump ahead.
class SearchIndex::PostingCursor {
public:
    explicit PostingCursor(const uint8_t* list) {
        m_count = readVarint(list);
        m_skips = list;
        m_data = list + kSkipBytes * skipCount(m_count);
        m_at = m_data;
        advance();
    }

    uint32_t count() const { return m_count; }
    bool done() const { return m_done; }
    uint32_t position() const { return m_position; }  // valid while !done()

    void advance() {
        if (m_taken == m_count) {
            m_done = true;
            return;
        }
        m_position += readVarint(m_at);
        ++m_taken;
    }

    // Moves to the first posting at or after `target` (or done()).
    void seekTo(uint32_t target) {
        if (m_done || m_position >= target) return;
        const uint32_t skips = skipCount(m_count);
        uint32_t block = (m_taken - 1) / kBlock + 1;  // the block after the current posting's
        if (block <= skips && skipAt(block).lastBefore < target) {
            uint32_t low = block, high = skips;  // the last block whose predecessor ends before target
            while (low < high) {
                const uint32_t middle = low + (high - low + 1) / 2;
                if (skipAt(middle).lastBefore < target) {
                    low = middle;
                } else {
                    high = middle - 1;
                }
            }
            const Skip skip = skipAt(low);
            m_at = m_data + skip.offset;
            m_position = skip.lastBefore;
            m_taken = low * kBlock;
        }
        do {
            advance();
        } while (!m_done && m_position < target);
    }

private:
    struct Skip {
        uint32_t lastBefore;
        uint32_t offset;
    };
    Skip skipAt(uint32_t block) const {
        Skip skip;
        std::memcpy(&skip, m_skips + kSkipBytes * (block - 1), sizeof skip);
        return skip;
    }

    const uint8_t* m_skips = nullptr;
    const uint8_t* m_data = nullptr;
    const uint8_t* m_at = nullptr;
    uint32_t m_count = 0;
    uint32_t m_taken = 0;  // postings decoded so far
    uint32_t m_position = 0;
    bool m_done = false;
};

// [SECTION] Building

namespace {

// Bigram -> term number, open addressing; only while building.
class BigramTable {
public:
    BigramTable() { rehash(1u << 16); }

    uint32_t findOrAdd(uint64_t key) {
        size_t slot = slotOf(key);
        while (m_slots[slot].key != kEmpty) {
            if (m_slots[slot].key == key) return m_slots[slot].term;
            slot = (slot + 1) & m_mask;
        }
        const uint32_t term = static_cast<uint32_t>(m_keys.size());
        m_slots[slot] = {key, term};
        m_keys.push_back(key);
        if (m_keys.size() * 2 > m_slots.size()) rehash(m_slots.size() * 2);
        return term;
    }

    uint32_t find(uint64_t key) const {  // the key must be there
        size_t slot = slotOf(key);
        while (m_slots[slot].key != key) slot = (slot + 1) & m_mask;
        return m_slots[slot].term;
    }

    const std::vector<uint64_t>& keys() const { return m_keys; }  // by term number

private:
    static constexpr uint64_t kEmpty = UINT64_MAX;
    struct Slot {
        uint64_t key;
        uint32_t term;
    };

    size_t slotOf(uint64_t key) const { return static_cast<size_t>((key * 0x9E3779B97F4A7C15ull) >> m_shift); }

    void rehash(size_t slots) {
        m_slots.assign(slots, Slot{kEmpty, 0});
        m_mask = slots - 1;
        m_shift = 64;
        for (size_t size = slots; size > 1; size >>= 1) --m_shift;
        for (uint32_t term = 0; term < m_keys.size(); ++term) {
            size_t slot = slotOf(m_keys[term]);
            while (m_slots[slot].key != kEmpty) slot = (slot + 1) & m_mask;
            m_slots[slot] = {m_keys[term], term};
        }
    }

    std::vector<Slot> m_slots;
    std::vector<uint64_t> m_keys;
    size_t m_mask = 0;
    unsigned m_shift = 64;
};

struct TermBuild {
    uint32_t count = 0;
    uint32_t last = 0;       // position of the latest posting
    uint32_t bytes = 0;      // pass 1: size of the data; pass 2: where the next gap goes in m_postings
    uint32_t skipsAt = 0;    // pass 2: where the list's skip entries start in m_postings
    uint32_t dataStart = 0;  // pass 2: where its data starts
};

}  // namespace

void SearchIndex::build(const Bundle& bundle) {
    *this = SearchIndex();
    const size_t articleCount = bundle.articles.size();
    m_order.resize(articleCount);
    std::iota(m_order.begin(), m_order.end(), 0u);
    std::stable_sort(m_order.begin(), m_order.end(), [&](uint32_t a, uint32_t b) {
        return bundle.articles[a].published.epochSeconds > bundle.articles[b].published.epochSeconds;
    });

    // Calls visit(position of the field's first code point, folded field) for every field, in order.
    // Positions end at UINT32_MAX - 1: later fields are left out, so that every position + 1 fits.
    std::u32string folded;
    const auto forEachField = [&](auto&& visit) {
        uint64_t position = 0;
        const auto field = [&](const std::string& text) {
            folded.clear();
            appendFoldedForSearch(text, folded);
            if (position + folded.size() + 1 >= UINT32_MAX) folded.clear();
            visit(static_cast<uint32_t>(position), folded);
            position += folded.size() + 1;
        };
        for (const uint32_t index : m_order) {
            const Article& article = bundle.articles[index];
            field(article.title);
            for (const std::string& paragraph : article.body) field(paragraph);
        }
    };

    // Pass 1: fields, terms, and each term's posting count and bytes.
    BigramTable table;
    std::vector<TermBuild> terms;
    m_articleFirstField.reserve(articleCount + 1);
    m_articleStart.reserve(articleCount + 1);
    for (const uint32_t index : m_order) {
        m_articleFirstField.push_back(static_cast<uint32_t>(m_fieldStart.size()));
        m_fieldStart.resize(m_fieldStart.size() + 1 + bundle.articles[index].body.size());
    }
    size_t field = 0;
    uint32_t end = 0;
    forEachField([&](uint32_t start, const std::u32string& text) {
        m_fieldStart[field++] = start;
        m_longestField = std::max(m_longestField, text.size());
        for (size_t i = 0; i < text.size(); ++i) {
            const uint32_t term = table.findOrAdd(bigramKey(text[i], i + 1 < text.size() ? text[i + 1] : kEndOfField));
            if (term == terms.size()) terms.emplace_back();
            TermBuild& stats = terms[term];
            const uint32_t position = start + static_cast<uint32_t>(i);
            stats.bytes += static_cast<uint32_t>(varintLength(position - stats.last));
            stats.last = position;
            ++stats.count;
        }
        end = start + static_cast<uint32_t>(text.size()) + 1;
    });
    m_fieldStart.push_back(end);
    for (size_t rank = 0; rank < articleCount; ++rank) m_articleStart.push_back(m_fieldStart[m_articleFirstField[rank]]);
    m_articleFirstField.push_back(static_cast<uint32_t>(m_fieldStart.size() - 1));
    m_articleStart.push_back(end);

    // The dictionary, in bigram order, and room for every list.
    const std::vector<uint64_t>& keys = table.keys();
    std::vector<uint32_t> sorted(keys.size());
    std::iota(sorted.begin(), sorted.end(), 0u);
    std::sort(sorted.begin(), sorted.end(), [&](uint32_t a, uint32_t b) { return keys[a] < keys[b]; });
    m_secondChars.reserve(sorted.size());
    m_termOffset.reserve(sorted.size() + 1);
    size_t bytes = 0;
    for (const uint32_t term : sorted) {
        const char32_t first = static_cast<char32_t>(keys[term] >> 32);
        if (m_firstChars.empty() || m_firstChars.back() != first) {
            m_firstChars.push_back(first);
            m_firstCharTerms.push_back(static_cast<uint32_t>(m_secondChars.size()));
        }
        m_secondChars.push_back(static_cast<char32_t>(keys[term] & 0xFFFFFFFFu));
        m_termOffset.push_back(static_cast<uint32_t>(bytes));
        const TermBuild& stats = terms[term];
        bytes += varintLength(stats.count) + kSkipBytes * skipCount(stats.count) + stats.bytes;
    }
    m_firstCharTerms.push_back(static_cast<uint32_t>(m_secondChars.size()));
    m_termOffset.push_back(static_cast<uint32_t>(bytes));
    m_postings.resize(bytes);
    for (size_t rank = 0; rank < sorted.size(); ++rank) {
        TermBuild& stats = terms[sorted[rank]];
        uint8_t* const list = m_postings.data() + m_termOffset[rank];
        const uint8_t* const skips = writeVarint(list, stats.count);
        stats.skipsAt = static_cast<uint32_t>(skips - m_postings.data());
        stats.dataStart = stats.skipsAt + static_cast<uint32_t>(kSkipBytes * skipCount(stats.count));
        stats.bytes = stats.dataStart;
        stats.last = 0;
        stats.count = 0;
    }

    // Pass 2: the postings, and a skip entry where each block but the first starts.
    forEachField([&](uint32_t start, const std::u32string& text) {
        for (size_t i = 0; i < text.size(); ++i) {
            TermBuild& stats = terms[table.find(bigramKey(text[i], i + 1 < text.size() ? text[i + 1] : kEndOfField))];
            if (stats.count > 0 && stats.count % kBlock == 0) {
                const uint32_t skip[2] = {stats.last, stats.bytes - stats.dataStart};
                std::memcpy(m_postings.data() + stats.skipsAt + kSkipBytes * (stats.count / kBlock - 1), skip, sizeof skip);
            }
            const uint32_t position = start + static_cast<uint32_t>(i);
            stats.bytes = static_cast<uint32_t>(writeVarint(m_postings.data() + stats.bytes, position - stats.last) -
                                                m_postings.data());
            stats.last = position;
            ++stats.count;
        }
    });
}

// [SECTION] Collecting matches into results

// A matching article: `rank` is its newest-first rank, `hits` the positions of its first hits, sorted.
struct SearchIndex::Candidate {
    uint32_t rank = 0;
    uint32_t titleHits = 0;
    uint32_t bodyHits = 0;
    uint32_t shown = 0;  // entries of `hits` in use
    uint32_t hits[kHitsPerResult] = {};
    double score = 0;

    // Positions may come out of order (the one-character search walks several lists): the first
    // kHitsPerResult are kept, sorted.
    void addHit(uint32_t position, bool inTitle) {
        ++(inTitle ? titleHits : bodyHits);
        if (shown == kHitsPerResult && position >= hits[kHitsPerResult - 1]) return;
        uint32_t at = shown < kHitsPerResult ? shown++ : kHitsPerResult - 1;
        for (; at > 0 && hits[at - 1] > position; --at) hits[at] = hits[at - 1];
        hits[at] = position;
    }

    static bool better(const Candidate& a, const Candidate& b) {
        return a.score > b.score || (a.score == b.score && a.rank < b.rank);
    }
};

// The first `limit` candidates (Newest: they are given newest first) or the `limit` best (Relevance:
// a heap whose front is the worst kept).
class SearchIndex::Results {
public:
    Results(SearchOrder order, size_t limit) : m_order(order), m_limit(limit) {}

    bool full() const { return m_order == SearchOrder::Newest && m_kept.size() >= m_limit; }

    void add(const Candidate& candidate) {
        if (m_kept.size() < m_limit) {
            m_kept.push_back(candidate);
            if (m_order == SearchOrder::Relevance) std::push_heap(m_kept.begin(), m_kept.end(), Candidate::better);
        } else if (m_order == SearchOrder::Relevance && Candidate::better(candidate, m_kept.front())) {
            std::pop_heap(m_kept.begin(), m_kept.end(), Candidate::better);
            m_kept.back() = candidate;
            std::push_heap(m_kept.begin(), m_kept.end(), Candidate::better);
        }
    }

    std::vector<Candidate> take() {
        if (m_order == SearchOrder::Relevance) std::sort(m_kept.begin(), m_kept.end(), Candidate::better);
        return std::move(m_kept);
    }

private:
    SearchOrder m_order;
    size_t m_limit;
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

const uint8_t* SearchIndex::findList(char32_t first, char32_t second) const {
    const auto firstAt = std::lower_bound(m_firstChars.begin(), m_firstChars.end(), first);
    if (firstAt == m_firstChars.end() || *firstAt != first) return nullptr;
    const size_t group = static_cast<size_t>(firstAt - m_firstChars.begin());
    const auto begin = m_secondChars.begin() + m_firstCharTerms[group];
    const auto end = m_secondChars.begin() + m_firstCharTerms[group + 1];
    const auto term = std::lower_bound(begin, end, second);
    if (term == end || *term != second) return nullptr;
    return m_postings.data() + m_termOffset[static_cast<size_t>(term - m_secondChars.begin())];
}

std::vector<SearchResult> SearchIndex::search(std::string_view query, SearchOrder order, size_t limit) const {
    const std::u32string folded = foldQuery(query);
    if (folded.empty() || folded.size() > m_longestField || limit == 0) return {};
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

// One code point: the union of the lists of every bigram it starts, each list walked on its own into
// one tally per article. For Newest, the densest list's first `limit` articles bound the answer.
std::vector<SearchIndex::Candidate> SearchIndex::searchOneChar(char32_t cp, SearchOrder order, size_t limit) const {
    const auto firstAt = std::lower_bound(m_firstChars.begin(), m_firstChars.end(), cp);
    if (firstAt == m_firstChars.end() || *firstAt != cp) return {};
    const size_t group = static_cast<size_t>(firstAt - m_firstChars.begin());
    std::vector<PostingCursor> lists;
    for (uint32_t term = m_firstCharTerms[group]; term < m_firstCharTerms[group + 1]; ++term) {
        lists.emplace_back(m_postings.data() + m_termOffset[term]);
    }
    std::sort(lists.begin(), lists.end(),
              [](const PostingCursor& a, const PostingCursor& b) { return a.count() > b.count(); });

    std::vector<uint32_t> tally(m_order.size(), UINT32_MAX);  // rank -> index into `touched`
    std::vector<Candidate> touched;
    uint32_t bound = UINT32_MAX;  // positions at or after it cannot change the answer
    for (PostingCursor& list : lists) {
        const bool first = &list == &lists.front();
        uint32_t rank = 0;
        for (; !list.done() && list.position() < bound; list.advance()) {
            const uint32_t position = list.position();
            rank = articleAt(m_articleStart, rank, position);
            if (tally[rank] == UINT32_MAX) {
                if (order == SearchOrder::Newest && first && touched.size() == limit) {
                    bound = m_articleStart[rank];  // the first list alone has `limit` articles before this one
                    break;
                }
                tally[rank] = static_cast<uint32_t>(touched.size());
                touched.emplace_back().rank = rank;
            }
            touched[tally[rank]].addHit(position, position < m_fieldStart[m_articleFirstField[rank] + 1]);
        }
    }

    Results results(order, limit);
    if (order == SearchOrder::Newest) {
        std::sort(touched.begin(), touched.end(), [](const Candidate& a, const Candidate& b) { return a.rank < b.rank; });
    }
    for (Candidate& candidate : touched) {
        if (results.full()) break;
        candidate.score = score(candidate.titleHits, candidate.bodyHits, candidate.hits[0] - m_articleStart[candidate.rank]);
        results.add(candidate);
    }
    return results.take();
}

// Two code points or more: the lists of the bigrams at offsets 0, 2, 4, ... and n - 2, lined up by
// seeking each to where the others say a match would start (rarest list first).
std::vector<SearchIndex::Candidate> SearchIndex::searchBigrams(const std::u32string& query, SearchOrder order,
                                                               size_t limit) const {
    const uint32_t length = static_cast<uint32_t>(query.size());
    std::vector<uint32_t> offsets;
    for (uint32_t offset = 0; offset + 2 <= length; offset += 2) offsets.push_back(offset);
    if (length % 2 == 1) offsets.push_back(length - 2);
    struct Part {
        PostingCursor list;
        uint32_t offset;
    };
    std::vector<Part> parts;
    for (const uint32_t offset : offsets) {
        const uint8_t* list = findList(query[offset], query[offset + 1]);
        if (list == nullptr) return {};
        parts.push_back({PostingCursor(list), offset});
    }
    std::sort(parts.begin(), parts.end(), [](const Part& a, const Part& b) { return a.list.count() < b.list.count(); });

    Results results(order, limit);
    Candidate current;
    bool haveCurrent = false;
    uint32_t rank = 0;
    uint32_t taken = 0;  // end of the latest hit kept: hits do not overlap
    const auto finish = [&] {
        if (!haveCurrent) return;
        current.score = score(current.titleHits, current.bodyHits, current.hits[0] - m_articleStart[current.rank]);
        results.add(current);
    };

    uint32_t start = 0;  // the next match cannot start before this position
    while (!results.full()) {
        Part& leader = parts.front();
        leader.list.seekTo(start + leader.offset);
        if (leader.list.done()) break;
        if (leader.list.position() < leader.offset) {
            leader.list.advance();
            continue;
        }
        start = leader.list.position() - leader.offset;
        bool lined = true;
        bool exhausted = false;
        for (size_t i = 1; i < parts.size(); ++i) {
            parts[i].list.seekTo(start + parts[i].offset);
            if (parts[i].list.done()) {
                exhausted = true;
                break;
            }
            if (parts[i].list.position() != start + parts[i].offset) {
                start = parts[i].list.position() - parts[i].offset;
                lined = false;
                break;
            }
        }
        if (exhausted) break;
        if (!lined) continue;

        // A match at `start`.
        if (!haveCurrent || start >= m_articleStart[current.rank + 1]) {
            finish();
            if (results.full()) break;
            rank = articleAt(m_articleStart, rank, start);
            current = Candidate();
            current.rank = rank;
            haveCurrent = true;
            taken = 0;
        }
        if (start >= taken) {
            current.addHit(start, start < m_fieldStart[m_articleFirstField[rank] + 1]);
            taken = start + length;
        }
        ++start;
    }
    if (!results.full()) finish();
    return results.take();
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
