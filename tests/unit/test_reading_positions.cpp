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
