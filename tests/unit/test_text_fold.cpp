// Search folding: traditional/variant -> simplified from OpenCC's dictionaries, full-width ->
// half-width, Latin case, pinyin annotations dropped; and the generated table's own properties.
#include "core/text_fold.h"

#include <doctest/doctest.h>

#include <string>

#include "core/ruby_parser.h"

using reader::core::foldChar;
using reader::core::foldForSearch;
using reader::core::FoldPair;
using reader::core::openccFoldTable;

TEST_CASE("fold: 動态, 動態 and 动态 fold alike, as do 狀態 and 狀态") {
    CHECK(foldForSearch("動态") == U"动态");
    CHECK(foldForSearch("動態") == U"动态");
    CHECK(foldForSearch("动态") == U"动态");
    CHECK(foldForSearch("狀態") == foldForSearch("狀态"));
    CHECK(foldForSearch("消協動态") == foldForSearch("消协动态"));
    CHECK(foldForSearch("内蒙古自治區") == foldForSearch("內蒙古自治区"));
}

TEST_CASE("fold: OpenCC's first candidate, variants of Taiwan and Hong Kong, and what stays") {
    CHECK(foldChar(U'乾') == U'干');
    CHECK(foldChar(U'幹') == U'干');
    CHECK(foldChar(U'後') == U'后');
    CHECK(foldChar(U'隻') == U'只');
    CHECK(foldChar(U'僞') == U'伪');  // OpenCC's standard form
    CHECK(foldChar(U'偽') == U'伪');  // its Taiwan variant
    CHECK(foldChar(U'衞') == U'卫');  // a Hong Kong variant of 衛
    CHECK(foldChar(U'喫') == U'吃');
    CHECK(foldChar(U'吃') == U'吃');  // a variant that is itself simplified stays
    CHECK(foldChar(U'臺') == U'台');
    CHECK(foldChar(U'檯') == U'台');
    CHECK(foldChar(U'台') == U'台');
    CHECK(foldChar(U'牠') == U'它');  // from STCharacters only
    CHECK(foldChar(U'的') == U'的');
}

TEST_CASE("fold: full-width ASCII is half-width, the ideographic space a space") {
    CHECK(foldForSearch("１２３１５") == U"12315");
    CHECK(foldForSearch("ＣＣＣ認證") == U"ccc认证");
    CHECK(foldForSearch("（試行）") == U"(试行)");
    CHECK(foldForSearch("消費\u3000警示") == U"消费 警示");
    CHECK(foldChar(0xFF0C) == U',');  // ，
    CHECK(foldChar(0xFF5E) == U'~');
    CHECK(foldChar(0xFF5F) == 0xFF5F);  // ｟, not ASCII
    CHECK(foldChar(0x3001) == 0x3001);  // 、 has no ASCII form
}

TEST_CASE("fold: Latin capitals are small letters, accents stay") {
    CHECK(foldForSearch("ODR CCC GB/T") == U"odr ccc gb/t");
    CHECK(foldChar(U'Ā') == U'ā');
    CHECK(foldChar(U'Ǚ') == U'ǚ');
    CHECK(foldChar(U'Ǎ') == U'ǎ');
    CHECK(foldChar(U'É') == U'é');
    CHECK(foldChar(U'Ÿ') == U'ÿ');
    CHECK(foldChar(U'İ') == U'i');
    CHECK(foldChar(U'Ĺ') == U'ĺ');
    CHECK(foldChar(U'Ž') == U'ž');
    CHECK(foldChar(U'×') == U'×');
    CHECK(foldChar(U'ß') == U'ß');
    CHECK(foldChar(U'ı') == U'ı');
    CHECK(foldForSearch("Nián") == U"nián");
    CHECK(foldForSearch("nián") != foldForSearch("nian"));
}

TEST_CASE("fold: pinyin annotations are dropped, real parentheses kept") {
    CHECK(foldForSearch("自(zì)治區") == U"自治区");
    CHECK(foldForSearch("自（zì）治區") == U"自治区");
    CHECK(foldForSearch("2023年(nián)第一(yī)次") == U"2023年第一次");
    CHECK(foldForSearch("(記者 王明)") == U"(记者 王明)");
    CHECK(foldForSearch("《報告(2025)》") == U"《报告(2025)》");
}

TEST_CASE("fold: one code point for one code point, also for broken UTF-8") {
    const std::string text = "消協\xFF動态\xE5\x8B";  // a stray byte, then a truncated sequence
    CHECK(foldForSearch(text) == std::u32string{U'消', U'协', 0xFFFD, U'动', U'态', 0xFFFD, 0xFFFD});
    CHECK(foldForSearch("") == U"");
}

TEST_CASE("fold: the table generated from OpenCC is sorted, has no identities and folds once") {
    const auto table = openccFoldTable();
    MESSAGE("OpenCC fold table: ", table.size(), " rows, ", table.size_bytes(), " bytes");
    CHECK(table.size() > 4000);
    for (size_t i = 0; i < table.size(); ++i) {
        const FoldPair& pair = table[i];
        CHECK(pair.from != pair.to);
        if (i > 0) CHECK(table[i - 1].from < pair.from);
        CHECK(foldChar(pair.from) == pair.to);
        CHECK(foldChar(pair.to) == pair.to);
    }
    // Folding twice is folding once, for every code point of the BMP and the ideographic planes.
    size_t broken = 0;
    for (char32_t cp = 0; cp < 0x40000; ++cp) broken += foldChar(foldChar(cp)) != foldChar(cp);
    CHECK(broken == 0);
}
