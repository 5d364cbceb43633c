// core/block_layout: list markers, a table's column widths from its content, a figure's
// placeholder box, attachment lines, and a table copied as tab-separated lines.
#include "core/block_layout.h"
#include "core/bundle_loader.h"
#include "core/fixed_metrics.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace reader::core;

TEST_CASE("block layout: list markers count from 1 when ordered, a bullet otherwise") {
    CHECK(listMarker(0, true) == "1.");
    CHECK(listMarker(11, true) == "12.");
    CHECK(listMarker(0, false) == "•");
    CHECK(listMarker(7, false) == "•");
}

TEST_CASE("block layout: a column's minimum is its widest unbreakable run: a model number whole, a CJK character") {
    LayoutOptions options;
    options.width = 1.0e6f;
    options.fontSize = 16.0f;
    options.firstLineIndent = 0.0f;
    options.justify = false;
    const FixedMetrics metrics;
    // Half an em per Latin character: "HK-1800W-1.7L" is 13 of them, one run (no break before a digit).
    CHECK(widestUnbreakable(TextLayout::layoutPlain("電熱水壺 HK-1800W-1.7L", options, metrics)) == doctest::Approx(13 * 8.0f));
    // Ideographs break between any two; the closing mark stays with the one before it.
    CHECK(widestUnbreakable(TextLayout::layoutPlain("不合格。", options, metrics)) == doctest::Approx(32.0f));
}

TEST_CASE("block layout: columns take their natural widths when they fit, padding included") {
    const std::vector<float> widths = tableColumnWidths({{60.0f, 20.0f}, {100.0f, 40.0f}}, 600.0f, 8.0f);
    CHECK(widths == std::vector<float>{76.0f, 116.0f});
}

TEST_CASE("block layout: columns that do not fit share the room left by what each still wants") {
    // Minimums 20+16 and 40+16 (92), naturals 316 and 116 (432): 200 px leave 108 of 340 wanted.
    const std::vector<float> widths = tableColumnWidths({{300.0f, 20.0f}, {100.0f, 40.0f}}, 200.0f, 8.0f);
    REQUIRE(widths.size() == 2);
    CHECK(widths[0] == doctest::Approx(36.0f + 280.0f * 108.0f / 340.0f).epsilon(0.02));
    CHECK(widths[1] == doctest::Approx(56.0f + 60.0f * 108.0f / 340.0f).epsilon(0.02));
    CHECK(widths[0] + widths[1] <= 202.0f);
}

TEST_CASE("block layout: a table whose minimums do not fit keeps them, wider than the column (it scrolls)") {
    const std::vector<float> widths = tableColumnWidths({{400.0f, 150.0f}, {400.0f, 150.0f}}, 200.0f, 8.0f);
    CHECK(widths == std::vector<float>{166.0f, 166.0f});
}

TEST_CASE("block layout: a figure's placeholder has its final size: scaled down to the column, never up") {
    CHECK(figureBox(1600, 900, 800.0f).width == 800.0f);
    CHECK(figureBox(1600, 900, 800.0f).height == 450.0f);
    CHECK(figureBox(400, 300, 800.0f).width == 400.0f);
    CHECK(figureBox(400, 300, 800.0f).height == 300.0f);
    CHECK(figureBox(20000, 1, 640.0f).height == 1.0f);  // never vanishes
    CHECK(figureBox(333, 1000, 111.0f).height == 333.0f);
}

TEST_CASE("block layout: an attachment's line gives its type and size") {
    CHECK(attachmentLabel("通知.pdf", "application/pdf", 24576) == "通知.pdf (PDF, 24 KB)");
    CHECK(attachmentLabel("表.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", 1536000) ==
          "表.xlsx (XLSX, 1.5 MB)");
    CHECK(attachmentLabel("投訴表.doc", "application/msword", 0) == "投訴表.doc (DOC)");  // size not known
    CHECK(byteSize(812) == "812 bytes");
    CHECK(byteSize(1025) == "2 KB");
    CHECK(byteSize(52428800) == "50 MB");
}

TEST_CASE("block layout: a table copies as tab-separated lines, its caption on a line of its own") {
    const Result<Bundle> loaded = BundleLoader::load(
        R"({"format": {"name": "article-reader-bundle", "version": "1.2"}, "site": {"name": "消協", "locale": "zh-Hant"},
            "categories": [{"id": "n", "name": "n"}], "articles": [{"id": "a", "category": "n", "title": "t",
            "published": "2024-01-01T00:00:00+08:00", "body": ["前文", {"type": "table", "caption": "投訴分類",
            "header": ["類別", "件數"], "rows": [["食品", "120"], ["家用\t電器", "80"]]}, "後文"]}]})");
    REQUIRE(loaded.ok());
    const Article& article = loaded->articles[0];
    const std::vector<char> separators = textSeparators(article);
    CHECK(separators == std::vector<char>{'\n', '\n', '\n', '\t', '\n', '\t', '\n', '\t', '\n'});
    CHECK(joinTexts(article.body, separators) == "前文\n投訴分類\n類別\t件數\n食品\t120\n家用 電器\t80\n後文");
}
