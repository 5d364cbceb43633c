// The publish time of bundle format v1 read from its text: an RFC 3339 / ISO 8601 date-time with a
// UTC offset, "2023-08-17T22:10:37+08:00" (a fraction of a second is read and dropped; Z for UTC).
#pragma once

#include <string_view>

#include "bundle.h"
#include "error.h"

namespace reader::core {

// The time, with epochSeconds worked out; or the message a bundle's author reads, with no position:
// "expected ISO 8601 date-time with offset, got \"2023-02-30T10:00:00+08:00\" (no such day)".
Result<DateTime> parseDateTime(std::string_view text);

}  // namespace reader::core
