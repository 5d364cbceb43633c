// The excerpt a search result shows around a hit (issue #17): about 40 characters of the field's
// text, cut where a clause ends rather than mid-phrase, in the pinyin mode the reader shows (inline
// mode shows the readings, 年(nián); the others leave them out), with the hit's place in it.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "text_layout.h"

namespace reader::core {

struct Excerpt {
    std::string text;                // UTF-8, the displayed text between the cuts
    size_t hitBegin = 0, hitEnd = 0;  // the hit's bytes in `text`
    bool clippedBefore = false;      // text of the field left out before `text` (draw "…")
    bool clippedAfter = false;       // and after it
};

constexpr size_t kExcerptContext = 40;  // characters around the hit, about

// `field` as the bundle holds it (annotations inline); `offset` and `length` in code points of its
// annotation-free text, as a SearchHit has them. The excerpt starts after a clause's punctuation
// (or a space, in Latin text) no more than two thirds of the context before the hit, or at the field's start
// when that is as near; it ends after such a mark near the rest of the context after the hit, or at
// the field's end; else it is cut at the budget. It never starts with punctuation or a space.
Excerpt searchExcerpt(std::string_view field, size_t offset, size_t length, RubyMode mode, size_t context = kExcerptContext);

// Where each code point of the annotation-free text of `field` is in its displayed text (they differ
// only in inline mode, where readings are shown); one more entry for the end.
std::vector<size_t> strippedToDisplayed(std::string_view field, RubyMode mode);

}  // namespace reader::core
