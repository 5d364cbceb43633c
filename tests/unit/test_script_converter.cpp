// ScriptConverter against OpenCC's own test cases (t2s, s2t from the same source package), and the
// seed's mixed text (消協動态, 狀態) read consistently in either script.
#include "core/script_converter.h"

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
    checkOpenccCases(ScriptConverter::toSimplified(), "t2s");
}

TEST_CASE("script: Simplified -> Traditional passes OpenCC's s2t test cases") {
    checkOpenccCases(toTraditional(), "s2t");
}

TEST_CASE("script: the seed's mixed spellings read consistently in either script; pinyin and digits pass") {
    const std::string mixed = "消協動态：2023年(nián)自(zì)治區狀態";
    CHECK(ScriptConverter::toSimplified().convert(mixed) == "消协动态：2023年(nián)自(zì)治区状态");
    CHECK(toTraditional().convert(mixed) == "消協動態：2023年(nián)自(zì)治區狀態");
    CHECK(toTraditional().convert("头发和发展") == "頭髮和發展");  // phrase level: 发 is 髮 or 發
    // Mixed text is made all Simplified first, so that the phrases match.
    const ScriptConverter mixedToTraditional = ScriptConverter::toTraditional(readFile(READER_S2T_TABLE));
    CHECK(toTraditional().convert("頭发") == "頭發");  // OpenCC's plain s2t: 頭 stops the phrase 头发
    CHECK(mixedToTraditional.convert("頭发") == "頭髮");
    CHECK(mixedToTraditional.convert(mixed) == "消協動態：2023年(nián)自(zì)治區狀態");
    CHECK(mixedToTraditional.convert("關于頭发") == "關於頭髮");
    CHECK(ScriptConverter::toSimplified().convert("") == "");
    CHECK(ScriptConverter::toSimplified().convert("\xFF\xFE abc") == "\xFF\xFE abc");  // bytes that are not UTF-8 pass
}

TEST_CASE("script: a table's first value counts; lines without a key or value are skipped") {
    const ScriptConverter c = ScriptConverter::fromTable("甲\t乙\n甲\t丙\nno tab\n\t空\n甲乙\t丁\n");
    CHECK(c.entries() == 3);
    CHECK(c.convert("甲甲乙") == "乙丁");  // the longest key wins where it matches
}
