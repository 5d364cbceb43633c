// Publish times as news pages write them: "2023-08-17 22:10:37", "2023/8/17", "2023年08月17日 22:10",
// "2023-08-17T22:10:37+08:00", found anywhere in a line, with whether a label ("發布時間:",
// "发布日期：", "时间") stands right before them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/bundle.h"

namespace reader::tools::ingest {

// A wall-clock time as printed; the offset only when the page wrote one.
struct LocalTime {
    int year = 0, month = 0, day = 0;
    int hour = 0, minute = 0, second = 0;
    std::optional<int> offsetMinutes;  // east of UTC
};

struct DateMatch {
    LocalTime time;
    bool labelled = false;  // a publish-time label precedes it
};

// Every real date (valid day, hour, minute) in the line, in order.
std::vector<DateMatch> findDates(std::string_view line);

// "+08:00" / "-05:30" -> minutes east of UTC; nullopt when malformed or out of range.
std::optional<int> parseOffset(std::string_view text);

// The time with its own offset, or with defaultOffsetMinutes when the page gave none.
core::DateTime toDateTime(const LocalTime& time, int defaultOffsetMinutes);

// "2023-08-17T22:10:37+08:00": format v1's form, which BundleLoader reads back unchanged.
std::string formatIso(const core::DateTime& time);

}  // namespace reader::tools::ingest
