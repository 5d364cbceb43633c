// The geometry and text of format 1.2's blocks that does not depend on a font or a platform: list
// markers, a table's column widths from its content, a figure's placeholder box, an attachment's
// link line, and how the texts of a body join when copied (a table row's cells with tabs). The UI
// (ui/article_layout, ui/block_drawing) lays out and draws with these.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "bundle.h"
#include "text_layout.h"

namespace reader::core {

// "1." "2." ... for an ordered list, "•" for an unordered one; `index` counts from 0.
std::string listMarker(size_t index, bool ordered);

// One table column's content: the widest cell set on one line, and the widest thing in any cell
// that cannot be broken (a CJK character, a Latin word, a number), both in logical pixels.
struct ColumnContent {
    float natural = 0.0f;
    float minimum = 0.0f;
};

// Column widths (each with `padding` on both sides included) for `available` pixels, as a browser
// sets an automatic table: every column at its natural width when they all fit; else each column
// gets its minimum and the room left is shared in proportion to what each would still like; when
// even the minimums do not fit, the minimums: the table is then wider than the column and scrolls.
// The widest run of a text no line may break inside (a CJK character with its closing punctuation,
// a Latin word, a number), from the text laid out on one line: a column's `minimum`.
float widestUnbreakable(const ParagraphLayout& oneLine);

std::vector<float> tableColumnWidths(const std::vector<ColumnContent>& columns, float available, float padding);

// A figure's box before and after its image arrives: the image's pixel size taken as logical
// pixels, scaled down (never up) to fit `columnWidth`, aspect kept; whole pixels, at least 1.
struct BoxSize {
    float width = 0.0f;
    float height = 0.0f;
};
BoxSize figureBox(uint32_t width, uint32_t height, float columnWidth);

// An attachment's line: "通知.pdf (PDF, 24 KB)"; the type from the media type's subtype.
std::string attachmentLabel(std::string_view name, std::string_view mime, uint64_t bytes);
std::string byteSize(uint64_t bytes);  // "812 bytes", "24 KB", "1.5 MB"

// What joins body text i to the one before it when several are copied: a tab between two cells of
// one table row, a line break otherwise. One entry per body text (the first's is unused).
std::vector<char> textSeparators(const Article& article);

// Texts joined by their separators; a tab or line break inside a text becomes a space, so that a
// table copied comes out as tab-separated lines.
std::string joinTexts(const std::vector<std::string>& texts, const std::vector<char>& separators);

}  // namespace reader::core
