// Calendar arithmetic (Howard Hinnant's algorithms) and the date lines the reader shows (calendar.h).
#include "calendar.h"

#include <cstdio>

namespace reader::core {

int64_t daysFromCivil(const CivilDate& date) {
    const int64_t y = date.year - (date.month <= 2 ? 1 : 0);
    const int64_t era = (y >= 0 ? y : y - 399) / 400;
    const int64_t yearOfEra = y - era * 400;
    const int64_t shiftedMonth = date.month + (date.month > 2 ? -3 : 9);  // March = 0
    const int64_t dayOfYear = (153 * shiftedMonth + 2) / 5 + date.day - 1;
    const int64_t dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146097 + dayOfEra - 719468;
}

CivilDate civilFromDays(int64_t days) {
    days += 719468;
    const int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    const int64_t dayOfEra = days - era * 146097;
    const int64_t yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const int64_t dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const int64_t shiftedMonth = (5 * dayOfYear + 2) / 153;
    CivilDate out;
    out.day = static_cast<int>(dayOfYear - (153 * shiftedMonth + 2) / 5 + 1);
    out.month = static_cast<int>(shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9);
    out.year = static_cast<int>(yearOfEra + era * 400 + (out.month <= 2 ? 1 : 0));
    return out;
}

int weekday(const CivilDate& date) {
    const int64_t days = daysFromCivil(date);
    return static_cast<int>(days >= -4 ? (days + 4) % 7 : (days + 5) % 7 + 6);  // 1970-01-01 was a Thursday
}

bool isValidDate(int year, int month, int day) {
    if (month < 1 || month > 12 || day < 1) return false;
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    const int last = (month == 2 && leap) ? 29 : kDays[month - 1];
    return day <= last;
}

std::string formatToday(const CivilDate& today, const UiStrings& strings) {
    const std::string_view dayName = strings.weekdays[static_cast<size_t>(weekday(today))];
    char digits[64];
    std::string out(strings.todayIs);
    if (strings.localeTag == "en") {
        std::snprintf(digits, sizeof digits, " %d, %d", today.day, today.year);
        out.append(dayName).append(", ").append(strings.months[static_cast<size_t>(today.month - 1)]).append(digits);
    } else {
        std::snprintf(digits, sizeof digits, "%d年%d月%d日 ", today.year, today.month, today.day);
        out.append(digits).append(dayName);
    }
    return out;
}

std::string formatPublished(const DateTime& time) {
    char text[32];
    std::snprintf(text, sizeof text, "%04d-%02d-%02d %02d:%02d:%02d", time.year, time.month, time.day,
                  time.hour, time.minute, time.second);
    return text;
}

std::string formatPublishedDate(const DateTime& time) {
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02d-%02d", time.year, time.month, time.day);
    return text;
}

}  // namespace reader::core
