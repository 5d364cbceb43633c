// The search index's posting lists (search_index.h has the design): their Elias-Fano layout and
// sizes, and PostingCursor, which walks one. Shared by the builder (search_index_builder.cpp), which
// writes the lists, and the search (search_index.cpp), which reads them; inline, as both are hot.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>

namespace reader::core::postings {

// A list holds n increasing positions, the last of them `last`, in Elias-Fano coding (Elias 1974,
// Fano 1971; as in Vigna, "Quasi-succinct indices", 2013): each position is split into its low
// `lowBits` bits, stored side by side, and its high part h, stored in unary as a 1 at bit h + i of a
// bit vector (i: the position's rank). lowBits = floor(log2((last + 1) / n)), which makes a list
// about n * (2 + log2(span / n)) bits: 13 bits a posting for a 100k-article synthetic bundle, a sixth
// less than varint-coded gaps (docs/search.md). Bytes:
//   varint n | lowBits (1 byte) | samples | [second code points] | low bits | high bits
// samples: for every kSample-th position but the first, the bit where its high part is (uint32), so
// that seekTo() jumps close to its target, then skips whole words of high bits.
// An overflow list (the bigrams of one first code point that found the dictionary full, see
// search_index.h) also holds each position's second code point, 3 bytes little-endian, by rank.

inline constexpr uint32_t kSample = 128;
inline constexpr char32_t kEndOfField = 0;  // second code point of a field's last bigram
inline constexpr char32_t kOverflow = 0xFFFFFF;  // "second code point" of a first code point's overflow list
inline constexpr size_t kSecondBytes = 3;       // a second code point in an overflow list (21 bits)
inline constexpr size_t kWordSlack = 8;     // zero bytes after the last list: words are read whole

inline size_t varintLength(uint32_t value) {
    size_t length = 1;
    while (value >= 0x80) {
        value >>= 7;
        ++length;
    }
    return length;
}

inline uint8_t* writeVarint(uint8_t* out, uint32_t value) {
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

inline uint64_t loadWord(const uint8_t* at) {
    uint64_t word;
    std::memcpy(&word, at, sizeof word);
    return word;
}

inline uint32_t loadUint32(const uint8_t* at) {
    uint32_t value;
    std::memcpy(&value, at, sizeof value);
    return value;
}

// The sizes of a list of `count` positions, the largest `last`.
struct ListShape {
    uint32_t count = 0;
    unsigned lowBits = 0;
    uint32_t samples = 0;
    size_t secondBytes = 0;
    size_t lowBytes = 0;
    size_t highBytes = 0;

    ListShape(uint32_t n, uint32_t last, bool overflow = false) : count(n) {
        while ((uint64_t{n} << (lowBits + 1)) <= uint64_t{last} + 1) ++lowBits;
        samples = n > kSample ? (n - 1) / kSample : 0;
        secondBytes = overflow ? kSecondBytes * size_t{n} : 0;
        lowBytes = (uint64_t{n} * lowBits + 7) / 8;
        highBytes = (uint64_t{n} + (last >> lowBits) + 1 + 7) / 8;
    }
    size_t headerBytes() const { return varintLength(count) + 1 + 4 * size_t{samples}; }
    size_t lowOffset() const { return headerBytes() + secondBytes; }  // from the list's start
    size_t bytes() const { return lowOffset() + lowBytes + highBytes; }
};

inline uint64_t bigramKey(char32_t first, char32_t second) { return (uint64_t{first} << 32) | second; }

// Walks one list in increasing position order; seekTo() uses the samples to jump ahead.
class PostingCursor {
public:
    PostingCursor(const uint8_t* list, bool overflow) {
        m_count = readVarint(list);
        m_lowBits = *list++;
        m_samples = list;
        const uint32_t samples = m_count > kSample ? (m_count - 1) / kSample : 0;
        m_seconds = m_samples + 4 * size_t{samples};
        m_low = m_seconds + (overflow ? kSecondBytes * size_t{m_count} : 0);
        m_high = m_low + (uint64_t{m_count} * m_lowBits + 7) / 8;
        m_sampleCount = samples;
        m_word = loadWord(m_high);
        advance();
    }

    uint32_t count() const { return m_count; }
    bool done() const { return m_index >= m_count; }
    uint32_t position() const { return m_position; }  // valid while !done()
    // An overflow list's second code point of the current position (valid while !done()).
    char32_t second() const {
        const uint8_t* at = m_seconds + kSecondBytes * size_t{m_index};
        return static_cast<char32_t>(at[0] | (at[1] << 8) | (at[2] << 16));
    }

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
    const uint8_t* m_seconds = nullptr;
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

// The positions of one bigram: its own list, or its first code point's overflow list with the
// positions of other bigrams passed over (which makes count() an upper bound).
class BigramCursor {
public:
    BigramCursor(const uint8_t* list, bool overflow, char32_t second)
        : m_list(list, overflow), m_second(overflow ? second : kOverflow) {
        passOthers();
    }

    uint32_t count() const { return m_list.count(); }
    bool done() const { return m_list.done(); }
    uint32_t position() const { return m_list.position(); }
    void advance() {
        m_list.advance();
        passOthers();
    }
    void seekTo(uint32_t target) {
        m_list.seekTo(target);
        passOthers();
    }

private:
    void passOthers() {
        if (m_second == kOverflow) return;
        while (!m_list.done() && m_list.second() != m_second) m_list.advance();
    }

    PostingCursor m_list;
    char32_t m_second;  // kOverflow: every position of the list is the bigram's
};

}  // namespace reader::core::postings
