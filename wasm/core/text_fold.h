// Search folding: which characters count as the same when searching. Folding maps one code point to
// one code point, so folded text has exactly as many code points as the text it came from and an
// offset found in one is the same offset in the other.
//
// Rules (docs/search.md):
// - Chinese characters: traditional and variant forms -> one canonical form, from OpenCC's character
//   dictionaries (TSCharacters, STCharacters, TWVariants, HKVariants), turned into a table at build
//   time (cmake/gen_fold_table.cmake). The canonical form is OpenCC's simplified one (動, 动 -> 动;
//   態, 态 -> 态; 偽, 僞, 伪 -> 伪). Only equality of folds matters: the canonical form is never shown.
// - Full-width ASCII (U+FF01-U+FF5E) -> ASCII, and the ideographic space U+3000 -> U+0020.
// - Latin capitals -> small letters: ASCII, Latin-1, Latin Extended-A and the pinyin capitals of
//   Latin Extended-B (Ǎ Ǐ Ǒ Ǔ Ǖ Ǘ Ǚ Ǜ). No accents are removed: nián does not match nian.
// - Everything else is unchanged.
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace reader::core {

// The fold of one code point (see the rules above). Folding a fold changes nothing.
char32_t foldChar(char32_t cp);

// Text folded for search: pinyin annotations dropped first (RubyParser::strip), then every code point
// folded. UTF-8 is decoded as utf8::next does (an invalid byte is one U+FFFD).
std::u32string foldForSearch(std::string_view utf8Text);

// The same appended to `out`, so that a caller can fold many texts into one reused buffer.
void appendFoldedForSearch(std::string_view utf8Text, std::u32string& out);

// False when `utf8Text` cannot hold a pinyin annotation (it has no parenthesis, half- or full-width),
// so RubyParser need not look at it.
bool mayHoldAnnotations(std::string_view utf8Text);

// Appends the fold of every code point of `utf8Text` to `out`, annotations NOT dropped: for text that
// is stripped already.
void appendFolded(std::string_view utf8Text, std::u32string& out);

// The OpenCC part of the rules: rows {from, to}, sorted by `from`, each `to` a fixed point.
struct FoldPair {
    char32_t from;
    char32_t to;
};
std::span<const FoldPair> openccFoldTable();

}  // namespace reader::core
