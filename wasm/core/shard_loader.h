// ShardLoader: one body shard of a split bundle (data/README.md, "The split form") -> the paragraphs
// of each article it holds, in file order. A shard is
//   { "format": { "name": "article-reader-shard", "version": "1.1" },
//     "articles": { "<article id>": ["paragraph", ...], ... } }
// Bodies follow the rules of a bundle's `body`: paragraphs (strings, or arrays of runs with
// structured ruby, links, strong) and blocks (format 1.2); a tab is read as a space, no other
// control character. Unknown fields are ignored; the same key
// twice in one object is refused. A shard is held to a bundle's limits (LoadLimits, data/README.md:
// size, nesting, string length, articles, paragraphs in one body).
// Errors are told as BundleLoader tells them: line and column for JSON syntax and limits met in the
// text, a JSON Pointer for the rest ("/articles/2024-03-15-meeting/1: expected a string or an array
// of runs, got number").
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "bundle_loader.h"
#include "error.h"

namespace reader::core {

struct ShardArticle {
    std::string id;
    std::vector<std::string> body;  // as Article's: every text, in reading order
    std::vector<Block> blocks;
    std::vector<InlineMark> marks;
};

class ShardLoader {
public:
    static constexpr int kSupportedMajor = 1;
    static constexpr const char* kFormatName = "article-reader-shard";

    // The articles in file order.
    static Result<std::vector<ShardArticle>> load(std::string_view text);
    static Result<std::vector<ShardArticle>> load(std::string_view text, const LoadLimits& limits);
};

}  // namespace reader::core
