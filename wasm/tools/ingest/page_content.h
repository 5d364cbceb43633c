// What ingest reads out of one page, and the in-between form both extractors produce: the page cut
// into lines (one per paragraph, table cell or line of chrome) plus the few facts HTML states in
// markup (<title>, <meta>, canonical URL). HTML lines also say what block of format 1.2 they are
// (a heading, a list item, a figure, a data table, an attachment) and where their links are.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/bundle.h"

namespace reader::tools::ingest {

// A link inside a line: bytes [begin, end) of its text, to a safe absolute URL.
struct LineLink {
    size_t begin = 0;
    size_t end = 0;
    std::string href;
};

enum class LineKind : uint8_t { paragraph, heading, listItem, figure, table, attachment };

// An <img>, as the page gives it. src: resolved against the page's URL when that is known;
// pageSrc: as written in the page (a saved page's "page_files/x.jpg", read by --assets).
struct LineFigure {
    std::string src, pageSrc, alt;
    uint32_t width = 0, height = 0;  // from its attributes; 0 when the page does not say
};

// A data table: a header row and rows, every row as wide as the header.
struct LineTable {
    bool hasCaption = false;
    std::string caption;
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
};

struct PageLine {
    std::string text;         // UTF-8, without the indent and trailing whitespace; a figure's caption;
                              // a table's cells one after another; an attachment's name
    bool heading = false;     // inside <h1>-<h3> or an element whose class or id says "title"
    bool inBody = false;      // inside the element chosen as the article body
    bool breadcrumb = false;  // from an element whose class or id says it is a breadcrumb trail
    size_t codePoints = 0;      // of text; assemblePage counts them
    size_t linkCodePoints = 0;  // how many of them are link text (navigation is mostly links)
    LineKind kind = LineKind::paragraph;
    int level = 0;                 // heading: 2-4
    const void* list = nullptr;    // listItem: its list element; items of one list form one block
    bool ordered = false;          // listItem: of an <ol>
    bool captionLike = false;      // short and centred, or "图…": the caption of a figure before it
    std::vector<LineLink> links;   // in text order
    LineFigure figure;             // figure
    LineTable table;               // table
    std::string href, mime;        // attachment
};

struct PageHints {
    std::string documentTitle;  // <title>
    std::string metaTitle;      // og:title
    std::string metaPublished;  // <meta name="PubDate">, article:published_time, ...
    std::string timeElement;    // the first <time datetime="...">
    std::string metaSource;     // <meta name="ContentSource">
    std::string url;            // <link rel="canonical"> or og:url
    std::string baseHref;       // <base href>
    std::string language;       // <html lang>
};

struct ExtractOptions {
    std::string pageUrl;  // what relative links and images resolve against (--url); else the page's own
    int defaultOffsetMinutes = 8 * 60;  // the sites' own zone, +08:00, unless the page says otherwise
};

struct PageContent {
    // The article.
    std::string title;
    std::optional<core::DateTime> published;
    std::string source;
    std::string categoryName;
    std::vector<std::string> body;  // paragraphs and every text of a block, verbatim (inline pinyin kept)
    std::vector<core::Block> blocks;       // as Article's: empty when every text is a paragraph
    std::vector<core::InlineMark> marks;   // links, in text order
    std::vector<std::string> figureSources;  // per figure block, in order: its src as the page wrote it
    std::string url;                // the page's own address, when it states one
    // The site, as far as this page shows it (without inline pinyin).
    std::string siteName;
    std::string locale;  // BCP 47: zh-Hans or zh-Hant
    std::string copyrightHolder;
    std::string address;
    std::optional<uint64_t> visitorCount;
    std::vector<core::Hotline> hotlines;
};

}  // namespace reader::tools::ingest
