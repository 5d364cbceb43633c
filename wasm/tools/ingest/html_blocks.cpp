// Data tables, images and captions in HTML pages (html_blocks.h).
#include "html_blocks.h"

#include <algorithm>
#include <charconv>

#include "date_scan.h"
#include "line_rules.h"
#include "text_util.h"
#include "urls.h"

namespace reader::tools::ingest {

namespace {

constexpr size_t kDataCellMaxCodePoints = 200;  // a cell holding more is a layout cell holding an article
constexpr size_t kDataTableMinRows = 3;         // of 2 or more cells of text, without <th> or <caption>
constexpr size_t kMaxColumns = 100;             // LoadLimits::maxTableColumns
constexpr size_t kMaxRows = 10'000;             // LoadLimits::maxTableRows
constexpr uint32_t kIconMaxSide = 48;           // pixels: an image this small is an icon or a spacer
constexpr uint32_t kMaxImageSide = 20'000;      // the format's limit

struct RawCell {
    std::string text;
    bool header = false;
    size_t span = 1;
};
struct RawRow {
    std::vector<RawCell> cells;
};

// The rows of this table (not of a table inside it) and its caption.
std::vector<RawRow> rawRows(const GumboNode* table, std::string* caption) {
    std::vector<RawRow> rows;
    walk(
        table,
        [&](const GumboNode* node) {
            if (!isElement(node)) return false;
            const GumboTag tag = node->v.element.tag;
            if (node != table && tag == GUMBO_TAG_TABLE) return false;
            if (tag == GUMBO_TAG_CAPTION) {
                if (caption) *caption = subtreeText(node);
                return false;
            }
            if (tag == GUMBO_TAG_TR) {
                rows.emplace_back();
                return true;
            }
            if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) {
                if (rows.empty()) return false;
                size_t span = 1;
                const std::string colspan = attribute(node, "colspan");
                std::from_chars(colspan.data(), colspan.data() + colspan.size(), span);
                rows.back().cells.push_back({subtreeText(node), tag == GUMBO_TAG_TH, std::clamp<size_t>(span, 1, kMaxColumns)});
                return false;
            }
            return true;
        },
        [](const GumboNode*) {});
    std::erase_if(rows, [](const RawRow& row) { return row.cells.empty(); });
    return rows;
}

// A cell of the page's own facts (a labelled publish time, the source, author and editor, the
// copyright): its table lays out the page, whatever its shape, and the line rules must see each cell.
bool isFactCell(std::string_view text) {
    const std::vector<DateMatch> dates = findDates(text);
    return std::any_of(dates.begin(), dates.end(), [](const DateMatch& d) { return d.labelled; }) || !findSource(text).empty() ||
           isMetaFieldLine(text) || !findCopyrightHolder(text).empty();
}

bool containsTag(const GumboNode* root, GumboTag wanted) {
    bool found = false;
    walk(
        root,
        [&](const GumboNode* node) {
            if (found || !isElement(node)) return false;
            found = node != root && node->v.element.tag == wanted;
            return !found;
        },
        [](const GumboNode*) {});
    return found;
}

// "600", "600px": pixels; 0 when the value is not a plain pixel count.
uint32_t pixels(std::string_view value) {
    uint32_t n = 0;
    const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), n);
    if (error != std::errc() || (end != value.data() + value.size() && std::string_view(end) != "px")) return 0;
    return n <= kMaxImageSide ? n : 0;
}

// The first URL of a srcset ("a.jpg 1x, b.jpg 2x").
std::string firstOfSrcset(std::string_view srcset) {
    const size_t begin = srcset.find_first_not_of(" \t\n");
    if (begin == std::string_view::npos) return {};
    const size_t end = srcset.find_first_of(" \t\n,", begin);
    return std::string(srcset.substr(begin, end == std::string_view::npos ? std::string_view::npos : end - begin));
}

std::string imageSource(const GumboNode* img) {
    for (const char* lazy : {"data-src", "data-original", "data-lazy-src"}) {
        if (std::string src = collapsed(attribute(img, lazy)); !src.empty()) return src;
    }
    if (std::string src = collapsed(attribute(img, "src")); !src.empty() && !lowercase(src).starts_with("data:")) return src;
    for (const char* set : {"data-srcset", "srcset"}) {
        if (std::string src = firstOfSrcset(attribute(img, set)); !src.empty()) return src;
    }
    return {};
}

}  // namespace

std::string subtreeText(const GumboNode* node) {
    std::string text;
    walk(
        node,
        [&](const GumboNode* n) {
            if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE || n->type == GUMBO_NODE_CDATA) {
                text += n->v.text.text;
                return false;
            }
            if (!isElement(n) || (n != node && isDropped(n))) return false;
            if (n->v.element.tag == GUMBO_TAG_BR) text += ' ';
            if (n->v.element.tag == GUMBO_TAG_RT) text += '(';
            return true;
        },
        [&](const GumboNode* n) {
            if (n->v.element.tag == GUMBO_TAG_RT) text += ')';
            if (!isInlineTag(n->v.element.tag)) text += ' ';
        });
    return collapsed(text);
}

bool isDataTable(const GumboNode* table) {
    if (containsTag(table, GUMBO_TAG_TABLE)) return false;
    std::string caption;
    const std::vector<RawRow> rows = rawRows(table, &caption);
    size_t rowsOfText = 0, columns = 0;
    bool headerCell = false;
    for (const RawRow& row : rows) {
        size_t cellsOfText = 0;
        for (const RawCell& cell : row.cells) {
            if (countCodePoints(cell.text) > kDataCellMaxCodePoints || isFactCell(cell.text)) return false;
            cellsOfText += cell.text.empty() ? 0 : 1;
            headerCell = headerCell || cell.header;
        }
        columns = std::max(columns, row.cells.size());
        rowsOfText += cellsOfText >= 2 ? 1 : 0;
    }
    if (rows.empty()) return false;
    return !caption.empty() || (headerCell && columns >= 2) || rowsOfText >= kDataTableMinRows;
}

LineTable readTable(const GumboNode* table) {
    LineTable out;
    std::vector<RawRow> rows = rawRows(table, &out.caption);
    out.hasCaption = !out.caption.empty();
    if (rows.size() > kMaxRows + 1) rows.resize(kMaxRows + 1);
    size_t columns = 1;
    std::vector<std::vector<std::string>> grid;
    for (const RawRow& row : rows) {
        std::vector<std::string>& cells = grid.emplace_back();
        for (const RawCell& cell : row.cells) {
            cells.push_back(cell.text);
            cells.resize(std::min(kMaxColumns, cells.size() + cell.span - 1));
            if (cells.size() == kMaxColumns) break;
        }
        columns = std::max(columns, cells.size());
    }
    for (std::vector<std::string>& cells : grid) cells.resize(columns);
    // The header is the first row: pages put their <th> row or <thead> first, and tables
    // without either still name their columns in it (序号, 名称, ...).
    out.header = std::move(grid.front());
    out.rows.assign(std::make_move_iterator(grid.begin() + 1), std::make_move_iterator(grid.end()));
    return out;
}

std::optional<LineFigure> readImage(const GumboNode* img, std::string_view base) {
    LineFigure figure;
    figure.pageSrc = imageSource(img);
    if (figure.pageSrc.empty()) return std::nullopt;
    figure.src = resolveUrl(base, figure.pageSrc);
    figure.alt = collapsed(attribute(img, "alt"));
    if (figure.alt.empty()) figure.alt = collapsed(attribute(img, "title"));
    figure.width = pixels(collapsed(attribute(img, "width")));
    figure.height = pixels(collapsed(attribute(img, "height")));
    if (figure.width == 0 || figure.height == 0) figure.width = figure.height = 0;  // half a size is no size
    if (figure.width && (figure.width <= kIconMaxSide || figure.height <= kIconMaxSide)) return std::nullopt;
    return figure;
}

bool isCaptionBlock(const GumboNode* block) {
    if (!block || !isElement(block)) return false;
    std::string style = lowercase(attribute(block, "style"));
    std::erase(style, ' ');
    if (style.find("text-align:center") != std::string::npos || lowercase(attribute(block, "align")) == "center") return true;
    constexpr std::string_view kCaptionHints[] = {"caption", "pic", "img"};
    return hasHint(block, kCaptionHints);
}

}  // namespace reader::tools::ingest
