// BundleLoader: bundle text (JSON, format v1) -> validated Bundle, or one precise error.
// Errors say where: line:column for JSON syntax, a JSON Pointer for schema and reference errors.
#pragma once

#include "bundle.h"

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

class BundleLoader {
public:
    static constexpr int kSupportedMajor = 1;
    static constexpr const char* kFormatName = "article-reader-bundle";

    static LoadResult load(std::string_view text);
};

}  // namespace reader::core
