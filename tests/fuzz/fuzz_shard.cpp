// Fuzz target `shard`: ShardLoader::load (a split bundle's body shard) on any bytes.
// Checks, besides no crash, hang or sanitizer report:
// - exactly one of articles and error; an error is one line of valid UTF-8 without control
//   characters, with a position (line and column both set) or a JSON Pointer;
// - agreement with nlohmann on what is JSON: text nlohmann refuses is told as a text error (with a
//   line and column) or a limit;
// - loaded articles hold exactly what nlohmann's DOM of the same text holds, in file order: ids,
//   and each paragraph as the bundle reads it (a string with tabs made spaces, or runs joined with
//   their structured ruby), with no control character;
// - tighter limits never turn an error into articles.
#include "fuzz_error_checks.h"
#include "fuzz_target.h"

#include "core/ruby_parser.h"
#include "core/shard_loader.h"
#include "core/utf8.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>

namespace {

using reader::fuzz::checkError;
using reader::fuzz::hasControl;
using reader::fuzz::isLimit;

using Json = nlohmann::ordered_json;
using reader::core::Error;
using reader::core::LoadLimits;
using reader::core::Result;
using reader::core::ShardArticle;
using reader::core::ShardLoader;

void checkArticles(const std::vector<ShardArticle>& articles, const Json& dom) {
    FUZZ_CHECK(dom.is_object());
    FUZZ_CHECK(dom.at("format").at("name").get<std::string>() == ShardLoader::kFormatName);
    const Json& expected = dom.at("articles");
    FUZZ_CHECK(articles.size() == expected.size());
    size_t i = 0;
    for (const auto& [id, body] : expected.items()) {
        const ShardArticle& article = articles[i++];
        FUZZ_CHECK(article.id == id);
        reader::fuzz::checkBody(article.body, article.blocks, article.marks, body);
    }
}

}  // namespace

int reader::fuzz::fuzzOne(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const Result<std::vector<ShardArticle>> result = ShardLoader::load(text);
    const bool isJson = Json::accept(text);
    if (result.ok()) {
        FUZZ_CHECK(isJson);
        checkArticles(*result, Json::parse(text));
    } else {
        checkError(result.error());
        if (!isJson) FUZZ_CHECK(result.error().line > 0 || isLimit(result.error()));
    }

    LoadLimits tight;
    tight.maxDepth = 5;
    tight.maxStringBytes = 16;
    tight.maxArticles = 2;
    tight.maxParagraphs = 2;
    tight.maxBundleBytes = 4096;
    const Result<std::vector<ShardArticle>> limited = ShardLoader::load(text, tight);
    if (limited.ok()) FUZZ_CHECK(result.ok());
    else checkError(limited.error());
    return 0;
}
