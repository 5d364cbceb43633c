// The tone of a pinyin syllable as readings write it: a tone mark on its vowel (ā á ǎ à, and the
// breve ă read as the third tone, precomposed or combining), or a tone number 1-5 at its end; a
// syllable with neither is the neutral tone, 5. For tone colours (the reader's setting).
#pragma once

#include <string_view>

namespace reader::core {

int syllableTone(std::string_view syllable);

}  // namespace reader::core
