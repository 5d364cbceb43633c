// Annotations (core/annotations, core/annotation_store): the base text and its selectors, finding a
// highlight again after the text changed (exact, moved, edited, gone), and the W3C JSON both ways,
// with what an import refuses.
#include "core/annotation_export.h"
#include "core/annotation_store.h"
#include "core/annotations.h"

#include <doctest/doctest.h>

#include <string>

using namespace reader::core;

namespace {

Article articleOf(std::vector<std::string> body) {
    Article article;
    article.id = "a1";
    article.title = "標題";
    article.body = std::move(body);
    return article;
}

// A highlight of the first `exact` in the article's base text.
Annotation highlightOf(const Article& article, const std::u32string& exact) {
    const ArticleText text = articleText(article);
    const size_t at = text.text.find(exact);
    REQUIRE(at != std::u32string::npos);
    Annotation a;
    a.id = newAnnotationId();
    a.source = "https://news.example/bundle.json";
    a.articleId = article.id;
    a.color = "yellow";
    a.created = a.modified = "2026-12-07T10:00:00Z";
    describeRange(text, at, at + exact.size(), a);
    return a;
}

std::optional<std::u32string> anchoredText(const Article& article, const Annotation& a) {
    const ArticleText text = articleText(article);
    const std::optional<TextRange32> range = anchor(text, a);
    if (!range) return std::nullopt;
    return text.text.substr(range->start, range->end - range->start);
}

const std::vector<std::string> kBody = {
    "2023年(nián)第一次消費者權益保護工作會議在呼和浩特召開。",
    "會議指出，要加強消費維權，保護消費者權益。",
    "各盟市消協負責人參加會議。",
};

}  // namespace

TEST_CASE("annotations: the base text leaves readings out and joins body texts by line breaks") {
    const ArticleText text = articleText(articleOf(kBody));
    CHECK(text.text.substr(0, 8) == U"2023年第一次");
    REQUIRE(text.starts.size() == 3);
    CHECK(text.text[text.starts[1] - 1] == U'\n');
    CHECK(positionOf(text, 1, 2) == text.starts[1] + 2);
    CHECK(positionOf(text, 0, 999) == text.starts[1] - 1);  // clamped to its own end
    // A range across two texts is two parts, the line break left out.
    const std::vector<TextSpan> spans = spansOf(text, text.starts[1] - 3, text.starts[1] + 2);
    REQUIRE(spans.size() == 2);
    CHECK(spans[0] == TextSpan{0, text.starts[1] - 1 - 2, text.starts[1] - 1});
    CHECK(spans[1] == TextSpan{1, 0, 2});
}

TEST_CASE("annotations: a quote carries up to 32 characters of context each side") {
    const Article article = articleOf(kBody);
    const Annotation a = highlightOf(article, U"消費維權");
    CHECK(a.quote.exact == "消費維權");
    CHECK(a.quote.prefix.ends_with("會議指出，要加強"));
    CHECK(a.quote.prefix.starts_with("開。\n") == false);  // 32 characters back is inside the first text
    CHECK(a.quote.suffix == "，保護消費者權益。\n各盟市消協負責人參加會議。");
    CHECK(anchoredText(article, a) == U"消費維權");
}

TEST_CASE("annotations: re-anchoring when the text moved, was edited around it, or inside it") {
    const Article before = articleOf(kBody);
    const Annotation a = highlightOf(before, U"加強消費維權");

    SUBCASE("a paragraph inserted before it: found by its quote, at its new place") {
        std::vector<std::string> body = kBody;
        body.insert(body.begin(), "新的一段文字放在最前面。");
        const Article after = articleOf(body);
        const ArticleText text = articleText(after);
        const auto range = anchor(text, a);
        REQUIRE(range);
        CHECK(range->start == text.starts[2] + 6);
        CHECK(anchoredText(after, a) == U"加強消費維權");
    }
    SUBCASE("the same words twice: the place whose context agrees") {
        std::vector<std::string> body = kBody;
        body.insert(body.begin(), "我們要加強消費維權。");
        const Article after = articleOf(body);
        const ArticleText text = articleText(after);
        const auto range = anchor(text, a);
        REQUIRE(range);
        CHECK(range->start == text.starts[2] + 6);
    }
    SUBCASE("its paragraph edited elsewhere: the quote still stands") {
        std::vector<std::string> body = kBody;
        body[1] = "會議強調，要加強消費維權工作。";
        const Article after = articleOf(body);
        CHECK(anchoredText(after, a) == U"加強消費維權");
    }
    SUBCASE("a character edited inside a long quote, its context intact") {
        const Annotation longer = highlightOf(before, U"要加強消費維權，保護消費者權益");
        std::vector<std::string> body = kBody;
        body[1] = "會議指出，要加强消費維權，保護消費者權益。";  // 強 -> 强
        const Article after = articleOf(body);
        CHECK(anchoredText(after, longer) == U"要加强消費維權，保護消費者權益");
    }
    SUBCASE("gone: an orphan, not some other passage") {
        std::vector<std::string> body = kBody;
        body[1] = "會議指出，各方共同努力。";
        CHECK_FALSE(anchoredText(articleOf(body), a));
    }
    SUBCASE("short words left only in another passage, no context agreeing: an orphan") {
        const Annotation shortOne = highlightOf(before, U"會議");  // the first 會議, in the first text
        const Article after = articleOf({"今天，消協召開會議"});
        CHECK_FALSE(anchoredText(after, shortOne));
    }
    SUBCASE("a position past the end of the text: found by its quote") {
        Annotation far = a;
        far.start = 100000;
        far.end = 100006;
        CHECK(anchoredText(before, far) == U"加強消費維權");
    }
}

TEST_CASE("annotations: W3C JSON both ways") {
    const Article article = articleOf(kBody);
    Annotation h = highlightOf(article, U"消費維權");
    h.note = "重點\n\"引號\"";
    Annotation b;
    b.id = newAnnotationId();
    b.kind = AnnotationKind::Bookmark;
    b.source = h.source;
    b.articleId = "a/2 中";
    b.created = b.modified = "2026-12-07T11:00:00Z";
    AnnotationStore store;
    store.add(h);
    store.add(b);
    const std::string json = store.toJson();
    CHECK(json.find(R"("motivation": "highlighting")") != std::string::npos);
    CHECK(json.find(R"("type": "TextQuoteSelector")") != std::string::npos);
    CHECK(json.find(R"("source": "https://news.example/bundle.json#/article/a1")") != std::string::npos);
    const auto read = parseAnnotations(json, "https://news.example");
    REQUIRE(read.ok());
    REQUIRE(read->size() == 2);
    CHECK((*read)[0] == h);
    CHECK((*read)[1] == b);
    CHECK(store.of(h.source).front()->id == b.id);  // newest first
    CHECK(newAnnotationId() != newAnnotationId());
    CHECK(newAnnotationId().size() == 45);
    CHECK(isoTime(0) == "1970-01-01T00:00:00Z");
}

TEST_CASE("annotations: merging adds what is new, takes newer versions, never duplicates") {
    const Article article = articleOf(kBody);
    const Annotation h = highlightOf(article, U"消費維權");
    AnnotationStore store;
    store.add(h);
    Annotation newer = h;
    newer.note = "後來加的";
    newer.modified = "2026-12-08T00:00:00Z";
    Annotation sameElsewhere = h;  // the same passage, highlighted on another device
    sameElsewhere.id = newAnnotationId();
    Annotation other = highlightOf(article, U"各盟市");
    const MergeCount count = store.merge({newer, sameElsewhere, other, h});
    CHECK(count.added == 1);
    CHECK(count.updated == 1);
    CHECK(count.unchanged == 2);
    CHECK(store.all().size() == 2);
    CHECK(store.find(h.id)->note == "後來加的");
}

TEST_CASE("annotations: an import that is not JSON, too large, of another site, or malformed is refused with where") {
    const auto notJson = parseAnnotations("[{\"id\": ", "https://news.example");
    REQUIRE_FALSE(notJson.ok());
    CHECK(notJson.error().line == 1);
    AnnotationLimits small;
    small.maxFileBytes = 10;
    const auto large = parseAnnotations("[                ]", "", small);
    REQUIRE_FALSE(large.ok());
    CHECK(large.error().message.find("exceeds the limit of 10 bytes") != std::string::npos);

    const Article article = articleOf(kBody);
    AnnotationStore store;
    store.add(highlightOf(article, U"消費維權"));
    const auto otherSite = parseAnnotations(store.toJson(), "https://elsewhere.example");
    REQUIRE_FALSE(otherSite.ok());
    CHECK(otherSite.error().message == "annotations of https://news.example, not of https://elsewhere.example");
    CHECK(otherSite.error().pointer == "/0");

    const auto noQuote = parseAnnotations(
        R"([{"id": "x", "type": "Annotation", "motivation": "highlighting", "target": {"source": "https://news.example/b.json#/article/a1"}}])", "");
    REQUIRE_FALSE(noQuote.ok());
    CHECK(noQuote.error().pointer == "/0");
    const auto notArray = parseAnnotations(R"({"a": 1})", "");
    REQUIRE_FALSE(notArray.ok());
    CHECK(notArray.error().message == "annotations must be a JSON array, not object");
    const auto badCount = parseAnnotations(
        R"([{"id": "x", "type": "Annotation", "motivation": "highlighting", "target": {"source": "https://n.example/b.json#/article/a1", "selector": [{"type": "TextPositionSelector", "start": -1, "end": 2}]}}])", "");
    REQUIRE_FALSE(badCount.ok());
    CHECK(badCount.error().pointer == "/0/target/selector/0/start");
    CHECK(siteOf("file:///home/me/news.json#/article/x") == "file:///home/me/news.json");
    CHECK(siteOf("http://localhost:8080/a/b.json") == "http://localhost:8080");
}

TEST_CASE("annotations: Markdown with title, date, deep link, quote and note; CSV quoted for spreadsheets") {
    Bundle bundle;
    Article article = articleOf(kBody);
    article.title = "消協(xié)會議";
    article.published.year = 2023;
    article.published.month = 8;
    article.published.day = 17;
    bundle.articles.push_back(article);
    bundle.articleIndex[article.id] = 0;
    Annotation h = highlightOf(article, U"消費維權");
    h.note = "=SUM(A1)";
    const std::vector<const Annotation*> list = {&h};
    const std::string md = annotationsMarkdown(list, bundle, "https://news.example/reader.html");
    CHECK(md.starts_with("## [消協會議](https://news.example/reader.html#/article/a1)\n\n2023-08-17"));
    CHECK(md.find("> 消費維權\n\n=SUM(A1)\n\n*yellow, 2026-12-07T10:00:00Z*") != std::string::npos);
    const std::string csv = annotationsCsv(list, bundle, "https://news.example/reader.html");
    CHECK(csv.starts_with("kind,article,title,quote,note,color,created,modified,link\r\n"));
    CHECK(csv.find(R"x("highlight","a1","消協會議","消費維權","'=SUM(A1)","yellow",)x") != std::string::npos);
    CHECK(quoteWithLink("消費維權", article, "https://news.example/r.html") == "「消費維權」\n——消協會議 https://news.example/r.html#/article/a1");
}
