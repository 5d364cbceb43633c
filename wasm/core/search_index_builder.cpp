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
using postings::kOverflow;
using postings::kSecondBytes;
using postings::kSample;
using postings::kWordSlack;
using postings::ListShape;
using postings::writeVarint;

namespace {

constexpr uint32_t kNoTerm = UINT32_MAX;

// Bigram -> term number, open addressing; only while building. A slot holds a term number and the
// key is read from keys(): 4 bytes a slot, at most half of them used.
class BigramTable {
public:
    BigramTable() { rehash(1u << 16); }

    uint32_t findOrAdd(uint64_t key) {
        size_t slot = slotOf(key);
        while (m_slots[slot] != kNoTerm) {
            if (m_keys[m_slots[slot]] == key) return m_slots[slot];
            slot = (slot + 1) & m_mask;
        }
        const uint32_t term = static_cast<uint32_t>(m_keys.size());
        m_slots[slot] = term;
        m_keys.push_back(key);
        if (m_keys.size() * 2 > m_slots.size()) rehash(m_slots.size() * 2);
        return term;
    }

    uint32_t find(uint64_t key) const {  // kNoTerm if absent
        for (size_t slot = slotOf(key);; slot = (slot + 1) & m_mask) {
            if (m_slots[slot] == kNoTerm || m_keys[m_slots[slot]] == key) return m_slots[slot];
        }
    }

    const std::vector<uint64_t>& keys() const { return m_keys; }  // by term number

private:
    size_t slotOf(uint64_t key) const { return static_cast<size_t>((key * 0x9E3779B97F4A7C15ull) >> m_shift); }

    void rehash(size_t slots) {
        m_slots.assign(slots, kNoTerm);
        m_mask = slots - 1;
        m_shift = 64;
        for (size_t size = slots; size > 1; size >>= 1) --m_shift;
        for (uint32_t term = 0; term < m_keys.size(); ++term) {
            size_t slot = slotOf(m_keys[term]);
            while (m_slots[slot] != kNoTerm) slot = (slot + 1) & m_mask;
            m_slots[slot] = term;
        }
    }

    std::vector<uint32_t> m_slots;  // term numbers, kNoTerm = empty
    std::vector<uint64_t> m_keys;
    size_t m_mask = 0;
    unsigned m_shift = 64;
};

struct TermBuild {
    uint32_t count = 0;    // postings (pass 2: written so far)
    uint32_t last = 0;     // pass 1: the largest position; pass 2: where its second code points start, if
                           // it is an overflow list (0: it is not)
    uint32_t samples = 0;  // pass 2: where the list's samples start in m_postings
    uint32_t low = 0;      // pass 2: where its low bits start
    uint32_t high = 0;     // pass 2: where its high bits start
    uint32_t stage = UINT32_MAX;  // pass 2: its slots in the staging buffer, if it has them
    uint16_t staged = 0;          // pass 2: positions waiting there
    uint8_t lowBits = 0;          // pass 2
};

// Pass 2 writes every position into its list, and the lists lie all over the buffer: one position at
// a time, each write would miss the cache. A list with many positions collects them kStage at a time
// and writes them together (overflow lists apart, which write a second code point with each).
constexpr uint32_t kStage = 64;
constexpr uint32_t kStagedFrom = 1024;  // positions in a list

// Text is folded a chunk at a time, so that a long field spreads over steps.
constexpr size_t kFoldChunkBytes = 16384;

}  // namespace

// The state of a build between steps. Two walks over the articles, newest first: the first finds
// every field's folded text, the terms and each term's count and largest position; then the lists are
// laid out; the second walk writes the positions. A walk may stop inside a field and resume there.
struct SearchIndexBuilder::State {
    enum class Phase { FirstWalk, SecondWalk, Done };

    const Bundle& bundle;
    size_t bigramLimit;
    SearchIndex index;
    Phase phase = Phase::FirstWalk;
    size_t next = 0;        // rank of the article being walked
    size_t nextField = 0;   // its field being walked: 0 the title, k its paragraph k - 1
    uint64_t position = 0;  // of the field being walked
    uint32_t field = 0;     // number of the field being walked
    size_t bigramTerms = 0;  // terms that are bigrams (not overflow lists)

    // The field being walked: its text without annotations (a view of the field or of `stripped`),
    // how much of it is folded, and how much of the folded text is indexed.
    bool fieldOpen = false;
    std::string_view plain;
    size_t plainFolded = 0;
    size_t walked = 0;

    BigramTable table;
    std::vector<TermBuild> terms;
    std::vector<uint32_t> staging;
    // Annotations are found once (RubyParser is most of the cost of building): the first walk keeps
    // the byte ranges they take in each field, the second removes those ranges.
    std::vector<uint32_t> annotationsFrom;  // field -> its first range in `annotations`; one more
    std::vector<uint32_t> annotations;      // [begin, end) byte pairs, field by field
    std::string stripped;
    std::u32string folded;

    State(const Bundle& source, size_t limit) : bundle(source), bigramLimit(limit) {
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

    // The one place that reads an article's text: field 0 is its title, field k its body text k - 1
    // (every text of its blocks, in reading order: the order of core::forEachArticleText).
    const std::string& fieldText(size_t rank, size_t fieldInArticle) const {
        const Article& article = bundle.articles[index.m_order[rank]];
        return fieldInArticle == 0 ? article.title : article.body[fieldInArticle - 1];
    }
    size_t fieldCount(size_t rank) const { return 1 + bundle.articles[index.m_order[rank]].body.size(); }

    // Starts walking a field: its text without annotations in `plain`. Returns the work it took.
    size_t openField(const std::string& text) {
        size_t work = 1;
        plain = text;
        if (phase == Phase::FirstWalk) {
            annotationsFrom.push_back(static_cast<uint32_t>(annotations.size()));
            if (mayHoldAnnotations(text)) {
                work += text.size();
                findAnnotations(text);
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
        // Positions end at UINT32_MAX - 1: later fields are left out, so that every position + 1 fits
        // (a code point takes at least a byte, so the bytes bound the code points).
        if (position + plain.size() + 1 >= UINT32_MAX) plain = {};
        if (phase == Phase::FirstWalk) index.m_fieldStart[field] = static_cast<uint32_t>(position);
        folded.clear();
        plainFolded = 0;
        walked = 0;
        fieldOpen = true;
        return work;
    }

    // The field's annotations as byte ranges (first walk), and its text without them in `stripped`.
    void findAnnotations(const std::string& text) { RubyParser::findAnnotations(text, annotations, stripped); }

    // Folds up to `bytes` more of `plain`, ending before a byte that starts a code point (or a byte
    // that cannot belong to the code point before it), so that chunks decode as the whole would.
    void foldMore(size_t bytes) {
        size_t end = std::min(plain.size(), plainFolded + std::max<size_t>(bytes, 4));
        for (int k = 0; k < 3 && end < plain.size() && (static_cast<unsigned char>(plain[end]) & 0xC0) == 0x80; ++k) ++end;
        appendFolded(plain.substr(plainFolded, end - plainFolded), folded);
        plainFolded = end;
    }

    // Walks on in the current field for about `budget` units; returns the work done.
    size_t walkSome(size_t budget) {
        size_t work = 0;
        if (plainFolded < plain.size()) {
            const size_t before = plainFolded;
            foldMore(std::min(budget, kFoldChunkBytes));
            work += plainFolded - before;
        }
        // The last folded code point waits for the next one, unless the field's text is all folded.
        const size_t ready = plainFolded < plain.size() ? folded.size() - 1 : folded.size();
        const size_t end = walked + std::min(ready - walked, std::max<size_t>(budget, 1));
        const uint32_t start = static_cast<uint32_t>(position);
        if (phase == Phase::FirstWalk) {
            for (size_t i = walked; i < end; ++i) count(folded[i], i + 1 < folded.size() ? folded[i + 1] : kEndOfField, start + static_cast<uint32_t>(i));
        } else {
            for (size_t i = walked; i < end; ++i) place(folded[i], i + 1 < folded.size() ? folded[i + 1] : kEndOfField, start + static_cast<uint32_t>(i));
        }
        work += end - walked;
        walked = end;
        if (plainFolded == plain.size() && walked == folded.size()) closeField();
        return work;
    }

    void closeField() {
        index.m_longestField = std::max(index.m_longestField, folded.size());
        position += folded.size() + 1;
        ++field;
        fieldOpen = false;
        if (++nextField == fieldCount(next)) {
            nextField = 0;
            ++next;
        }
    }

    // First walk: the bigram's term (found, added while the dictionary has room, else its first code
    // point's overflow list), its count and largest position.
    void count(char32_t first, char32_t second, uint32_t at) {
        const uint64_t key = bigramKey(first, second);
        uint32_t term;
        if (bigramTerms < bigramLimit) {
            term = table.findOrAdd(key);
            if (term == terms.size()) ++bigramTerms;
        } else {
            term = table.find(key);
            if (term == kNoTerm) term = table.findOrAdd(bigramKey(first, kOverflow));
        }
        if (term == terms.size()) terms.emplace_back();
        TermBuild& stats = terms[term];
        stats.last = at;
        ++stats.count;
    }

    // Second walk: the position into its term's list.
    void place(char32_t first, char32_t second, uint32_t at) {
        uint32_t term = table.find(bigramKey(first, second));
        if (term == kNoTerm) term = table.find(bigramKey(first, kOverflow));
        TermBuild& stats = terms[term];
        if (stats.stage == UINT32_MAX) {
            write(stats, at, second);
            return;
        }
        uint32_t* const slots = staging.data() + size_t{stats.stage} * kStage;
        slots[stats.staged++] = at;
        if (stats.staged == kStage) {
            for (uint32_t k = 0; k < kStage; ++k) write(stats, slots[k], 0);
            stats.staged = 0;
        }
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

        // The keys sorted, then their terms found again: sorting plain integers is twice as fast as
        // sorting term numbers by their keys.
        std::vector<uint64_t> keys = table.keys();
        std::sort(keys.begin(), keys.end());
        std::vector<uint32_t> sorted(keys.size());
        for (size_t rank = 0; rank < keys.size(); ++rank) sorted[rank] = table.find(keys[rank]);
        out.m_secondChars.reserve(sorted.size());
        out.m_termOffset.reserve(sorted.size() + 1);
        size_t bytes = 0;
        for (size_t rank = 0; rank < keys.size(); ++rank) {
            const uint32_t term = sorted[rank];
            const char32_t first = static_cast<char32_t>(keys[rank] >> 32);
            if (out.m_firstChars.empty() || out.m_firstChars.back() != first) {
                out.m_firstChars.push_back(first);
                out.m_firstCharTerms.push_back(static_cast<uint32_t>(out.m_secondChars.size()));
            }
            out.m_secondChars.push_back(static_cast<char32_t>(keys[rank] & 0xFFFFFFFFu));
            out.m_termOffset.push_back(static_cast<uint32_t>(bytes));
            bytes += ListShape(terms[term].count, terms[term].last, isOverflow(keys[rank])).bytes();
        }
        out.m_firstCharTerms.push_back(static_cast<uint32_t>(out.m_secondChars.size()));
        out.m_termOffset.push_back(static_cast<uint32_t>(bytes));
        out.m_postings.assign(bytes + kWordSlack, 0);

        uint32_t stagedLists = 0;
        for (size_t rank = 0; rank < sorted.size(); ++rank) {
            TermBuild& stats = terms[sorted[rank]];
            const bool overflow = isOverflow(keys[rank]);
            const ListShape shape(stats.count, stats.last, overflow);
            uint8_t* const list = out.m_postings.data() + out.m_termOffset[rank];
            uint8_t* const lowBits = writeVarint(list, stats.count);
            *lowBits = static_cast<uint8_t>(shape.lowBits);
            stats.samples = static_cast<uint32_t>(lowBits + 1 - out.m_postings.data());
            stats.last = overflow ? static_cast<uint32_t>(out.m_termOffset[rank] + shape.headerBytes()) : 0;
            stats.low = static_cast<uint32_t>(out.m_termOffset[rank] + shape.lowOffset());
            stats.high = static_cast<uint32_t>(stats.low + shape.lowBytes);
            stats.lowBits = static_cast<uint8_t>(shape.lowBits);
            if (stats.count >= kStagedFrom && !overflow) stats.stage = stagedLists++;
            stats.count = 0;
        }
        staging.assign(size_t{stagedLists} * kStage, 0);
    }

    static bool isOverflow(uint64_t key) { return (key & 0xFFFFFFFFu) == kOverflow; }

    // One position into its list: its low bits, the 1 of its high part, a sample now and then, and in
    // an overflow list (stats.last is then where the second code points start) its second code point.
    void write(TermBuild& stats, uint32_t at, char32_t second) {
        std::vector<uint8_t>& postings = index.m_postings;
        const uint32_t rank = stats.count++;
        if (stats.last != 0) {
            uint8_t* const out = postings.data() + stats.last + kSecondBytes * size_t{rank};
            for (unsigned k = 0; k < kSecondBytes; ++k) out[k] = static_cast<uint8_t>(second >> (8 * k));
        }
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
            for (uint32_t k = 0; k < stats.staged; ++k) write(stats, staging[size_t{stats.stage} * kStage + k], 0);
        }
    }
};

SearchIndexBuilder::SearchIndexBuilder(const Bundle& bundle, size_t bigramLimit)
    : m_state(std::make_unique<State>(bundle, bigramLimit)) {}
SearchIndexBuilder::~SearchIndexBuilder() = default;

bool SearchIndexBuilder::step(size_t work) {
    State& state = *m_state;
    const size_t count = state.index.m_order.size();
    size_t done = 0;
    while (state.phase != State::Phase::Done && done < work) {
        if (state.next < count) {
            if (!state.fieldOpen) done += state.openField(state.fieldText(state.next, state.nextField));
            done += state.walkSome(work - std::min(work, done));
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
