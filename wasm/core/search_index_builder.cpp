// SearchIndexBuilder: a SearchIndex built a slice at a time (search_index.h has the design). Two
// walks over the articles, newest first, with the lists laid out between them.
#include "search_index.h"

#include <algorithm>
#include <cstring>
#include <numeric>

#include "ruby_parser.h"
#include "search_postings.h"
#include "text_fold.h"

namespace reader::core {

using postings::bigramKey;
using postings::kEndOfField;
using postings::kSample;
using postings::kWordSlack;
using postings::ListShape;
using postings::writeVarint;

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

    // Walks one article's fields (every text of it: forEachArticleText).
    void walkArticle(size_t rank) {
        forEachArticleText(bundle.articles[index.m_order[rank]], [&](const std::string& text, size_t) { walkField(text); });
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

}  // namespace reader::core
