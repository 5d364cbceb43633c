// core/settings: settings as text; a round trip keeps every field, values that do not parse keep
// their defaults.
#include "core/settings.h"

#include <doctest/doctest.h>

using namespace reader::core;

TEST_CASE("settings: every field survives a round trip through text") {
    Settings s;
    s.fontSize = FontSize::Large;
    s.rubyMode = RubyMode::Hidden;
    s.zoom = 1.5f;
    s.theme = ThemeChoice::HighContrast;
    s.script = Script::Simplified;
    s.lineHeight = 2.2f;
    s.contentWidth = 640.0f;
    s.letterSpacing = 0.1f;
    s.justify = false;
    s.speechRate = 1.25f;
    s.rubyOnDemand = true;
    s.toneColors = ToneColors::Mdbg;
    s.serif = true;
    s.searchOrder = reader::core::SearchOrder::Relevance;
    CHECK(parseSettings(serializeSettings(s)) == s);
    CHECK(parseSettings(serializeSettings(Settings())) == Settings());
}

TEST_CASE("settings: values out of range or unknown keep their defaults; unknown keys are ignored") {
    const Settings s = parseSettings("fontSize=huge\nzoom=9\nlineHeight=0.2\ncontentWidth=-1\ntheme=neon\nscript=latin\n"
                                     "justify=maybe\ntoneColors=rainbow\nsearchOrder=random\nfuture=1\nnot a line\nrubyMode=inline\n");
    Settings expected;
    expected.rubyMode = RubyMode::Inline;
    CHECK(s == expected);
}

TEST_CASE("settings: withChanges saves what moved and leaves what a page overrode as it was saved") {
    Settings saved;
    saved.fontSize = FontSize::Small;
    Settings shown = saved;
    shown.theme = ThemeChoice::Dark;  // the page's option for this visit
    Settings moved = shown;
    moved.fontSize = FontSize::Large;  // the reader's own switch
    moved.zoom = 1.5f;
    Settings expected = saved;
    expected.fontSize = FontSize::Large;
    expected.zoom = 1.5f;
    CHECK(withChanges(saved, shown, moved) == expected);
    CHECK(withChanges(saved, shown, shown) == saved);
}
