// BundleLoader: bundle text (JSON, format v1) -> validated Bundle, or one precise error.
// Errors say where: line:column for JSON syntax and for limits met while reading the text, a JSON
// Pointer for schema, reference and per-value errors. Any input gives a result: no crash, no hang,
// time linear in the text, memory bounded by LoadLimits.
#pragma once

#include "bundle.h"
#include "error.h"

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace reader::core {

// What a bundle may not exceed, so that a hostile one cannot exhaust memory or time. The defaults
// are far above any real bundle (the sample: 27 KB, nesting 4, longest string 2 KB) and are what
// the one-argument load() uses; data/README.md lists them. Each violation is its own error.
struct LoadLimits {
    size_t maxBundleBytes = size_t{256} << 20;  // the whole text, bytes (256 MiB)
    size_t maxDepth = 64;                       // nested arrays and objects; the top-level object is level 1
    size_t maxStringBytes = size_t{1} << 20;    // any one string or key, bytes of UTF-8 once unescaped (1 MiB)
    size_t maxArticles = 1'000'000;
    size_t maxCategories = 100'000;
    size_t maxCategoryDepth = 32;               // levels of parents; a top-level category is level 1
    size_t maxParagraphs = 10'000;              // entries of one article's body: paragraphs and blocks
    size_t maxArticleTexts = 100'000;           // texts of one article's body (paragraphs, headings, items, cells, captions...)
    size_t maxArticleTextBytes = size_t{4} << 20;  // the bytes of those texts together (4 MiB): what opening one article lays out
    size_t maxBundleTexts = 4'000'000;          // texts of every body in one file: each costs memory beyond its bytes
    size_t maxListItems = 10'000;               // in one list
    size_t maxTableRows = 10'000;               // in one table, the header not counted
    size_t maxTableColumns = 100;               // cells in a table's header, and in each row
    size_t maxInlineMarks = 100'000;            // links and strong runs in one article's body
    size_t maxHotlines = 1'000;
};

class BundleLoader {
public:
    static constexpr int kSupportedMajor = 1;
    static constexpr const char* kFormatName = "article-reader-bundle";

    static Result<Bundle> load(std::string_view text);
    static Result<Bundle> load(std::string_view text, const LoadLimits& limits);

    // The same bundle from text pulled a chunk at a time (`source`, as JsonSource in json_reader.h:
    // copies up to `room` next bytes to `out`, returns how many, 0 at the end), so that the text and
    // the bundle built from it never both sit in memory whole; `bytes` is the text's size. Only for
    // a bundle that loads: at any error it gives up (std::nullopt), and the caller loads the whole
    // text with load(), which tells the error as it always has.
    using Source = std::function<size_t(char* out, size_t room)>;
    static std::optional<Bundle> loadStreamed(size_t bytes, const Source& source);
    static std::optional<Bundle> loadStreamed(size_t bytes, const Source& source, const LoadLimits& limits);
};

}  // namespace reader::core
