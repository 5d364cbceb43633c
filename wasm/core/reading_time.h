// Estimated reading time of an article, as reader modes estimate it for Chinese: 255 characters a
// minute, counting the characters of the title and body without pinyin annotations or spaces.
#pragma once

#include <cstddef>

#include "bundle.h"

namespace reader::core {

inline constexpr size_t kChineseCharactersPerMinute = 255;

size_t readingCharacters(const Article& article);
// Whole minutes, rounded up, at least 1.
size_t readingMinutes(const Article& article);

}  // namespace reader::core
