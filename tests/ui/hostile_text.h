// Hostile text of issue #19 item 3, generated (a megabyte each is too big to keep in the repository):
// paragraphs with no break opportunity, one huge grapheme cluster, tens of thousands of distinct
// glyphs; and bundles holding them, for the frame budget test and the whole-frame fuzz target's seeds.
#pragma once

#include <string>
#include <vector>

#include "core/utf8.h"

namespace reader::test {

// `bytes` of Latin letters, no space: one run with no break opportunity.
inline std::string latinRun(size_t bytes) {
    std::string out(bytes, 'a');
    for (size_t i = 0; i < bytes; ++i) out[i] = static_cast<char>('a' + i % 26);
    return out;
}

// About `bytes` of Han characters without punctuation (3 bytes each).
inline std::string hanRun(size_t bytes) {
    std::string out;
    for (size_t i = 0; out.size() + 3 <= bytes; ++i) core::utf8::append(out, static_cast<char32_t>(0x4E00 + (i * 7919) % 0x5000));
    return out;
}

// `a` and `marks` combining acute accents: one grapheme cluster.
inline std::string combiningCluster(size_t marks) {
    std::string out = "a";
    for (size_t i = 0; i < marks; ++i) core::utf8::append(out, 0x0301);
    return out;
}

// `count` distinct code points: the CJK Unified Ideographs block, then Extension B on from U+20000.
inline std::string distinctGlyphs(size_t count) {
    std::string out;
    for (size_t i = 0; i < count; ++i) {
        const char32_t cp = i < 0x5200 ? static_cast<char32_t>(0x4E00 + i) : static_cast<char32_t>(0x20000 + (i - 0x5200));
        core::utf8::append(out, cp);
    }
    return out;
}

// A bundle of one category and articles with these titles and one-paragraph bodies (article ids
// a0, a1, ...). The strings must need no JSON escaping (the generators above never do).
inline std::string bundleOf(const std::vector<std::string>& titles, const std::vector<std::string>& bodies) {
    std::string out = R"({"format": {"name": "article-reader-bundle", "version": "1.0"},
 "site": {"name": "測試", "locale": "zh-Hant"},
 "categories": [{"id": "news", "name": "消息"}],
 "articles": [)";
    for (size_t i = 0; i < titles.size(); ++i) {
        if (i > 0) out += ",\n";
        out += R"({"id": "a)" + std::to_string(i) + R"(", "category": "news", "title": ")" + titles[i] +
               R"(", "published": "2024-03-15T09:30:00+08:00", "body": [")" + (i < bodies.size() ? bodies[i] : "內文") + R"("]})";
    }
    return out + "]}";
}

}  // namespace reader::test
