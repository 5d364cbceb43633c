// BundleLoader: bundle text (JSON, format v1) -> validated Bundle, or one precise error.
// Errors say where: line:column for JSON syntax and for limits met while reading the text, a JSON
// Pointer for schema, reference and per-value errors. Any input gives a result: no crash, no hang,
// time linear in the text, memory bounded by LoadLimits.
#pragma once

#include "bundle.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace reader::core {

struct LoadError {
    std::string pointer;  // JSON Pointer of the offending value ("/articles/3/published"), or empty
    int line = 0;         // 1-based, 0 when unknown
    int column = 0;       // 1-based, in characters (code points), 0 when unknown
    std::string message;  // what was expected and what was found

    // One line for people: "line 3, column 14: ..." or "/articles/3/published: ...".
    std::string describe() const;
    // The same for a file, as compilers say it so editors can jump there:
    // "data/x.json:3:14: ..." or "data/x.json: /articles/3/published: ...".
    std::string describeIn(std::string_view fileName) const;
};

struct LoadResult {
    std::optional<Bundle> bundle;
    std::optional<LoadError> error;
    bool ok() const { return bundle.has_value(); }
};

// What a bundle may not exceed, so that a hostile one cannot exhaust memory or time. The defaults
// are far above any real bundle (the sample: 27 KB, nesting 4, longest string 2 KB) and are what
// the one-argument load() uses; data/README.md lists them. Each violation is its own error.
struct LoadLimits {
    size_t maxBundleBytes = size_t{256} << 20;  // the whole text, bytes (256 MiB)
    size_t maxDepth = 64;                       // nested arrays and objects; the top-level object is level 1
    size_t maxStringBytes = size_t{1} << 20;    // any one string or key, bytes of UTF-8 once unescaped (1 MiB)
    size_t maxArticles = 1'000'000;
    size_t maxCategories = 100'000;
    size_t maxParagraphs = 10'000;              // in one article's body
    size_t maxHotlines = 1'000;
};

class BundleLoader {
public:
    static constexpr int kSupportedMajor = 1;
    static constexpr const char* kFormatName = "article-reader-bundle";

    static LoadResult load(std::string_view text);
    static LoadResult load(std::string_view text, const LoadLimits& limits);
};

// The first JSON syntax error in `text` (which must not be valid JSON), at its line and column
// and worded as the bundle loader words it. Other readers of JSON files (core/shard_loader) share it.
LoadError jsonSyntaxError(std::string_view text);

// The text rules of data/README.md ("Text and inline pinyin"), for other readers of bundle text.
// Each returns what is wrong ("control character U+0007 at character 5"), or an empty string.
bool isId(std::string_view text);
std::string shownTextProblem(std::string_view text);  // title, names, a structured run's text or ruby
std::string paragraphProblem(std::string& text);      // a body paragraph or plain run; turns tabs into spaces

}  // namespace reader::core
