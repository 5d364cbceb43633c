// The parts of an HTML page that become blocks of format 1.2 rather than paragraphs: data tables
// (told apart from layout tables), images with their sizes and lazy-loading sources, captions.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "gumbo_tree.h"
#include "page_content.h"

namespace reader::tools::ingest {

// A table of data rather than of layout: no table inside it, no long text in a cell, no cell of
// the page's facts (publish time, source, copyright), and a <caption>, a <th>, or at least 3 rows
// with 2 or more cells of text.
bool isDataTable(const GumboNode* table);

// Its caption, header row (the first) and rows, each as wide as the widest (colspan repeated as
// empty cells, short rows padded).
LineTable readTable(const GumboNode* table);

// An <img> (or <figure>'s first <img>, with its <figcaption> as the line's text): the real source
// of a lazily loaded image (data-src, data-original, data-lazy-src, then src unless it is a
// data: placeholder, then srcset's first), resolved against `base`. nullopt when it has no
// source, or says it is smaller than an icon.
std::optional<LineFigure> readImage(const GumboNode* img, std::string_view base);

// All the text under an element, collapsed as a browser shows it (<rt> as "(pinyin)", <br> as a space).
std::string subtreeText(const GumboNode* node);

// A block that looks like an image's caption: centred (align or text-align), or named for one
// ("caption", "pic", "img" in its class or id).
bool isCaptionBlock(const GumboNode* block);

}  // namespace reader::tools::ingest
