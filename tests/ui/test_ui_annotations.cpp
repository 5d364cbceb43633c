// Highlights, notes and bookmarks through the real views: select text, highlight it with the
// selection's button, find it in the panel, go back to it from there; its card removes it; they are
// saved through the ports and read back by the next app; the page hears of each change.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/annotation_store.h"
#include "headless_imgui.h"
#include "sample_bundle.h"
#include "ui/reader_app.h"

using namespace reader;
using test::readSample;

namespace {

struct Saved {
    std::string text;
    std::vector<std::string> events;  // "highlight added", ...
};

ui::Ports portsFor(Saved& saved) {
    return ui::Ports{
        .today = [] { return core::CivilDate{2026, 11, 25}; },
        .loadAnnotations = [&saved] { return saved.text; },
        .saveAnnotations = [&saved](const std::string& text) { saved.text = text; },
        .annotationChanged = [&saved](const std::string& event, const std::string& action, const std::string&) {
            saved.events.push_back(event + " " + action);
        },
    };
}

struct Fixture {
    explicit Fixture(Saved& saved) : app(portsFor(saved)) {
        app.setFont(imgui.font());
        app.setAnnotationSource("https://news.example/sample-bundle.json", "https://news.example/");
        REQUIRE(app.loadBundle(readSample()).ok());
        imgui.frame(draw);
        imgui.frame(draw);
    }

    void clickKey(const std::string& key) {
        const auto rect = app.itemRect(key);
        REQUIRE_MESSAGE(rect.has_value(), "nothing on screen has key " << key);
        imgui.click(rect->x + rect->w / 2, rect->y + rect->h / 2, draw);
    }

    // A drag along the first line of body paragraph 0, from `from` to `to` pixels into it.
    void selectInFirstParagraph(float from, float to) {
        const auto rect = app.itemRect("paragraph:0");
        REQUIRE(rect.has_value());
        ImGuiIO& io = ImGui::GetIO();
        const float y = rect->y + 20.0f;
        io.AddMousePosEvent(rect->x + from, y);
        imgui.frame(draw);
        io.AddMouseButtonEvent(0, true);
        imgui.frame(draw);
        io.AddMousePosEvent(rect->x + to, y);
        imgui.frame(draw);
        io.AddMouseButtonEvent(0, false);
        imgui.frame(draw);
        imgui.frame(draw);
    }

    std::string seedId() const {
        for (const core::Article& a : app.bundle()->articles) {
            if (a.title.starts_with("2023年(nián)第一(yī)次")) return a.id;
        }
        return {};
    }

    test::HeadlessImGui imgui{1024, 768};
    ui::ReaderApp app;
    std::function<void()> draw = [this] { app.frame(); };
};

}  // namespace

TEST_CASE("ui: select, highlight, find it in the panel, go back to it; saved and read back") {
    Saved saved;
    std::string id, quote;
    {
        Fixture f(saved);
        REQUIRE(f.app.open(f.seedId()));
        f.imgui.frame(f.draw);
        f.imgui.frame(f.draw);
        f.selectInFirstParagraph(60.0f, 260.0f);
        quote = f.app.selectedText();
        REQUIRE_FALSE(quote.empty());
        f.clickKey("highlight:green");
        const auto& all = f.app.annotations().store().all();
        REQUIRE(all.size() == 1);
        id = all[0].id;
        CHECK(all[0].color == "green");
        CHECK(all[0].articleId == f.seedId());
        CHECK(all[0].quote.exact == quote);  // readings above: the text selected is the base text
        CHECK(saved.events == std::vector<std::string>{"highlight added"});
        CHECK(saved.text.find(id) != std::string::npos);
        CHECK_FALSE(f.app.articleView().hasSelection());

        // The panel lists it; from the list, its row opens the article at its paragraph.
        f.clickKey("annotations");
        REQUIRE(f.app.annotationsPanelOpen());
        f.clickKey("crumb:home");
        CHECK(f.app.navigator().current().view == core::View::List);
        f.clickKey("annotation:" + id);
        CHECK(f.app.navigator().current().articleId == f.seedId());
        CHECK(f.app.articleView().revealedParagraph() == 0u);
        f.clickKey("annotations:close");
        CHECK_FALSE(f.app.annotationsPanelOpen());
    }
    {
        // The next app reads it back and draws it; a click on it opens its card, which removes it.
        Fixture f(saved);
        REQUIRE(f.app.annotations().store().find(id) != nullptr);
        REQUIRE(f.app.open(f.seedId()));
        f.imgui.frame(f.draw);
        f.imgui.frame(f.draw);
        REQUIRE(f.app.articleView().annotations().highlightAt({0, 3}) == id);
        const auto rect = f.app.itemRect("paragraph:0");
        REQUIRE(rect.has_value());
        f.imgui.click(rect->x + 100.0f, rect->y + 20.0f, f.draw);
        REQUIRE(f.app.itemRect("highlight:remove").has_value());
        f.clickKey("highlight:remove");
        CHECK(f.app.annotations().store().all().empty());
        CHECK(saved.events.back() == "highlight removed");
        CHECK(saved.text.find(id) == std::string::npos);
    }
}

TEST_CASE("ui: the meta line's bookmark button adds and removes a bookmark") {
    Saved saved;
    Fixture f(saved);
    REQUIRE(f.app.open(f.seedId()));
    f.imgui.frame(f.draw);
    f.clickKey("bookmark");
    CHECK(f.app.annotations().bookmarked(f.seedId()));
    CHECK(saved.events == std::vector<std::string>{"bookmark added"});
    f.clickKey("bookmark");
    CHECK_FALSE(f.app.annotations().bookmarked(f.seedId()));
    CHECK(saved.events.back() == "bookmark removed");
}

TEST_CASE("ui: Esc closes the panel, then a highlight's card, before it goes back") {
    Saved saved;
    Fixture f(saved);
    REQUIRE(f.app.open(f.seedId()));
    f.imgui.frame(f.draw);
    f.selectInFirstParagraph(60.0f, 260.0f);
    f.clickKey("highlight:yellow");
    const auto press = [&](ImGuiKey key) {
        ImGui::GetIO().AddKeyEvent(key, true);
        f.imgui.frame(f.draw);
        ImGui::GetIO().AddKeyEvent(key, false);
        f.imgui.frame(f.draw);
    };
    f.clickKey("annotations");
    REQUIRE(f.app.annotationsPanelOpen());
    press(ImGuiKey_Escape);
    CHECK_FALSE(f.app.annotationsPanelOpen());
    CHECK(f.app.navigator().current().view == core::View::Article);
    const auto rect = f.app.itemRect("paragraph:0");
    f.imgui.click(rect->x + 100.0f, rect->y + 20.0f, f.draw);
    REQUIRE(f.app.itemRect("highlight:remove").has_value());
    press(ImGuiKey_Escape);
    CHECK_FALSE(f.app.itemRect("highlight:remove").has_value());
    CHECK(f.app.navigator().current().view == core::View::Article);
    press(ImGuiKey_Escape);
    CHECK(f.app.navigator().current().view == core::View::List);
}
