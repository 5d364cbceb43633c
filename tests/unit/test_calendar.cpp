// core/calendar: days from civil dates and back, weekdays, valid dates, the date lines shown.
#include <doctest/doctest.h>

#include "core/calendar.h"

using namespace reader::core;

TEST_CASE("calendar: days from civil and back") {
    CHECK(daysFromCivil({1970, 1, 1}) == 0);
    CHECK(daysFromCivil({2000, 3, 1}) == 11017);
    CHECK(daysFromCivil({1969, 12, 31}) == -1);
    for (int64_t d = -800000; d < 800000; d += 997) {
        const CivilDate date = civilFromDays(d);
        CHECK(daysFromCivil(date) == d);
    }
}

TEST_CASE("calendar: weekdays") {
    CHECK(weekday({2026, 11, 25}) == 3);  // a Wednesday
    CHECK(weekday({1970, 1, 1}) == 4);
    CHECK(weekday({1969, 12, 28}) == 0);
}

TEST_CASE("calendar: valid dates") {
    CHECK(isValidDate(2024, 2, 29));
    CHECK_FALSE(isValidDate(2023, 2, 29));
    CHECK_FALSE(isValidDate(1900, 2, 29));
    CHECK(isValidDate(2000, 2, 29));
    CHECK_FALSE(isValidDate(2023, 4, 31));
    CHECK_FALSE(isValidDate(2023, 13, 1));
}

TEST_CASE("calendar: today's line in each locale") {
    CHECK(formatToday({2026, 11, 25}, uiStringsFor("zh-Hant")) == "今天是：2026年11月25日 星期三");
    CHECK(formatToday({2026, 11, 25}, uiStringsFor("zh-CN")) == "今天是：2026年11月25日 星期三");
    CHECK(formatToday({2026, 11, 25}, uiStringsFor("en-GB")) == "Today is Wednesday, November 25, 2026");
}

TEST_CASE("calendar: publish times are shown as written") {
    DateTime time;
    time.year = 2023, time.month = 8, time.day = 17, time.hour = 22, time.minute = 10, time.second = 37;
    CHECK(formatPublished(time) == "2023-08-17 22:10:37");
    CHECK(formatPublishedDate(time) == "2023-08-17");
}
