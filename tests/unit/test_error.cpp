// core::Error and core::Result: how an error is told (the words every other test asserts), and what a
// Result holds.
#include "core/error.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using reader::core::Error;
using reader::core::Result;

TEST_CASE("error: describe() gives line and column, else the pointer, else the message") {
    CHECK(Error{"/site", 3, 14, "m"}.describe() == "line 3, column 14: m");
    CHECK(Error{"/site", 0, 0, "m"}.describe() == "/site: m");
    CHECK(Error{"", 0, 0, "m"}.describe() == "m");
    CHECK(Error{"/site", 3, 14, "m"}.describeIn("data/x.json") == "data/x.json:3:14: m");
    CHECK(Error{"/site", 0, 0, "m"}.describeIn("data/x.json") == "data/x.json: /site: m");
    CHECK(Error{"", 0, 0, "m"}.describeIn("data/x.json") == "data/x.json: m");
}

TEST_CASE("error: a control character in the pointer is escaped, so the message stays on one line") {
    CHECK(Error{"/a\nb/\x7F", 0, 0, "m"}.describe() == "/a\\u000Ab/\\u007F: m");
    CHECK(Error{"/a\tb", 0, 0, "m"}.describeIn("x.json") == "x.json: /a\\u0009b: m");
}

TEST_CASE("error: a Result holds its value or its error") {
    Result<std::vector<int>> value = std::vector<int>{1, 2, 3};
    REQUIRE(value.ok());
    CHECK(static_cast<bool>(value));
    CHECK(value->size() == 3);
    (*value).push_back(4);
    CHECK(value.value() == std::vector<int>{1, 2, 3, 4});
    const std::vector<int> moved = *std::move(value);
    CHECK(moved.size() == 4);

    const Result<std::vector<int>> failed = Error{.pointer = "/x", .message = "expected an array, got string"};
    REQUIRE_FALSE(failed.ok());
    CHECK_FALSE(static_cast<bool>(failed));
    CHECK(failed.error().describe() == "/x: expected an array, got string");
}

TEST_CASE("error: a Result<void> is done or holds its error") {
    const Result<void> done;
    CHECK(done.ok());
    const Result<void> failed = Error{.message = "No such file or directory"};
    REQUIRE_FALSE(failed.ok());
    CHECK(failed.error().describeIn("x.json") == "x.json: No such file or directory");
}
