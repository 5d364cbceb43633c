// Article bodies of format 1.2 (core/body_reader.cpp), read by both loaders: blocks, their texts in
// reading order, links and strong runs, every error by JSON Pointer and word for word, the limits.
#include "core/bundle_loader.h"
#include "core/ruby_parser.h"
#include "core/shard_loader.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using reader::core::Article;
using reader::core::Block;
using reader::core::BlockKind;
using reader::core::BundleLoader;
using reader::core::Bundle;
using reader::core::LoadLimits;
using reader::core::Result;
using reader::core::ShardArticle;
using reader::core::ShardLoader;

namespace {

std::string bundleWithBody(const std::string& body) {
    return R"({"format": {"name": "article-reader-bundle", "version": "1.2"}, "site": {"name": "消協", "locale": "zh-Hant"},
        "categories": [{"id": "news", "name": "消協動态"}],
        "articles": [{"id": "a1", "category": "news", "title": "標題", "published": "2023-08-17T22:10:37+08:00", "body": )" +
           body + "}]}";
}

Result<Bundle> loadBody(const std::string& body, const LoadLimits& limits = LoadLimits()) {
    return BundleLoader::load(bundleWithBody(body), limits);
}

std::string errorOf(const std::string& body, const LoadLimits& limits = LoadLimits()) {
    const Result<Bundle> result = loadBody(body, limits);
    REQUIRE_FALSE(result.ok());
    return result.error().describe();
}

const char* const kEveryBlock = R"([
    "第一段",
    {"type": "heading", "level": 2, "text": ["小", {"text": "標", "ruby": "biāo"}, "題"]},
    {"type": "figure", "src": "images/chart.png", "width": 800, "height": 600, "alt": "柱狀圖", "caption": "圖一", "credit": "攝影 王明"},
    {"type": "list", "ordered": true, "items": ["一", ["二", {"text": "三", "strong": true}]]},
    {"rows": [["食品", "120"], ["家電", "80"]], "header": ["類別", "件數"], "caption": "投訴", "type": "table"},
    {"type": "quote", "text": "引文"},
    {"type": "attachment", "href": "https://example.org/a.pdf", "name": "通知.pdf", "mime": "application/pdf", "bytes": 24576},
    {"type": "video", "href": "https://example.org/v", "poster": "images/v.jpg", "title": "影片"},
    ["見", {"text": "網站", "href": "HTTPS://example.org/"}, "。"]
])";

}  // namespace

TEST_CASE("body: a 1.2 body holds every block, each text in reading order whatever the order of the fields") {
    const Result<Bundle> result = loadBody(kEveryBlock);
    REQUIRE(result.ok());
    const Article& article = result->articles[0];
    std::string heading = "小";
    reader::core::appendStructuredRuby(heading, "標", "biāo");
    heading += "題";
    CHECK(article.body == std::vector<std::string>{"第一段", heading, "圖一", "攝影 王明", "一", "二三", "投訴", "類別", "件數", "食品",
                                                   "120", "家電", "80", "引文", "通知.pdf", "影片", "見網站。"});
    REQUIRE(article.blocks.size() == 9);
    const std::vector<Block>& b = article.blocks;
    CHECK(b[0].kind == BlockKind::paragraph);
    CHECK((b[1].kind == BlockKind::heading && b[1].level == 2 && b[1].firstText == 1 && b[1].textCount == 1));
    CHECK((b[2].kind == BlockKind::figure && b[2].src == "images/chart.png" && b[2].width == 800 && b[2].height == 600));
    CHECK((b[2].alt == "柱狀圖" && b[2].hasCaption && b[2].hasCredit && b[2].textCount == 2));
    CHECK((b[3].kind == BlockKind::list && b[3].ordered && b[3].firstText == 4 && b[3].textCount == 2));
    CHECK((b[4].kind == BlockKind::table && b[4].columns == 2 && b[4].hasCaption && b[4].firstText == 6 && b[4].textCount == 7));
    CHECK((b[5].kind == BlockKind::quote && b[5].firstText == 13));
    CHECK((b[6].kind == BlockKind::attachment && b[6].mime == "application/pdf" && b[6].bytes == 24576));
    CHECK(b[6].href == "https://example.org/a.pdf");
    CHECK((b[7].kind == BlockKind::video && b[7].poster == "images/v.jpg" && b[7].firstText == 15));
    CHECK((b[8].kind == BlockKind::paragraph && b[8].firstText == 16));
    REQUIRE(article.marks.size() == 2);
    CHECK((article.marks[0].text == 5 && article.marks[0].begin == 3 && article.marks[0].end == 6 && article.marks[0].strong));
    CHECK(article.marks[0].href.empty());
    // The link's scheme is written lowercase, as the link policy opens it.
    CHECK((article.marks[1].text == 16 && article.marks[1].begin == 3 && article.marks[1].end == 9));
    CHECK(article.marks[1].href == "https://example.org/");
    CHECK(reader::core::bodyBlocks(article).size() == 9);
}

TEST_CASE("body: a 1.0 body has no blocks and no marks; bodyBlocks() gives one paragraph per text") {
    const Result<Bundle> result = loadBody(R"(["一", ["二", {"text": "年", "ruby": "nián"}]])");
    REQUIRE(result.ok());
    const Article& article = result->articles[0];
    CHECK(article.blocks.empty());
    CHECK(article.marks.empty());
    const std::vector<Block> blocks = reader::core::bodyBlocks(article);
    REQUIRE(blocks.size() == 2);
    CHECK((blocks[1].kind == BlockKind::paragraph && blocks[1].firstText == 1 && blocks[1].textCount == 1));
    std::vector<std::string> texts;
    reader::core::forEachArticleText(article, [&](const std::string& text, size_t field) {
        CHECK(field == texts.size());
        texts.push_back(text);
    });
    CHECK(texts.size() == 3);
    CHECK(texts[0] == "標題");
}

TEST_CASE("body: block errors say where and what") {
    CHECK(errorOf(R"([{"level": 2}])") == "/articles/0/body/0: missing required field \"type\"");
    CHECK(errorOf(R"([{"type": "aside"}])") ==
          "/articles/0/body/0/type: expected a block type (heading, figure, list, table, quote, attachment, video), got \"aside\"");
    CHECK(errorOf(R"([{"type": "heading", "level": 5, "text": "x"}])") == "/articles/0/body/0/level: expected an integer from 2 to 4, got 5");
    CHECK(errorOf(R"([{"type": "heading", "text": "x"}])") == "/articles/0/body/0: missing required field \"level\"");
    CHECK(errorOf(R"([{"type": "heading", "level": 2, "text": "a\nb"}])") ==
          "/articles/0/body/0/text: control character U+000A at character 2");
    CHECK(errorOf(R"([{"type": "list", "items": []}])") == "/articles/0/body/0/items: expected at least one item, got none");
    CHECK(errorOf(R"([{"type": "list", "ordered": "yes", "items": ["a"]}])") ==
          "/articles/0/body/0/ordered: expected true or false, got string");
    CHECK(errorOf(R"([{"type": "table", "header": ["a", "b"], "rows": [["1", "2"], ["3"]]}])") ==
          "/articles/0/body/0/rows/1: expected 2 cells as the header has, got 1");
    CHECK(errorOf(R"([{"type": "table", "header": ["a"]}])") == "/articles/0/body/0: missing required field \"rows\"");
    CHECK(errorOf(R"([{"type": "attachment", "href": "a.pdf", "name": "a", "mime": "pdf", "bytes": 1}])") ==
          "/articles/0/body/0/mime: expected a media type such as \"application/pdf\", got \"pdf\"");
    CHECK(errorOf(R"([{"type": "attachment", "href": "a.pdf", "name": "a", "mime": "application/pdf", "bytes": -1}])") ==
          "/articles/0/body/0/bytes: expected a non-negative integer, got -1");
    CHECK(errorOf(R"([{"type": "attachment", "href": "javascript:void 0", "name": "a", "mime": "application/pdf", "bytes": 1}])") ==
          "/articles/0/body/0/href: expected a relative path inside the bundle's folder or a link with scheme https, http, mailto "
          "or tel, got \"javascript:void 0\"");
    CHECK(errorOf(R"([{"type": "video", "href": "https://x.example/v"}])") == "/articles/0/body/0: missing required field \"title\"");
    CHECK(errorOf(R"([["a", {"text": "b", "href": "javascript:void 0"}]])") ==
          "/articles/0/body/0/1/href: expected a link with scheme https, http, mailto or tel, got \"javascript:void 0\"");
    CHECK(errorOf(R"([[{"text": "b", "strong": 1}]])") == "/articles/0/body/0/0/strong: expected true or false, got number");
}

TEST_CASE("body: a figure's src and size are held to the rules of bad input") {
    const auto figure = [](const std::string& src, const std::string& width) {
        return R"([{"type": "figure", "src": )" + src + R"(, "width": )" + width + R"(, "height": 10, "alt": ""}])";
    };
    CHECK(loadBody(figure(R"("https://example.org/a.png")", "20000")).ok());
    // What reader-tool standalone writes: base64 data: URIs of the four image types browsers decode.
    for (const char* src : {R"("data:image/png;base64,iVBORw0KGgo=")", R"("data:image/jpeg;base64,/9j/4A==")",
                            R"("data:image/webp;base64,UklGRg==")", R"("data:image/gif;base64,R0lGODlh")"}) {
        CAPTURE(src);
        CHECK(loadBody(figure(src, "1")).ok());
    }
    for (const char* src : {R"("javascript:void 0")", R"("data:image/svg+xml,<svg/>")", R"("../a.png")", R"("/etc/a.png")",
                            R"("http://example.org/a.png")", R"("ftp://example.org/a.png")", R"("https://example.org/a b.png")",
                            R"("data:text/html;base64,PHNjcmlwdD4=")", R"("data:image/svg+xml;base64,PHN2Zy8+")",
                            R"("data:image/png,raw")", R"("data:image/png;base64,iVBO<w0K")", R"("data:image/png;base64,iVBORw0KGgo")",
                            R"("data:image/png;base64,")", R"("DATA:image/png;base64,iVBORw0KGgo=")"}) {
        CAPTURE(src);
        CHECK(errorOf(figure(src, "1")) ==
              std::string("/articles/0/body/0/src: expected a relative path inside the bundle's folder, an https: URL or a base64 data: URI of a PNG, JPEG, WebP or GIF image, got ") + src);
    }
    CHECK(errorOf(figure(R"("a.png")", "0")) == "/articles/0/body/0/width: expected an integer from 1 to 20000, got 0");
    CHECK(errorOf(figure(R"("a.png")", "-3")) == "/articles/0/body/0/width: expected an integer from 1 to 20000, got -3");
    CHECK(errorOf(figure(R"("a.png")", "20001")) == "/articles/0/body/0/width: expected an integer from 1 to 20000, got 20001");
    CHECK(errorOf(figure(R"("a.png")", "1.5")) == "/articles/0/body/0/width: expected an integer from 1 to 20000, got 1.5");
}

TEST_CASE("body: every new count has its limit") {
    LoadLimits limits;
    limits.maxListItems = 2;
    CHECK(errorOf(R"([{"type": "list", "items": ["a", "b", "c"]}])", limits) == "/articles/0/body/0/items: item count exceeds the limit of 2");
    limits = LoadLimits();
    limits.maxTableColumns = 1;
    CHECK(errorOf(R"([{"type": "table", "header": ["a", "b"], "rows": []}])", limits) ==
          "/articles/0/body/0/header: cell count exceeds the limit of 1");
    limits = LoadLimits();
    limits.maxTableRows = 1;
    CHECK(errorOf(R"([{"type": "table", "header": ["a"], "rows": [["1"], ["2"]]}])", limits) ==
          "/articles/0/body/0/rows: row count exceeds the limit of 1");
    limits = LoadLimits();
    limits.maxArticleTexts = 3;
    CHECK(errorOf(R"(["a", {"type": "list", "items": ["b", "c", "d"]}])", limits) == "/articles/0/body/1: text count exceeds the limit of 3");
    CHECK(errorOf(R"([{"type": "list", "items": ["b", "c", "d"]}, "e"])", limits) == "/articles/0/body/1: text count exceeds the limit of 3");
    limits = LoadLimits();
    limits.maxInlineMarks = 1;
    CHECK(errorOf(R"([[{"text": "a", "strong": true}, {"text": "b", "strong": true}]])", limits) ==
          "/articles/0/body/0: link and strong run count exceeds the limit of 1");
}

// The two limits that bound memory whatever the texts' shapes (data/README.md, "Memory"): an
// article's text bytes (what opening it lays out) and the file's text count (each text costs its
// string, its place in the index and its block beyond its bytes).
TEST_CASE("body: the bytes of one article and the texts of one file have their limits") {
    LoadLimits limits;
    limits.maxArticleTextBytes = 10;
    CHECK(loadBody(R"(["12345", "67890"])", limits).ok());
    CHECK(errorOf(R"(["12345", "67890", "1"])", limits) == "/articles/0/body/2: body text of 11 bytes exceeds the limit of 10");
    CHECK(errorOf(R"(["1", {"type": "list", "items": ["12345", "67890"]}])", limits) ==
          "/articles/0/body/1: body text of 11 bytes exceeds the limit of 10");

    limits = LoadLimits();
    limits.maxBundleTexts = 4;
    const std::string two = R"(["a", {"type": "quote", "text": "b"}])";
    const std::string article = R"({"id": "ID", "category": "news", "title": "標題", "published": "2023-08-17T22:10:37+08:00", "body": BODY})";
    const auto bundleOf = [&](std::initializer_list<std::pair<const char*, std::string>> articles) {
        std::string list;
        for (const auto& [id, body] : articles) {
            std::string one = article;
            one.replace(one.find("ID"), 2, id);
            one.replace(one.find("BODY"), 4, body);
            list += (list.empty() ? "" : ",") + one;
        }
        return R"({"format": {"name": "article-reader-bundle", "version": "1.2"}, "site": {"name": "消協", "locale": "zh-Hant"},
            "categories": [{"id": "news", "name": "消協動态"}], "articles": [)" + list + "]}";
    };
    CHECK(BundleLoader::load(bundleOf({{"a1", two}, {"a2", two}}), limits).ok());
    const Result<Bundle> over = BundleLoader::load(bundleOf({{"a1", two}, {"a2", two}, {"a3", R"(["c"])"}}), limits);
    REQUIRE_FALSE(over.ok());
    CHECK(over.error().describe() == "/articles/2/body/0: text count of the file exceeds the limit of 4");

    // Shards hold the same limits; each shard is a file of its own.
    limits.maxArticleTextBytes = 3;
    const Result<std::vector<ShardArticle>> shard = ShardLoader::load(
        R"({"format": {"name": "article-reader-shard", "version": "1.2"}, "articles": {"a1": ["ab", "cd"]}})", limits);
    REQUIRE_FALSE(shard.ok());
    CHECK(shard.error().describe() == "/articles/a1/1: body text of 4 bytes exceeds the limit of 3");
}

TEST_CASE("body: a shard's bodies hold blocks as a bundle's do") {
    const Result<std::vector<ShardArticle>> loaded = ShardLoader::load(
        R"({"format": {"name": "article-reader-shard", "version": "1.2"}, "articles": {"a1": [
            {"type": "heading", "level": 3, "text": "小標題"}, ["見", {"text": "網站", "href": "https://example.org/"}]]}})");
    REQUIRE(loaded.ok());
    REQUIRE(loaded->size() == 1);
    const ShardArticle& article = (*loaded)[0];
    CHECK(article.body == std::vector<std::string>{"小標題", "見網站"});
    REQUIRE(article.blocks.size() == 2);
    CHECK((article.blocks[0].kind == BlockKind::heading && article.blocks[0].level == 3));
    REQUIRE(article.marks.size() == 1);
    CHECK(article.marks[0].text == 1);
    const Result<std::vector<ShardArticle>> bad = ShardLoader::load(
        R"({"format": {"name": "article-reader-shard", "version": "1.2"}, "articles": {"a1": [{"type": "quote"}]}})");
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().describe() == "/articles/a1/0: missing required field \"text\"");
}
