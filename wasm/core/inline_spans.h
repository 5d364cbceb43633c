// Where a body text's inline marks (links, strong runs: byte ranges of the text as stored) fall in
// the text as it is displayed (code point indices of ParagraphLayout::text), which differs from the
// stored text by its inline pinyin in every pinyin mode but 行內 and by its structured ruby's markup.
#pragma once

#include <cstddef>
#include <span>
#include <string_view>
#include <vector>

#include "bundle.h"
#include "settings.h"

namespace reader::core {

struct InlineSpan {
    size_t begin = 0;  // displayed code points [begin, end)
    size_t end = 0;
    size_t mark = 0;   // which: an index into the marks given (articleInlineSpans: into Article::marks)
};

// The spans of `marks` (those of one text, sorted by `begin`, not overlapping) in `source` as laid
// out in `mode`. A mark that starts or ends inside an annotated unit covers the whole unit (its
// characters and readings are shown together); an empty one is left out.
std::vector<InlineSpan> inlineSpans(std::string_view source, RubyMode mode, std::span<const InlineMark> marks);

// Every body text's spans, indexed like Article::body.
std::vector<std::vector<InlineSpan>> articleInlineSpans(const Article& article, RubyMode mode);

// The span holding displayed index `index`, or null.
const InlineSpan* spanAt(std::span<const InlineSpan> spans, size_t index);

}  // namespace reader::core
