// The publish time of bundle format v1 read from its text (date_scanner.h).
#include "date_scanner.h"

#include <string>

#include "calendar.h"
#include "json_text.h"

namespace reader::core {

namespace {

// Reads fixed-width fields left to right; any mismatch makes the whole date malformed.
class DateScanner {
public:
    explicit DateScanner(std::string_view text) : m_text(text) {}

    bool digits(size_t count, int& out) {
        if (m_text.size() - m_pos < count) return false;
        int value = 0;
        for (size_t i = 0; i < count; ++i) {
            const char c = m_text[m_pos + i];
            if (c < '0' || c > '9') return false;
            value = value * 10 + (c - '0');
        }
        m_pos += count;
        out = value;
        return true;
    }

    // Skips a run of digits, returning how many there were.
    size_t skipDigits() {
        const size_t start = m_pos;
        while (m_pos < m_text.size() && m_text[m_pos] >= '0' && m_text[m_pos] <= '9') ++m_pos;
        return m_pos - start;
    }

    // Takes one of `choices`, returning which, or 0 when the next character is none of them.
    char oneOf(std::string_view choices) {
        if (m_pos == m_text.size() || choices.find(m_text[m_pos]) == std::string_view::npos) return 0;
        return m_text[m_pos++];
    }

    bool atEnd() const { return m_pos == m_text.size(); }

private:
    std::string_view m_text;
    size_t m_pos = 0;
};

// Syntax of "YYYY-MM-DDTHH:MM:SS(.fraction)?(Z|±HH:MM)"; the fraction is read and dropped.
bool scanDateTime(std::string_view text, DateTime& out, int& offsetHour, int& offsetMinute) {
    DateScanner scan(text);
    const bool fieldsRead = scan.digits(4, out.year) && scan.oneOf("-") && scan.digits(2, out.month) &&
                            scan.oneOf("-") && scan.digits(2, out.day) && scan.oneOf("Tt") &&
                            scan.digits(2, out.hour) && scan.oneOf(":") && scan.digits(2, out.minute) &&
                            scan.oneOf(":") && scan.digits(2, out.second);
    if (!fieldsRead) return false;
    if (scan.oneOf(".") && scan.skipDigits() == 0) return false;
    offsetHour = offsetMinute = 0;
    int sign = 1;
    if (!scan.oneOf("Zz")) {
        const char signChar = scan.oneOf("+-");
        if (!signChar || !scan.digits(2, offsetHour) || !scan.oneOf(":") || !scan.digits(2, offsetMinute)) return false;
        sign = signChar == '-' ? -1 : 1;
    }
    out.offsetMinutes = sign * (offsetHour * 60 + offsetMinute);
    return scan.atEnd();
}

// The field that is out of range, as said in messages, or nullptr when all are in range.
const char* dateRangeProblem(const DateTime& date, int offsetHour, int offsetMinute) {
    if (date.month < 1 || date.month > 12) return "no such month";
    if (!isValidDate(date.year, date.month, date.day)) return "no such day";
    if (date.hour > 23) return "no such hour";
    if (date.minute > 59) return "no such minute";
    if (date.second > 60) return "no such second";  // 60: a leap second
    if (offsetHour > 23 || offsetMinute > 59) return "no such UTC offset";
    return nullptr;
}

}  // namespace

Result<DateTime> parseDateTime(std::string_view text) {
    const auto refused = [&](const char* why) {
        std::string message = "expected ISO 8601 date-time with offset, got " + jsonQuoted(text);
        if (why) message += std::string(" (") + why + ")";
        return Error{.message = std::move(message)};
    };
    DateTime out;
    int offsetHour = 0, offsetMinute = 0;
    if (!scanDateTime(text, out, offsetHour, offsetMinute)) return refused(nullptr);
    if (const char* problem = dateRangeProblem(out, offsetHour, offsetMinute)) return refused(problem);
    out.epochSeconds = daysFromCivil(CivilDate{out.year, out.month, out.day}) * 86400 + out.hour * 3600 +
                       out.minute * 60 + out.second - out.offsetMinutes * 60;
    return out;
}

}  // namespace reader::core
