// Search folding: the generated folding table, Latin case, and annotations dropped before folding (text_fold.h).
#include "text_fold.h"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <vector>

#include "ruby_parser.h"
#include "utf8.h"

namespace reader::core {

namespace {

// Generated at build time from OpenCC's dictionaries (cmake/gen_fold_table.cmake).
constexpr FoldPair kOpenCCFolds[] = {
#include "fold_table.inc"
};

// The OpenCC table as pages of 256 code points, built on first use, so that folding a character is
// two loads instead of a binary search over 4,000 rows (the index folds every character of a bundle
// twice). Only pages holding a mapped character exist: about 220 KB for OpenCC 1.1.9.
class FoldPages {
public:
    FoldPages() {
        constexpr char32_t kLast = kOpenCCFolds[std::size(kOpenCCFolds) - 1].from;  // the rows are sorted
        m_pageOf.assign((kLast >> kPageBits) + 1, 0);
        for (const FoldPair& pair : kOpenCCFolds) add(pair);
    }

    char32_t lookup(char32_t cp) const {
        const size_t pageNumber = cp >> kPageBits;
        if (pageNumber >= m_pageOf.size() || m_pageOf[pageNumber] == 0) return cp;
        const char32_t target = m_targets[(m_pageOf[pageNumber] - 1) * kPageSize + (cp & (kPageSize - 1))];
        return target == 0 ? cp : target;
    }

private:
    void add(const FoldPair& pair) {
        uint16_t& page = m_pageOf[pair.from >> kPageBits];
        if (page == 0) {
            m_targets.resize(m_targets.size() + kPageSize, 0);
            page = static_cast<uint16_t>(m_targets.size() / kPageSize);  // 1-based; 0 = no page
        }
        m_targets[(page - 1) * kPageSize + (pair.from & (kPageSize - 1))] = pair.to;
    }

    static constexpr unsigned kPageBits = 8;
    static constexpr char32_t kPageSize = char32_t{1} << kPageBits;
    std::vector<uint16_t> m_pageOf;   // page number (1-based) of each block of 256 code points, 0 = none
    std::vector<char32_t> m_targets;  // kPageSize per page; 0 = not mapped
};

const FoldPages& foldPages() {
    static const FoldPages pages;
    return pages;
}

char32_t lowerLatin(char32_t cp) {
    if (cp >= U'A' && cp <= U'Z') return cp + 0x20;
    if (cp < 0xC0) return cp;
    if (cp <= 0xDE) return cp == 0xD7 ? cp : cp + 0x20;  // À-Þ, but not ×
    if (cp < 0x100 || cp > 0x1DC) return cp;
    if (cp == 0x130) return U'i';  // İ
    if (cp == 0x178) return 0xFF;  // Ÿ -> ÿ
    // Latin Extended-A pairs capital/small: even/odd in 0100-0137 and 014A-0177, odd/even in
    // 0139-0148 and 0179-017E. ĸ (0138), ŉ (0149) and ſ (017F) have no capital.
    if (cp <= 0x137 || (cp >= 0x14A && cp <= 0x177)) return (cp & 1) == 0 ? cp + 1 : cp;
    if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E)) return (cp & 1) == 1 ? cp + 1 : cp;
    // Latin Extended-B: the pinyin vowels with a caron and ü with a tone, Ǎ (01CD) to Ǜ (01DB).
    if (cp >= 0x1CD && cp <= 0x1DB) return (cp & 1) == 1 ? cp + 1 : cp;
    return cp;
}

inline char32_t fold(char32_t cp, const FoldPages& pages) {
    if (cp < 0x80) return cp >= U'A' && cp <= U'Z' ? cp + 0x20 : cp;
    if (cp >= 0xFF01 && cp <= 0xFF5E) return lowerLatin(cp - 0xFEE0);  // full-width ASCII
    if (cp == 0x3000) return U' ';                                       // ideographic space
    if (cp < 0x2000) return lowerLatin(cp);
    return pages.lookup(cp);
}

}  // namespace

char32_t foldChar(char32_t cp) { return fold(cp, foldPages()); }

void appendFolded(std::string_view utf8Text, std::u32string& out) {
    // The index folds every character of a bundle twice: ASCII and the well-formed 2- and 3-byte
    // sequences that cannot be overlong or surrogates (lead bytes C2-DF, E1-EC, EE-EF) are decoded
    // here; anything else goes to utf8::next, so the result is always as utf8::next decodes.
    const FoldPages& pages = foldPages();
    const auto byte = [&](size_t at) { return static_cast<char32_t>(static_cast<unsigned char>(utf8Text[at])); };
    const auto continuation = [&](size_t at) { return at < utf8Text.size() && (byte(at) & 0xC0) == 0x80; };
    // At most one code point a byte; grown geometrically, as a long field is folded a chunk at a time.
    if (out.capacity() < out.size() + utf8Text.size()) out.reserve(std::max(2 * out.capacity(), out.size() + utf8Text.size()));
    for (size_t pos = 0; pos < utf8Text.size();) {
        const char32_t lead = byte(pos);
        char32_t cp;
        if (lead < 0x80) {
            cp = lead;
            pos += 1;
        } else if (lead >= 0xC2 && lead <= 0xDF && continuation(pos + 1)) {
            cp = ((lead & 0x1F) << 6) | (byte(pos + 1) & 0x3F);
            pos += 2;
        } else if (lead >= 0xE1 && lead <= 0xEF && lead != 0xED && continuation(pos + 1) && continuation(pos + 2)) {
            cp = ((lead & 0x0F) << 12) | ((byte(pos + 1) & 0x3F) << 6) | (byte(pos + 2) & 0x3F);
            pos += 3;
        } else {
            cp = utf8::next(utf8Text, pos);
        }
        out.push_back(fold(cp, pages));
    }
}

bool mayHoldAnnotations(std::string_view utf8Text) {
    for (size_t at = 0; at < utf8Text.size(); ++at) {
        if (utf8Text[at] == '(') return true;
        if (utf8Text[at] != '\xEF') continue;
        const std::string_view next = utf8Text.substr(at + 1, 2);
        if (next == "\xBC\x88" || next == "\xBF\xB9") return true;  // （, or U+FFF9 (structured ruby)
    }
    return false;
}

void appendFoldedForSearch(std::string_view utf8Text, std::u32string& out) {
    if (mayHoldAnnotations(utf8Text)) {
        appendFolded(RubyParser::strip(utf8Text), out);
    } else {
        appendFolded(utf8Text, out);
    }
}

std::u32string foldForSearch(std::string_view utf8Text) {
    std::u32string out;
    appendFoldedForSearch(utf8Text, out);
    return out;
}

std::span<const FoldPair> openccFoldTable() { return kOpenCCFolds; }

}  // namespace reader::core
