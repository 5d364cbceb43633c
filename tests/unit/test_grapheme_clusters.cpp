// Grapheme clusters and the cap on their length: Unicode's GraphemeBreakTest.txt for where clusters
// end, then what the cap keeps of hostile text and that it leaves every other text alone.
#include "core/grapheme_clusters.h"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "core/utf8.h"

using namespace reader::core;

namespace {

std::string marks(size_t count) {
    std::string out;
    for (size_t i = 0; i < count; ++i) utf8::append(out, 0x0301);
    return out;
}

}  // namespace

TEST_CASE("clusters: every line of Unicode's GraphemeBreakTest.txt (libunibreak's copy)") {
    std::ifstream file(LIBUNIBREAK_GRAPHEME_BREAK_TEST);
    REQUIRE(file.good());
    std::string line;
    size_t cases = 0;
    while (std::getline(file, line)) {
        line = line.substr(0, line.find('#'));
        if (line.find_first_not_of(" \t") == std::string::npos) continue;
        // "÷ 0020 × 0308 ÷": a code point in hex, between marks that say whether a cluster ends there.
        std::u32string text;
        std::vector<bool> expected;
        std::istringstream words(line);
        std::string word;
        words >> word;  // the mark before the first code point: always ÷
        while (words >> word) {
            text += static_cast<char32_t>(std::stoul(word, nullptr, 16));
            words >> word;
            expected.push_back(word == "÷");
        }
        INFO(line);
        CHECK(clusterEnds(text) == expected);
        ++cases;
    }
    CHECK(cases > 600);
}

TEST_CASE("clusters: a cluster over the cap keeps its first 32 code points and shows a mark") {
    const std::string hostile = "a" + marks(50'000) + "b";
    CHECK(capClusters(hostile) == "a" + marks(31) + "\u2026b");
    std::u32string wide = U"x";
    wide.append(40, U'\u0301');
    CHECK(capClusters(std::u32string_view(wide)) == U"x" + std::u32string(31, U'\u0301') + U"\u2026");
}

TEST_CASE("clusters: a cluster of exactly 32 code points is not cut") {
    const std::string text = "a" + marks(31) + "b" + marks(5);
    CHECK(capClusters(text) == text);
}

TEST_CASE("clusters: text without long clusters comes back as it was, invalid bytes too") {
    const std::string family = "\U0001F468\u200D\U0001F469\u200D\U0001F467\u200D\U0001F466";  // one cluster of 7
    const std::string text = "消費者權益保護，" + family + " e\u0301 한국어 \xFF\xFE " + std::string(100, 'z');
    CHECK(capClusters(text) == text);
    CHECK(capClusters(std::string_view()).empty());
}

TEST_CASE("clusters: bytes around a cut cluster stay as they were") {
    const std::string text = "\xFF" "a" + marks(40) + "\xC3";
    CHECK(capClusters(text) == "\xFF" "a" + marks(31) + "\u2026\xC3");
}
