// Keyboard focus in the real views (ui/keyboard_focus.h), driven by Tab as a backend delivers it:
// entering at the first or last control, moving through every control once, leaving at the ends,
// Enter activating the focused control.
#include <doctest/doctest.h>

#include "headless_imgui.h"
#include "sample_bundle.h"
#include "core/navigation.h"
#include "ui/reader_app.h"

using namespace reader;

namespace {

struct Fixture {
    test::HeadlessImGui imgui{1024, 768};  // wide: the categories are a sidebar
    ui::ReaderApp app{ui::Ports{.today = [] { return core::CivilDate{2026, 11, 25}; }}};
    std::function<void()> draw = [this] { app.frame(); };

    Fixture() {
        app.setFont(imgui.font());
        REQUIRE(app.loadBundle(test::readSample()).ok());
        frames(2);
    }
    void frames(int n) {
        for (int i = 0; i < n; ++i) imgui.frame(draw);
    }
    // A key's press and release, a frame each, and a frame for what it did.
    void press(ImGuiKey key, bool shift = false) {
        ImGuiIO& io = ImGui::GetIO();
        io.AddKeyEvent(ImGuiMod_Shift, shift);
        io.AddKeyEvent(key, true);
        frames(1);
        io.AddKeyEvent(key, false);
        frames(2);
        io.AddKeyEvent(ImGuiMod_Shift, false);
    }
    // Tabs (Shift+Tab when backward) from where focus is until the next one would leave the reader.
    int tabsToEdge(bool backward) {
        int tabs = 0;
        while (!app.tabLeaves(backward) && tabs < 100) {
            press(ImGuiKey_Tab, backward);
            ++tabs;
        }
        return tabs;
    }
};

}  // namespace

TEST_CASE("keyboard: Tab goes once through every control of the list view, and leaves at either end") {
    Fixture f;
    const core::Bundle& bundle = *f.app.bundle();
    // The search box, the hotlines, 首頁 and every category, the breadcrumb's 首頁 and 標注, 按日期瀏覽,
    // the list's one stop.
    const int controls = 1 + static_cast<int>(bundle.site.hotlines.size()) + 1 + static_cast<int>(bundle.categoryRows.size()) + 2 + 1 + 1;
    f.app.enterByKeyboard(false);
    f.frames(3);
    CHECK(f.app.tabLeaves(true));  // on the first control: Shift+Tab is the page's
    CHECK_FALSE(f.app.tabLeaves(false));
    CHECK(f.tabsToEdge(false) == controls - 1);
    CHECK(f.tabsToEdge(true) == controls - 1);

    f.app.loseKeyboardFocus();
    f.app.enterByKeyboard(true);  // Shift+Tab into the reader: its last control
    f.frames(3);
    CHECK(f.app.tabLeaves(false));
    CHECK_FALSE(f.app.tabLeaves(true));
}

TEST_CASE("keyboard: Enter on the focused row opens its article; the arrows move the focus with the selection") {
    Fixture f;
    f.app.enterByKeyboard(true);  // the list's row, the last control
    f.frames(3);
    f.press(ImGuiKey_DownArrow);
    f.press(ImGuiKey_DownArrow);
    CHECK(f.app.tabLeaves(false));  // still the list's one stop, now on the third row
    f.press(ImGuiKey_Enter);
    f.frames(2);
    CHECK(f.app.navigator().current().view == core::View::Article);
    CHECK(f.app.navigator().current().articleId == core::articlesIn(*f.app.bundle(), "")[2]->id);
}
