// The syllables of Standard Mandarin in Hanyu Pinyin, without tones: what tells a pinyin annotation
// from other Latin letters in parentheses. Used by RubyParser.
#pragma once

#include <span>
#include <string_view>

namespace reader::core::pinyin {

// True when `syllable` is one: lowercase, no tone, ü written as "ü" (U+00FC), e.g. "zhi", "lüe".
bool isSyllable(std::string_view syllable);

// The whole table, sorted by bytes, without duplicates.
std::span<const std::string_view> syllables();

}  // namespace reader::core::pinyin
