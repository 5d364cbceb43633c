// The sidebar's category tree (ui/category_tree) on generated bundles: 100,000 flat categories cost
// a frame what the visible rows cost (the rows below the sidebar are not drawn at all), and the
// deepest chain the loader allows is drawn indented, a click on its last category opening it.
#include <doctest/doctest.h>

#include <chrono>
#include <string>

#include "headless_imgui.h"
#include "ui/reader_app.h"

using namespace reader;

namespace {

// `count` categories c0..c(count-1), each the parent of the next when `chain`; one article in c0.
std::string categoryBundle(size_t count, bool chain) {
    std::string text = R"({"format": {"name": "article-reader-bundle", "version": "1.0"},)"
                       R"( "site": {"name": "消協", "locale": "zh-Hant"}, "categories": [)";
    for (size_t i = 0; i < count; ++i) {
        if (i > 0) text += ", ";
        text += R"({"id": "c)" + std::to_string(i) + R"(", "name": "分類)" + std::to_string(i) + "\"";
        if (chain && i > 0) text += R"(, "parent": "c)" + std::to_string(i - 1) + "\"";
        text += "}";
    }
    return text + R"(], "articles": [{"id": "a", "category": "c0", "title": "標題", "published": "2024-01-01T00:00:00+08:00", "body": ["一"]}]})";
}

struct Fixture {
    test::HeadlessImGui imgui{1280, 800};  // wide enough for the sidebar
    ui::ReaderApp app{ui::Ports{.today = [] { return core::CivilDate{2026, 11, 25}; }}};
    std::function<void()> draw = [this] { app.frame(); };

    explicit Fixture(const std::string& bundle) {
        app.setFont(imgui.font());
        REQUIRE(app.loadBundle(bundle).ok());
        imgui.frame(draw);
        imgui.frame(draw);
    }
};

}  // namespace

TEST_CASE("ui: 100,000 flat categories: the sidebar draws the visible rows only") {
    Fixture f(categoryBundle(100'000, false));
    CHECK(f.app.itemRect("category:c0").has_value());
    CHECK_FALSE(f.app.itemRect("category:c99999").has_value());
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < 10; ++i) f.imgui.frame(f.draw);
    const double perFrame = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() / 10;
    // Every row scanning every category (as it was) took minutes per frame here.
    CHECK(perFrame < 0.25);
}

TEST_CASE("ui: the deepest chain the loader allows is drawn indented, and its last category opens") {
    Fixture f(categoryBundle(32, true));
    const auto top = f.app.itemRect("category:c0");
    const auto next = f.app.itemRect("category:c1");
    REQUIRE(top.has_value());
    REQUIRE(next.has_value());
    CHECK(next->x > top->x);
    // The wheel over the sidebar brings the last row into view.
    for (int step = 0; step < 40 && !f.app.itemRect("category:c31"); ++step) f.imgui.wheel(top->x + 10, 400, 1.0f, f.draw);
    const auto deep = f.app.itemRect("category:c31");
    REQUIRE(deep.has_value());
    CHECK(deep->x > next->x);
    CHECK(deep->w > 0);
    f.imgui.click(deep->x + deep->w / 2, deep->y + deep->h / 2, f.draw);
    CHECK(f.app.navigator().current().categoryId == "c31");
}
