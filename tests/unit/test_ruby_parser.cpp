// RubyParser: inline pinyin annotations -> ruby runs. One case per rule of ruby_parser.h, each with
// what must become ruby and what must stay text; then damaged input, any bytes, and the seed article.
#include "core/ruby_parser.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "core/bundle_loader.h"
#include "core/pinyin_syllables.h"

using reader::core::RubyParser;
using reader::core::RubyRun;

namespace {

// Checks what must hold for any input, then writes the runs compactly: plain text as it is, a ruby
// unit as [base|reading]. "2023年(nián)第" -> "2023[年|nián]第".
std::string render(std::string_view text) {
    const std::vector<RubyRun> runs = RubyParser::parse(text);
    std::string sources, bases, out;
    bool previousPlain = false;
    for (const RubyRun& run : runs) {
        sources += run.source;
        bases += run.base;
        CHECK_FALSE(run.source.empty());
        if (run.reading.empty()) {
            CHECK(run.base == run.source);
            CHECK_FALSE(previousPlain);  // adjacent plain runs are merged
            out += run.base;
        } else {
            CHECK(run.source.starts_with(run.base));
            CHECK((run.source.ends_with(")") || run.source.ends_with("\uFF09")));
            out += "[" + run.base + "|" + run.reading + "]";
        }
        previousPlain = run.reading.empty();
    }
    CHECK(sources == text);
    CHECK(RubyParser::strip(text) == bases);
    return out;
}

// Ruby of `text` when the text around it has a toned annotation too (see "toneless readings").
std::string renderAmongToned(std::string_view text) {
    const std::string withToned = std::string(text) + "年(nián)";
    const std::string out = render(withToned);
    const std::string tail = "[年|nián]";
    REQUIRE(out.ends_with(tail));
    return out.substr(0, out.size() - tail.size());
}

}  // namespace

// [SECTION] Syllables

TEST_CASE("ruby: the syllable table is the Hanyu Pinyin table, sorted, without interjections") {
    namespace pinyin = reader::core::pinyin;
    const auto table = pinyin::syllables();
    CHECK(table.size() == 411);
    CHECK(std::ranges::is_sorted(table));
    CHECK(std::ranges::adjacent_find(table) == table.end());
    for (const std::string_view syllable : {"a", "er", "zhi", "zhuang", "shuang", "lü", "nüe", "yue", "rua", "dia"}) {
        CHECK_MESSAGE(pinyin::isSyllable(syllable), syllable);
    }
    for (const std::string_view word : {"", "m", "n", "ng", "hm", "hng", "lv", "jü", "biang", "gi", "ok", "hotline", "Zhi"}) {
        CHECK_FALSE_MESSAGE(pinyin::isSyllable(word), word);
    }
}

// [SECTION] Tones

TEST_CASE("ruby: a syllable with a tone mark after a Han character is a ruby unit") {
    CHECK(render("2023年(nián)第") == "2023[年|nián]第");
    CHECK(render("媽(mā)麻(má)馬(mǎ)罵(mà)") == "[媽|mā][麻|má][馬|mǎ][罵|mà]");
    CHECK(render("得(dé)以(yǐ)西(xī)路(lù)我(wǒ)") == "[得|dé][以|yǐ][西|xī][路|lù][我|wǒ]");
    CHECK(render("綠(lǜ)女(nǚ)驢(lǘ)呂(lǚ)略(lüè)") == "[綠|lǜ][女|nǚ][驢|lǘ][呂|lǚ][略|lüè]");
    CHECK(render("女(nü)") == "女(nü)");  // ü alone is no tone
    CHECK(render("好(hǎoo)") == "好(hǎoo)");  // a tone, but no syllable
    CHECK(render("啊(ǎ)") == "[啊|ǎ]");  // one letter is fine with a tone
}

TEST_CASE("ruby: combining tone marks and the breve count as tones") {
    CHECK(render("媽(ma\u0304)") == "[媽|ma\u0304]");
    CHECK(render("綠(lu\u0308\u0300)") == "[綠|lu\u0308\u0300]");
    CHECK(render("好(hăo)") == "[好|hăo]");
    CHECK(render("媽(m\u0304a)") == "媽(m\u0304a)");  // on a consonant
    CHECK(render("媽(ma\u0304\u0301)") == "媽(ma\u0304\u0301)");  // two tones
    CHECK(render("媽(\u0304ma)") == "媽(\u0304ma)");  // on nothing
}

TEST_CASE("ruby: tone numbers, lowercase, after the syllable") {
    CHECK(render("你(ni3)好(hao3)") == "[你|ni3][好|hao3]");
    CHECK(render("嗎(ma5)") == "[嗎|ma5]");
    CHECK(render("綠(lü4)綠(lv4)綠(lu:4)") == "[綠|lü4][綠|lv4][綠|lu:4]");
    CHECK(render("你(ni6)") == "你(ni6)");
    CHECK(render("你(ni0)") == "你(ni0)");
    CHECK(render("你(ni33)") == "你(ni33)");
    CHECK(render("你(3ni)") == "你(3ni)");
    CHECK(render("你(nǐ3)") == "你(nǐ3)");  // a mark and a number
    CHECK(render("你(Ni3)") == "你(Ni3)");  // codes such as E1, N2 look like this
    CHECK(render("型(E1)") == "型(E1)");
    CHECK(render("你(3)") == "你(3)");
}

TEST_CASE("ruby: ü may be spelt v, u: or u with a combining diaeresis, where the table has ü") {
    CHECK(render("女(nv3)女(nu:3)女(nu\u0308\u030C)") == "[女|nv3][女|nu:3][女|nu\u0308\u030C]");
    CHECK(render("居(jv1)") == "居(jv1)");    // the table writes ju
    CHECK(render("女(n:3)") == "女(n:3)");    // a colon after no u
    CHECK(render("女(nü:3)") == "女(nü:3)");
    CHECK(render("比(bv4)") == "比(bv4)");
}

TEST_CASE("ruby: a toneless syllable is ruby only in a text annotated with tones, alone, lowercase, two letters or more") {
    CHECK(render("我的(de)書。年(nián)") == "我[的|de]書。[年|nián]");
    CHECK(render("年(nián)，好嗎(ma)") == "[年|nián]，好[嗎|ma]");
    CHECK(render("我的(de)書") == "我的(de)書");  // no tone anywhere in the text
    CHECK(renderAmongToned("條款(a)項") == "條款(a)項");
    CHECK(renderAmongToned("王(Wang)先生") == "王(Wang)先生");
    CHECK(renderAmongToned("熱線(hotline)") == "熱線(hotline)");
    CHECK(renderAmongToned("確認(ok)") == "確認(ok)");
    CHECK(renderAmongToned("乒乓(ping pong)") == "乒乓(ping pong)");
    CHECK(renderAmongToned("變化(change)") == "變化(change)");
    CHECK(renderAmongToned("項(m)") == "項(m)");
}

TEST_CASE("ruby: toneless syllables are fine inside a reading that has a tone") {
    CHECK(render("知道(zhī dao)") == "[知道|zhī dao]");
    CHECK(render("媽媽(māma)") == "[媽媽|mā ma]");
    CHECK(render("知道(zhi dao)") == "知道(zhi dao)");
}

TEST_CASE("ruby: a capital first letter is allowed with tone marks") {
    CHECK(render("中(Zhōng)") == "[中|Zhōng]");
    CHECK(render("北京(Běijīng)") == "[北京|Běi jīng]");
    CHECK(render("安(Ān)") == "[安|Ān]");
    CHECK(render("中(ZHŌNG)") == "中(ZHŌNG)");
    CHECK(render("中(zhŌng)") == "中(zhŌng)");
    CHECK(render("中國(Zhōng Guó)") == "[中國|Zhōng Guó]");
    CHECK(render("中國(ZhōngGuó)") == "中國(ZhōngGuó)");  // capital only at the start of a run
}

TEST_CASE("ruby: only syllables of the table count") {
    CHECK(render("麵(biáng)") == "麵(biáng)");
    CHECK(render("給(gī)") == "給(gī)");
    CHECK(render("名(míngg)") == "名(míngg)");
    CHECK(render("名(míng)") == "[名|míng]");
}

// [SECTION] Several syllables

TEST_CASE("ruby: several syllables cover as many Han characters right before the parenthesis") {
    CHECK(render("内蒙古自治(zì zhì)區") == "内蒙古[自治|zì zhì]區");
    CHECK(render("西安(Xī'ān)") == "[西安|Xī ān]");
    CHECK(render("西安(xī’ān)") == "[西安|xī ān]");
    CHECK(render("治(zì zhì)") == "治(zì zhì)");  // fewer Han characters than syllables
    CHECK(render("A治(zì zhì)") == "A治(zì zhì)");
    CHECK(render("自(zì)治(zì zhì)") == "[自|zì]治(zì zhì)");  // an earlier unit's base is not shared
    CHECK(render("自治(zì  zhì)") == "自治(zì  zhì)");
    CHECK(render("自治(zì'' zhì)") == "自治(zì'' zhì)");
    CHECK(render("自( zì)") == "自( zì)");
    CHECK(render("自(zì )") == "自(zì )");
    CHECK(render("自治(zì\u3000zhì)") == "自治(zì\u3000zhì)");  // only ASCII space separates
}

TEST_CASE("ruby: run-together syllables split the one way pinyin orthography allows") {
    CHECK(render("自治(zìzhì)") == "[自治|zì zhì]");
    CHECK(render("報(bào)") == "[報|bào]");         // not bà o: o would need an apostrophe
    CHECK(render("翻幹(fāngàn)") == "[翻幹|fān gàn]");
    CHECK(render("方案(fāng'àn)") == "[方案|fāng àn]");
    CHECK(render("西安(xi1an1)") == "[西安|xi1 an1]");  // a tone number ends a syllable
    CHECK(render("西安(xīān)") == "西安(xīān)");    // xiān would take two tones, xī ān an apostrophe
    CHECK(render("天安門(Tiānānmén)") == "天安門(Tiānānmén)");
    CHECK(render("自治(zìzhìqū)") == "自治(zìzhìqū)");  // three syllables, two characters
}

// [SECTION] Parentheses and what is not pinyin

TEST_CASE("ruby: half-width and full-width parentheses, in pairs of one width") {
    CHECK(render("年（nián）") == "[年|nián]");
    CHECK(render("自治（zì zhì）") == "[自治|zì zhì]");
    CHECK(render("年(nián）") == "年(nián）");
    CHECK(render("年（nián)") == "年（nián)");
}

TEST_CASE("ruby: anything else in parentheses stays text") {
    for (const std::string_view text : {"報告(2023)", "條例(試行)", "附件（注）", "條款(a)", "第(一)", "熱線(hotline)",
                                        "空()", "空（）", "碳(CO₂)", "標準(GB/T 14272)", "詞(ā-á)", "年(nián!)"}) {
        CHECK(render(text) == text);
    }
}

TEST_CASE("ruby: adjacent plain text is one run") {
    const auto runs = RubyParser::parse("條例(試行)(a)（注）");
    REQUIRE(runs.size() == 1);
    CHECK(runs[0].source == "條例(試行)(a)（注）");
    CHECK(RubyParser::parse("").empty());
}

// [SECTION] Damage

TEST_CASE("ruby: an annotation inside other parentheses is ruby, the outer pair text") {
    CHECK(render("(各區(qū)、縣)") == "(各[區|qū]、縣)");
    CHECK(render("(以下(xià)簡稱《條例》)") == "(以[下|xià]簡稱《條例》)");
}

TEST_CASE("ruby: an annotation right before a real note") {
    CHECK(render("報(bào)訊(記者 王明)") == "[報|bào]訊(記者 王明)");
    const auto runs = RubyParser::parse("報(bào)訊(記者 王明)");
    REQUIRE(runs.size() == 2);
    CHECK(runs[0].base == "報");
    CHECK(runs[0].reading == "bào");
    CHECK(runs[0].source == "報(bào)");
    CHECK(runs[1].base == "訊(記者 王明)");
    CHECK(runs[1].reading.empty());
}

TEST_CASE("ruby: the base must be Han, right before the parenthesis") {
    CHECK(render("A(ā)") == "A(ā)");
    CHECK(render("2(èr)") == "2(èr)");
    CHECK(render("あ(ā)") == "あ(ā)");
    CHECK(render("。(ā)") == "。(ā)");
    CHECK(render("自 (zì)") == "自 (zì)");
    CHECK(render("(zì)自") == "(zì)自");  // at the very start
    CHECK(render("〇(líng)") == "[〇|líng]");
    CHECK(render("㐀(qiū)") == "[㐀|qiū]");  // Extension A
}

TEST_CASE("ruby: Han characters of four bytes (Extension B) are bases like any other") {
    CHECK(render("\U00020000(qiū)") == "[\U00020000|qiū]");
    CHECK(render("自\U0002A6A5(zì zhì)") == "[自\U0002A6A5|zì zhì]");
    CHECK(render("\U00020000\U00020001\U00020002(yī èr sān)") == "[\U00020000\U00020001\U00020002|yī èr sān]");
}

TEST_CASE("ruby: a closing parenthesis without its opening one is text") {
    CHECK(render("樹shù)木") == "樹shù)木");
    CHECK(render("shù)") == "shù)");
    CHECK(render(")") == ")");
    CHECK(render("自(zì))") == "[自|zì])");
}

TEST_CASE("ruby: an opening parenthesis never closed is text") {
    CHECK(render("中華(huá") == "中華(huá");
    CHECK(render("華(") == "華(");
    CHECK(render("（") == "（");
    CHECK(render("華(huá 年(nián)") == "華(huá [年|nián]");
}

TEST_CASE("ruby: nested and unbalanced parentheses") {
    CHECK(render("自((zì))") == "自((zì))");
    CHECK(render("自((zì)") == "自((zì)");
    CHECK(render("自(zì(zì))") == "自(zì(zì))");
    CHECK(render("((((") == "((((");
    CHECK(render("自(zì)(zì)") == "[自|zì](zì)");
    CHECK(render("(自(zì))") == "([自|zì])");
}

TEST_CASE("ruby: bytes that are not UTF-8 are never Han and never pinyin, and come back unchanged") {
    CHECK(render("自\xFF(zì)") == "自\xFF(zì)");
    CHECK(render("\xE8\x87(zì)") == "\xE8\x87(zì)");  // 自 without its last byte
    CHECK(render("\x87\xAA(zì)") == "\x87\xAA(zì)");  // 自 without its first byte
    CHECK(render("自(z\xFFì)") == "自(z\xFFì)");
    CHECK(render("自(zì\xC3)") == "自(zì\xC3)");
    CHECK(render("\xFF自(zì)\xFF") == "\xFF[自|zì]\xFF");
    using namespace std::string_view_literals;
    CHECK(render("自\0(zì)"sv) == "自\0(zì)"sv);
}

TEST_CASE("ruby: any bytes at all: the sources concatenate to the input, the bases to strip()") {
    // Pieces that make annotations, near misses and broken UTF-8 likely, then plain random bytes.
    const std::vector<std::string> pieces = {
        "(", ")", "（", "）", "自", "治", "\U00020000", "a", "n", "zì", "zhì", "ā", "nián", " ", "'", "3",
        ":", "u", "\u0304", "\xE8", "\x87", "\xFF", "\xF0\xA0", "A", "ü", "de"};
    std::mt19937 random(20230817);  // fixed: the same cases on every run
    for (int round = 0; round < 3000; ++round) {
        std::string text;
        const int length = static_cast<int>(random() % 40);
        for (int i = 0; i < length; ++i) {
            if (round % 3 == 0) {
                text += static_cast<char>(random() % 256);
            } else {
                text += pieces[random() % pieces.size()];
            }
        }
        render(text);  // checks the round trip
    }
}

TEST_CASE("ruby: long adversarial inputs parse in linear time") {
    constexpr int kCount = 50000;  // a quadratic parser would take minutes here
    const std::string opens(2 * kCount, '(');
    CHECK(RubyParser::strip(opens) == opens);
    std::string manyHan, reading = "(", letters = "自(", units;
    for (int i = 0; i < kCount; ++i) {
        manyHan += "自";
        reading += i == 0 ? "zì" : " zì";
        letters += "zi";
        units += "自(zì)(";
    }
    CHECK(RubyParser::parse(manyHan + reading + ")").size() == 1);     // one unit of kCount characters
    CHECK(RubyParser::parse(manyHan + reading + " zì)").size() == 1);  // one syllable too many: text
    CHECK(RubyParser::strip(letters + ")") == letters + ")");
    CHECK(RubyParser::parse(units).size() == 2 * kCount);
}

// [SECTION] The seed article

namespace {

const reader::core::Article& seedArticle() {
    static const reader::core::Result<reader::core::Bundle> result = [] {
        std::ifstream in(READER_SOURCE_DIR "/data/sample-bundle.json", std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        return reader::core::BundleLoader::load(text.str());
    }();
    REQUIRE(result.ok());
    const auto& articles = result->articles;
    const auto seed = std::ranges::find_if(articles, [](const auto& a) { return a.title.starts_with("2023年(nián)第一(yī)次"); });
    REQUIRE(seed != articles.end());
    return *seed;
}

std::vector<std::pair<std::string, std::string>> rubyUnits(std::string_view text) {
    std::vector<std::pair<std::string, std::string>> units;
    for (const RubyRun& run : RubyParser::parse(text)) {
        if (!run.reading.empty()) units.emplace_back(run.base, run.reading);
    }
    return units;
}

}  // namespace

TEST_CASE("ruby: the seed's title") {
    CHECK(render(seedArticle().title) ==
          "2023[年|nián]第[一|yī]次[自|zì]治區知識産權戰略實施[工|gōng]作廳際聯席會議召開");
}

TEST_CASE("ruby: every annotation of the seed's paragraphs is found, one character each") {
    const auto& body = seedArticle().body;
    REQUIRE(body.size() == 6);
    const std::vector<size_t> perParagraph = {19, 13, 44, 14, 5, 7};  // counted on the page
    for (size_t i = 0; i < body.size(); ++i) {
        render(body[i]);
        const auto units = rubyUnits(body[i]);
        CHECK(units.size() == perParagraph[i]);
        for (const auto& [base, reading] : units) CHECK(base.size() == 3);  // one BMP Han character
    }
    const auto has = [&](size_t paragraph, std::string_view base, std::string_view reading) {
        const auto units = rubyUnits(body[paragraph]);
        return std::ranges::find(units, std::pair<std::string, std::string>(base, reading)) != units.end();
    };
    CHECK(has(0, "年", "nián"));
    CHECK(has(0, "一", "yī"));
    CHECK(has(0, "自", "zì"));
    CHECK(has(0, "工", "gōng"));
    CHECK(has(0, "市", "shì"));
    CHECK(has(2, "相", "xiàng"));
    CHECK(has(3, "志", "zhì"));
    const auto first = rubyUnits(body[0]);
    REQUIRE(first.size() >= 3);
    CHECK(first[0] == std::pair<std::string, std::string>("月", "yuè"));
    CHECK(first[1] == std::pair<std::string, std::string>("下", "xià"));
    CHECK(first[2] == std::pair<std::string, std::string>("年", "nián"));
}

TEST_CASE("ruby: the seed's first paragraph without its annotations") {
    CHECK(RubyParser::strip(seedArticle().body[0]) ==
          "8月10日下午,2023年第一次自治區知識産權戰略實施工作廳際聯席會議在呼和浩特召開。"
          "會議深入學習貫徹習近平總書記關于全面加強知識産權保護的重要指示精神,認真落實黨中央、國務院和"
          "自治區黨委、政府關于強化知識産權保護的決策部署,通報2022年知識産權保護檢查考核工作情況,"
          "安排部署2023年知識産權保護檢查考核工作。自治區副主席奇巴圖主持會議并講話,自治區市場監管局"
          "黨組書記、局長吳振清就有關工作作了通報并提出具體要求,自治區政府辦公廳副主任盧穎石出席會議。");
}

// [SECTION] Structured ruby (format 1.1): units the loader keeps as U+FFF9 base U+FFFA reading U+FFFB

namespace {

std::string unit(std::string_view base, std::string_view reading) {
    std::string out;
    reader::core::appendStructuredRuby(out, base, reading);
    return out;
}

// [base|reading] for ruby runs, plain text as it is, and each run's source after a '/'.
std::string runsWithSources(std::string_view text) {
    std::string out;
    for (const RubyRun& run : RubyParser::parse(text)) {
        out += run.reading.empty() ? run.base : "[" + run.base + "|" + run.reading + "]";
        out += "/" + run.source + " ";
    }
    return out;
}

}  // namespace

TEST_CASE("ruby: a structured unit is ruby whatever its reading, shown inline as base(reading)") {
    const std::string text = "2023" + unit("年", "nián") + "第" + unit("一次", "ㄧˊ ㄘˋ") + "會";
    CHECK(runsWithSources(text) == "2023/2023 [年|nián]/年(nián) 第/第 [一次|ㄧˊ ㄘˋ]/一次(ㄧˊ ㄘˋ) 會/會 ");
    CHECK(RubyParser::strip(text) == "2023年第一次會");
    // Readings the inline rules refuse are the publisher's choice here.
    CHECK(runsWithSources(unit("自治區", "zì")) == "[自治區|zì]/自治區(zì) ");
    CHECK(runsWithSources(unit("A", "hotline")) == "[A|hotline]/A(hotline) ");
}

TEST_CASE("ruby: the structured and the inline form of a paragraph give the same runs") {
    const std::string inlineForm = "2023年(nián)第一(yī)次自治(zì zhì)區";
    const std::string structured = "2023" + unit("年", "nián") + "第" + unit("一", "yī") + "次" + unit("自治", "zì zhì") + "區";
    const std::vector<RubyRun> a = RubyParser::parse(inlineForm);
    const std::vector<RubyRun> b = RubyParser::parse(structured);
    REQUIRE(a.size() == b.size());
    for (size_t i = 0; i < a.size(); ++i) {
        CHECK(a[i].base == b[i].base);
        CHECK(a[i].reading == b[i].reading);
        CHECK(a[i].source == b[i].source);
    }
    CHECK(RubyParser::strip(inlineForm) == RubyParser::strip(structured));
}

TEST_CASE("ruby: the text between structured units is read for inline annotations on its own") {
    CHECK(runsWithSources(unit("自", "zì") + "治(zhì)區") == "[自|zì]/自(zì) [治|zhì]/治(zhì) 區/區 ");
    // No Han character before "(qū)" in its own stretch: a base never reaches into a unit.
    CHECK(runsWithSources(unit("區", "qū") + "(qū)") == "[區|qū]/區(qū) (qū)/(qū) ");
    // Toneless readings follow the rule of the whole text: a toned inline annotation elsewhere counts.
    CHECK(runsWithSources("我的(de)" + unit("書", "shū") + "年(nián)") ==
          "我/我 [的|de]/的(de) [書|shū]/書(shū) [年|nián]/年(nián) ");
}

TEST_CASE("ruby: malformed structured marks stay text, byte for byte") {
    const std::string anchor = "\uFFF9", separator = "\uFFFA", terminator = "\uFFFB";
    for (const std::string& text : {anchor + "年" + separator + "nián",              // never terminated
                                    anchor + separator + "nián" + terminator,        // no base
                                    anchor + "年" + separator + terminator,          // no reading
                                    anchor + "年" + terminator,                      // no separator
                                    anchor + "年" + separator + "a" + separator + "b" + terminator,
                                    "年" + separator + "nián" + terminator}) {
        const std::vector<RubyRun> runs = RubyParser::parse(text);
        REQUIRE(runs.size() == 1);
        CHECK(runs[0].reading.empty());
        CHECK(runs[0].source == text);
    }
    // A unit right after a broken one is found; ￥ (U+FFE5, the same first two bytes) is no mark.
    CHECK(runsWithSources(anchor + "x" + unit("年", "nián")) == "\uFFF9x/\uFFF9x [年|nián]/年(nián) ");
    CHECK(runsWithSources(unit("￥年", "nián")) == "[￥年|nián]/￥年(nián) ");
}

TEST_CASE("ruby: many broken structured marks parse in linear time") {
    std::string anchors;
    for (int i = 0; i < 50000; ++i) anchors += "\uFFF9年\uFFFA";
    CHECK(RubyParser::strip(anchors) == anchors);
    std::string units;
    for (int i = 0; i < 50000; ++i) units += unit("年", "nián");
    CHECK(RubyParser::parse(units).size() == 50000);
}

TEST_CASE("ruby: findAnnotations leaves out what strip() does, as byte ranges of the text") {
    // Inline units, structured units, near misses and broken UTF-8, as in the round trip above.
    const std::vector<std::string> pieces = {
        "(", ")", "（", "）", "自", "治", "\U00020000", "a", "n", "zì", "zhì", "ā", "nián", " ", "3",
        "\xE8", "\xFF", "\uFFF9", "\uFFFA", "\uFFFB", "\uFFF9區\uFFFAqū\uFFFB", "de"};
    std::mt19937 random(20261207);  // fixed: the same cases on every run
    for (int round = 0; round < 3000; ++round) {
        std::string text;
        const int length = static_cast<int>(random() % 40);
        for (int i = 0; i < length; ++i) text += pieces[random() % pieces.size()];
        std::vector<uint32_t> ranges = {7, 9};  // ranges already there stay
        std::string stripped = "left over";
        RubyParser::findAnnotations(text, ranges, stripped);
        INFO(text);
        REQUIRE(ranges.size() % 2 == 0);
        CHECK(stripped == RubyParser::strip(text));
        std::string without;
        uint32_t at = 0;
        for (size_t k = 2; k < ranges.size(); k += 2) {
            REQUIRE(ranges[k] >= at);
            REQUIRE(ranges[k + 1] <= text.size());
            without.append(text, at, ranges[k] - at);
            at = ranges[k + 1];
        }
        without.append(text, at);
        CHECK(without == stripped);
        CHECK(ranges[0] == 7);
    }
}
