// Forced colours: the system's colours as the page hands them over, and the theme built from them.
#include <doctest/doctest.h>

#include <set>

#include "ui/paragraph_view.h"
#include "ui/theme.h"

using namespace reader;

TEST_CASE("theme: system colours are eight #rrggbb in order, nothing else") {
    const auto colors = ui::parseSystemColors("#000000 #ffffff #ffff00 #3ff23f #1aebff #000000 #000000 #FFFFFF");
    REQUIRE(colors);
    CHECK(colors->canvas == IM_COL32(0, 0, 0, 255));
    CHECK(colors->canvasText == IM_COL32(255, 255, 255, 255));
    CHECK(colors->linkText == IM_COL32(255, 255, 0, 255));
    CHECK(colors->grayText == IM_COL32(0x3f, 0xf2, 0x3f, 255));
    CHECK(colors->highlight == IM_COL32(0x1a, 0xeb, 0xff, 255));
    CHECK(colors->buttonText == IM_COL32(255, 255, 255, 255));

    CHECK_FALSE(ui::parseSystemColors(""));
    CHECK_FALSE(ui::parseSystemColors("#000000 #ffffff"));                                      // seven missing
    CHECK_FALSE(ui::parseSystemColors("#000000 #ffffff #ffff00 #3ff23f #1aebff #000000 #000000 #fff"));
    CHECK_FALSE(ui::parseSystemColors("#000000 #ffffff #ffff00 #3ff23f #1aebff #000000 #000000 #ffffff #ffffff"));
    CHECK_FALSE(ui::parseSystemColors("#00000g #ffffff #ffff00 #3ff23f #1aebff #000000 #000000 #ffffff"));
    CHECK_FALSE(ui::parseSystemColors("rgb(0, 0, 0) #ffffff #ffff00 #3ff23f #1aebff #000000 #000000 #ffff"));
}

TEST_CASE("theme: under forced colours every colour is one of the system's, and tone colours are off") {
    const auto colors = ui::parseSystemColors("#000000 #ffffff #ffff00 #3ff23f #1aebff #000000 #101010 #ffffff");
    REQUIRE(colors);
    const ui::Theme theme = ui::systemColorsTheme(*colors);
    CHECK(theme.systemColors);
    CHECK(theme.page == colors->canvas);
    CHECK(theme.text == colors->canvasText);
    CHECK(theme.link == colors->linkText);
    const std::set<ImU32> system{colors->canvas, colors->canvasText, colors->linkText, colors->grayText,
                                 colors->highlight, colors->highlightText, colors->buttonFace, colors->buttonText};
    const ImU32 all[] = {theme.page, theme.text, theme.muted, theme.link, theme.hotline, theme.barBackground, theme.rule,
                         theme.rowHover, theme.selected, theme.errorBackground, theme.errorText, theme.ruby,
                         theme.selection, theme.searchHit, theme.searchHitCurrent};
    for (ImU32 color : all) CHECK(system.count(color | IM_COL32_A_MASK) == 1);  // fills may be translucent
    CHECK(ui::toneColorsFor(core::ToneColors::Pleco, ui::lightTheme()) != nullptr);
    CHECK(ui::toneColorsFor(core::ToneColors::Pleco, theme) == nullptr);
}

TEST_CASE("theme: the page's colours (CSS custom properties) go over the theme where set") {
    const auto colors = ui::parsePageColors("#faf0c8 - #A01010 -");
    REQUIRE(colors);
    CHECK(colors->background == IM_COL32(0xfa, 0xf0, 0xc8, 255));
    CHECK_FALSE(colors->text);
    CHECK(colors->link == IM_COL32(0xa0, 0x10, 0x10, 255));
    CHECK_FALSE(colors->muted);
    const ui::Theme theme = ui::withPageColors(ui::lightTheme(), *colors);
    CHECK(theme.page == IM_COL32(0xfa, 0xf0, 0xc8, 255));
    CHECK(theme.link == IM_COL32(0xa0, 0x10, 0x10, 255));
    CHECK(theme.selected == theme.link);  // the active option and the focus ring are the links' colour
    CHECK(theme.text == ui::lightTheme().text);
    CHECK(theme.muted == ui::lightTheme().muted);
    CHECK(ui::parsePageColors("- - - -") == ui::PageColors{});

    CHECK_FALSE(ui::parsePageColors(""));
    CHECK_FALSE(ui::parsePageColors("#faf0c8 - #a01010"));          // one missing
    CHECK_FALSE(ui::parsePageColors("#faf0c8 - #a01010 - -"));      // one too many
    CHECK_FALSE(ui::parsePageColors("red - - -"));                  // the page resolves names first
    CHECK_FALSE(ui::parsePageColors("#faf0c - - - -"));
}
