// BundleLoader: one test case per class of error, each message asserted word for word, since the
// messages are what a bundle's author reads.
#include "core/bundle_loader.h"
#include "core/ruby_parser.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

using reader::core::BundleLoader;
using reader::core::Bundle;
using reader::core::Error;
using reader::core::LoadLimits;
using reader::core::Result;

namespace {

using Fields = std::vector<std::pair<std::string, std::string>>;

// A JSON object from `defaults`, each value replaced by the one in `changes` with the same key;
// a change to "" leaves the field out, a change to a new key adds it.
std::string object(Fields defaults, const Fields& changes) {
    for (const auto& [key, value] : changes) {
        bool found = false;
        for (auto& field : defaults) {
            if (field.first == key) {
                field.second = value;
                found = true;
            }
        }
        if (!found) defaults.emplace_back(key, value);
    }
    std::string out = "{";
    for (const auto& [key, value] : defaults) {
        if (value.empty()) continue;
        if (out.size() > 1) out += ", ";
        out += "\"" + key + "\": " + value;
    }
    return out + "}";
}

std::string article(const Fields& changes = {}) {
    return object({{"id", R"("a1")"},
                   {"category", R"("news")"},
                   {"title", R"("標題")"},
                   {"published", R"("2023-08-17T22:10:37+08:00")"},
                   {"source", R"("來源")"},
                   {"body", R"(["第一段", "第二段"])"}},
                  changes);
}

std::string category(const Fields& changes = {}) {
    return object({{"id", R"("news")"}, {"name", R"("消協動态")"}}, changes);
}

// A valid bundle, one part of which a test replaces.
struct BundleText {
    std::string format = R"({"name": "article-reader-bundle", "version": "1.0"})";
    std::string site = R"({"name": "消協", "locale": "zh-Hant"})";
    std::string categories = "[" + category() + "]";
    std::string articles = "[" + article() + "]";

    std::string str() const {
        return "{\"format\": " + format + ", \"site\": " + site + ", \"categories\": " + categories +
               ", \"articles\": " + articles + "}";
    }
};

Error errorOf(std::string_view text) {
    const Result<Bundle> result = BundleLoader::load(text);
    REQUIRE_FALSE(result.ok());
    return result.error();
}

// The error of a bundle that parses, so is told by pointer alone.
std::string schemaError(const BundleText& text) {
    const Error error = errorOf(text.str());
    CHECK(error.line == 0);
    CHECK(error.column == 0);
    return error.describe();
}

std::string withArticle(const Fields& changes) {
    BundleText text;
    text.articles = "[" + article(changes) + "]";
    return schemaError(text);
}

std::string withSite(const std::string& site) {
    BundleText text;
    text.site = site;
    return schemaError(text);
}

}  // namespace

TEST_CASE("bundle: a valid bundle loads with its indices") {
    BundleText text;
    text.site = R"({"name": "消協", "locale": "zh-Hant", "copyrightHolder": "中心", "address": "呼和浩特",
        "visitorCount": 2125453021, "hotlines": [{"label": "投訴電話", "number": "0471-6920007"}]})";
    text.categories = "[" + category() + ", " + category({{"id", R"("tips")"}, {"parent", R"("news")"}}) + "]";
    const std::string second = article({{"id", R"("a2")"}, {"category", R"("tips")"}, {"source", ""}, {"body", "[]"}});
    text.articles = "[" + article() + ", " + second + "]";
    const Result<Bundle> result = BundleLoader::load(text.str());
    REQUIRE(result.ok());
    const auto& bundle = *result;
    CHECK(bundle.format.name == "article-reader-bundle");
    CHECK(bundle.format.major == 1);
    CHECK(bundle.format.minor == 0);
    CHECK(bundle.site.name == "消協");
    CHECK(bundle.site.locale == "zh-Hant");
    CHECK(bundle.site.copyrightHolder == "中心");
    CHECK(bundle.site.address == "呼和浩特");
    CHECK(bundle.site.visitorCount == 2125453021u);
    REQUIRE(bundle.site.hotlines.size() == 1);
    CHECK(bundle.site.hotlines[0].label == "投訴電話");
    CHECK(bundle.site.hotlines[0].number == "0471-6920007");
    REQUIRE(bundle.categories.size() == 2);
    CHECK(bundle.categories[0].parentId.empty());
    CHECK(bundle.findCategory("tips")->parentId == "news");
    REQUIRE(bundle.articles.size() == 2);
    const auto* first = bundle.findArticle("a1");
    REQUIRE(first != nullptr);
    CHECK(first->categoryId == "news");
    CHECK(first->title == "標題");
    CHECK(first->source == "來源");
    CHECK(first->body == std::vector<std::string>{"第一段", "第二段"});
    CHECK(bundle.findArticle("a2")->body.empty());
    CHECK(bundle.findArticle("a2")->source.empty());
    CHECK(bundle.findArticle("a3") == nullptr);
}

TEST_CASE("bundle: optional fields may be left out, unknown fields are ignored") {
    BundleText text;
    text.format = R"({"name": "article-reader-bundle", "version": "1.7", "generator": "x"})";
    text.site = R"({"name": "消協", "locale": "zh", "theme": {"dark": true}})";
    text.articles = "[" + article({{"source", ""}, {"tags", R"(["a", 1])"}}) + "]";
    const Result<Bundle> result = BundleLoader::load(text.str());
    REQUIRE(result.ok());
    CHECK(result->format.minor == 7);
    CHECK_FALSE(result->site.visitorCount.has_value());
    CHECK(result->site.hotlines.empty());
    CHECK(result->articles[0].source.empty());
}

TEST_CASE("bundle: empty text is refused") {
    CHECK(errorOf("").describe() == "line 1, column 1: empty bundle: expected a JSON object");
    CHECK(errorOf(" \n  ").describe() == "line 2, column 3: empty bundle: expected a JSON object");
}

TEST_CASE("bundle: invalid UTF-8 is refused before parsing, at its line and column") {
    const Error error = errorOf("{\n  \"site\": \"中\xFF\"}");
    CHECK(error.message == "invalid UTF-8 at byte offset 16");
    CHECK(error.line == 2);
    CHECK(error.column == 13);
    CHECK(errorOf("\xE4\xB8").describe() == "line 1, column 1: invalid UTF-8 at byte offset 0");
    CHECK(errorOf("[\"\xED\xA0\x80\"]").describe() == "line 1, column 3: invalid UTF-8 at byte offset 2");
    // Broken bytes are told before a syntax error that comes earlier in the text.
    CHECK(errorOf("{,\xC0\xAF}").describe() == "line 1, column 3: invalid UTF-8 at byte offset 2");
    // In a bundle that is otherwise valid.
    BundleText text;
    text.site = "{\"name\": \"\xE6\xB6\", \"locale\": \"zh\"}";
    const size_t offset = text.str().find("\xE6\xB6");
    CHECK(errorOf(text.str()).message == "invalid UTF-8 at byte offset " + std::to_string(offset));
}

TEST_CASE("bundle: a syntax error is told at its line and column, counted in characters") {
    const Error error = errorOf("{\n  \"site\": {\"name\": \"消協\",}\n}");
    CHECK(error.pointer.empty());
    CHECK(error.line == 2);
    CHECK(error.column == 25);
    CHECK(error.message == "syntax error while parsing object key - unexpected '}'; expected string literal");

    CHECK(errorOf("{\"a\": tru}").describe() ==
          "line 1, column 10: syntax error while parsing value - invalid literal");
    CHECK(errorOf("[1, 2").describe() ==
          "line 1, column 6: syntax error while parsing array - unexpected end of input; expected ']'");
    CHECK(errorOf("{\"a\" 1}").describe() ==
          "line 1, column 6: syntax error while parsing object separator - unexpected number literal; expected ':'");
    CHECK(errorOf("{}\n{}").describe() ==
          "line 2, column 1: syntax error while parsing value - unexpected '{'; expected end of input");
    CHECK(errorOf("[\"a\nb\"]").describe() ==
          "line 1, column 4: syntax error while parsing value - invalid string: control character U+000A (LF) "
          "must be escaped to \\u000A or \\n");
    CHECK(errorOf("\"abc").describe() ==
          "line 1, column 5: syntax error while parsing value - invalid string: missing closing quote");
}

TEST_CASE("bundle: a byte order mark is no column") {
    CHECK(errorOf("\xEF\xBB\xBF{,}").describe() ==
          "line 1, column 2: syntax error while parsing object key - unexpected ','; expected string literal");
}

TEST_CASE("bundle: the top level must be an object") {
    const Error error = errorOf("[]");
    CHECK(error.pointer.empty());
    CHECK(error.describe() == "expected a JSON object at the top level, got array");
}

TEST_CASE("bundle: a missing required field is named at its object") {
    CHECK(errorOf("{}").describe() == "missing required field \"format\"");
    CHECK(withArticle({{"title", ""}}) == "/articles/0: missing required field \"title\"");
    CHECK(withArticle({{"body", ""}}) == "/articles/0: missing required field \"body\"");
    CHECK(withSite(R"({"name": "消協"})") == "/site: missing required field \"locale\"");
    BundleText text;
    text.categories = "[" + category({{"name", ""}}) + "]";
    CHECK(schemaError(text) == "/categories/0: missing required field \"name\"");
}

TEST_CASE("bundle: a value of the wrong type is named with the type it has") {
    CHECK(withSite(R"({"name": 5, "locale": "zh"})") == "/site/name: expected a string, got number");
    CHECK(withSite(R"({"name": 5.5, "locale": "zh"})") == "/site/name: expected a string, got number");
    CHECK(withSite(R"({"name": true, "locale": "zh"})") == "/site/name: expected a string, got boolean");
    CHECK(withSite(R"({"name": null, "locale": "zh"})") == "/site/name: expected a string, got null");
    CHECK(withSite(R"(["消協"])") == "/site: expected an object, got array");
    CHECK(withSite(R"({"name": "消協", "locale": "zh", "hotlines": {}})") ==
          "/site/hotlines: expected an array, got object");
    CHECK(withSite(R"({"name": "消協", "locale": "zh", "hotlines": ["12315"]})") ==
          "/site/hotlines/0: expected an object, got string");
    CHECK(withArticle({{"body", R"(["段", null])"}}) == "/articles/0/body/1: expected a string or an array of runs, got null");
    CHECK(withArticle({{"source", "[]"}}) == "/articles/0/source: expected a string, got array");
    BundleText text;
    text.articles = R"({"a1": {}})";
    CHECK(schemaError(text) == "/articles: expected an array, got object");
}

TEST_CASE("bundle: the format must be named article-reader-bundle") {
    BundleText text;
    text.format = R"({"name": "foo", "version": "1.0"})";
    CHECK(schemaError(text) == "/format/name: expected \"article-reader-bundle\", got \"foo\"");
}

TEST_CASE("bundle: the format version must be MAJOR.MINOR with major 1") {
    BundleText text;
    const auto withVersion = [&](const std::string& version) {
        text.format = R"({"name": "article-reader-bundle", "version": ")" + version + "\"}";
        return schemaError(text);
    };
    CHECK(withVersion("x") == "/format/version: expected \"MAJOR.MINOR\" such as \"1.0\", got \"x\"");
    CHECK(withVersion("1") == "/format/version: expected \"MAJOR.MINOR\" such as \"1.0\", got \"1\"");
    CHECK(withVersion("1.0.1") == "/format/version: expected \"MAJOR.MINOR\" such as \"1.0\", got \"1.0.1\"");
    CHECK(withVersion("+1.0") == "/format/version: expected \"MAJOR.MINOR\" such as \"1.0\", got \"+1.0\"");
    CHECK(withVersion("2.0") == "/format/version: this bundle is format version 2.0, newer than this reader "
                                "supports (1.x); update the reader");
    CHECK(withVersion("0.9") == "/format/version: expected major version 1, got \"0.9\"");
}

TEST_CASE("bundle: the format is checked before the rest, so a newer bundle is told so") {
    const Error error = errorOf(R"({"format": {"name": "article-reader-bundle", "version": "2.1"}, "site": []})");
    CHECK(error.pointer == "/format/version");
}

TEST_CASE("bundle: the site locale must look like a BCP 47 tag") {
    for (const char* good : {"zh", "zh-Hant", "yue-HK", "zh-Hant-TW", "en-x-private1"}) {
        BundleText text;
        text.site = std::string(R"({"name": "消協", "locale": ")") + good + "\"}";
        CHECK_MESSAGE(BundleLoader::load(text.str()).ok(), good);
    }
    CHECK(withSite(R"({"name": "消協", "locale": "zh_TW"})") ==
          "/site/locale: expected a BCP 47 language tag such as \"zh-Hant\", got \"zh_TW\"");
    CHECK(withSite(R"({"name": "消協", "locale": "Chinese"})") ==
          "/site/locale: expected a BCP 47 language tag such as \"zh-Hant\", got \"Chinese\"");
    CHECK(withSite(R"({"name": "消協", "locale": ""})") ==
          "/site/locale: expected a BCP 47 language tag such as \"zh-Hant\", got \"\"");
    CHECK(withSite(R"({"name": "消協", "locale": "zh-"})") ==
          "/site/locale: expected a BCP 47 language tag such as \"zh-Hant\", got \"zh-\"");
}

TEST_CASE("bundle: the visitor count must be a non-negative integer") {
    const auto withCount = [](const std::string& count) {
        return withSite(R"({"name": "消協", "locale": "zh", "visitorCount": )" + count + "}");
    };
    CHECK(withCount("-5") == "/site/visitorCount: expected a non-negative integer, got -5");
    CHECK(withCount("1.5") == "/site/visitorCount: expected a non-negative integer, got 1.5");
    CHECK(withCount("18446744073709551616") ==
          "/site/visitorCount: expected a non-negative integer, got 1.8446744073709552e+19");
    CHECK(withCount("\"12\"") == "/site/visitorCount: expected a non-negative integer, got string");
    BundleText text;
    text.site = R"({"name": "消協", "locale": "zh", "visitorCount": 18446744073709551615})";
    CHECK(BundleLoader::load(text.str())->site.visitorCount == 18446744073709551615u);
    text.site = R"({"name": "消協", "locale": "zh", "visitorCount": -0})";
    CHECK(BundleLoader::load(text.str())->site.visitorCount == 0u);
}

TEST_CASE("bundle: a hotline number is digits, spaces and + - ( )") {
    const auto withHotline = [](const std::string& hotline) {
        return withSite(R"({"name": "消協", "locale": "zh", "hotlines": [)" + hotline + "]}");
    };
    BundleText text;
    text.site = R"({"name": "消協", "locale": "zh", "hotlines": [{"label": "", "number": "+86 (471) 692-0007"}]})";
    CHECK(BundleLoader::load(text.str()).ok());
    CHECK(withHotline(R"({"label": "投訴", "number": "call us"})") ==
          "/site/hotlines/0/number: expected a phone number of digits, spaces and + - ( ), got \"call us\"");
    CHECK(withHotline(R"({"label": "投訴", "number": ""})") ==
          "/site/hotlines/0/number: expected a phone number of digits, spaces and + - ( ), got \"\"");
    CHECK(withHotline(R"x({"label": "投訴", "number": "( )"})x") ==
          "/site/hotlines/0/number: expected a phone number of digits, spaces and + - ( ), got \"( )\"");
    CHECK(withHotline(R"({"number": "12315"})") == "/site/hotlines/0: missing required field \"label\"");
}

TEST_CASE("bundle: names and titles must not be empty") {
    CHECK(withSite(R"({"name": "", "locale": "zh"})") == "/site/name: expected a non-empty string, got \"\"");
    CHECK(withArticle({{"title", R"("")"}}) == "/articles/0/title: expected a non-empty string, got \"\"");
    BundleText text;
    text.categories = "[" + category({{"name", R"("")"}}) + "]";
    CHECK(schemaError(text) == "/categories/0/name: expected a non-empty string, got \"\"");
}

TEST_CASE("bundle: ids are 1-128 characters from A-Z a-z 0-9 . _ -") {
    BundleText text;
    text.categories = "[" + category() + ", " + category({{"id", R"("ok")"}}) + ", " +
                      category({{"id", R"("a b")"}}) + "]";
    CHECK(schemaError(text) ==
          "/categories/2/id: expected an id of 1-128 characters from A-Z a-z 0-9 . _ -, got \"a b\"");
    CHECK(withArticle({{"id", R"("")"}}) ==
          "/articles/0/id: expected an id of 1-128 characters from A-Z a-z 0-9 . _ -, got \"\"");
    CHECK(withArticle({{"id", R"("新聞")"}}) ==
          "/articles/0/id: expected an id of 1-128 characters from A-Z a-z 0-9 . _ -, got \"新聞\"");
    CHECK(withArticle({{"id", "\"" + std::string(129, 'a') + "\""}}) ==
          "/articles/0/id: expected an id of 1-128 characters from A-Z a-z 0-9 . _ -, got \"" +
              std::string(40, 'a') + "…\"");
    text = BundleText();
    text.articles = "[" + article({{"id", "\"" + std::string(128, 'a') + "\""}}) + "]";
    CHECK(BundleLoader::load(text.str()).ok());
    text.articles = "[" + article({{"id", R"("2023-08-17.a_B")"}}) + "]";
    CHECK(BundleLoader::load(text.str()).ok());
}

TEST_CASE("bundle: ids are unique, and the first use is named") {
    BundleText text;
    text.categories = "[" + category({{"id", R"("x")"}}) + ", " + category({{"id", R"("y")"}}) + ", " +
                      category({{"id", R"("z")"}}) + ", " + category({{"id", R"("x")"}}) + "]";
    CHECK(schemaError(text) == "/categories/3/id: duplicate category id \"x\" (first at /categories/0)");

    text = BundleText();
    std::string articles = "[";
    for (const char* id : {"a", "x", "b", "c", "d", "x"})
        articles += article({{"id", "\"" + std::string(id) + "\""}}) + ",";
    text.articles = articles.substr(0, articles.size() - 1) + "]";
    CHECK(schemaError(text) == "/articles/5/id: duplicate article id \"x\" (first at /articles/1)");
}

TEST_CASE("bundle: a category reference must name a category") {
    CHECK(withArticle({{"category", R"("nope")"}}) == "/articles/0/category: no category has id \"nope\"");
    BundleText text;
    text.categories = "[" + category() + ", " + category({{"id", R"("b")"}}) + ", " +
                      category({{"id", R"("c")"}, {"parent", R"("nope")"}}) + "]";
    CHECK(schemaError(text) == "/categories/2/parent: no category has id \"nope\"");
    text.categories = "[" + category({{"parent", R"("")"}}) + "]";
    CHECK(schemaError(text) == "/categories/0/parent: no category has id \"\"");
    text.categories = "[" + category({{"parent", "null"}}) + "]";
    CHECK(schemaError(text) == "/categories/0/parent: expected a string, got null");
}

TEST_CASE("bundle: a parent may come later, but no category is its own ancestor") {
    BundleText text;
    text.categories = "[" + category({{"parent", R"("top")"}}) + ", " + category({{"id", R"("top")"}}) + "]";
    CHECK(BundleLoader::load(text.str()).ok());

    text.categories = "[" + category({{"id", R"("a")"}, {"parent", R"("a")"}}) + "]";
    text.articles = "[]";
    CHECK(schemaError(text) == "/categories/0/parent: category \"a\" is its own ancestor");

    // news -> b -> a -> b: news only leads into the cycle; the first category of it met is told.
    text.categories = "[" + category({{"parent", R"("b")"}}) + ", " +
                      category({{"id", R"("a")"}, {"parent", R"("b")"}}) + ", " +
                      category({{"id", R"("b")"}, {"parent", R"("a")"}}) + "]";
    CHECK(schemaError(text) == "/categories/2/parent: category \"b\" is its own ancestor");
}

TEST_CASE("bundle: published is an ISO 8601 date-time with offset") {
    const auto publishedOf = [](const std::string& published) {
        BundleText text;
        text.articles = "[" + article({{"published", "\"" + published + "\""}}) + "]";
        const Result<Bundle> result = BundleLoader::load(text.str());
        REQUIRE(result.ok());
        return result->articles[0].published;
    };
    const auto date = publishedOf("2023-08-17T22:10:37+08:00");
    CHECK(date.year == 2023);
    CHECK(date.month == 8);
    CHECK(date.day == 17);
    CHECK(date.hour == 22);
    CHECK(date.minute == 10);
    CHECK(date.second == 37);
    CHECK(date.offsetMinutes == 480);
    CHECK(date.epochSeconds == 1692281437);
    CHECK(publishedOf("2023-08-17t14:10:37.123456z").epochSeconds == 1692281437);
    CHECK(publishedOf("2023-08-17T14:10:37Z").offsetMinutes == 0);
    CHECK(publishedOf("1970-01-01T00:00:00-01:00").epochSeconds == 3600);
    CHECK(publishedOf("1969-12-31T23:00:00Z").epochSeconds == -3600);
    CHECK(publishedOf("2024-02-29T00:00:00+00:00").epochSeconds == 1709164800);
    CHECK(publishedOf("0001-01-01T00:00:00Z").epochSeconds == -62135596800);
    CHECK(publishedOf("2016-12-31T23:59:60Z").second == 60);
    CHECK(publishedOf("2023-01-01T00:00:00-05:30").offsetMinutes == -330);
}

TEST_CASE("bundle: a malformed or impossible date-time is refused") {
    const auto withPublished = [](const std::string& published) {
        return withArticle({{"published", "\"" + published + "\""}});
    };
    for (const char* bad : {"yesterday", "2023-08-17", "2023-08-17T22:10:37", "2023-08-17 22:10:37+08:00",
                            "2023-08-17T22:10+08:00", "2023-8-17T22:10:37+08:00", "2023-08-17T22:10:37.+08:00",
                            "2023-08-17T22:10:37+0800", "2023-08-17T22:10:37+08", "2023-08-17T22:10:37Z ",
                            "２０２３-08-17T22:10:37Z"}) {
        CHECK(withPublished(bad) == "/articles/0/published: expected ISO 8601 date-time with offset, got \"" +
                                        std::string(bad) + "\"");
    }
    const std::string prefix = "/articles/0/published: expected ISO 8601 date-time with offset, got ";
    CHECK(withPublished("2023-02-29T10:00:00+08:00") == prefix + "\"2023-02-29T10:00:00+08:00\" (no such day)");
    CHECK(withPublished("2023-04-31T10:00:00+08:00") == prefix + "\"2023-04-31T10:00:00+08:00\" (no such day)");
    CHECK(withPublished("2023-04-00T10:00:00+08:00") == prefix + "\"2023-04-00T10:00:00+08:00\" (no such day)");
    CHECK(withPublished("1900-02-29T10:00:00+08:00") == prefix + "\"1900-02-29T10:00:00+08:00\" (no such day)");
    CHECK(withPublished("2023-13-01T10:00:00+08:00") == prefix + "\"2023-13-01T10:00:00+08:00\" (no such month)");
    CHECK(withPublished("2023-00-01T10:00:00+08:00") == prefix + "\"2023-00-01T10:00:00+08:00\" (no such month)");
    CHECK(withPublished("2023-01-01T24:00:00+08:00") == prefix + "\"2023-01-01T24:00:00+08:00\" (no such hour)");
    CHECK(withPublished("2023-01-01T10:60:00+08:00") == prefix + "\"2023-01-01T10:60:00+08:00\" (no such minute)");
    CHECK(withPublished("2023-01-01T10:00:61+08:00") == prefix + "\"2023-01-01T10:00:61+08:00\" (no such second)");
    CHECK(withPublished("2023-01-01T10:00:00+24:00") ==
          prefix + "\"2023-01-01T10:00:00+24:00\" (no such UTC offset)");
    CHECK(withPublished("2023-01-01T10:00:00+08:60") ==
          prefix + "\"2023-01-01T10:00:00+08:60\" (no such UTC offset)");
    CHECK(withArticle({{"published", "20230817"}}) == "/articles/0/published: expected a string, got number");
}

TEST_CASE("bundle: strings in messages are JSON-escaped and cut to 40 characters") {
    CHECK(withArticle({{"published", R"("a\"b\\c\nd\u0001")"}}) ==
          "/articles/0/published: expected ISO 8601 date-time with offset, got \"a\\\"b\\\\c\\nd\\u0001\"");
    std::string forty;
    for (int i = 0; i < 4; ++i) forty += "一二三四五六七八九十";
    CHECK(withArticle({{"published", "\"" + forty + "\""}}) ==
          "/articles/0/published: expected ISO 8601 date-time with offset, got \"" + forty + "\"");
    CHECK(withArticle({{"published", "\"" + forty + "!\""}}) ==
          "/articles/0/published: expected ISO 8601 date-time with offset, got \"" + forty + "…\"");
}

TEST_CASE("bundle: a byte order mark at the start is skipped") {
    BundleText text;
    const Result<Bundle> result = BundleLoader::load("\xEF\xBB\xBF" + text.str());
    REQUIRE(result.ok());
    CHECK(result->site.name == "消協");
}

TEST_CASE("bundle: escapes are decoded, in keys too") {
    BundleText text;
    const std::string title = R"("\u6a19\u984c \ud83d\ude00 \"q\" \\ \/")";
    text.articles = "[" + article({{"title", title}, {"\\u0073ource", R"("x")"}, {"source", ""}}) + "]";
    const Result<Bundle> result = BundleLoader::load(text.str());
    REQUIRE(result.ok());
    CHECK(result->articles[0].title == "標題 😀 \"q\" \\ /");
    CHECK(result->articles[0].source == "x");
}

TEST_CASE("bundle: the limits have documented defaults") {
    const LoadLimits limits;
    CHECK(limits.maxBundleBytes == 256u * 1024 * 1024);
    CHECK(limits.maxDepth == 64);
    CHECK(limits.maxStringBytes == 1024u * 1024);
    CHECK(limits.maxArticles == 1000000);
    CHECK(limits.maxCategories == 100000);
    CHECK(limits.maxParagraphs == 10000);
    CHECK(limits.maxHotlines == 1000);
}

TEST_CASE("bundle: a bundle larger than the limit is refused before it is read") {
    LoadLimits limits;
    limits.maxBundleBytes = 10;
    CHECK(BundleLoader::load("{\"format\": 1}", limits).error().describe() ==
          "line 1, column 1: bundle of 13 bytes exceeds the limit of 10");
    CHECK_FALSE(BundleLoader::load("{\"format\"}", limits).error().message.starts_with("bundle of"));
}

TEST_CASE("bundle: nesting deeper than the limit is refused where it starts") {
    // The top-level object is level 1, so the 64th '[' (column 7 + 63) is level 65.
    const std::string deep = "{\"x\": " + std::string(64, '[') + std::string(64, ']') + "}";
    CHECK(errorOf(deep).describe() == "line 1, column 70: nesting deeper than 64 levels");
    const std::string deepest = "{\"x\": " + std::string(63, '[') + std::string(63, ']') + "}";
    CHECK(errorOf(deepest).describe() == "missing required field \"format\"");
    // Whatever follows, even a million more levels.
    CHECK(errorOf("\n  " + std::string(1000000, '[')).describe() == "line 2, column 67: nesting deeper than 64 levels");
    // A body is at level 4: the top-level object, "articles", an article, its body.
    LoadLimits limits;
    limits.maxDepth = 3;
    const std::string bundle = BundleText().str();
    const std::string before = bundle.substr(0, bundle.find("[\"第一段\""));
    const auto column = 1 + std::count_if(before.begin(), before.end(), [](char c) { return (c & 0xC0) != 0x80; });
    CHECK(BundleLoader::load(bundle, limits).error().describe() ==
          "line 1, column " + std::to_string(column) + ": nesting deeper than 3 levels");
}

TEST_CASE("bundle: a string or key longer than the limit is refused at its pointer") {
    LoadLimits limits;
    limits.maxStringBytes = 25;  // the longest string of BundleText: "2023-08-17T22:10:37+08:00"
    const std::string eight = "一二三四五六七八";  // 24 bytes
    BundleText text;
    text.articles = "[" + article({{"body", "[\"第一段\", \"" + eight + "a\"]"}}) + "]";
    CHECK(BundleLoader::load(text.str(), limits).ok());
    text.articles = "[" + article({{"body", "[\"第一段\", \"" + eight + "ab\"]"}}) + "]";
    CHECK(BundleLoader::load(text.str(), limits).error().describe() ==
          "/articles/0/body/1: string of 26 bytes exceeds the limit of 25");
    // Measured once unescaped: \u516b is three bytes, 八.
    text.articles = "[" + article({{"body", R"(["一二三四五六七\u516ba"])"}}) + "]";
    CHECK(BundleLoader::load(text.str(), limits).ok());
    text.articles = "[" + article({{"body", R"(["一二三四五六七\u516bab"])"}}) + "]";
    CHECK(BundleLoader::load(text.str(), limits).error().describe() ==
          "/articles/0/body/0: string of 26 bytes exceeds the limit of 25");
    // In fields the reader ignores, and in keys.
    text = BundleText();
    text.site = R"({"name": "消協", "locale": "zh", "notes": ["01234567890123456789012345"]})";
    CHECK(BundleLoader::load(text.str(), limits).error().describe() ==
          "/site/notes/0: string of 26 bytes exceeds the limit of 25");
    text.site = R"({"name": "消協", "locale": "zh", "01234567890123456789012345": 1})";
    CHECK(BundleLoader::load(text.str(), limits).error().describe() == "/site: key of 26 bytes exceeds the limit of 25");
}

TEST_CASE("bundle: more articles, categories, paragraphs or hotlines than the limit are refused") {
    LoadLimits limits;
    limits.maxArticles = 1;
    limits.maxCategories = 1;
    limits.maxParagraphs = 2;
    limits.maxHotlines = 1;
    BundleText text;
    CHECK(BundleLoader::load(text.str(), limits).ok());
    text.articles = "[" + article() + ", " + article({{"id", R"("a2")"}}) + "]";
    CHECK(BundleLoader::load(text.str(), limits).error().describe() ==
          "/articles: article count exceeds the limit of 1");
    text = BundleText();
    text.categories = "[" + category() + ", " + category({{"id", R"("b")"}}) + "]";
    CHECK(BundleLoader::load(text.str(), limits).error().describe() ==
          "/categories: category count exceeds the limit of 1");
    text = BundleText();
    text.articles = "[" + article({{"body", R"(["一", "二", "三"])"}}) + "]";
    CHECK(BundleLoader::load(text.str(), limits).error().describe() ==
          "/articles/0/body: paragraph count exceeds the limit of 2");
    text = BundleText();
    text.site = R"({"name": "消協", "locale": "zh",
        "hotlines": [{"label": "a", "number": "1"}, {"label": "b", "number": "2"}]})";
    CHECK(BundleLoader::load(text.str(), limits).error().describe() ==
          "/site/hotlines: hotline count exceeds the limit of 1");
}

TEST_CASE("bundle: a limit stops reading at once; a syntax error before it is told instead") {
    LoadLimits limits;
    limits.maxArticles = 0;
    BundleText text;
    const std::string limited = text.str();
    CHECK(BundleLoader::load(limited.substr(0, limited.size() - 2), limits).error().describe() ==
          "/articles: article count exceeds the limit of 0");
    text.site = R"({"name": "消協",, "locale": "zh"})";
    CHECK(BundleLoader::load(text.str(), limits).error().message ==
          "syntax error while parsing object key - unexpected ','; expected string literal");
}

TEST_CASE("bundle: after an error, what cannot be told is only checked for syntax, depth and string length") {
    // Once the format is refused, the articles are skipped: no count limit, but still every other.
    LoadLimits limits;
    limits.maxArticles = 0;
    limits.maxStringBytes = 25;
    BundleText text;
    text.format = R"({"name": "article-reader-bundle", "version": "2.0"})";
    CHECK(BundleLoader::load(text.str(), limits).error().pointer == "/format/version");
    text.articles = "[" + article({{"title", R"("01234567890123456789012345")"}}) + "]";
    CHECK(BundleLoader::load(text.str(), limits).error().describe() ==
          "/articles/0/title: string of 26 bytes exceeds the limit of 25");
    // A million broken articles after a broken one are not kept, nor counted.
    text = BundleText();
    std::string many = "[" + article({{"title", "1"}});
    for (int i = 0; i < 1000000; ++i) many += ",{}";
    text.articles = many + "]";
    limits = LoadLimits();
    limits.maxArticles = 10;
    CHECK(BundleLoader::load(text.str(), limits).error().describe() == "/articles/0/title: expected a string, got number");
}

TEST_CASE("bundle: a duplicate key is refused in any object") {
    CHECK(withSite(R"({"name": "消協", "locale": "zh", "name": "消協"})") == "/site: duplicate key \"name\"");
    CHECK(withSite(R"({"name": "消協", "locale": "zh", "theme": {"dark": true, "dark": false}})") ==
          "/site/theme: duplicate key \"dark\"");
    // Keys are compared unescaped.
    CHECK(withSite(R"({"name": "消協", "locale": "zh", "\u006eame": "消協"})") == "/site: duplicate key \"name\"");
    // In a large object too.
    std::string many = R"({"name": "消協", "locale": "zh")";
    for (int i = 0; i < 100; ++i) many += ", \"k" + std::to_string(i) + "\": " + std::to_string(i);
    BundleText text;
    text.site = many + "}";
    CHECK(BundleLoader::load(text.str()).ok());
    CHECK(withSite(many + ", \"k57\": 0}") == "/site: duplicate key \"k57\"");
    CHECK(errorOf(R"({"articles": [], "articles": []})").describe() == "duplicate key \"articles\"");
    // Told before any schema error, wherever it is.
    text = BundleText();
    text.format = R"({"name": "article-reader-bundle", "version": "2.0"})";
    text.articles = "[" + article({{"x", R"(1, "y": 2, "x": 3)"}}) + "]";
    CHECK(schemaError(text) == "/articles/0: duplicate key \"x\"");
}

TEST_CASE("bundle: shown text holds no control characters") {
    CHECK(withArticle({{"title", R"("標\u0007題")"}}) == "/articles/0/title: control character U+0007 at character 2");
    CHECK(withArticle({{"title", "\"標題\x7F\""}}) == "/articles/0/title: control character U+007F at character 3");
    CHECK(withArticle({{"title", "\"\xC2\x85標題\""}}) == "/articles/0/title: control character U+0085 at character 1");
    CHECK(withArticle({{"title", R"("標\t題")"}}) == "/articles/0/title: control character U+0009 at character 2");
    CHECK(withArticle({{"source", R"("來\r源")"}}) == "/articles/0/source: control character U+000D at character 2");
    CHECK(withSite(R"({"name": "消\n協", "locale": "zh"})") == "/site/name: control character U+000A at character 2");
    CHECK(withSite(R"({"name": "消協", "locale": "zh", "address": "\u0000"})") ==
          "/site/address: control character U+0000 at character 1");
    CHECK(withSite(R"({"name": "消協", "locale": "zh", "hotlines": [{"label": "\u001b", "number": "1"}]})") ==
          "/site/hotlines/0/label: control character U+001B at character 1");
    BundleText text;
    text.categories = "[" + category({{"name", R"("消協\u009f")"}}) + "]";
    CHECK(schemaError(text) == "/categories/0/name: control character U+009F at character 3");
    // U+00A0 and beyond are no control characters.
    text = BundleText();
    text.articles = "[" + article({{"title", R"("標\u00a0題")"}}) + "]";
    CHECK(BundleLoader::load(text.str()).ok());
}

TEST_CASE("bundle: a tab in a paragraph becomes a space; other control characters are refused") {
    BundleText text;
    text.articles = "[" + article({{"body", R"(["第一\t段\t", "第二段"])"}}) + "]";
    const Result<Bundle> result = BundleLoader::load(text.str());
    REQUIRE(result.ok());
    CHECK(result->articles[0].body[0] == "第一 段 ");
    CHECK(withArticle({{"body", R"(["第一段", "第二\t段\n"])"}}) ==
          "/articles/0/body/1: control character U+000A at character 5");
}

TEST_CASE("bundle: errors are told in the order of the format, whatever the order of the keys") {
    // Two errors in one article: the title comes before the body in the format's table.
    const std::string bad =
        R"({"body": [1], "published": "2023-08-17T22:10:37+08:00", "title": "", "category": "news", "id": "a1"})";
    BundleText text;
    text.articles = "[" + bad + "]";
    CHECK(schemaError(text) == "/articles/0/title: expected a non-empty string, got \"\"");
    // The format before the site, though it comes last.
    CHECK(errorOf(R"({"site": 1, "format": {"name": "article-reader-bundle", "version": "3.0"}})").describe() ==
          "/format/version: this bundle is format version 3.0, newer than this reader supports (1.x); "
          "update the reader");
    // Categories after the articles: the references are checked once all is read.
    const std::string reordered = R"({"articles": )" + text.articles + R"(, "categories": )" + text.categories +
                                  R"(, "site": )" + text.site + R"(, "format": )" + text.format + "}";
    CHECK(errorOf(reordered).describe() == "/articles/0/title: expected a non-empty string, got \"\"");
    text.articles = "[" + article() + ", " + article({{"id", R"("a2")"}, {"category", R"("nope")"}}) + "]";
    const std::string late = R"({"articles": )" + text.articles + R"(, "categories": )" + text.categories +
                             R"(, "site": )" + text.site + R"(, "format": )" + text.format + "}";
    CHECK(errorOf(late).describe() == "/articles/1/category: no category has id \"nope\"");
    text.categories = "[" + category() + ", " + category({{"id", R"("nope")"}}) + "]";
    const std::string good = R"({"articles": )" + text.articles + R"(, "categories": )" + text.categories +
                             R"(, "site": )" + text.site + R"(, "format": )" + text.format + "}";
    CHECK(BundleLoader::load(good).ok());
}

TEST_CASE("bundle: a NUL byte after the JSON text is refused, not taken for its end") {
    const std::string text = BundleText().str() + "\n" + std::string(3, '\0') + "garbage";
    CHECK(errorOf(text).describe() == "line 2, column 1: unexpected NUL byte after the JSON text");
}

TEST_CASE("bundle: a key with a control character is escaped in the pointer, so a message is one line") {
    CHECK(withSite(R"({"name": "消協", "locale": "zh", "a\nb": {"x": 1, "x": 2}})") ==
          "/site/a\\u000Ab: duplicate key \"x\"");
    CHECK(errorOf(R"({"a\u0085": {"x": 1, "x": 2}})").pointer == "/a\u0085");
    // And in quoted values: JSON leaves DEL and C1 controls as they are, messages do not.
    CHECK(withArticle({{"id", "\"a\x7F\xC2\x85\""}}) ==
          "/articles/0/id: expected an id of 1-128 characters from A-Z a-z 0-9 . _ -, got \"a\\u007F\\u0085\"");
}

TEST_CASE("bundle: a broken file is told as broken, even after a schema error") {
    BundleText text;
    text.format = R"({"name": "article-reader-bundle", "version": "2.0"})";
    const std::string whole = text.str();
    CHECK(errorOf(whole.substr(0, whole.size() - 1)).message ==
          "syntax error while parsing object - unexpected end of input; expected '}'");
}

TEST_CASE("bundle: a number beyond a double is refused where it starts, as nlohmann refuses it") {
    CHECK(errorOf("{\"x\": [1, -1e400]}").describe() == "line 1, column 11: number overflow parsing '-1e400'");
    CHECK(errorOf("{\"x\": 1.7976931348623159e308}").describe() ==
          "line 1, column 7: number overflow parsing '1.7976931348623159e308'");
    CHECK(errorOf("[" + std::string(400, '1') + "]").describe() ==
          "line 1, column 2: number overflow parsing '" + std::string(40, '1') + "…'");
    // The largest double, numbers that only look large, and tiny ones are numbers.
    for (const char* fine : {"1.7976931348623158e308", "0.0000000001e317", "0e99999999999999999999", "1e-400",
                             "17976931348623158e292", "-0.17976931348623158e309"}) {
        const std::string text = std::string("{\"x\": ") + fine + "}";
        CHECK_MESSAGE(errorOf(text).describe() == "missing required field \"format\"", fine);
    }
}

TEST_CASE("bundle: numbers too large for a count are shown as a double, or cut") {
    const auto withCount = [](const std::string& count) {
        return withSite(R"({"name": "消協", "locale": "zh", "visitorCount": )" + count + "}");
    };
    CHECK(withCount("1e3") == "/site/visitorCount: expected a non-negative integer, got 1000.0");
    CHECK(withCount("-0.0") == "/site/visitorCount: expected a non-negative integer, got -0.0");
    CHECK(withCount(std::string(50, '9')) ==
          "/site/visitorCount: expected a non-negative integer, got " + std::string(40, '9') + "…");
}

// [SECTION] Format 1.1: structured ruby, the split form's shard paths

TEST_CASE("bundle: a paragraph may be runs, strings and {text, ruby} objects, joined as RubyParser reads them") {
    BundleText text;
    text.articles = "[" + article({{"body", R"([["2023", {"text": "年", "ruby": "nián"}, "第\t一次"], "第二段"])"}}) + "]";
    const Result<Bundle> result = BundleLoader::load(text.str());
    REQUIRE(result.ok());
    std::string expected = "2023";
    reader::core::appendStructuredRuby(expected, "年", "nián");
    expected += "第 一次";
    CHECK(result->articles[0].body == std::vector<std::string>{expected, "第二段"});
    CHECK(reader::core::RubyParser::strip(expected) == "2023年第 一次");
}

TEST_CASE("bundle: structured ruby errors say where and what") {
    CHECK(withArticle({{"body", R"([7])"}}) == "/articles/0/body/0: expected a string or an array of runs, got number");
    CHECK(withArticle({{"body", R"([["a", null]])"}}) ==
          "/articles/0/body/0/1: expected a string or a {\"text\", \"ruby\"} object, got null");
    CHECK(withArticle({{"body", R"([[{"text": "年"}]])"}}) == "/articles/0/body/0/0: missing required field \"ruby\"");
    CHECK(withArticle({{"body", R"([[{"text": "", "ruby": "nián"}]])"}}) ==
          "/articles/0/body/0/0/text: expected a non-empty string, got \"\"");
    CHECK(withArticle({{"body", R"([[{"text": "年", "ruby": "ni\u0007n"}]])"}}) ==
          "/articles/0/body/0/0/ruby: control character U+0007 at character 3");
    // The characters structured ruby is kept with may not come from the bundle's own text.
    CHECK(withArticle({{"title", R"("標\uFFF9題")"}}) ==
          "/articles/0/title: interlinear annotation character U+FFF9 at character 2 (write ruby as a structured run)");
    CHECK(withArticle({{"body", "[\"年\xEF\xBF\xBA\"]"}}) ==
          "/articles/0/body/0: interlinear annotation character U+FFFA at character 2 (write ruby as a structured run)");
}

TEST_CASE("bundle: an article of a split bundle's index names its shard instead of a body") {
    BundleText text;
    text.format = R"({"name": "article-reader-bundle", "version": "1.1"})";
    text.articles = "[" + article({{"body", ""}, {"shard", R"("shards/0007.json")"}}) + "]";
    const Result<Bundle> result = BundleLoader::load(text.str());
    REQUIRE(result.ok());
    const auto& loaded = result->articles[0];
    CHECK(loaded.shard == "shards/0007.json");
    CHECK(loaded.bodyPending);
    CHECK(loaded.body.empty());
    CHECK_FALSE(BundleLoader::load(BundleText().str())->articles[0].bodyPending);
}

TEST_CASE("bundle: an article has a body or a shard, not both and not neither; a shard stays inside its folder") {
    CHECK(withArticle({{"body", ""}}) == "/articles/0: missing required field \"body\"");
    CHECK(withArticle({{"shard", R"("shards/0000.json")"}}) == "/articles/0/shard: an article has a body or a shard, not both");
    for (const char* path : {R"("../x.json")", R"("/etc/passwd")", R"("https://x.example/a.json")", R"("a//b.json")",
                             R"("shards/./a.json")", R"("a\\b.json")", R"("")"}) {
        CAPTURE(path);
        const std::string message = withArticle({{"body", ""}, {"shard", path}});
        CHECK((message.starts_with("/articles/0/shard: expected a relative path") ||
               message == "/articles/0/shard: expected a non-empty string, got \"\""));
    }
}
