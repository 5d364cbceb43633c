// core/reading_positions: where the reader left each article, kept across visits as text.
#include "core/reading_positions.h"

#include <doctest/doctest.h>

#include <string>

using namespace reader::core;

TEST_CASE("reading positions: round trip, most recent kept, bad lines skipped") {
    ReadingPositions positions;
    positions.set("a", 0.25f);
    positions.set("b", 1.5f);  // clamped
    positions.set("a", 0.5f);  // moves to the end
    CHECK(positions.serialize() == "1.0000\tb\n0.5000\ta\n");
    ReadingPositions read;
    read.parse(positions.serialize() + "x\tc\n0.3\n-1\td\n0.7\te\tf\n");
    CHECK(read.get("a") == doctest::Approx(0.5));
    CHECK(read.get("b") == doctest::Approx(1.0));
    CHECK_FALSE(read.get("c").has_value());
    CHECK_FALSE(read.get("d").has_value());
    CHECK(read.size() == 2);  // "e\tf" is an id with a tab: refused by set()
    for (int i = 0; i < 600; ++i) read.set("id" + std::to_string(i), 0.1f);
    CHECK(read.size() == ReadingPositions::kMaxArticles);
    CHECK_FALSE(read.get("a").has_value());  // the oldest went
    CHECK(read.get("id599").has_value());
}

TEST_CASE("reading positions: a long saved text keeps each article's newest line, the newest kMaxArticles") {
    // 4 MB of lines, as years of reading (or a hostile page's localStorage) could leave: 200,000
    // articles, each written twice; the second round's fractions are the ones that count.
    std::string text;
    for (int round = 0; round < 2; ++round) {
        for (int i = 0; i < 100000; ++i) text += (round ? "0.7500\tarticle-" : "0.2500\tarticle-") + std::to_string(i) + "\n";
    }
    text += "not a line\n0.5000\tarticle-5\n";  // article-5 read last of all; a bad line ignored
    ReadingPositions read;
    read.parse(text);
    CHECK(read.size() == ReadingPositions::kMaxArticles);
    CHECK(read.get("article-5") == doctest::Approx(0.5));
    CHECK(read.get("article-99999") == doctest::Approx(0.75));
    CHECK(read.get("article-99501") == doctest::Approx(0.75));
    CHECK_FALSE(read.get("article-99500").has_value());  // the 500 kept: article-5 and the last 499
    CHECK_FALSE(read.get("article-0").has_value());
    // The order survives: oldest first, article-5 last.
    const std::string saved = read.serialize();
    CHECK(saved.substr(0, saved.find('\n')) == "0.7500\tarticle-99501");
    CHECK(saved.substr(saved.size() - 17) == "0.5000\tarticle-5\n");
}
