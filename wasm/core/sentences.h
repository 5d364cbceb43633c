// Sentences of a paragraph, for reading aloud one at a time with the sentence being read marked:
// a sentence ends after 。！？；… (and ! ? ; followed by a space or the end), together with the
// closing quotes and brackets right after it (」』”’）》), so none starts with a closing mark.
#pragma once

#include <string_view>
#include <vector>

namespace reader::core {

struct SentenceRange {
    size_t begin;  // code points from the start of the text
    size_t end;
    size_t byteBegin;  // the same, in bytes of the UTF-8 text
    size_t byteEnd;
};

// The sentences of `text` (UTF-8), in order, covering it all but leading and trailing spaces of each.
std::vector<SentenceRange> splitSentences(std::string_view text);

}  // namespace reader::core
