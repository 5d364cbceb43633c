// Format 1.2's blocks in the real views (tests/fixtures/rich/rich-bundle.json): a table wider than
// the column scrolls sideways under the horizontal wheel, its header row with it; the whole article
// copies with the table as tab-separated lines; a click on an attachment opens its link; read aloud
// leaves out the table's grid.
#include <doctest/doctest.h>

#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "core/bundle_loader.h"
#include "headless_imgui.h"
#include "ui/reader_app.h"
#include "ui/speech.h"

using namespace reader;

namespace {

std::string fixture() {
    std::ifstream in(std::string(READER_SOURCE_DIR) + "/tests/fixtures/rich/rich-bundle.json", std::ios::binary);
    REQUIRE(in.good());
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

struct Fixture {
    test::HeadlessImGui imgui;
    std::vector<std::string> opened;
    ui::ReaderApp app{ui::Ports{.today = [] { return core::CivilDate{2026, 11, 25}; },
                                .openLink = [this](const std::string& url) { opened.push_back(url); }}};
    std::function<void()> draw = [this] { app.frame(); };

    Fixture(float width, float height) : imgui(width, height) {
        app.setFont(imgui.font());
        REQUIRE(app.loadBundle(fixture()).ok());
        imgui.frame(draw);
    }
    void open(const std::string& id) {
        REQUIRE(app.open(id));
        imgui.frame(draw);
        imgui.frame(draw);
    }
    // The queued events arrive one per frame; the scroll they make shows in the frame after.
    void settle() {
        for (int i = 0; i < 3; ++i) imgui.frame(draw);
    }
    ImVec2 origin(size_t text) const { return app.articleView().paragraphOrigins().at(text); }
};

}  // namespace

TEST_CASE("ui: a table wider than the column scrolls sideways, its header row with it") {
    Fixture f(260, 800);
    f.open("wide");
    // Text 0 is the paragraph before; 1-7 the header cells, 8-14 the row's cells.
    const ImVec2 header = f.origin(1), lastHeader = f.origin(7), cell = f.origin(8);
    CHECK(lastHeader.y == header.y);  // one header row
    REQUIRE(f.origin(7).x > 260.0f);  // the last column starts beyond the window: the table is wider
    CHECK(cell.y > header.y);
    const ImVec2 inTable(header.x + 40, cell.y + 10);
    ImGuiIO& io = ImGui::GetIO();
    io.AddMousePosEvent(inTable.x, inTable.y);
    io.AddMouseWheelEvent(-1.0f, 0.0f);
    f.settle();
    CHECK(f.origin(1).x < header.x);     // moved left: the table scrolled
    CHECK(f.origin(1).y == header.y);    // and nothing moved up or down
    CHECK(f.origin(8).x == doctest::Approx(cell.x - (header.x - f.origin(1).x)));
    CHECK(f.origin(15).x == f.origin(0).x);  // the paragraph after it stays in the column
    // Back as far as it goes, and no further.
    io.AddMouseWheelEvent(30.0f, 0.0f);
    f.settle();
    CHECK(f.origin(1).x == doctest::Approx(header.x));
}

TEST_CASE("ui: an article with a table copies it as tab-separated lines") {
    Fixture f(900, 1000);
    f.open("wide");
    f.app.selectAllText();
    f.imgui.frame(f.draw);
    CHECK(f.app.selectedText() ==
          "以下為本次抽檢結果。\n樣品名稱\t標稱生產企業\t規格型號\t生產日期\t檢驗項目\t檢驗結果\t備註\n"
          "電熱水壺\t示例電器製造有限公司第一分公司\tHK-1800W-1.7L\t2025-06-01\t泄漏電流及電氣強度\t不合格\t已責令整改並下架全部同批次產品\n"
          "表格之後的段落。");
}

TEST_CASE("ui: a click on an attachment's line opens its link through the reader's link path") {
    Fixture f(900, 2000);
    f.open("rich");
    const auto rect = f.app.itemRect("paragraph:23");  // the attachment's name is body text 23
    REQUIRE(rect);
    f.imgui.click(rect->x + rect->w * 0.2f, rect->y + rect->h * 0.5f, f.draw);
    CHECK(f.opened == std::vector<std::string>{"https://example.org/files/report-2025.pdf"});
}

TEST_CASE("ui blocks: read aloud speaks headings, captions and list items, not a table's grid") {
    std::vector<std::string> spoken;
    const ui::Ports ports{.speak = [&](const std::string&, const std::vector<std::string>& sentences, float) { spoken = sentences; }};
    ui::Speech speech(ports);
    const core::Result<core::Bundle> bundle = core::BundleLoader::load(fixture());
    REQUIRE(bundle.ok());
    const core::Article& article = bundle->articles[0];
    const core::Place place{.view = core::View::Article, .articleId = article.id};
    speech.carryOut(ui::SpeechRequest::Start, place, &article, nullptr, "zh-Hant", 1.0f);
    REQUIRE_FALSE(spoken.empty());
    std::string all;
    for (const std::string& sentence : spoken) all += sentence + "\n";
    CHECK(all.find("投訴分類") != std::string::npos);           // a heading
    CHECK(all.find("表一 各類投訴件數") != std::string::npos);  // the table's caption
    CHECK(all.find("保留購物票據") != std::string::npos);       // a list item
    CHECK(all.find("家用電器及維修服務") == std::string::npos);  // a cell
    CHECK(all.find("25.9%") == std::string::npos);              // another
}

TEST_CASE("ui blocks: a link run is drawn in the link colour, underlined, and a click on it opens it") {
    Fixture f(900, 4000);  // tall enough to show the paragraph
    f.open("rich");
    // The paragraph "詳見[中心網站](link)，[切勿](strong)輕信。"
    const core::Article& article = *f.app.bundle()->findArticle("rich");
    size_t t = 0;
    while (t < article.body.size() && article.body[t].rfind("詳見", 0) != 0) ++t;
    REQUIRE(t < article.body.size());
    const ui::ArticleLayout& layout = f.app.articleView().layout();
    const auto spans = layout.inlineSpans(t);
    REQUIRE(spans.size() == 2);
    CHECK(spans[0].begin == 2);  // 中心網站
    CHECK(spans[0].end == 6);
    CHECK(layout.inlineMark(spans[0]).href == "https://example.org/");
    CHECK(spans[1].begin == 7);  // 切勿
    CHECK(layout.inlineMark(spans[1]).strong);

    const core::ParagraphLayout& text = layout.paragraphs()[t];
    const ImVec2 at = f.origin(t);
    const auto glyphCentre = [&](size_t i) {
        const core::Glyph& g = text.glyphs[i];
        return ImVec2(at.x + g.x + g.advance * 0.5f, at.y + text.lines[0].y + text.lineAdvance * 0.6f);
    };
    // A click beside the link opens nothing; on it, the link.
    const ImVec2 before = glyphCentre(1), on = glyphCentre(3);
    f.imgui.click(before.x, before.y, f.draw);
    CHECK(f.opened.empty());
    f.imgui.click(on.x, on.y, f.draw);
    CHECK(f.opened == std::vector<std::string>{"https://example.org/"});
}
