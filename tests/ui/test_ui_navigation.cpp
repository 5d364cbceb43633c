// The real ImGui views, driven by clicks in a headless ImGui context.
#include <doctest/doctest.h>


#include "headless_imgui.h"
#include "sample_bundle.h"
#include <imgui_internal.h>
#include "core/ruby_parser.h"
#include "ui/reader_app.h"

using namespace reader;
using test::readSample;

namespace {

struct Fixture {
    test::HeadlessImGui imgui{1024, 768};
    ui::ReaderApp app{ui::Ports{.today = [] { return core::CivilDate{2026, 11, 25}; }}};
    std::function<void()> draw = [this] { app.frame(); };

    Fixture() {
        app.setFont(imgui.font());
        REQUIRE(app.loadBundle(readSample()).ok());
        imgui.frame(draw);
        imgui.frame(draw);
    }

    // Wheels the content down until the item is entirely on screen, as a reader would.
    void revealKey(const std::string& key) {
        for (int step = 0; step < 40; ++step) {
            const auto rect = app.itemRect(key);
            if (rect && rect->y + rect->h <= ImGui::GetIO().DisplaySize.y) return;
            imgui.wheel(512, 400, 1.0f, draw);
        }
        FAIL("no wheel step brought " << key << " into view");
    }

    void clickKey(const std::string& key) {
        revealKey(key);
        const auto rect = app.itemRect(key);
        REQUIRE_MESSAGE(rect.has_value(), "nothing on screen has key " << key);
        imgui.click(rect->x + rect->w / 2, rect->y + rect->h / 2, draw);
    }

    std::string seedId() const {
        for (const core::Article& a : app.bundle()->articles) {
            if (a.title.starts_with("2023年(nián)第一(yī)次")) return a.id;
        }
        return {};
    }
};

}  // namespace

TEST_CASE("ui: the home list shows every article, newest first") {
    Fixture f;
    CHECK(f.app.navigator().current().view == core::View::List);
    CHECK(f.app.hasDrawnFirstView());
    CHECK(f.app.itemRect("crumb:home").has_value());
    f.revealKey("article:" + f.seedId());
}

TEST_CASE("ui: clicking a list item opens the article; the breadcrumb leads back") {
    Fixture f;
    const std::string id = f.seedId();
    REQUIRE_FALSE(id.empty());
    f.clickKey("article:" + id);
    CHECK(f.app.navigator().current().view == core::View::Article);
    CHECK(f.app.navigator().current().articleId == id);

    f.clickKey("crumb:category");
    CHECK(f.app.navigator().current() == core::Place{core::View::List, "xiaoxie-dongtai", ""});

    f.clickKey("crumb:home");
    CHECK(f.app.navigator().current() == core::Place{});
}

TEST_CASE("ui: the font-size switch changes the body size") {
    Fixture f;
    f.clickKey("article:" + f.seedId());
    CHECK(f.app.settings().fontSize == core::FontSize::Medium);
    f.clickKey("font:large");
    CHECK(f.app.settings().fontSize == core::FontSize::Large);
    f.clickKey("font:small");
    CHECK(f.app.settings().fontSize == core::FontSize::Small);
}

TEST_CASE("ui: the pinyin switch changes the display mode and the settings port hears of it") {
    Fixture f;
    std::string saved;
    ui::ReaderApp app{ui::Ports{.today = [] { return core::CivilDate{2026, 11, 25}; },
                                .loadSettings = [] { return std::string("rubyMode=hidden\n"); },
                                .saveSettings = [&](const std::string& text) { saved = text; }}};
    app.setFont(f.imgui.font());
    REQUIRE(app.loadBundle(readSample()).ok());
    CHECK(app.settings().rubyMode == core::RubyMode::Hidden);  // loaded through the port
    f.draw = [&] { app.frame(); };
    REQUIRE(app.go(core::Place{core::View::Article, "", f.seedId()}));
    f.imgui.frame(f.draw);
    const auto rect = app.itemRect("ruby:inline");
    REQUIRE(rect.has_value());
    f.imgui.click(rect->x + rect->w / 2, rect->y + rect->h / 2, f.draw);
    CHECK(app.settings().rubyMode == core::RubyMode::Inline);
    CHECK(saved.find("rubyMode=inline") != std::string::npos);
}

TEST_CASE("ui: a mouse drag over the body selects text; Ctrl+A selects the whole body") {
    Fixture f;
    f.clickKey("article:" + f.seedId());
    f.clickKey("ruby:hidden");
    const auto para = f.app.itemRect("paragraph:0");
    REQUIRE(para.has_value());
    ImGuiIO& io = ImGui::GetIO();
    const float y = para->y + 10;
    io.AddMousePosEvent(para->x + 1, y);
    f.imgui.frame(f.draw);
    io.AddMouseButtonEvent(0, true);
    f.imgui.frame(f.draw);
    io.AddMousePosEvent(para->x + para->w - 1, y);
    f.imgui.frame(f.draw);
    io.AddMouseButtonEvent(0, false);
    f.imgui.frame(f.draw);
    const std::string selected = f.app.selectedText();
    CAPTURE(selected);
    CHECK(selected.size() > 10);
    CHECK(core::RubyParser::strip(f.app.bundle()->findArticle(f.seedId())->body[0]).starts_with(selected));

    f.app.selectAllText();
    const std::string all = f.app.selectedText();
    CHECK(all.starts_with("8月10日下午"));
    CHECK(all.find('\n') != std::string::npos);
    CHECK(all.find("(yuè)") == std::string::npos);
}

TEST_CASE("ui: a broken bundle is reported and the previous one stays") {
    Fixture f;
    const core::Result<void> loaded = f.app.loadBundle("{\"format\": ");
    REQUIRE_FALSE(loaded.ok());
    f.imgui.frame(f.draw);
    CHECK(f.app.error() == loaded.error().describe());
    CHECK(f.app.bundle() != nullptr);
    CHECK(f.app.itemRect("crumb:home").has_value());
}

TEST_CASE("ui: without any bundle the error is the view") {
    test::HeadlessImGui imgui(800, 600);
    ui::ReaderApp app{ui::Ports{.today = [] { return core::CivilDate{2026, 11, 25}; }}};
    app.setFont(imgui.font());
    CHECK_FALSE(app.loadBundle("not json").ok());
    imgui.frame([&] { app.frame(); });
    CHECK(app.hasDrawnFirstView());
    CHECK(app.bundle() == nullptr);
    CHECK_FALSE(app.itemRect("crumb:home").has_value());
}

TEST_CASE("ui: revealing a paragraph scrolls it to the top and marks it until the next click") {
    Fixture f;
    CHECK_FALSE(f.app.revealParagraph(0));  // the list: no article to reveal in
    REQUIRE(f.app.go(core::Place{core::View::Article, "", f.seedId()}));
    f.imgui.frame(f.draw);
    f.imgui.frame(f.draw);
    const size_t paragraphs = f.app.bundle()->findArticle(f.seedId())->body.size();
    REQUIRE(paragraphs > 2);
    CHECK_FALSE(f.app.revealParagraph(paragraphs));
    const auto before = f.app.itemRect("paragraph:2");
    REQUIRE(before.has_value());
    CHECK(before->y > 768 / 4);  // below the title and two paragraphs
    CHECK(f.app.scrollY() == 0.0f);

    REQUIRE(f.app.revealParagraph(2));
    f.imgui.frame(f.draw);
    f.imgui.frame(f.draw);
    const auto after = f.app.itemRect("paragraph:2");
    REQUIRE(after.has_value());
    CHECK(f.app.scrollY() > 0.0f);
    CHECK(after->y < 768 / 4);
    CHECK(f.app.articleView().revealedParagraph() == std::optional<size_t>(2));

    // The mark stays while frames go by, and a click anywhere ends it (the scroll stays).
    f.imgui.frame(f.draw);
    CHECK(f.app.articleView().revealedParagraph() == std::optional<size_t>(2));
    f.imgui.click(after->x + 10, after->y + 10, f.draw);
    CHECK_FALSE(f.app.articleView().revealedParagraph().has_value());
    CHECK(f.app.scrollY() > 0.0f);
}

TEST_CASE("ui: a hotline is a link that dials it, through the openLink port") {
    test::HeadlessImGui imgui{1280, 800};
    std::vector<std::string> opened;
    ui::Ports ports{.today = [] { return core::CivilDate{2026, 11, 25}; }};
    ports.openLink = [&](const std::string& url) { opened.push_back(url); };
    ui::ReaderApp app(ports);
    app.setFont(imgui.font());
    REQUIRE(app.loadBundle(readSample()).ok());
    const std::function<void()> draw = [&] { app.frame(); };
    imgui.frame(draw);
    imgui.frame(draw);
    const auto rect = app.itemRect("hotline:1");
    REQUIRE(rect.has_value());
    imgui.click(rect->x + rect->w / 2, rect->y + rect->h / 2, draw);
    CHECK(opened == std::vector<std::string>{"tel:0471-6920007"});
}

TEST_CASE("ui: an article opens where the reader left it, and the position is saved") {
    test::HeadlessImGui imgui{1024, 600};
    std::string saved;
    ui::Ports ports{.today = [] { return core::CivilDate{2026, 11, 25}; }};
    ports.savePositions = [&](const std::string& text) { saved = text; };
    ui::ReaderApp app(ports);
    app.setFont(imgui.font());
    REQUIRE(app.loadBundle(readSample()).ok());
    const std::function<void()> draw = [&] { app.frame(); };
    const std::string seed = app.bundle()->articles[0].id;
    REQUIRE(app.open(seed));
    for (int i = 0; i < 3; ++i) imgui.frame(draw);
    for (int i = 0; i < 6; ++i) imgui.wheel(512, 400, 1.0f, draw);
    const float left = app.scrollY();
    REQUIRE(left > 100.0f);
    REQUIRE(app.back());
    imgui.frame(draw);
    imgui.frame(draw);
    CHECK(saved.find(seed) != std::string::npos);  // leaving the article saved it
    REQUIRE(app.open(seed));
    for (int i = 0; i < 4; ++i) imgui.frame(draw);
    CHECK(app.scrollY() == doctest::Approx(left).epsilon(0.02));
}

namespace {

// The body paragraph at the top of the content, and how far into it the top is (fraction of its height).
std::pair<int, float> topParagraph(const ui::ReaderApp& app) {
    const float top = app.contentTopY();
    for (int i = 0; i < 100; ++i) {
        const auto rect = app.itemRect("paragraph:" + std::to_string(i));
        if (!rect) continue;
        if (rect->y <= top + 0.5f && rect->y + rect->h > top) return {i, (top - rect->y) / rect->h};
    }
    return {-1, 0.0f};
}

}  // namespace

TEST_CASE("ui: a settings change keeps the paragraph at the top of the window in place") {
    test::HeadlessImGui imgui{1024, 600};
    ui::ReaderApp app{ui::Ports{.today = [] { return core::CivilDate{2026, 11, 25}; }}};
    app.setFont(imgui.font());
    REQUIRE(app.loadBundle(readSample()).ok());
    const std::function<void()> draw = [&] { app.frame(); };
    REQUIRE(app.open(app.bundle()->articles[0].id));
    for (int i = 0; i < 3; ++i) imgui.frame(draw);
    for (int i = 0; i < 7; ++i) imgui.wheel(512, 400, 1.0f, draw);
    const auto before = topParagraph(app);
    REQUIRE(before.first >= 1);  // scrolled into the body, past its first paragraph
    for (const auto& change : std::vector<std::function<void(core::Settings&)>>{
             [](core::Settings& s) { s.lineHeight = 2.4f; },
             [](core::Settings& s) { s.fontSize = core::FontSize::Large; },
             [](core::Settings& s) { s.letterSpacing = 0.15f; },
             [](core::Settings& s) { s.contentWidth = 500.0f; },
             [](core::Settings& s) { s.rubyMode = core::RubyMode::Inline; }}) {
        const auto was = topParagraph(app);
        core::Settings next = app.settings();
        change(next);
        app.setSettings(next);
        for (int i = 0; i < 3; ++i) imgui.frame(draw);
        const auto now = topParagraph(app);
        CHECK(now.first == was.first);
        CHECK(now.second == doctest::Approx(was.second).epsilon(0.05));
    }
}

TEST_CASE("ui: pinyin on demand shows a reading in a tooltip under the pointer, nothing elsewhere") {
    test::HeadlessImGui imgui{1024, 700};
    ui::ReaderApp app{ui::Ports{.today = [] { return core::CivilDate{2026, 11, 25}; }}};
    app.setFont(imgui.font());
    REQUIRE(app.loadBundle(readSample()).ok());
    const std::function<void()> draw = [&] { app.frame(); };
    core::Settings settings = app.settings();
    settings.rubyMode = core::RubyMode::Hidden;
    settings.rubyOnDemand = true;
    app.setSettings(settings);
    REQUIRE(app.open(app.bundle()->articles[0].id));
    for (int i = 0; i < 3; ++i) imgui.frame(draw);
    const auto para = app.itemRect("paragraph:0");
    REQUIRE(para.has_value());
    const auto tooltipShown = [&] {
        for (ImGuiWindow* window : ImGui::GetCurrentContext()->Windows) {
            if ((window->Flags & ImGuiWindowFlags_Tooltip) && window->Active) return true;
        }
        return false;
    };
    // "8月(yuè)10日": past the two-character indent and the digit, 月 has a reading.
    const float size = app.articleView().bodyTextSize();
    const auto& layout = app.articleView().paragraphLayouts()[0];
    const float x = para->x + (layout.caretX(1) + layout.caretX(2)) / 2;
    ImGui::GetIO().AddMousePosEvent(x, para->y + size);
    for (int i = 0; i < 3; ++i) imgui.frame(draw);
    CHECK(tooltipShown());
    ImGui::GetIO().AddMousePosEvent(para->x + (layout.caretX(3) + layout.caretX(4)) / 2, para->y + size);  // 0 of 10: no reading
    for (int i = 0; i < 3; ++i) imgui.frame(draw);
    CHECK_FALSE(tooltipShown());
}

// The search box's query marks its hits in the article opened from the results: the find bar says
// "1 / N", its buttons and Enter / Shift+Enter move between them, Esc clears the marks and a second
// Esc goes back.
TEST_CASE("ui: an article opened from the results marks every hit; the find bar and Enter move, Esc clears") {
    Fixture f;
    const auto press = [&f](ImGuiKey key, bool shift = false) {
        ImGuiIO& io = ImGui::GetIO();
        if (shift) io.AddKeyEvent(ImGuiMod_Shift, true);
        io.AddKeyEvent(key, true);
        f.imgui.frame(f.draw);
        io.AddKeyEvent(key, false);
        if (shift) io.AddKeyEvent(ImGuiMod_Shift, false);
        f.imgui.frame(f.draw);
    };
    f.clickKey("search");
    ImGui::GetIO().AddInputCharactersUTF8("知識産權");
    f.imgui.frame(f.draw);
    f.imgui.frame(f.draw);
    REQUIRE(f.app.navigator().current().view == core::View::Search);
    f.clickKey("result:" + f.seedId());  // the box keeps the query
    f.imgui.frame(f.draw);
    REQUIRE(f.app.navigator().current().view == core::View::Article);
    const size_t hits = f.app.articleView().hitCount();
    REQUIRE(hits > 2);  // the title once, the body several times
    CHECK(f.app.articleView().currentHit() == 0);
    REQUIRE(f.app.itemRect("find:next"));
    const auto next = f.app.itemRect("find:next");
    CHECK(next->y + next->h <= ImGui::GetIO().DisplaySize.y);  // in the content's lower corner
    f.clickKey("find:next");
    CHECK(f.app.articleView().currentHit() == 1);
    press(ImGuiKey_Enter);
    CHECK(f.app.articleView().currentHit() == 2);
    press(ImGuiKey_Enter, true);
    CHECK(f.app.articleView().currentHit() == 1);
    f.clickKey("find:previous");
    f.clickKey("find:previous");
    CHECK(f.app.articleView().currentHit() == hits - 1);  // round from the first to the last
    press(ImGuiKey_Escape);
    CHECK(f.app.articleView().hitCount() == 0);
    CHECK_FALSE(f.app.itemRect("find:next"));
    CHECK(f.app.navigator().current().view == core::View::Article);
    press(ImGuiKey_Escape);
    CHECK(f.app.navigator().current().view == core::View::Search);
}

TEST_CASE("ui: a result shows up to three more matches from other paragraphs; one opens the article at its match") {
    Fixture f;
    f.clickKey("search");
    ImGui::GetIO().AddInputCharactersUTF8("知識産權");
    f.imgui.frame(f.draw);
    f.imgui.frame(f.draw);
    REQUIRE(f.app.navigator().current().view == core::View::Search);
    const std::string id = f.seedId();
    f.revealKey("result:" + id);
    REQUIRE(f.app.itemRect("subresult:" + id + ":0"));
    REQUIRE(f.app.itemRect("subresult:" + id + ":2"));
    CHECK_FALSE(f.app.itemRect("subresult:" + id + ":3"));
    const auto result = f.app.itemRect("result:" + id), second = f.app.itemRect("subresult:" + id + ":1");
    CHECK(second->y > result->y + result->h);  // under the result's own lines

    f.clickKey("subresult:" + id + ":1");
    f.imgui.frame(f.draw);
    REQUIRE(f.app.navigator().current().view == core::View::Article);
    // The title's hit is the first; the second sub-result's paragraph comes after the first's.
    CHECK(f.app.articleView().currentHit() >= 2);
    const size_t opened = f.app.articleView().currentHit();

    // Back to the results (Esc cleared the marks and the box; the results bring their query back), the
    // first sub-result of the same article: its match, not the last one.
    ImGuiIO& io = ImGui::GetIO();
    for (int press = 0; press < 2; ++press) {  // the marks, then back
        io.AddKeyEvent(ImGuiKey_Escape, true);
        f.imgui.frame(f.draw);
        io.AddKeyEvent(ImGuiKey_Escape, false);
        f.imgui.frame(f.draw);
    }
    REQUIRE(f.app.navigator().current().view == core::View::Search);
    f.imgui.frame(f.draw);
    f.clickKey("subresult:" + id + ":0");
    f.imgui.frame(f.draw);
    REQUIRE(f.app.navigator().current().view == core::View::Article);
    CHECK(f.app.articleView().currentHit() >= 1);
    CHECK(f.app.articleView().currentHit() < opened);
}

TEST_CASE("ui: the results' order is a setting the port saves") {
    Fixture f;
    std::string saved;
    ui::ReaderApp app{ui::Ports{.today = [] { return core::CivilDate{2026, 11, 25}; },
                                .loadSettings = [] { return std::string("searchOrder=relevance\n"); },
                                .saveSettings = [&](const std::string& text) { saved = text; }}};
    app.setFont(f.imgui.font());
    REQUIRE(app.loadBundle(readSample()).ok());
    CHECK(app.searchOrder() == core::SearchOrder::Relevance);  // loaded through the port
    f.draw = [&] { app.frame(); };
    REQUIRE(app.go(core::Place{core::View::Search, "", "", "消費"}));
    f.imgui.frame(f.draw);
    f.imgui.frame(f.draw);
    const auto rect = app.itemRect("order:newest");
    REQUIRE(rect.has_value());
    f.imgui.click(rect->x + rect->w / 2, rect->y + rect->h / 2, f.draw);
    CHECK(app.searchOrder() == core::SearchOrder::Newest);
    CHECK(saved.find("searchOrder=newest") != std::string::npos);
}

TEST_CASE("ui: filters browse the archive without a query, by category with its sub-categories, year and month") {
    Fixture f;
    f.clickKey("browse:dates");
    REQUIRE(f.app.navigator().current() == core::Place{core::View::Search, "", "", ""});
    CHECK(f.app.listedResults(f.app.navigator().current()).size() == f.app.bundle()->articles.size());
    const core::FacetCounts& all = f.app.searchFacets(f.app.navigator().current());
    CHECK(all.years == std::vector<std::pair<int, size_t>>{{2026, 1}, {2025, 6}, {2024, 6}, {2023, 5}});

    f.clickKey("filter:year:2024");
    CHECK(f.app.navigator().current() == core::Place{core::View::Search, "", "", "", 2024, 0});
    f.clickKey("filter:category:weiquan-tishi");  // with 消費警示 under it
    const core::Place tips = f.app.navigator().current();
    CHECK(tips == core::Place{core::View::Search, "weiquan-tishi", "", "", 2024, 0});
    const std::vector<std::string> ids = f.app.listedResults(tips);
    REQUIRE(ids.size() == 2);  // 2024-11 維權提示 and 2024-01 消費警示, newest first
    CHECK(f.app.bundle()->findArticle(ids[0])->categoryId == "weiquan-tishi");
    CHECK(f.app.bundle()->findArticle(ids[1])->categoryId == "xiaofei-jingshi");
    REQUIRE(f.app.itemRect("filter:month:1"));
    CHECK_FALSE(f.app.itemRect("filter:month:2"));  // no article then: no choice
    f.clickKey("filter:month:1");
    CHECK(f.app.listedResults(f.app.navigator().current()) == std::vector<std::string>{ids[1]});
    CHECK(core::fragmentFor(f.app.navigator().current()) == "#/search/?category=weiquan-tishi&year=2024&month=1");

    // Typing a query keeps the filters; its results are filtered and its counts its own.
    f.clickKey("search");
    ImGui::GetIO().AddInputCharactersUTF8("消費");
    f.imgui.frame(f.draw);
    f.imgui.frame(f.draw);
    const core::Place searched = f.app.navigator().current();
    CHECK(searched == core::Place{core::View::Search, "weiquan-tishi", "", "消費", 2024, 1});
    for (const std::string& id : f.app.listedResults(searched)) CHECK(f.app.bundle()->findArticle(id)->published.month == 1);
    CHECK(f.app.searchFacets(searched).years.size() <= all.years.size());
}
