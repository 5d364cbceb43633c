// LineBreaker: where a line may break in a paragraph, with the Chinese rules that matter most:
// breaks between Han characters, never before closing punctuation (，。、）」 …) or after opening
// punctuation, never inside a number, a phone number or a Latin word, and never between a
// character and the pinyin annotation that follows it (年(nián) stays whole).
#pragma once

#include <vector>

#include "utf8.h"

namespace reader::core {

class LineBreaker {
public:
    // allowed[i] is true when a line may start at text[i]; allowed[0] is always false.
    static std::vector<bool> opportunities(const std::vector<utf8::CodePoint>& text);
};

}  // namespace reader::core
