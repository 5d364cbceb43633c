// Calendar arithmetic and the date lines the reader shows.
#pragma once

#include <cstdint>
#include <string>

#include "bundle.h"
#include "ui_strings.h"

namespace reader::core {

// A day in the proleptic Gregorian calendar.
struct CivilDate {
    int year = 1970;
    int month = 1;  // 1-12
    int day = 1;    // 1-31
};

// Days since 1970-01-01 (negative before), and back. Howard Hinnant's algorithms.
int64_t daysFromCivil(const CivilDate& date);
CivilDate civilFromDays(int64_t days);
int weekday(const CivilDate& date);  // 0 = Sunday
bool isValidDate(int year, int month, int day);

// "今天是：2026年11月25日 星期三" / "Today is Wednesday, November 25, 2026".
std::string formatToday(const CivilDate& today, const UiStrings& strings);

// "2023-08-17 22:10:37": the publish time as the publisher wrote it, in the site's time zone.
std::string formatPublished(const DateTime& time);
// "2023-08-17": the short form used in lists.
std::string formatPublishedDate(const DateTime& time);

}  // namespace reader::core
