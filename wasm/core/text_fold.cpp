#include "text_fold.h"

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
        const char32_t last = kOpenCCFolds[std::size(kOpenCCFolds) - 1].from;
        m_pageOf.assign((last >> kPageBits) + 1, 0);
        for (const FoldPair& pair : kOpenCCFolds) {
            uint16_t& page = m_pageOf[pair.from >> kPageBits];
            if (page == 0) {
                m_targets.resize(m_targets.size() + kPageSize, 0);
                page = static_cast<uint16_t>(m_targets.size() / kPageSize);  // 1-based; 0 = no page
            }
            m_targets[(page - 1) * kPageSize + (pair.from & (kPageSize - 1))] = pair.to;
        }
    }

    char32_t lookup(char32_t cp) const {
        const size_t pageNumber = cp >> kPageBits;
        if (pageNumber >= m_pageOf.size() || m_pageOf[pageNumber] == 0) return cp;
        const char32_t target = m_targets[(m_pageOf[pageNumber] - 1) * kPageSize + (cp & (kPageSize - 1))];
        return target == 0 ? cp : target;
    }

private:
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
    const FoldPages& pages = foldPages();
    for (size_t pos = 0; pos < utf8Text.size();) out.push_back(fold(utf8::next(utf8Text, pos), pages));
}

void appendFoldedForSearch(std::string_view utf8Text, std::u32string& out) {
    // An annotation needs a parenthesis, half- or full-width: most text has none and is folded as it is.
    const bool mayHaveAnnotations = utf8Text.find('(') != std::string_view::npos ||
                                    utf8Text.find("\uFF08") != std::string_view::npos;
    if (mayHaveAnnotations) {
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
