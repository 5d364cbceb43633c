// SearchIndex (search_index.h has the design).
//
// Index of this file
//   [SECTION] Posting lists: Elias-Fano coding, cursor
//   [SECTION] Building
//   [SECTION] Collecting matches into results
//   [SECTION] Searching
//   [SECTION] Snippets and hits in one article
#include "search_index.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <numeric>

#include "ruby_parser.h"
#include "text_fold.h"
#include "utf8.h"

namespace reader::core {

namespace {

// [SECTION] Posting lists: Elias-Fano coding, cursor
//
// A list holds n increasing positions, the last of them `last`, in Elias-Fano coding (Elias 1974,
// Fano 1971; as in Vigna, "Quasi-succinct indices", 2013): each position is split into its low
// `lowBits` bits, stored side by side, and its high part h, stored in unary as a 1 at bit h + i of a
// bit vector (i: the position's rank). lowBits = floor(log2((last + 1) / n)), which makes a list
// about n * (2 + log2(span / n)) bits: 13 bits a posting for a 100k-article synthetic bundle, a sixth
// less than varint-coded gaps (docs/search.md). Bytes:
//   varint n | lowBits (1 byte) | samples | low bits | high bits
// samples: for every kSample-th position but the first, the bit where its high part is (uint32), so
// that seekTo() jumps close to its target, then skips whole words of high bits.

constexpr uint32_t kSample = 128;
constexpr char32_t kEndOfField = 0;  // second code point of a field's last bigram
constexpr size_t kWordSlack = 8;     // zero bytes after the last list: words are read whole

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

uint32_t readVarint(const uint8_t*& in) {
    uint32_t value = *in & 0x7F;
    for (unsigned shift = 7; *in++ & 0x80; shift += 7) value |= static_cast<uint32_t>(*in & 0x7F) << shift;
    return value;
}

uint64_t loadWord(const uint8_t* at) {
    uint64_t word;
    std::memcpy(&word, at, sizeof word);
    return word;
}

uint32_t loadUint32(const uint8_t* at) {
    uint32_t value;
    std::memcpy(&value, at, sizeof value);
    return value;
}

// The sizes of a list of `count` positions, the largest `last`.
struct ListShape {
    uint32_t count = 0;
    unsigned lowBits = 0;
    uint32_t samples = 0;
    size_t lowBytes = 0;
    size_t highBytes = 0;

    ListShape(uint32_t n, uint32_t last) : count(n) {
        while ((uint64_t{n} << (lowBits + 1)) <= uint64_t{last} + 1) ++lowBits;
        samples = n > kSample ? (n - 1) / kSample : 0;
        lowBytes = (uint64_t{n} * lowBits + 7) / 8;
        highBytes = (uint64_t{n} + (last >> lowBits) + 1 + 7) / 8;
    }
    size_t headerBytes() const { return varintLength(count) + 1 + 4 * size_t{samples}; }
    size_t bytes() const { return headerBytes() + lowBytes + highBytes; }
};

uint64_t bigramKey(char32_t first, char32_t second) { return (uint64_t{first} << 32) | second; }

}  // namespace

// Walks one list in increasing position order; seekTo() uses the samples to jump ahead.
class SearchIndex::PostingCursor {
public:
    explicit PostingCursor(const uint8_t* list) {
        m_count = readVarint(list);
        m_lowBits = *list++;
        m_samples = list;
        const uint32_t samples = m_count > kSample ? (m_count - 1) / kSample : 0;
        m_low = m_samples + 4 * size_t{samples};
        m_high = m_low + (uint64_t{m_count} * m_lowBits + 7) / 8;
        m_sampleCount = samples;
        m_word = loadWord(m_high);
        advance();
    }

    uint32_t count() const { return m_count; }
    bool done() const { return m_index >= m_count; }
    uint32_t position() const { return m_position; }  // valid while !done()

    void advance() {
        if (++m_index >= m_count) return;
        while (m_word == 0) m_word = loadWord(m_high + 8 * size_t{++m_wordIndex});
        const uint64_t bit = 64 * uint64_t{m_wordIndex} + static_cast<unsigned>(std::countr_zero(m_word));
        m_word &= m_word - 1;
        m_position = static_cast<uint32_t>(((bit - m_index) << m_lowBits) | low(m_index));
    }

    // Moves to the first position at or after `target` (or done()).
    void seekTo(uint32_t target) {
        if (done() || m_position >= target) return;
        uint32_t sample = m_index / kSample + 1;  // the first sample after the current position
        if (sample <= m_sampleCount && sampleValue(sample) <= target) {
            uint32_t last = m_sampleCount;  // the last sample at or before target
            while (sample < last) {
                const uint32_t middle = sample + (last - sample + 1) / 2;
                if (sampleValue(middle) <= target) {
                    sample = middle;
                } else {
                    last = middle - 1;
                }
            }
            jumpTo(sample);
        }
        skipWordsBefore(target >> m_lowBits);
        while (!done() && m_position < target) advance();
    }

private:
    // Skips whole words of high bits whose positions all have a high part below `high`, counting
    // their ones; the next advance() reads on from there.
    void skipWordsBefore(uint64_t high) {
        while (m_index + 1 < m_count) {
            if (m_word == 0) {
                m_word = loadWord(m_high + 8 * size_t{++m_wordIndex});
                continue;
            }
            const uint32_t ones = static_cast<uint32_t>(std::popcount(m_word));
            // The word's last 1 is position m_index + ones; stop at a word that holds the last one.
            if (m_index + ones >= m_count - 1) return;
            const uint64_t lastBit = 64 * uint64_t{m_wordIndex} + 63 - static_cast<unsigned>(std::countl_zero(m_word));
            if (lastBit - (m_index + ones) >= high) return;
            m_index += ones;
            m_word = 0;
        }
    }

    uint32_t low(uint32_t index) const {
        if (m_lowBits == 0) return 0;
        const uint64_t bit = uint64_t{index} * m_lowBits;
        return static_cast<uint32_t>((loadWord(m_low + bit / 8) >> (bit % 8)) & ((uint64_t{1} << m_lowBits) - 1));
    }
    uint32_t sampleBit(uint32_t sample) const { return loadUint32(m_samples + 4 * size_t{sample - 1}); }
    uint32_t sampleValue(uint32_t sample) const {
        const uint32_t index = sample * kSample;
        return static_cast<uint32_t>((uint64_t{sampleBit(sample) - index} << m_lowBits) | low(index));
    }
    void jumpTo(uint32_t sample) {
        const uint32_t bit = sampleBit(sample);
        m_index = sample * kSample;
        m_wordIndex = bit / 64;
        m_word = loadWord(m_high + 8 * size_t{m_wordIndex}) & ~((uint64_t{2} << (bit % 64)) - 1);
        m_position = static_cast<uint32_t>((uint64_t{bit - m_index} << m_lowBits) | low(m_index));
    }

    const uint8_t* m_samples = nullptr;
    const uint8_t* m_low = nullptr;
    const uint8_t* m_high = nullptr;
    uint32_t m_count = 0;
    uint32_t m_sampleCount = 0;
    unsigned m_lowBits = 0;
    uint32_t m_index = UINT32_MAX;  // rank of the current position; advance() starts at 0
    uint32_t m_wordIndex = 0;       // the word of the high bits being read
    uint64_t m_word = 0;            // its bits not read yet
    uint32_t m_position = 0;
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
    uint32_t count = 0;    // postings (pass 2: written so far)
    uint32_t last = 0;     // the largest position
    uint32_t samples = 0;  // pass 2: where the list's samples start in m_postings
    uint32_t low = 0;      // pass 2: where its low bits start
    uint32_t high = 0;     // pass 2: where its high bits start
    unsigned lowBits = 0;  // pass 2
    uint32_t stage = UINT32_MAX;  // pass 2: its slots in the staging buffer, if it has them
    uint32_t staged = 0;          // pass 2: positions waiting there
};

// Pass 2 writes every position into its list, and the lists lie all over the buffer: one position at
// a time, each write would miss the cache. A list with many positions collects them kStage at a time
// and writes them together.
constexpr uint32_t kStage = 64;
constexpr uint32_t kStagedFrom = 1024;  // positions in a list

}  // namespace

// The state of a build between steps. Two walks over the articles, newest first: the first finds
// every field's folded text, the terms and each term's count and largest position; then the lists are
// laid out; the second walk writes the positions.
struct SearchIndexBuilder::State {
    enum class Phase { FirstWalk, SecondWalk, Done };

    const Bundle& bundle;
    SearchIndex index;
    Phase phase = Phase::FirstWalk;
    size_t next = 0;        // rank of the next article to walk
    uint64_t position = 0;  // of the next field
    uint32_t field = 0;     // number of the next field

    BigramTable table;
    std::vector<TermBuild> terms;
    std::vector<uint32_t> staging;
    // Annotations are found once (RubyParser is most of the cost of building): the first walk keeps
    // the byte ranges they take in each field, the second removes those ranges.
    std::vector<uint32_t> annotationsFrom;  // field -> its first range in `annotations`; one more
    std::vector<uint32_t> annotations;      // [begin, end) byte pairs, field by field
    std::string stripped;
    std::u32string folded;

    explicit State(const Bundle& source) : bundle(source) {
        SearchIndex& out = index;
        const size_t articleCount = bundle.articles.size();
        out.m_order.resize(articleCount);
        std::iota(out.m_order.begin(), out.m_order.end(), 0u);
        std::stable_sort(out.m_order.begin(), out.m_order.end(), [&](uint32_t a, uint32_t b) {
            return bundle.articles[a].published.epochSeconds > bundle.articles[b].published.epochSeconds;
        });
        out.m_articleFirstField.reserve(articleCount + 1);
        for (const uint32_t article : out.m_order) {
            out.m_articleFirstField.push_back(static_cast<uint32_t>(out.m_fieldStart.size()));
            out.m_fieldStart.resize(out.m_fieldStart.size() + 1 + bundle.articles[article].body.size());
        }
        out.m_articleFirstField.push_back(static_cast<uint32_t>(out.m_fieldStart.size()));
        annotationsFrom.reserve(out.m_fieldStart.size() + 1);
    }

    // The field's text without annotations, folded into `folded`.
    void foldField(const std::string& text) {
        std::string_view plain = text;
        if (phase == Phase::FirstWalk) {
            annotationsFrom.push_back(static_cast<uint32_t>(annotations.size()));
            if (mayHoldAnnotations(text)) {
                stripped.clear();
                uint32_t at = 0;
                for (const RubyRun& run : RubyParser::parse(text)) {
                    stripped += run.base;
                    const auto base = static_cast<uint32_t>(run.base.size());
                    const auto bytes = static_cast<uint32_t>(run.textBytes());
                    if (run.structured) {  // its anchor before the base, the rest after it
                        annotations.push_back(at);
                        annotations.push_back(at + 3);
                        annotations.push_back(at + 3 + base);
                        annotations.push_back(at + bytes);
                    } else if (!run.reading.empty()) {
                        annotations.push_back(at + base);
                        annotations.push_back(at + bytes);
                    }
                    at += bytes;
                }
                if (annotations.size() > annotationsFrom.back()) plain = stripped;
            }
        } else if (annotationsFrom[field + 1] > annotationsFrom[field]) {
            stripped.clear();
            uint32_t at = 0;
            for (uint32_t k = annotationsFrom[field]; k < annotationsFrom[field + 1]; k += 2) {
                stripped.append(text, at, annotations[k] - at);
                at = annotations[k + 1];
            }
            stripped.append(text, at);
            plain = stripped;
        }
        folded.clear();
        appendFolded(plain, folded);
        // Positions end at UINT32_MAX - 1: later fields are left out, so that every position + 1 fits.
        if (position + folded.size() + 1 >= UINT32_MAX) folded.clear();
    }

    // Walks one article's fields (title, then paragraphs).
    void walkArticle(size_t rank) {
        const Article& article = bundle.articles[index.m_order[rank]];
        walkField(article.title);
        for (const std::string& paragraph : article.body) walkField(paragraph);
    }

    void walkField(const std::string& text) {
        foldField(text);
        const uint32_t start = static_cast<uint32_t>(position);
        if (phase == Phase::FirstWalk) {
            index.m_fieldStart[field] = start;
            index.m_longestField = std::max(index.m_longestField, folded.size());
            for (size_t i = 0; i < folded.size(); ++i) {
                const uint32_t term = table.findOrAdd(bigramKey(folded[i], i + 1 < folded.size() ? folded[i + 1] : kEndOfField));
                if (term == terms.size()) terms.emplace_back();
                TermBuild& stats = terms[term];
                stats.last = start + static_cast<uint32_t>(i);
                ++stats.count;
            }
        } else {
            for (size_t i = 0; i < folded.size(); ++i) {
                TermBuild& stats = terms[table.find(bigramKey(folded[i], i + 1 < folded.size() ? folded[i + 1] : kEndOfField))];
                const uint32_t at = start + static_cast<uint32_t>(i);
                if (stats.stage == UINT32_MAX) {
                    write(stats, at);
                    continue;
                }
                uint32_t* const slots = staging.data() + size_t{stats.stage} * kStage;
                slots[stats.staged++] = at;
                if (stats.staged == kStage) {
                    for (uint32_t k = 0; k < kStage; ++k) write(stats, slots[k]);
                    stats.staged = 0;
                }
            }
        }
        position += folded.size() + 1;
        ++field;
    }

    // After the first walk: field and article starts, the dictionary in bigram order, and room for
    // every list, its header written.
    void layOut() {
        SearchIndex& out = index;
        out.m_fieldStart.push_back(static_cast<uint32_t>(position));
        annotationsFrom.push_back(static_cast<uint32_t>(annotations.size()));
        out.m_articleStart.reserve(out.m_order.size() + 1);
        for (size_t rank = 0; rank < out.m_order.size(); ++rank) {
            out.m_articleStart.push_back(out.m_fieldStart[out.m_articleFirstField[rank]]);
        }
        out.m_articleStart.push_back(static_cast<uint32_t>(position));

        const std::vector<uint64_t>& keys = table.keys();
        std::vector<uint32_t> sorted(keys.size());
        std::iota(sorted.begin(), sorted.end(), 0u);
        std::sort(sorted.begin(), sorted.end(), [&](uint32_t a, uint32_t b) { return keys[a] < keys[b]; });
        out.m_secondChars.reserve(sorted.size());
        out.m_termOffset.reserve(sorted.size() + 1);
        size_t bytes = 0;
        for (const uint32_t term : sorted) {
            const char32_t first = static_cast<char32_t>(keys[term] >> 32);
            if (out.m_firstChars.empty() || out.m_firstChars.back() != first) {
                out.m_firstChars.push_back(first);
                out.m_firstCharTerms.push_back(static_cast<uint32_t>(out.m_secondChars.size()));
            }
            out.m_secondChars.push_back(static_cast<char32_t>(keys[term] & 0xFFFFFFFFu));
            out.m_termOffset.push_back(static_cast<uint32_t>(bytes));
            bytes += ListShape(terms[term].count, terms[term].last).bytes();
        }
        out.m_firstCharTerms.push_back(static_cast<uint32_t>(out.m_secondChars.size()));
        out.m_termOffset.push_back(static_cast<uint32_t>(bytes));
        out.m_postings.assign(bytes + kWordSlack, 0);

        uint32_t stagedLists = 0;
        for (size_t rank = 0; rank < sorted.size(); ++rank) {
            TermBuild& stats = terms[sorted[rank]];
            const ListShape shape(stats.count, stats.last);
            uint8_t* const list = out.m_postings.data() + out.m_termOffset[rank];
            uint8_t* const lowBits = writeVarint(list, stats.count);
            *lowBits = static_cast<uint8_t>(shape.lowBits);
            stats.samples = static_cast<uint32_t>(lowBits + 1 - out.m_postings.data());
            stats.low = static_cast<uint32_t>(out.m_termOffset[rank] + shape.headerBytes());
            stats.high = static_cast<uint32_t>(stats.low + shape.lowBytes);
            stats.lowBits = shape.lowBits;
            if (stats.count >= kStagedFrom) stats.stage = stagedLists++;
            stats.count = 0;
        }
        staging.assign(size_t{stagedLists} * kStage, 0);
    }

    // One position into its list: its low bits, the 1 of its high part, a sample now and then.
    void write(TermBuild& stats, uint32_t at) {
        std::vector<uint8_t>& postings = index.m_postings;
        const uint32_t rank = stats.count++;
        if (stats.lowBits > 0) {
            // Byte by byte, always the 5 bytes that 7 + 32 bits can touch: a whole-word read-modify-
            // write would overlap the previous one's store (a store-forwarding stall), and a loop as
            // long as the bits would branch unpredictably.
            const uint64_t bit = uint64_t{rank} * stats.lowBits;
            uint8_t* const low = postings.data() + stats.low + bit / 8;
            const uint64_t bits = (at & ((uint64_t{1} << stats.lowBits) - 1)) << (bit % 8);
            for (unsigned k = 0; k < 5; ++k) low[k] |= static_cast<uint8_t>(bits >> (8 * k));
        }
        const uint64_t highBit = (uint64_t{at} >> stats.lowBits) + rank;
        postings[stats.high + highBit / 8] |= static_cast<uint8_t>(1u << (highBit % 8));
        if (rank > 0 && rank % kSample == 0) {
            const uint32_t sample = static_cast<uint32_t>(highBit);
            std::memcpy(postings.data() + stats.samples + 4 * size_t{rank / kSample - 1}, &sample, sizeof sample);
        }
    }

    void finish() {
        for (TermBuild& stats : terms) {
            for (uint32_t k = 0; k < stats.staged; ++k) write(stats, staging[size_t{stats.stage} * kStage + k]);
        }
    }
};

SearchIndexBuilder::SearchIndexBuilder(const Bundle& bundle) : m_state(std::make_unique<State>(bundle)) {}
SearchIndexBuilder::~SearchIndexBuilder() = default;

bool SearchIndexBuilder::step(size_t articles) {
    State& state = *m_state;
    const size_t count = state.index.m_order.size();
    while (state.phase != State::Phase::Done && articles > 0) {
        if (state.next < count) {
            state.walkArticle(state.next++);
            --articles;
            continue;
        }
        if (state.phase == State::Phase::FirstWalk) {
            state.layOut();
            state.phase = State::Phase::SecondWalk;
        } else {
            state.finish();
            state.phase = State::Phase::Done;
        }
        state.next = 0;
        state.position = 0;
        state.field = 0;
    }
    return state.phase == State::Phase::Done;
}

double SearchIndexBuilder::progress() const {
    const State& state = *m_state;
    const double count = static_cast<double>(state.index.m_order.size());
    if (state.phase == State::Phase::Done || count == 0) return state.phase == State::Phase::Done ? 1.0 : 0.0;
    const double walked = static_cast<double>(state.next) + (state.phase == State::Phase::SecondWalk ? count : 0.0);
    return walked / (2 * count);
}

SearchIndex SearchIndexBuilder::take() {
    while (!step(SIZE_MAX)) {
    }
    return std::move(m_state->index);
}

void SearchIndex::build(const Bundle& bundle) { *this = SearchIndexBuilder(bundle).take(); }

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
        PostingCursor list;
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
        lists.emplace_back(m_postings.data() + m_termOffset[term]);
    }
    CharMatches matches(std::move(lists));
    return collect(matches, 1, order, limit);
}

std::vector<SearchIndex::Candidate> SearchIndex::searchBigrams(const std::u32string& query, SearchOrder order,
                                                               size_t limit) const {
    const uint32_t length = static_cast<uint32_t>(query.size());
    std::vector<BigramMatches::Part> all;  // every bigram of the query
    for (uint32_t offset = 0; offset + 1 < length; ++offset) {
        const uint8_t* list = findList(query[offset], query[offset + 1]);
        if (list == nullptr) return {};
        all.push_back({PostingCursor(list), offset});
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
