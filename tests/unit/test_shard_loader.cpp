// ShardLoader: the body shards of a split bundle, with their errors word for word; the bundle's
// limits held by shards (a 16 MB paragraph, a million paragraphs, duplicate keys); and the round
// trip: `reader-tool split` of the sample and of a synthetic bundle, its shards read back with
// ShardLoader and put into index.json, loads to the same model as the bundle itself.
//
// Index
//   [SECTION] Shards
//   [SECTION] Limits
//   [SECTION] Split and read back
#include "core/shard_loader.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "core/bundle_loader.h"
#include "core/ruby_parser.h"

using reader::core::Bundle;
using reader::core::BundleLoader;
using reader::core::ShardLoader;
using reader::core::Result;
using reader::core::ShardArticle;

namespace fs = std::filesystem;

namespace {

std::string readText(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE_MESSAGE(in.good(), "cannot open ", path.string());
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string errorOf(const std::string& text) {
    const Result<std::vector<ShardArticle>> result = ShardLoader::load(text);
    REQUIRE_FALSE(result.ok());
    return result.error().describe();
}

const std::string kHeader = R"({"format": {"name": "article-reader-shard", "version": "1.1"}, )";

}  // namespace

// [SECTION] Shards

TEST_CASE("shard: articles in file order, tabs read as spaces, unknown fields ignored") {
    const Result<std::vector<ShardArticle>> result = ShardLoader::load(
        "\xEF\xBB\xBF" + kHeader +
        R"("articles": {"2024-03-15-b": ["第一段\t文字", "第二段"], "2023-01-02-a": [], "x": ["一"]}, "note": {"any": 1}})");
    REQUIRE(result.ok());
    REQUIRE(result->size() == 3);
    CHECK((*result)[0].id == "2024-03-15-b");
    CHECK((*result)[0].body == std::vector<std::string>{"第一段 文字", "第二段"});
    CHECK((*result)[1].id == "2023-01-02-a");
    CHECK((*result)[1].body.empty());
    CHECK((*result)[2].id == "x");
}

TEST_CASE("shard: errors say where and what") {
    CHECK(errorOf("{\"format\": {\"name\": \"article-reader-shard\",}\n}") ==
          "line 1, column 44: syntax error while parsing object key - unexpected '}'; expected string literal");
    CHECK(errorOf("{\n  \"articles\": {\"消費\": [\n") ==
          "line 3, column 1: syntax error while parsing value - unexpected end of input; expected '[', '{', or a literal");
    CHECK(errorOf("[]") == "expected a JSON object at the top level, got array");
    CHECK(errorOf(R"({"articles": {}})") == "missing required field \"format\"");
    CHECK(errorOf(R"({"format": {"name": "article-reader-bundle", "version": "1.0"}, "articles": {}})") ==
          "/format/name: expected \"article-reader-shard\", got \"article-reader-bundle\"");
    CHECK(errorOf(R"({"format": {"name": "article-reader-shard", "version": "2.0"}, "articles": {}})") ==
          "/format/version: expected major version 1, got \"2.0\"");
    CHECK(errorOf(R"({"format": {"name": "article-reader-shard", "version": "1"}, "articles": {}})") ==
          "/format/version: expected \"MAJOR.MINOR\" such as \"1.1\", got \"1\"");
    CHECK(errorOf(kHeader + "\"other\": 1}") == "missing required field \"articles\"");
    CHECK(errorOf(kHeader + R"("articles": [["a"]]})") == "/articles: expected an object, got array");
    CHECK(errorOf(kHeader + R"("articles": {"a": "text"}})") == "/articles/a: expected an array, got string");
    CHECK(errorOf(kHeader + R"("articles": {"a": ["ok", 3]}})") == "/articles/a/1: expected a string or an array of runs, got number");
    CHECK(errorOf(kHeader + R"("articles": {"a/b": []}})") ==
          "/articles/a~1b: expected an id of 1-128 characters from A-Z a-z 0-9 . _ -, got \"a/b\"");
    CHECK(errorOf(kHeader + R"("articles": {"a": ["消費\u0007提示"]}})") ==
          "/articles/a/0: control character U+0007 at character 3");
}

TEST_CASE("shard: structured ruby reads as the bundle loader reads it, errors at the run") {
    const Result<std::vector<ShardArticle>> result = ShardLoader::load(
        kHeader + R"("articles": {"a": [["2023", {"text": "年", "ruby": "nián"}, "第\t一次"]]}})");
    REQUIRE(result.ok());
    std::string expected = "2023";
    reader::core::appendStructuredRuby(expected, "年", "nián");
    CHECK((*result)[0].body == std::vector<std::string>{expected + "第 一次"});
    CHECK(errorOf(kHeader + R"("articles": {"a": [[1]]}})") ==
          "/articles/a/0/0: expected a string or a {\"text\", \"ruby\"} object, got number");
    CHECK(errorOf(kHeader + R"("articles": {"a": [[{"ruby": "nián"}]]}})") == "/articles/a/0/0: missing required field \"text\"");
    CHECK(errorOf(kHeader + R"("articles": {"a": [[{"text": "年", "ruby": ""}]]}})") ==
          "/articles/a/0/0/ruby: expected a non-empty string, got \"\"");
    CHECK(errorOf(kHeader + R"("articles": {"a": ["年\uFFF9"]}})") ==
          "/articles/a/0: interlinear annotation character U+FFF9 at character 2 (write ruby as a structured run)");
}

// [SECTION] Limits

namespace {

using reader::core::LoadLimits;

std::string errorOf(const std::string& text, const LoadLimits& limits) {
    const Result<std::vector<ShardArticle>> result = ShardLoader::load(text, limits);
    REQUIRE_FALSE(result.ok());
    return result.error().describe();
}

}  // namespace

TEST_CASE("shard: a 16 MB paragraph is refused by the string limit, at its pointer") {
    const std::string text = kHeader + R"("articles": {"a": ["ok", ")" + std::string(size_t{16} << 20, 'x') + R"("]}})";
    CHECK(errorOf(text) == "/articles/a/1: string of 16777216 bytes exceeds the limit of 1048576");
}

TEST_CASE("shard: a million paragraphs are refused by the paragraph limit") {
    std::string text = kHeader + R"("articles": {"a": [)";
    for (int i = 0; i < 1'000'000; ++i) text += i == 0 ? "\"x\"" : ",\"x\"";
    text += "]}}";
    CHECK(errorOf(text) == "/articles/a: paragraph count exceeds the limit of 10000");
}

TEST_CASE("shard: the same key twice is refused, the first in the text told") {
    CHECK(errorOf(kHeader + R"("articles": {"a": ["一"], "b": [], "a": ["二"]}})") == "/articles: duplicate key \"a\"");
    CHECK(errorOf(R"({"format": {"name": "article-reader-shard", "version": "1.1", "name": "x"}, "articles": {}})") ==
          "/format: duplicate key \"name\"");
    CHECK(errorOf(kHeader + R"("articles": {"a": [[{"text": "年", "ruby": "nián", "ruby": "nian"}]]}, "articles": {}})") ==
          "/articles/a/0/0: duplicate key \"ruby\"");
}

TEST_CASE("shard: size, nesting, string and count limits, as a bundle's") {
    const std::string shard = kHeader + R"("articles": {"a": ["一"], "b": ["二"], "c": []}})";
    CHECK(ShardLoader::load(shard).ok());
    LoadLimits small;
    small.maxBundleBytes = 100;
    CHECK(errorOf(shard, small) == "line 1, column 1: shard of " + std::to_string(shard.size()) +
                                       " bytes exceeds the limit of 100");
    LoadLimits few;
    few.maxArticles = 2;
    CHECK(errorOf(shard, few) == "/articles: article count exceeds the limit of 2");
    few.maxParagraphs = 0;
    CHECK(errorOf(shard, few) == "/articles/a: paragraph count exceeds the limit of 0");
    CHECK(errorOf(kHeader + R"("articles": {"a": [)" + std::string(70, '[') + std::string(70, ']') + "]}}") ==
          "line 1, column 144: nesting deeper than 64 levels");
    CHECK(errorOf(kHeader + R"("x": {")" + std::string(size_t{2} << 20, 'k') + R"(": 1}, "articles": {}})") ==
          "/x: key of 2097152 bytes exceeds the limit of 1048576");
    CHECK(errorOf("  \n") == "line 2, column 1: empty shard: expected a JSON object");
    CHECK(errorOf(kHeader + "\"articles\": {\"a\": [\"\xFF\"]}}") ==
          "line 1, column 84: invalid UTF-8 at byte offset 83");
}

// [SECTION] Split and read back

namespace {

// Runs `reader-tool ARGS` and requires exit status 0.
void runTool(const std::string& arguments) {
    const std::string command = std::string("\"") + READER_TOOL + "\" " + arguments + " > /dev/null";
    REQUIRE_MESSAGE(std::system(command.c_str()) == 0, command);
}

// index.json of a split bundle with every article's `shard` replaced by its body from that shard,
// loaded as a bundle. Also checks that each shard holds exactly the articles that point at it, that
// shards are filled newest first, and that no article is in two shards.
Bundle mergeSplit(const fs::path& folder, size_t shardArticles) {
    nlohmann::ordered_json index = nlohmann::ordered_json::parse(readText(folder / "index.json"));
    const std::string version = index["format"]["version"].get<std::string>();
    CHECK((version == "1.1" || version == "1.2"));  // at least 1.1; the sample's 1.2 stays as it is
    std::map<std::string, std::map<std::string, nlohmann::ordered_json>> shards;  // file -> id -> body, as written
    for (auto& article : index["articles"]) {
        REQUIRE_FALSE(article.contains("body"));
        const std::string file = article["shard"].get<std::string>();
        if (!shards.contains(file)) {
            const Result<std::vector<ShardArticle>> shard = ShardLoader::load(readText(folder / file));
            REQUIRE_MESSAGE(shard.ok(), file, ": ", shard.error().describe());
            CHECK(shard->size() <= shardArticles);
            const nlohmann::ordered_json written = nlohmann::ordered_json::parse(readText(folder / file));
            CHECK(written["format"]["version"] == version);
            for (const auto& entry : *shard) shards[file][entry.id] = written["articles"][entry.id];
        }
        const auto found = shards[file].find(article["id"].get<std::string>());
        REQUIRE(found != shards[file].end());
        article.erase("shard");
        article["body"] = found->second;
        shards[file].erase(found);  // taken: every article of a shard must be claimed exactly once
    }
    for (const auto& [file, left] : shards) CHECK_MESSAGE(left.empty(), file, " holds articles no one points at");
    const auto loaded = BundleLoader::load(index.dump());
    REQUIRE_MESSAGE(loaded.ok(), loaded.error().describe());
    return *loaded;
}

void checkSameModel(const Bundle& got, const Bundle& want) {
    CHECK(got.format.major == want.format.major);
    CHECK(got.site.name == want.site.name);
    CHECK(got.site.locale == want.site.locale);
    CHECK(got.site.visitorCount == want.site.visitorCount);
    CHECK(got.site.hotlines.size() == want.site.hotlines.size());
    REQUIRE(got.categories.size() == want.categories.size());
    for (size_t i = 0; i < got.categories.size(); ++i) {
        CHECK(got.categories[i].id == want.categories[i].id);
        CHECK(got.categories[i].name == want.categories[i].name);
        CHECK(got.categories[i].parentId == want.categories[i].parentId);
    }
    REQUIRE(got.articles.size() == want.articles.size());
    for (size_t i = 0; i < got.articles.size(); ++i) {
        const auto& a = got.articles[i];
        const auto& b = want.articles[i];
        CAPTURE(b.id);
        CHECK(a.id == b.id);
        CHECK(a.categoryId == b.categoryId);
        CHECK(a.title == b.title);
        CHECK(a.source == b.source);
        CHECK(a.published.epochSeconds == b.published.epochSeconds);
        CHECK(a.published.offsetMinutes == b.published.offsetMinutes);
        CHECK(a.published.hour == b.published.hour);
        CHECK(a.body == b.body);
    }
}

Bundle loadFile(const fs::path& path) {
    const auto loaded = BundleLoader::load(readText(path));
    REQUIRE_MESSAGE(loaded.ok(), loaded.error().describe());
    return *loaded;
}

// Under the working directory (CTest's build folder), so that builds side by side do not collide.
fs::path scratchFolder(const std::string& name) {
    const fs::path folder = fs::current_path() / ("shard_loader_test-" + name);
    fs::remove_all(folder);
    fs::create_directories(folder);
    return folder;
}

}  // namespace

TEST_CASE("shard: the split sample bundle loads to the same model as the sample") {
    const fs::path folder = scratchFolder("sample");
    const fs::path sample = fs::path(READER_SOURCE_DIR) / "data" / "sample-bundle.json";
    runTool("split \"" + sample.string() + "\" \"" + folder.string() + "\" --shard-articles 5");
    CHECK(fs::exists(folder / "shards" / "0003.json"));
    CHECK_FALSE(fs::exists(folder / "shards" / "0004.json"));
    // The newest five articles are in the first shard.
    const Result<std::vector<ShardArticle>> first = ShardLoader::load(readText(folder / "shards" / "0000.json"));
    REQUIRE(first.ok());
    REQUIRE(first->size() == 5);
    CHECK((*first)[0].id == "2026-01-16-2025-niandu-tousu-fenxi");
    checkSameModel(mergeSplit(folder, 5), loadFile(sample));
    fs::remove_all(folder);
}

TEST_CASE("shard: a split synthetic bundle loads to the same model as the bundle") {
    const fs::path folder = scratchFolder("synth");
    const fs::path bundle = folder / "synth.json";
    runTool("synth --articles 1000 --seed 11 --out \"" + bundle.string() + "\"");
    runTool("split \"" + bundle.string() + "\" \"" + (folder / "split").string() + "\" --shard-articles 37");
    CHECK(fs::exists(folder / "split" / "shards" / "0027.json"));  // 1000 / 37 -> 28 shards
    CHECK_FALSE(fs::exists(folder / "split" / "shards" / "0028.json"));
    checkSameModel(mergeSplit(folder / "split", 37), loadFile(bundle));
    fs::remove_all(folder);
}
