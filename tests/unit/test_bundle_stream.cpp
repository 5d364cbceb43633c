// BundleLoader::loadStreamed: the bundle pulled a chunk at a time is the bundle load() gives, and any
// bundle that does not load gives up, so that load() on the whole text tells the error.
#include "core/bundle_loader.h"
#include "core/json_reader.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>

using reader::core::Article;
using reader::core::Bundle;
using reader::core::BundleLoader;
using reader::core::JsonReader;
using reader::core::LoadLimits;
using reader::core::Result;

namespace {

namespace fs = std::filesystem;

std::string readFile(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE_MESSAGE(in.good(), "cannot open ", path.string());
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// `text` handed out at most `chunk` bytes a call, as the page hands a downloaded bundle over.
std::optional<Bundle> streamed(std::string_view text, size_t chunk, const LoadLimits& limits = LoadLimits()) {
    size_t offset = 0;
    return BundleLoader::loadStreamed(text.size(), [&](char* out, size_t room) {
        const size_t n = std::min({room, chunk, text.size() - offset});
        std::memcpy(out, text.data() + offset, n);
        offset += n;
        return n;
    }, limits);
}

void checkSameArticle(const Article& a, const Article& b) {
    CHECK(a.id == b.id);
    CHECK(a.categoryId == b.categoryId);
    CHECK(a.title == b.title);
    CHECK(a.published.epochSeconds == b.published.epochSeconds);
    CHECK(a.published.offsetMinutes == b.published.offsetMinutes);
    CHECK(a.source == b.source);
    CHECK(a.body == b.body);
    CHECK(a.blocks.size() == b.blocks.size());
    CHECK(a.marks.size() == b.marks.size());
    CHECK(a.shard == b.shard);
}

void checkSameBundle(const Bundle& a, const Bundle& b) {
    CHECK(a.format.major == b.format.major);
    CHECK(a.format.minor == b.format.minor);
    CHECK(a.site.name == b.site.name);
    CHECK(a.site.hotlines.size() == b.site.hotlines.size());
    REQUIRE(a.categories.size() == b.categories.size());
    for (size_t i = 0; i < a.categories.size(); ++i) CHECK(a.categories[i].id == b.categories[i].id);
    CHECK(a.categoryRows.size() == b.categoryRows.size());
    REQUIRE(a.articles.size() == b.articles.size());
    for (size_t i = 0; i < a.articles.size(); ++i) checkSameArticle(a.articles[i], b.articles[i]);
    CHECK(a.articleIndex.size() == b.articleIndex.size());
}

// A bundle of `articles` articles of `paragraphBytes`-byte paragraphs of Chinese text, an escape
// and a ruby run among them: larger than the stream's window when asked to be.
std::string generatedBundle(size_t articles, size_t paragraphBytes) {
    std::string paragraph;
    while (paragraph.size() < paragraphBytes) paragraph += "消費者權益保護\\u3000自(zì)治區 ";
    std::string text = R"({"format": {"name": "article-reader-bundle", "version": "1.2"},
  "site": {"name": "站", "locale": "zh-Hant"},
  "categories": [{"id": "c", "name": "類"}],
  "articles": [)";
    for (size_t i = 0; i < articles; ++i) {
        text += i ? ",\n" : "\n";
        text += R"({"id": "a)" + std::to_string(i) + R"(", "category": "c", "title": "題)" + std::to_string(i) +
                R"(", "published": "2024-01-02T03:04:05+08:00", "body": [")" + paragraph + R"(", [{"text": "強", "strong": true}, "尾"], ")" +
                paragraph + R"("]})";
    }
    return text + "]}";
}

}  // namespace

TEST_CASE("bundle stream: the sample bundle streamed in chunks of any size is the bundle load() gives") {
    const std::string text = readFile(fs::path(READER_SOURCE_DIR) / "data" / "sample-bundle.json");
    const Result<Bundle> whole = BundleLoader::load(text);
    REQUIRE(whole.ok());
    for (const size_t chunk : {size_t{1}, size_t{7}, size_t{4096}, text.size()}) {
        INFO("chunk of ", chunk);
        const std::optional<Bundle> bundle = streamed(text, chunk);
        REQUIRE(bundle.has_value());
        checkSameBundle(*bundle, *whole);
    }
}

TEST_CASE("bundle stream: a bundle larger than the window is read across refills, tokens cut by none") {
    const std::string text = generatedBundle(4000, 2000);  // about 17 MB
    REQUIRE(text.size() > 3 * JsonReader::kStreamWindow / 2);
    const Result<Bundle> whole = BundleLoader::load(text);
    REQUIRE(whole.ok());
    const std::optional<Bundle> bundle = streamed(text, 65536);
    REQUIRE(bundle.has_value());
    checkSameBundle(*bundle, *whole);
    CHECK(bundle->articles[3999].body[0].find("\xE3\x80\x80") != std::string::npos);  // \u3000 decoded
}

TEST_CASE("bundle stream: every bad bundle gives up, so that load() tells its error") {
    size_t bundles = 0;
    for (const fs::directory_entry& entry : fs::directory_iterator(fs::path(READER_SOURCE_DIR) / "tests" / "bad-bundles")) {
        if (entry.path().extension() != ".json") continue;
        ++bundles;
        INFO(entry.path().filename().string());
        const std::string text = readFile(entry.path());
        REQUIRE_FALSE(BundleLoader::load(text).ok());
        CHECK_FALSE(streamed(text, 4096).has_value());
    }
    CHECK(bundles >= 20);
}

TEST_CASE("bundle stream: a string the window cannot hold gives up, and load() reads it") {
    LoadLimits limits;
    limits.maxStringBytes = size_t{16} << 20;
    limits.maxArticleTextBytes = size_t{32} << 20;
    std::string text = generatedBundle(1, 10);
    const std::string paragraph(JsonReader::kStreamWindow + 10, 'x');
    text.insert(text.find("\"body\": [") + 9, "\"" + paragraph + "\", ");
    CHECK(BundleLoader::load(text, limits).ok());
    CHECK_FALSE(streamed(text, 65536, limits).has_value());
}
