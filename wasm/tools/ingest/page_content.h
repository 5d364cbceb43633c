// What ingest reads out of one page, and the in-between form both extractors produce: the page cut
// into lines (one per paragraph, table cell or line of chrome) plus the few facts HTML states in
// markup (<title>, <meta>, canonical URL).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/bundle.h"

namespace reader::tools::ingest {

struct PageLine {
    std::string text;         // UTF-8, without the indent and trailing whitespace
    bool heading = false;     // inside <h1>-<h3> or an element whose class or id says "title"
    bool inBody = false;      // inside the element chosen as the article body
    bool breadcrumb = false;  // from an element whose class or id says it is a breadcrumb trail
    size_t codePoints = 0;      // of text; assemblePage counts them
    size_t linkCodePoints = 0;  // how many of them are link text (navigation is mostly links)
};

struct PageHints {
    std::string documentTitle;  // <title>
    std::string metaTitle;      // og:title
    std::string metaPublished;  // <meta name="PubDate">, article:published_time, ...
    std::string timeElement;    // the first <time datetime="...">
    std::string metaSource;     // <meta name="ContentSource">
    std::string url;            // <link rel="canonical"> or og:url
    std::string language;       // <html lang>
};

struct ExtractOptions {
    int defaultOffsetMinutes = 8 * 60;  // the sites' own zone, +08:00, unless the page says otherwise
};

struct PageContent {
    // The article.
    std::string title;
    std::optional<core::DateTime> published;
    std::string source;
    std::string categoryName;
    std::vector<std::string> body;  // paragraphs, verbatim (inline pinyin kept)
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
