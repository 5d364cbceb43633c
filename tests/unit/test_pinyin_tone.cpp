// core/pinyin_tone: the tone of a pinyin syllable (for tone colours), from its mark or its number.
#include "core/pinyin_tone.h"

#include <doctest/doctest.h>

using namespace reader::core;

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
