#include "date_scan.h"

#include <array>
#include <cstdio>

#include "core/calendar.h"
#include "text_util.h"

namespace reader::tools::ingest {

namespace {

// Words that, right before a date (after an optional colon), mark it as the publish time.
// "时间" also covers "发布时间", "日期" covers "发布日期", and so on.
constexpr std::array<std::u32string_view, 14> kTimeLabels = {
    U"时间", U"時間", U"日期", U"发布", U"發布", U"發佈", U"发表", U"發表",
    U"于",   U"於",   U"Date", U"date", U"Published", U"published"};

bool isDigit(char32_t c) { return c >= U'0' && c <= U'9'; }

// Reads 1..maxDigits digits (at least minDigits) at pos; advances pos.
bool readNumber(std::u32string_view s, size_t& pos, int minDigits, int maxDigits, int& out) {
    int n = 0, value = 0;
    while (n < maxDigits && pos < s.size() && isDigit(s[pos])) {
        value = value * 10 + static_cast<int>(s[pos] - U'0');
        ++pos;
        ++n;
    }
    out = value;
    return n >= minDigits && !(pos < s.size() && isDigit(s[pos]));
}

bool readChar(std::u32string_view s, size_t& pos, std::u32string_view choices, char32_t& which) {
    if (pos >= s.size() || choices.find(s[pos]) == std::u32string_view::npos) return false;
    which = s[pos++];
    return true;
}

// The separator that must follow the month, given the one that followed the year.
char32_t monthSeparatorFor(char32_t yearSeparator) { return yearSeparator == U'年' ? U'月' : yearSeparator; }

// "22:10:37", "22:10", "22时10分": the time of day after a date. Leaves pos unchanged when there is none.
void readTimeOfDay(std::u32string_view s, size_t& pos, LocalTime& out) {
    size_t p = pos;
    const size_t spaceStart = p;
    while (p < s.size() && (isLayoutSpace(s[p]) || s[p] == U'T' || s[p] == U't')) ++p;
    if (p == spaceStart) return;
    int hour = 0, minute = 0, second = 0;
    char32_t separator = 0;
    if (!readNumber(s, p, 1, 2, hour) || !readChar(s, p, U":：时時点點", separator)) return;
    if (!readNumber(s, p, 2, 2, minute)) return;
    const bool chinese = separator != U':' && separator != U'：';
    if (chinese) readChar(s, p, U"分", separator);
    size_t afterMinute = p;
    char32_t secondSeparator = 0;
    if (readChar(s, p, chinese ? U"" : U":：", secondSeparator) && readNumber(s, p, 2, 2, second)) {
        afterMinute = p;
    } else if (chinese && readNumber(s, p, 2, 2, second) && readChar(s, p, U"秒", secondSeparator)) {
        afterMinute = p;
    } else {
        second = 0;
    }
    if (hour > 23 || minute > 59 || second > 60) return;
    p = afterMinute;
    out.hour = hour;
    out.minute = minute;
    out.second = second;
    pos = p;
    // A fraction of a second, then an offset (ISO 8601), as meta tags write them.
    if (pos < s.size() && s[pos] == U'.') {
        size_t q = pos + 1;
        while (q < s.size() && isDigit(s[q])) ++q;
        if (q > pos + 1) pos = q;
    }
    if (pos < s.size() && (s[pos] == U'Z' || s[pos] == U'z')) {
        out.offsetMinutes = 0;
        ++pos;
    } else if (pos < s.size() && (s[pos] == U'+' || s[pos] == U'-')) {
        size_t q = pos + 1;
        const auto twoDigits = [&](int& value) {
            if (q + 1 >= s.size() || !isDigit(s[q]) || !isDigit(s[q + 1])) return false;
            value = static_cast<int>(s[q] - U'0') * 10 + static_cast<int>(s[q + 1] - U'0');
            q += 2;
            return true;
        };
        int hh = 0, mm = 0;
        const bool hoursRead = twoDigits(hh);
        if (q < s.size() && s[q] == U':') ++q;  // "+08:00" and "+0800" both occur
        if (hoursRead && twoDigits(mm) && hh <= 23 && mm <= 59) {
            out.offsetMinutes = (s[pos] == U'-' ? -1 : 1) * (hh * 60 + mm);
            pos = q;
        }
    }
}

// A date starting at pos (which is not preceded by a digit), and how far it reaches.
std::optional<LocalTime> readDate(std::u32string_view s, size_t& pos) {
    size_t p = pos;
    LocalTime t;
    char32_t yearSeparator = 0, monthSeparator = 0;
    if (!readNumber(s, p, 4, 4, t.year) || t.year < 1900 || t.year > 2199) return std::nullopt;
    if (!readChar(s, p, U"-/.年", yearSeparator)) return std::nullopt;
    if (!readNumber(s, p, 1, 2, t.month)) return std::nullopt;
    const char32_t wanted = monthSeparatorFor(yearSeparator);
    if (!readChar(s, p, std::u32string_view(&wanted, 1), monthSeparator)) return std::nullopt;
    if (!readNumber(s, p, 1, 2, t.day)) return std::nullopt;
    if (yearSeparator == U'年') {
        char32_t daySuffix = 0;
        readChar(s, p, U"日号號", daySuffix);
    }
    if (!core::isValidDate(t.year, t.month, t.day)) return std::nullopt;
    readTimeOfDay(s, p, t);
    pos = p;
    return t;
}

bool labelledBefore(std::u32string_view s, size_t begin) {
    std::u32string_view before = s.substr(0, begin);
    while (!before.empty() && (isLayoutSpace(before.back()) || before.back() == U'[' || before.back() == U'【')) {
        before.remove_suffix(1);
    }
    if (!before.empty() && (before.back() == U':' || before.back() == U'：')) before.remove_suffix(1);
    while (!before.empty() && isLayoutSpace(before.back())) before.remove_suffix(1);
    for (const std::u32string_view label : kTimeLabels) {
        if (before.ends_with(label)) return true;
    }
    return false;
}

}  // namespace

std::vector<DateMatch> findDates(std::string_view line) {
    const std::u32string s = toU32(line);
    std::vector<DateMatch> found;
    for (size_t i = 0; i < s.size(); ++i) {
        if (!isDigit(s[i]) || (i > 0 && isDigit(s[i - 1]))) continue;
        size_t end = i;
        if (const std::optional<LocalTime> time = readDate(s, end)) {
            found.push_back({*time, labelledBefore(s, i)});
            i = end - 1;
        }
    }
    return found;
}

std::optional<int> parseOffset(std::string_view text) {
    const std::u32string s = toU32(text);
    if (s.size() != 6 || (s[0] != U'+' && s[0] != U'-') || s[3] != U':') return std::nullopt;
    size_t pos = 1;
    int hours = 0, minutes = 0;
    if (!readNumber(s, pos, 2, 2, hours)) return std::nullopt;
    pos = 4;
    if (!readNumber(s, pos, 2, 2, minutes) || hours > 23 || minutes > 59) return std::nullopt;
    return (s[0] == U'-' ? -1 : 1) * (hours * 60 + minutes);
}

core::DateTime toDateTime(const LocalTime& time, int defaultOffsetMinutes) {
    core::DateTime out;
    out.year = time.year;
    out.month = time.month;
    out.day = time.day;
    out.hour = time.hour;
    out.minute = time.minute;
    out.second = time.second;
    out.offsetMinutes = time.offsetMinutes.value_or(defaultOffsetMinutes);
    out.epochSeconds = core::daysFromCivil({time.year, time.month, time.day}) * 86400 + time.hour * 3600 +
                       time.minute * 60 + time.second - out.offsetMinutes * 60;
    return out;
}

std::string formatIso(const core::DateTime& time) {
    const int offset = time.offsetMinutes < 0 ? -time.offsetMinutes : time.offsetMinutes;
    char text[40];
    std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", time.year, time.month, time.day,
                  time.hour, time.minute, time.second, time.offsetMinutes < 0 ? '-' : '+', offset / 60, offset % 60);
    return text;
}

}  // namespace reader::tools::ingest
