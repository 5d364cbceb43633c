// core::inlineSpans: links and strong runs, stored as byte ranges of a body text, in displayed
// code points for each pinyin mode; core::textRole, what a body text is (search results say it).
#include <doctest/doctest.h>

#include <string>

#include "core/inline_spans.h"

using namespace reader::core;

namespace {

InlineMark mark(std::string_view source, std::string_view part, std::string href = "", bool strong = false) {
    const size_t at = source.find(part);
    REQUIRE(at != std::string_view::npos);
    return InlineMark{0, at, at + part.size(), std::move(href), strong};
}

}  // namespace

TEST_CASE("a mark over plain text covers its characters, counted in code points") {
    const std::string text = "請撥打熱線12315投訴";
    const std::vector<InlineMark> marks{mark(text, "12315", "tel:12315")};
    const auto spans = inlineSpans(text, RubyMode::Above, marks);
    REQUIRE(spans.size() == 1);
    CHECK(spans[0].begin == 5);
    CHECK(spans[0].end == 10);
    CHECK(spans[0].mark == 0);
}

TEST_CASE("inline pinyin before a mark shifts it by the readings only where they are shown") {
    const std::string text = "2023年(nián)消費者權益保護";
    const std::vector<InlineMark> marks{mark(text, "消費者", "", true)};
    const auto above = inlineSpans(text, RubyMode::Above, marks);
    REQUIRE(above.size() == 1);
    CHECK(above[0].begin == 5);  // "2023年"
    CHECK(above[0].end == 8);
    const auto shown = inlineSpans(text, RubyMode::Inline, marks);
    REQUIRE(shown.size() == 1);
    CHECK(shown[0].begin == 11);  // "2023年(nián)"
    CHECK(shown[0].end == 14);
}

TEST_CASE("a mark that cuts an annotated unit takes the whole unit") {
    const std::string text = "第一(yī)次會議";
    // Only the reading's bytes: the unit 一(yī) is shown as one.
    const std::vector<InlineMark> marks{mark(text, "(yī)次", "https://example.org/")};
    const auto spans = inlineSpans(text, RubyMode::Hidden, marks);
    REQUIRE(spans.size() == 1);
    CHECK(spans[0].begin == 1);
    CHECK(spans[0].end == 3);  // 一 and 次
}

TEST_CASE("spanAt finds the span under a displayed index") {
    const std::string text = "甲乙丙丁戊己";
    const std::vector<InlineMark> marks{mark(text, "乙丙"), mark(text, "戊")};
    const auto spans = inlineSpans(text, RubyMode::Above, marks);
    REQUIRE(spans.size() == 2);
    CHECK(spanAt(spans, 0) == nullptr);
    CHECK(spanAt(spans, 1) == &spans[0]);
    CHECK(spanAt(spans, 2) == &spans[0]);
    CHECK(spanAt(spans, 3) == nullptr);
    CHECK(spanAt(spans, 4) == &spans[1]);
    CHECK(spanAt(spans, 5) == nullptr);
}

TEST_CASE("an article's marks are grouped by body text") {
    Article article;
    article.body = {"第一段", "第二段有連結", "第三段"};
    article.marks = {InlineMark{1, 9, 15, "https://example.org/", false}};  // 有連 (3 bytes each)
    const auto spans = articleInlineSpans(article, RubyMode::Above);
    REQUIRE(spans.size() == 3);
    CHECK(spans[0].empty());
    REQUIRE(spans[1].size() == 1);
    CHECK(spans[1][0].begin == 3);
    CHECK(spans[1][0].end == 5);
    CHECK(spans[1][0].mark == 0);
    CHECK(spans[2].empty());
}

TEST_CASE("textRole says what a body text is in its article, for search results") {
    Article article;
    article.body = {"段落", "小標題", "圖說", "攝影：某人", "項目一", "項目二", "表題", "格一", "格二", "附件名", "又一段"};
    const auto block = [](BlockKind kind, size_t first, size_t count) {
        Block b;
        b.kind = kind;
        b.firstText = first;
        b.textCount = count;
        return b;
    };
    article.blocks = {block(BlockKind::paragraph, 0, 1), block(BlockKind::heading, 1, 1), block(BlockKind::figure, 2, 2),
                      block(BlockKind::list, 4, 2), block(BlockKind::table, 6, 3), block(BlockKind::attachment, 9, 1),
                      block(BlockKind::paragraph, 10, 1)};
    article.blocks[2].hasCaption = article.blocks[2].hasCredit = true;
    article.blocks[4].hasCaption = true;
    CHECK(textRole(article, 0) == TextRole::paragraph);
    CHECK(textRole(article, 1) == TextRole::heading);
    CHECK(textRole(article, 2) == TextRole::caption);
    CHECK(textRole(article, 3) == TextRole::credit);
    CHECK(textRole(article, 5) == TextRole::listItem);
    CHECK(textRole(article, 6) == TextRole::table);
    CHECK(textRole(article, 8) == TextRole::table);
    CHECK(textRole(article, 9) == TextRole::attachment);
    CHECK(textRole(article, 10) == TextRole::paragraph);
    CHECK(textRole(article, 99) == TextRole::paragraph);
    Article plain;
    plain.body = {"只有段落"};
    CHECK(textRole(plain, 0) == TextRole::paragraph);
}
