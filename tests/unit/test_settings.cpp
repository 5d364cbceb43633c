// Settings as text (core/settings.h): a round trip keeps every field; values that do not parse keep
// their defaults. And the tone of a pinyin syllable, for tone colours.
#include "core/settings.h"

#include <doctest/doctest.h>

#include "core/pinyin_tone.h"

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
    CHECK(parseSettings(serializeSettings(s)) == s);
    CHECK(parseSettings(serializeSettings(Settings())) == Settings());
}

TEST_CASE("settings: values out of range or unknown keep their defaults; unknown keys are ignored") {
    const Settings s = parseSettings("fontSize=huge\nzoom=9\nlineHeight=0.2\ncontentWidth=-1\ntheme=neon\nscript=latin\n"
                                     "justify=maybe\ntoneColors=rainbow\nfuture=1\nnot a line\nrubyMode=inline\n");
    Settings expected;
    expected.rubyMode = RubyMode::Inline;
    CHECK(s == expected);
}

TEST_CASE("pinyin tone: marks, breves, combining marks, numbers, and the neutral tone") {
    CHECK(syllableTone("mā") == 1);
    CHECK(syllableTone("nián") == 2);
    CHECK(syllableTone("lǚ") == 3);
    CHECK(syllableTone("hăo") == 3);  // the breve pages type for the caron
    CHECK(syllableTone("shì") == 4);
    CHECK(syllableTone("Zhōng") == 1);
    CHECK(syllableTone("a\u0301") == 2);
    CHECK(syllableTone("ni3") == 3);
    CHECK(syllableTone("de") == 5);
    CHECK(syllableTone("ma5") == 5);
    CHECK(syllableTone("") == 5);
}
