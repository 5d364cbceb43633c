// ScriptConverter against OpenCC's own test cases (t2s, s2t from the same source package), and the
// seed's mixed text (消協動态, 狀態) read consistently in either script, annotated text (并發(fā)表).
#include "core/script_converter.h"

#include "core/ruby_parser.h"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using reader::core::ScriptConverter;

namespace {

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE_MESSAGE(in.good(), "cannot open ", path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

const ScriptConverter& toSimplified() {
    static const ScriptConverter converter = ScriptConverter::fromTable(readFile(READER_T2S_TABLE));
    return converter;
}

const ScriptConverter& toTraditional() {
    static const ScriptConverter converter = ScriptConverter::fromTable(readFile(READER_S2T_TABLE));
    return converter;
}

// Each line of CASE.in converted gives the same line of CASE.ans.
void checkOpenccCases(const ScriptConverter& converter, const std::string& name) {
    const std::string dir = READER_OPENCC_DIR "/test/testcases/";
    const std::vector<std::string> in = lines(readFile(dir + name + ".in"));
    const std::vector<std::string> answers = lines(readFile(dir + name + ".ans"));
    REQUIRE(in.size() == answers.size());
    REQUIRE(in.size() > 0);
    for (size_t i = 0; i < in.size(); ++i) {
        CAPTURE(in[i]);
        CHECK(converter.convert(in[i]) == answers[i]);
    }
}

}  // namespace

TEST_CASE("script: Traditional -> Simplified passes OpenCC's t2s test cases") {
    checkOpenccCases(toSimplified(), "t2s");
}

TEST_CASE("script: Simplified -> Traditional passes OpenCC's s2t test cases") {
    checkOpenccCases(toTraditional(), "s2t");
}

TEST_CASE("script: the seed's mixed spellings read consistently in either script; pinyin and digits pass") {
    const std::string mixed = "消協動态：2023年(nián)自(zì)治區狀態";
    CHECK(toSimplified().convert(mixed) == "消协动态：2023年(nián)自(zì)治区状态");
    CHECK(toTraditional().convert(mixed) == "消協動態：2023年(nián)自(zì)治區狀態");
    CHECK(toTraditional().convert("头发和发展") == "頭髮和發展");  // phrase level: 发 is 髮 or 發
    // Mixed text is made all Simplified first, so that the phrases match.
    const ScriptConverter mixedToTraditional = ScriptConverter::toTraditional(readFile(READER_S2T_TABLE), toSimplified());
    CHECK(toTraditional().convert("頭发") == "頭發");  // OpenCC's plain s2t: 頭 stops the phrase 头发
    CHECK(mixedToTraditional.convert("頭发") == "頭髮");
    CHECK(mixedToTraditional.convert(mixed) == "消協動態：2023年(nián)自(zì)治區狀態");
    CHECK(mixedToTraditional.convert("關于頭发") == "關於頭髮");
    CHECK(toSimplified().convert("") == "");
    CHECK(toSimplified().convert("\xFF\xFE abc") == "\xFF\xFE abc");  // bytes that are not UTF-8 pass
}

TEST_CASE("script: a table's first value counts; lines without a key or value are skipped") {
    const ScriptConverter c = ScriptConverter::fromTable("甲\t乙\n甲\t丙\nno tab\n\t空\n甲乙\t丁\n");
    CHECK(c.entries() == 3);
    CHECK(c.convert("甲甲乙") == "乙丁");  // the longest key wins where it matches
}

namespace {

// `base` with `reading` as a structured ruby unit (U+FFF9 base U+FFFA reading U+FFFB).
std::string unit(std::string_view base, std::string_view reading) {
    std::string out;
    reader::core::appendStructuredRuby(out, base, reading);
    return out;
}

}  // namespace

TEST_CASE("script: annotated text converts as its base text; each reading stays on its character, in both ruby forms") {
    const ScriptConverter toTraditional = ScriptConverter::toTraditional(readFile(READER_S2T_TABLE), toSimplified());
    struct Example {
        std::string before, base, reading, after;  // the text: before + base(reading) + after
        std::string traditional;                    // the base text converted: 並發表, not 併發表
        std::string shownBase;                      // what base became
    };
    const std::vector<Example> examples = {
        {"并", "發", "fā", "表", "並發表", "發"},
        {"", "聯", "lián", "系", "聯繫", "聯"},
        {"", "復", "fù", "雜", "複雜", "複"},
        {"", "發", "fā", "布", "發佈", "發"},
        {"", "關", "guān", "系", "關係", "關"},
    };
    for (const Example& e : examples) {
        CAPTURE(e.traditional);
        const std::string stripped = e.before + e.base + e.after;
        REQUIRE(toTraditional.convert(stripped) == e.traditional);
        const std::string after = e.traditional.substr(e.before.size() + e.shownBase.size());
        const std::string inlineForm = e.before + e.base + "(" + e.reading + ")" + e.after;
        CHECK(reader::core::inScript(&toTraditional, inlineForm) ==
              e.traditional.substr(0, e.before.size()) + e.shownBase + "(" + e.reading + ")" + after);
        const std::string structured = e.before + unit(e.base, e.reading) + e.after;
        CHECK(reader::core::inScript(&toTraditional, structured) ==
              e.traditional.substr(0, e.before.size()) + unit(e.shownBase, e.reading) + after);
    }
    // Full-width parentheses, two-character bases, text around, and Traditional -> Simplified too.
    CHECK(reader::core::inScript(&toTraditional, "請聯系（lián xì）我們：關(guān)系、2023年(nián)") ==
          "請聯繫（lián xì）我們：關(guān)係、2023年(nián)");
    CHECK(reader::core::inScript(&toSimplified(), "請聯(lián)繫我們") == "请联(lián)系我们");
    CHECK(reader::core::inScript(nullptr, "并發(fā)表") == "并發(fā)表");
}

TEST_CASE("script: a key whose value has another length across a base's edge converts run by run") {
    const ScriptConverter c = ScriptConverter::fromTable("甲乙\t丙\n甲\t丁\n乙\t戊\n");
    CHECK(c.convert("甲乙") == "丙");
    CHECK(reader::core::inScript(&c, "甲乙(yǐ)") == "丁戊(yǐ)");
}
