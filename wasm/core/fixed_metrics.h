// FixedMetrics: glyph advances that need no font: wide (East Asian) characters one em, everything
// else half an em. For comparing line breaks across builds and for tests: the same text, width and
// metrics must give the same lines on the web and natively.
#pragma once

#include "text_layout.h"

namespace reader::core {

class FixedMetrics final : public GlyphMetrics {
public:
    float advance(char32_t cp, float fontSize) const override;
};

// The lines of a layout as UTF-8 strings, in order.
std::vector<std::string> lineStrings(const ParagraphLayout& layout);

// A paragraph (inline pinyin read as ruby) laid out with FixedMetrics at 16px, first line indented
// two characters, justified: one "TEXT<TAB>WIDTH" line per layout line. The web build and
// `reader-tool lines` both print this, and a test holds them equal.
std::string describeLines(std::string_view paragraph, float width, RubyMode mode);

}  // namespace reader::core
