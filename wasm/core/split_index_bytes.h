// The byte level of the split index's files (split_index.h has the layout): magic numbers, and
// writing and bounds-checked reading of varints and 32-bit words, shared by the writer and the reader.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace reader::core::split_bytes {

inline constexpr const char* kManifestMagic = "RSIM";
inline constexpr const char* kShardMagic = "RSIS";
inline constexpr uint32_t kFnvBasis = 2166136261u;

inline void appendVarint(std::string& out, uint64_t value) {
    while (value >= 0x80) {
        out += static_cast<char>(value | 0x80);
        value >>= 7;
    }
    out += static_cast<char>(value);
}

inline void appendU32(std::string& out, uint32_t value) {
    for (int k = 0; k < 4; ++k) out += static_cast<char>(value >> (8 * k));
}

// Reads a file front to back; the first read past the end, or a varint over 32 bits, stops it: every
// later read gives 0 and failed() says so, so a reader checks once after a run of reads.
class ByteReader {
public:
    explicit ByteReader(std::string_view bytes) : m_bytes(bytes) {}

    uint32_t varint() {
        uint64_t value = 0;
        for (unsigned shift = 0;; shift += 7) {
            if (m_at >= m_bytes.size() || shift > 28) return fail();
            const auto byte = static_cast<uint8_t>(m_bytes[m_at++]);
            value |= uint64_t{byte & 0x7Fu} << shift;
            if (!(byte & 0x80)) break;
        }
        if (value > UINT32_MAX) return fail();
        return static_cast<uint32_t>(value);
    }
    uint32_t u32() {
        if (m_bytes.size() - m_at < 4) return fail();
        uint32_t value = 0;
        for (int k = 0; k < 4; ++k) value |= uint32_t{static_cast<uint8_t>(m_bytes[m_at++])} << (8 * k);
        return value;
    }
    uint8_t byte() {
        if (m_at >= m_bytes.size()) return static_cast<uint8_t>(fail());
        return static_cast<uint8_t>(m_bytes[m_at++]);
    }
    bool magic(const char* expected) {
        if (m_bytes.size() < 4 || m_bytes.substr(0, 4) != std::string_view(expected, 4)) return false;
        m_at = 4;
        return true;
    }
    bool failed() const { return m_failed; }
    size_t at() const { return m_at; }
    size_t left() const { return m_bytes.size() - m_at; }

private:
    uint32_t fail() {
        m_failed = true;
        m_at = m_bytes.size();
        return 0;
    }

    std::string_view m_bytes;
    size_t m_at = 0;
    bool m_failed = false;
};

}  // namespace reader::core::split_bytes
