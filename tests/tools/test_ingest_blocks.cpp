// ingest: what a page holds besides paragraphs (issue 15): headings, figures with captions and lazy
// sources, lists, data tables (layout tables flattened), links and attachments; and a saved page's
// images copied beside the bundle by --assets (tests/fixtures/ingest/saved_rich.html).
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "ingest/ids.h"
#include "ingest/page_assets.h"
#include "ingest/page_reader.h"
#include "ingest/urls.h"
#include "ingest_fixtures.h"

using namespace reader::tools::ingest;
using reader::core::Block;
using reader::core::BlockKind;
using ingest_test::fixture;

namespace {

PageContent readHtml(const std::string& html, ExtractOptions options = {}) { return readPage(html, options).content; }

std::vector<BlockKind> kinds(const PageContent& page) {
    std::vector<BlockKind> out;
    for (const Block& block : page.blocks) out.push_back(block.kind);
    return out;
}

const std::string& textOf(const PageContent& page, const Block& block, size_t i = 0) { return page.body.at(block.firstText + i); }

// The bytes of a PNG that stb_image sizes: signature and IHDR (stb_image does not check the CRC
// when only the size is asked for).
std::string pngHeader(uint32_t width, uint32_t height) {
    std::string png = "\x89PNG\r\n\x1a\n";
    png += std::string("\0\0\0\x0dIHDR", 8);
    for (const uint32_t v : {width, height}) {
        for (int shift = 24; shift >= 0; shift -= 8) png.push_back(static_cast<char>((v >> shift) & 0xFF));
    }
    png += std::string("\x08\x02\0\0\0", 5);
    png += std::string("\0\0\0\0", 4);
    return png;
}

void writeFile(const std::filesystem::path& path, const std::string& bytes) {
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << bytes;
}

}  // namespace

TEST_CASE("blocks: a saved page keeps its figures, headings, data table, list, links and attachments") {
    const PageContent page = readHtml(fixture("saved_rich.html"));
    using enum BlockKind;
    REQUIRE(kinds(page) == std::vector<BlockKind>{paragraph, figure, heading, paragraph, table, figure, paragraph, paragraph,
                                                  figure, heading, list, figure, paragraph, attachment, attachment, paragraph});
    const std::vector<Block>& b = page.blocks;
    // A centred image and the centred line under it: a figure and its caption; the logo in the
    // page's header and the 16-pixel icon are no figures.
    CHECK(b[1].src == "https://www.qsxfzxh.example.cn/news/2024/saved_rich_files/meeting.png");
    CHECK(page.figureSources[0] == "saved_rich_files/meeting.png");
    CHECK(b[1].alt == "分析会现场");
    CHECK(b[1].width == 640);
    CHECK(b[1].height == 360);
    REQUIRE(b[1].hasCaption);
    CHECK(textOf(page, b[1]) == "图为第一季度投诉分析会现场");
    CHECK(b[2].level == 2);
    CHECK(textOf(page, b[2]) == "一、投诉总体情况");
    // The data table: caption, the <th> row, rows as wide as it (colspan as an empty cell).
    CHECK(b[4].columns == 3);
    CHECK(b[4].hasCaption);
    CHECK(b[4].textCount == 1 + 3 * 4);
    CHECK(textOf(page, b[4]) == "第一季度投诉类别统计");
    CHECK(textOf(page, b[4], 1) == "投诉类别");
    CHECK(textOf(page, b[4], 7) == "服务类");
    CHECK(textOf(page, b[4], 10) == "合计");
    CHECK(textOf(page, b[4], 11) == "");
    // Lazy images: data-original over a data: placeholder, data-src over src, srcset's first.
    CHECK(b[5].src == "https://www.qsxfzxh.example.cn/uploads/2024/chart.jpg");
    CHECK_FALSE(b[5].hasCaption);
    CHECK(b[8].src == "https://img.qsxfzxh.example.cn/p/hotline.jpg");
    CHECK(textOf(page, b[8]) == "12315热线接线员正在受理投诉");  // its <figcaption>
    CHECK(b[11].src == "https://www.qsxfzxh.example.cn/uploads/2024/team-small.jpg");
    CHECK(b[11].alt == "");
    // The layout table's cells are paragraphs.
    CHECK(textOf(page, b[6]) == "从投诉性质看，质量问题占三成，售后服务问题占两成半，合同问题占一成多。");
    CHECK(textOf(page, b[7]) == "从被投诉主体看，网络平台经营者被投诉最多，其次是教育培训和美容美发机构。");
    // A paragraph all in <strong>: a subheading; an <ol>: one numbered list.
    CHECK(b[9].level == 3);
    CHECK(textOf(page, b[9]) == "二、消费提示");
    CHECK(b[10].ordered);
    REQUIRE(b[10].textCount == 3);
    CHECK(textOf(page, b[10], 2) == "遇到纠纷及时向消费者协会投诉。");
    // Links to files: attachments (the extension in any case), named by their link text.
    CHECK(b[13].href == "https://www.qsxfzxh.example.cn/files/2024q1-report.pdf");
    CHECK(b[13].mime == "application/pdf");
    CHECK(textOf(page, b[13]) == "2024年第一季度投诉分析报告.pdf");
    CHECK(b[14].mime == "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    CHECK(textOf(page, b[14]) == "消费者投诉登记表");
    // Links: resolved against the page's URL; javascript: is text only.
    REQUIRE(page.marks.size() == 2);
    CHECK(page.marks[0].text == b[0].firstText);
    CHECK(page.body[page.marks[0].text].substr(page.marks[0].begin, page.marks[0].end - page.marks[0].begin) == "去年的年度报告");
    CHECK(page.marks[0].href == "https://www.qsxfzxh.example.cn/news/2023/report.html");
    CHECK(page.marks[1].text == b[15].firstText);
    CHECK(page.marks[1].href == "mailto:ts@qsxfzxh.example.cn");
    CHECK(textOf(page, b[15]) == "更多内容请点击这里查看，或发邮件至投诉邮箱。");
}

TEST_CASE("blocks: three rows of two cells make a data table; one row does not; a table in a table is layout") {
    const std::string head = "<html><head><title>t</title></head><body><div class=\"content\"><p>消费者协会提醒广大消费者注意以下事项并保留凭证。</p>";
    const PageContent data = readHtml(head + "<table><tr><td>序号</td><td>商品</td></tr><tr><td>1</td><td>电水壶</td></tr>"
                                             "<tr><td>2</td><td>充电宝</td></tr></table></div></body></html>");
    REQUIRE(kinds(data) == std::vector<BlockKind>{BlockKind::paragraph, BlockKind::table});
    CHECK(data.blocks[1].columns == 2);
    CHECK(textOf(data, data.blocks[1], 0) == "序号");
    CHECK(textOf(data, data.blocks[1], 5) == "充电宝");
    const PageContent oneRow = readHtml(head + "<table><tr><td>电水壶抽检合格率为百分之九十</td><td>充电宝抽检合格率为百分之八十</td></tr>"
                                               "</table></div></body></html>");
    CHECK(oneRow.blocks.empty());
    REQUIRE(oneRow.body.size() == 3);
    CHECK(oneRow.body[2] == "充电宝抽检合格率为百分之八十");
    const PageContent nested = readHtml(head + "<table><tr><td>一</td><td>二</td></tr><tr><td>三</td><td>四</td></tr><tr><td>五</td>"
                                               "<td><table><tr><td>六</td></tr></table></td></tr></table></div></body></html>");
    const std::vector<BlockKind> nestedKinds = kinds(nested);
    CHECK(std::find(nestedKinds.begin(), nestedKinds.end(), BlockKind::table) == nestedKinds.end());
    // Three rows of two cells that hold the page's facts: layout, its time and source still found.
    const PageContent facts = readHtml("<html><head><title>冬季取暖消费提示</title></head><body><table>"
                                       "<tr><td>标题</td><td>冬季取暖消费提示</td></tr>"
                                       "<tr><td>发布时间：2024-01-09 16:45</td><td>来源：市消费者协会</td></tr>"
                                       "<tr><td>作者：张三</td><td>编辑：李四</td></tr></table>" + head.substr(head.find("<div")) +
                                       "</div></body></html>");
    CHECK(facts.blocks.empty());
    CHECK(facts.published.has_value());
    CHECK(facts.source == "市消费者协会");
}

TEST_CASE("blocks: --assets copies a saved page's images, named by their bytes' hash and sized from the file") {
    const std::filesystem::path dir = std::filesystem::temp_directory_path() / "reader_ingest_assets_test";
    std::filesystem::remove_all(dir);
    writeFile(dir / "saved_rich_files/meeting.png", pngHeader(1280, 720));
    PageContent page = readHtml(fixture("saved_rich.html"));
    const FigureReport report = settleFigures(page, dir, AssetFolder{dir / "out/assets", "assets/"});
    CHECK(report.kept == 4);
    CHECK(report.copied == 1);
    CHECK(report.leftOut.empty());
    char name[32];
    std::snprintf(name, sizeof name, "%016llx.png", static_cast<unsigned long long>(fnv1a64(pngHeader(1280, 720))));
    CHECK(page.blocks[1].src == std::string("assets/") + name);
    CHECK(page.blocks[1].width == 1280);  // the file's size, not the <img>'s attributes
    CHECK(page.blocks[1].height == 720);
    CHECK(std::filesystem::file_size(dir / "out/assets" / name) == pngHeader(1280, 720).size());
    CHECK(page.blocks[5].src == "https://www.qsxfzxh.example.cn/uploads/2024/chart.jpg");

    // Not an image, and an image over the format's limit: left out, their captions kept as paragraphs.
    writeFile(dir / "saved_rich_files/meeting.png", "<html>not found</html>");
    PageContent notImage = readHtml(fixture("saved_rich.html"));
    const FigureReport refused = settleFigures(notImage, dir, AssetFolder{dir / "out/assets", "assets/"});
    REQUIRE(refused.leftOut.size() == 1);
    CHECK(refused.leftOut[0] == "saved_rich_files/meeting.png: not a PNG, JPEG or GIF image");
    CHECK(notImage.blocks[1].kind == BlockKind::paragraph);
    CHECK(textOf(notImage, notImage.blocks[1]) == "图为第一季度投诉分析会现场");
    std::string why;
    CHECK_FALSE(storeImage(pngHeader(30'000, 30'000), dir, why));
    CHECK(why == "a damaged image, or too large for stb_image to read");
    CHECK_FALSE(storeImage(pngHeader(64, 64).substr(0, 20), dir, why));  // truncated
    CHECK(why == "a damaged image, or too large for stb_image to read");
    CHECK_FALSE(storeImage(pngHeader(25'000, 2), dir, why));
    CHECK(why == "25000 x 2 pixels, over the format's limit of 20000");
    std::filesystem::remove_all(dir);
}

TEST_CASE("blocks: without a page URL or --assets, an image of the saved page is left out, and says why") {
    PageContent page = readHtml("<html><body><div class=\"content\"><p>消费者协会提醒广大消费者注意以下事项并保留凭证。</p>"
                                "<p><img src=\"page_files/a.jpg\" width=\"400\" height=\"300\" alt=\"甲\"></p>"
                                "<p><img src=\"https://example.cn/b.jpg\" alt=\"乙\"></p></div></body></html>");
    REQUIRE(kinds(page) == std::vector<BlockKind>{BlockKind::paragraph, BlockKind::figure, BlockKind::figure});
    const FigureReport report = settleFigures(page, ".", std::nullopt);
    REQUIRE(report.leftOut.size() == 2);
    CHECK(report.leftOut[0] == "page_files/a.jpg: a file of the saved page (give --assets DIR to copy it)");
    CHECK(report.leftOut[1] == "https://example.cn/b.jpg: the page gives no width and height");
    CHECK(page.blocks.empty());
    CHECK(page.body.size() == 1);
}

TEST_CASE("blocks: relative addresses resolve as a browser resolves them") {
    const std::string base = "https://www.example.cn/news/2024/0410.html?from=list#top";
    CHECK(resolveUrl(base, "a.jpg") == "https://www.example.cn/news/2024/a.jpg");
    CHECK(resolveUrl(base, "../../files/b.pdf") == "https://www.example.cn/files/b.pdf");
    CHECK(resolveUrl(base, "/uploads/c.png?v=2") == "https://www.example.cn/uploads/c.png?v=2");
    CHECK(resolveUrl(base, "//cdn.example.cn/d.jpg") == "https://cdn.example.cn/d.jpg");
    CHECK(resolveUrl(base, "?page=2") == "https://www.example.cn/news/2024/0410.html?page=2");
    CHECK(resolveUrl(base, "mailto:a@example.cn") == "mailto:a@example.cn");
    CHECK(resolveUrl("", "a.jpg") == "a.jpg");
    CHECK(resolveUrl("https://www.example.cn", "a.jpg") == "https://www.example.cn/a.jpg");
    CHECK(attachmentMime("https://x.cn/f/Report.XLSX?dl=1") == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    CHECK(attachmentMime("https://x.cn/f/page.html") == "");
}
