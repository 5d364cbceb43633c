// core/date_scanner: the publish time of format v1 (ISO 8601 with a UTC offset) read from its text,
// with the epoch seconds that order it, and refused with the reason a bundle's author reads.
#include "core/date_scanner.h"

#include <doctest/doctest.h>

#include <string>

using namespace reader::core;

TEST_CASE("date scanner: fields, offset and epoch seconds") {
    const Result<DateTime> time = parseDateTime("2023-08-17T22:10:37+08:00");
    REQUIRE(time.ok());
    CHECK(time->year == 2023);
    CHECK(time->month == 8);
    CHECK(time->day == 17);
    CHECK(time->hour == 22);
    CHECK(time->second == 37);
    CHECK(time->offsetMinutes == 480);
    CHECK(time->epochSeconds == 1692281437);
    CHECK(parseDateTime("2023-08-17t14:10:37.125z")->epochSeconds == 1692281437);  // fraction dropped
    CHECK(parseDateTime("1969-12-31T23:00:00-01:00")->epochSeconds == 0);
    CHECK(parseDateTime("2024-02-29T00:00:60Z").ok());  // a leap day, a leap second
}

TEST_CASE("date scanner: a malformed or impossible time is refused with what was found") {
    CHECK(parseDateTime("yesterday").error().describe() == "expected ISO 8601 date-time with offset, got \"yesterday\"");
    CHECK(parseDateTime("2023-08-17T22:10:37").error().message ==
          "expected ISO 8601 date-time with offset, got \"2023-08-17T22:10:37\"");
    CHECK(parseDateTime("2023-08-17T22:10:37.+08:00").error().message ==
          "expected ISO 8601 date-time with offset, got \"2023-08-17T22:10:37.+08:00\"");
    CHECK(parseDateTime("2023-02-29T00:00:00Z").error().message ==
          "expected ISO 8601 date-time with offset, got \"2023-02-29T00:00:00Z\" (no such day)");
    CHECK(parseDateTime("2023-13-01T00:00:00Z").error().message ==
          "expected ISO 8601 date-time with offset, got \"2023-13-01T00:00:00Z\" (no such month)");
    CHECK(parseDateTime("2023-01-01T24:00:00Z").error().message ==
          "expected ISO 8601 date-time with offset, got \"2023-01-01T24:00:00Z\" (no such hour)");
    CHECK(parseDateTime("2023-01-01T00:00:00+08:60").error().message ==
          "expected ISO 8601 date-time with offset, got \"2023-01-01T00:00:00+08:60\" (no such UTC offset)");
}
