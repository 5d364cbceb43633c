// BundleLoader: bundle text -> Bundle in one pass over the text, with no DOM.
//   read:    JsonReader, a pull parser, walks the text once: JSON syntax, UTF-8, nesting depth,
//            string length and duplicate keys. BundleReader drives it with the schema of format v1
//            and builds the Bundle directly, each string copied once, from the text into its place.
//            A limit stops the pass at once. Any other error is recorded and the pass goes on, so a
//            file that is also broken further on is told as broken; what could no longer give the
//            error to tell is then only checked, not kept.
//   text:    when the pass met a syntax error, the reason is looked for as before, in order:
//            invalid UTF-8 (so a position can be told in characters), empty text, then the syntax
//            error as nlohmann words it (a second pass, with its SAX parser). Success pays for none.
//   choose:  a duplicate key comes before schema errors; of those, the first in the order of
//            data/README.md's tables wins (format, site, categories, articles; fields in table
//            order; items in array order), whatever the order of the keys in the file.
//
// Index
//   [SECTION] Positions and quoting
//   [SECTION] Syntax errors
//   [SECTION] Dates
//   [SECTION] Text rules
//   [SECTION] JSON reader
//   [SECTION] Bundle reader
//   [SECTION] BundleLoader
#include "bundle_loader.h"

#include "json_text.h"
#include "ruby_parser.h"
#include "utf8.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <set>
#include <utility>
#include <vector>

namespace reader::core {

namespace {

using Json = nlohmann::json;

//-------------------------------------------------------------------------------------------------
// [SECTION] Positions and quoting
//-------------------------------------------------------------------------------------------------

constexpr std::string_view kJsonWhitespace = " \t\n\r";
constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
constexpr size_t kQuotedMaxCodePoints = 40;

// An error at a byte of the text, told as line and column. Lines end at '\n'; columns count code
// points, as editors do (a broken sequence counts one per byte).
Error errorAt(std::string_view text, size_t offset, std::string message) {
    Error error;
    error.message = std::move(message);
    const size_t lineStart = text.rfind('\n', offset == 0 ? 0 : offset - 1);
    size_t pos = lineStart == std::string_view::npos || offset == 0 ? 0 : lineStart + 1;
    // A leading byte order mark is skipped, and editors do not show it: it is no column.
    if (pos == 0 && text.substr(0, kByteOrderMark.size()) == kByteOrderMark && offset >= kByteOrderMark.size())
        pos = kByteOrderMark.size();
    int column = 1;
    while (pos < offset) {
        utf8::next(text, pos);
        ++column;
    }
    error.line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<ptrdiff_t>(offset), '\n'));
    error.column = column;
    return error;
}

// A string as it appears in messages: JSON-escaped (DEL and C1 controls too, which JSON leaves
// as they are), cut to kQuotedMaxCodePoints code points.
std::string jsonQuoted(std::string_view text) {
    size_t end = 0;
    for (size_t count = 0; end < text.size() && count < kQuotedMaxCodePoints; ++count)
        utf8::next(text, end);
    const bool cut = end < text.size();
    std::string out = escapeControls(Json(std::string(text.substr(0, end))).dump());
    if (cut) out.insert(out.size() - 1, "…");
    return out;
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Syntax errors
//-------------------------------------------------------------------------------------------------

// A SAX handler that accepts every value and keeps nlohmann's report of the first syntax error.
class SyntaxErrorFinder final : public nlohmann::json_sax<Json> {
public:
    bool null() override { return true; }
    bool boolean(bool) override { return true; }
    bool number_integer(number_integer_t) override { return true; }
    bool number_unsigned(number_unsigned_t) override { return true; }
    bool number_float(number_float_t, const string_t&) override { return true; }
    bool string(string_t&) override { return true; }
    bool binary(binary_t&) override { return true; }
    bool start_object(std::size_t) override { return true; }
    bool key(string_t&) override { return true; }
    bool end_object() override { return true; }
    bool start_array(std::size_t) override { return true; }
    bool end_array() override { return true; }

    bool parse_error(std::size_t position, const std::string& lastToken,
                     const nlohmann::detail::exception& error) override {
        m_position = position;
        m_lastToken = lastToken;
        m_what = error.what();
        m_numberOverflow = error.id == kNumberOverflow;
        return false;
    }

    // nlohmann's position counts the bytes read, the offending one included; a number too large
    // for a double is told at its first byte rather than its last.
    size_t byteOffset() const {
        if (m_numberOverflow && m_position >= m_lastToken.size()) return m_position - m_lastToken.size();
        return m_position == 0 ? 0 : m_position - 1;
    }
    const std::string& lastToken() const { return m_lastToken; }
    const std::string& what() const { return m_what; }

private:
    static constexpr int kNumberOverflow = 406;  // nlohmann's out_of_range.406
    size_t m_position = 0;
    std::string m_lastToken;
    std::string m_what = "syntax error";
    bool m_numberOverflow = false;
};

// "[json.exception.parse_error.101] parse error at line 1, column 8: syntax error while parsing
// object key - unexpected '}'; expected string literal" -> everything after the position. The
// position goes (we tell it in characters, nlohmann in bytes), and so does "; last read: '...'":
// in 3.11.2 it reaches back into earlier tokens ('"a":tru}' for a bad `tru`), which misleads.
// "[json.exception.out_of_range.406] number overflow parsing '1e400'" loses its prefix, and the
// number is cut when long.
std::string readableSyntaxMessage(std::string what, const std::string& lastToken) {
    if (what.starts_with("[json.exception.")) {
        if (const size_t end = what.find("] "); end != std::string::npos) what.erase(0, end + 2);
    }
    if (what.starts_with("parse error")) {
        if (const size_t colon = what.find(": "); colon != std::string::npos) what.erase(0, colon + 2);
    }
    const std::string lastRead = "; last read: '" + lastToken + "'";
    if (const size_t at = what.find(lastRead); at != std::string::npos) what.erase(at, lastRead.size());
    const std::string quotedToken = "'" + lastToken + "'";
    if (const size_t at = what.find(quotedToken); at != std::string::npos && lastToken.size() > kQuotedMaxCodePoints)
        what.replace(at, quotedToken.size(), "'" + lastToken.substr(0, kQuotedMaxCodePoints) + "…'");
    return what;
}

Error syntaxError(std::string_view text) {
    SyntaxErrorFinder finder;
    Json::sax_parse(text, &finder);
    const size_t offset = std::min(finder.byteOffset(), text.size());
    return errorAt(text, offset, readableSyntaxMessage(finder.what(), finder.lastToken()));
}

// Why text that is no JSON is no bundle, the first reason first: bytes, emptiness, syntax. The
// JsonReader takes RFC 8259 JSON in RFC 3629 UTF-8 exactly as nlohmann does, so nlohmann finds
// the same error and words it as the tests expect.
Error textError(std::string_view text) {
    if (const size_t bad = utf8::firstInvalid(text); bad != std::string_view::npos)
        return errorAt(text, bad, "invalid UTF-8 at byte offset " + std::to_string(bad));
    if (text.find_first_not_of(kJsonWhitespace) == std::string_view::npos)
        return errorAt(text, text.size(), "empty bundle: expected a JSON object");
    return syntaxError(text);
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Dates
//-------------------------------------------------------------------------------------------------

bool isLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int daysInMonth(int year, int month) {
    constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && isLeapYear(year) ? 29 : kDays[month - 1];
}

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil), so the
// result does not depend on the C library's time zone handling.
int64_t daysFromCivil(int year, int month, int day) {
    year -= month <= 2 ? 1 : 0;
    const int64_t era = (year >= 0 ? year : year - 399) / 400;
    const int64_t yearOfEra = year - era * 400;                                         // [0, 399]
    const int64_t dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;  // [0, 365]
    const int64_t dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146097 + dayOfEra - 719468;
}

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
    if (date.day < 1 || date.day > daysInMonth(date.year, date.month)) return "no such day";
    if (date.hour > 23) return "no such hour";
    if (date.minute > 59) return "no such minute";
    if (date.second > 60) return "no such second";  // 60: a leap second
    if (offsetHour > 23 || offsetMinute > 59) return "no such UTC offset";
    return nullptr;
}

enum class DateStatus { ok, malformed, outOfRange };

DateStatus parseDateTime(std::string_view text, DateTime& out, const char*& rangeProblem) {
    int offsetHour = 0, offsetMinute = 0;
    if (!scanDateTime(text, out, offsetHour, offsetMinute)) return DateStatus::malformed;
    rangeProblem = dateRangeProblem(out, offsetHour, offsetMinute);
    if (rangeProblem) return DateStatus::outOfRange;
    out.epochSeconds = daysFromCivil(out.year, out.month, out.day) * 86400 + out.hour * 3600 + out.minute * 60 +
                       out.second - out.offsetMinutes * 60;
    return DateStatus::ok;
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Text rules
//-------------------------------------------------------------------------------------------------

constexpr size_t kMaxIdLength = 128;

}  // namespace

static bool isIdChar(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
}

bool isId(std::string_view text) {
    if (text.empty() || text.size() > kMaxIdLength) return false;
    return std::all_of(text.begin(), text.end(), isIdChar);
}

namespace {

bool isAsciiAlpha(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
bool isAsciiAlnum(char c) { return isAsciiAlpha(c) || (c >= '0' && c <= '9'); }

// The loose BCP 47 shape ^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$: enough to catch "Chinese" or
// "zh_TW", without a registry of subtags.
bool isLanguageTag(std::string_view tag) {
    size_t pos = 0;
    while (pos < tag.size() && isAsciiAlpha(tag[pos])) ++pos;
    if (pos < 2 || pos > 3) return false;
    while (pos < tag.size()) {
        if (tag[pos++] != '-') return false;
        const size_t start = pos;
        while (pos < tag.size() && isAsciiAlnum(tag[pos])) ++pos;
        if (pos == start || pos - start > 8) return false;
    }
    return true;
}

// Digits, spaces and + - ( ), with at least one digit: "+86 (471) 692-0007", not "()".
bool isPhoneNumber(std::string_view number) {
    bool hasDigit = false;
    for (const char c : number) {
        const bool digit = c >= '0' && c <= '9';
        if (!(digit || c == ' ' || c == '+' || c == '-' || c == '(' || c == ')')) return false;
        hasDigit = hasDigit || digit;
    }
    return hasDigit;
}

// "MAJOR.MINOR", both decimal numbers that fit an int.
bool parseVersion(std::string_view text, int& major, int& minor) {
    const size_t dot = text.find('.');
    if (dot == std::string_view::npos) return false;
    const auto parseNumber = [](std::string_view digits, int& out) {
        if (digits.empty() || digits.find_first_not_of("0123456789") != std::string_view::npos) return false;
        const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), out);
        return error == std::errc() && end == digits.data() + digits.size();
    };
    return parseNumber(text.substr(0, dot), major) && parseNumber(text.substr(dot + 1), minor);
}

// A JSON number literal that is a non-negative integer fitting 64 bits: "0", "2125453021", "-0".
// Not "1.0" or "1e3", which nlohmann (and so the old loader and JavaScript readers) call floats.
bool parseCount(std::string_view literal, uint64_t& out) {
    if (literal.find_first_of(".eE") != std::string_view::npos) return false;
    if (literal.front() == '-') {
        out = 0;
        return literal == "-0";
    }
    const auto [end, error] = std::from_chars(literal.data(), literal.data() + literal.size(), out);
    return error == std::errc() && end == literal.data() + literal.size();
}

bool isDigit(char c) { return c >= '0' && c <= '9'; }

// A JSON number literal as a decimal: its significant digits (leading zeros dropped, at most
// kMaxDigits, which decides any double but in contrived ties) and its magnitude: a value in
// [10^(magnitude-1), 10^magnitude). No digits: zero.
struct Decimal {
    static constexpr size_t kMaxDigits = 800;
    bool negative = false;
    std::string digits;
    int64_t magnitude = 0;

    explicit Decimal(std::string_view literal) {
        constexpr int64_t kMaxExponent = int64_t{1} << 40;  // beyond any magnitude that matters
        size_t pos = 0;
        negative = literal[pos] == '-';
        if (negative) ++pos;
        int64_t integerDigits = 0;  // significant digits before the decimal point
        for (; pos < literal.size() && isDigit(literal[pos]); ++pos) {
            if (digits.empty() && literal[pos] == '0') continue;
            if (digits.size() < kMaxDigits) digits += literal[pos];
            ++integerDigits;
        }
        int64_t leadingZeros = 0;  // of the fraction, before its first significant digit
        if (pos < literal.size() && literal[pos] == '.') {
            for (++pos; pos < literal.size() && isDigit(literal[pos]); ++pos) {
                if (digits.empty() && literal[pos] == '0') ++leadingZeros;
                else if (digits.size() < kMaxDigits) digits += literal[pos];
            }
        }
        int64_t exponent = 0;
        if (pos < literal.size()) {  // 'e' or 'E', a sign, digits
            const bool negativeExponent = literal[++pos] == '-';
            if (literal[pos] == '+' || literal[pos] == '-') ++pos;
            for (; pos < literal.size(); ++pos) exponent = std::min(kMaxExponent, exponent * 10 + (literal[pos] - '0'));
            if (negativeExponent) exponent = -exponent;
        }
        magnitude = (integerDigits > 0 ? integerDigits : -leadingZeros) + exponent;
    }

    // As strtod reads it, correctly rounded, with no decimal point for the C locale to misread.
    double value() const {
        if (digits.empty()) return negative ? -0.0 : 0.0;
        const std::string text = (negative ? "-" : "") + digits + "e" +
                                 std::to_string(magnitude - static_cast<int64_t>(digits.size()));
        return std::strtod(text.c_str(), nullptr);
    }
};

// Whether a number is a finite double, as nlohmann requires of every number (it refuses 1e400
// with "number overflow"). Told by the magnitude alone but near DBL_MAX (1.797...e308).
bool fitsDouble(std::string_view literal) {
    const Decimal decimal(literal);
    if (decimal.digits.empty() || decimal.magnitude <= 308) return true;
    if (decimal.magnitude >= 310) return false;
    return std::isfinite(decimal.value());
}

// A number as messages show it: as nlohmann prints the value (1000.0 for 1e3,
// 1.8446744073709552e+19 for 18446744073709551616, an integer as written), or cut when long.
std::string numberForMessage(std::string_view literal) {
    if (literal.size() > kQuotedMaxCodePoints) return std::string(literal.substr(0, kQuotedMaxCodePoints)) + "…";
    int64_t integer = 0;
    const auto [end, error] = std::from_chars(literal.data(), literal.data() + literal.size(), integer);
    if (error == std::errc() && end == literal.data() + literal.size()) return std::string(literal);
    return Json(Decimal(literal).value()).dump();
}

// What a string field may hold beyond valid UTF-8.
enum class TextRule {
    any,        // checked by its own rule (ids, dates, numbers, locale) or not shown (format name)
    line,       // shown text on one line: no control character
    paragraph,  // a body paragraph: a tab becomes a space; no other control character
};

enum class Emptiness { allowed, refused };

// "control character U+0007 at character 5" for the first control character of `text`, 1-based, or
// the first of the interlinear annotation characters, which hold structured ruby in the model.
std::string controlCharacterMessage(std::string_view text) {
    size_t pos = 0;
    for (size_t character = 1; pos < text.size(); ++character) {
        const char32_t cp = utf8::next(text, pos);
        const bool mark = isInterlinearAnnotationMark(cp);
        if (!isControl(cp) && !mark) continue;
        char code[16];
        std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(cp));
        const std::string where = std::string(code) + " at character " + std::to_string(character);
        if (mark) return "interlinear annotation character " + where + " (write ruby as a structured run)";
        return "control character " + where;
    }
    return {};
}

//-------------------------------------------------------------------------------------------------
// [SECTION] JSON reader
//-------------------------------------------------------------------------------------------------

// What a value is, told by its first byte.
enum class Kind : unsigned char { object, array, string, number, boolean, null, invalid };

// As nlohmann's type_name() says it, the words the messages have always used.
const char* kindName(Kind kind) {
    switch (kind) {
        case Kind::object: return "object";
        case Kind::array: return "array";
        case Kind::string: return "string";
        case Kind::number: return "number";
        case Kind::boolean: return "boolean";
        case Kind::null: return "null";
        case Kind::invalid: break;
    }
    return "invalid";
}

// Bytes inside a string, by what the scanner must do with them.
enum ByteClass : unsigned char {
    kPlain,      // printable ASCII: copied as it is
    kQuote,      // the end of the string
    kBackslash,  // an escape
    kForbidden,  // U+0000-U+001F must be escaped; 0x80-0xC1 and 0xF5-0xFF start no UTF-8 sequence
    kDelete,     // U+007F: valid JSON, but a control character
    kLead2,      // first byte of a 2-, 3- or 4-byte UTF-8 sequence
    kLead3,
    kLead4,
};

constexpr std::array<ByteClass, 256> kByteClasses = [] {
    std::array<ByteClass, 256> classes{};
    for (int b = 0; b < 256; ++b) {
        ByteClass c = kPlain;
        if (b < 0x20 || (b >= 0x80 && b < 0xC2) || b >= 0xF5) c = kForbidden;
        else if (b == '"') c = kQuote;
        else if (b == '\\') c = kBackslash;
        else if (b == 0x7F) c = kDelete;
        else if (b >= 0xC2 && b <= 0xDF) c = kLead2;
        else if (b >= 0xE0 && b <= 0xEF) c = kLead3;
        else if (b >= 0xF0) c = kLead4;
        classes[static_cast<size_t>(b)] = c;
    }
    return classes;
}();

inline unsigned char byteAt(const char* p) { return static_cast<unsigned char>(*p); }
inline bool isContinuation(const char* p) { return (byteAt(p) & 0xC0) == 0x80; }
inline bool isWhitespace(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

size_t utf8Length(char32_t cp) { return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4; }

// Four hex digits at p (p + 4 <= end checked by the caller), or -1.
int hex4(const char* p) {
    int value = 0;
    for (int i = 0; i < 4; ++i) {
        const char c = p[i];
        int digit = 0;
        if (c >= '0' && c <= '9') digit = c - '0';
        else if (c >= 'a' && c <= 'f') digit = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F') digit = c - 'A' + 10;
        else return -1;
        value = value * 16 + digit;
    }
    return value;
}

// The escape at p (a backslash) as nlohmann reads it: its code point and how many bytes it takes,
// or 0 when it is no valid escape. A \u escape of a high surrogate must be followed by one of a
// low surrogate; the pair is one code point.
size_t scanEscape(const char* p, const char* end, char32_t& cp) {
    if (end - p < 2) return 0;
    switch (p[1]) {
        case '"': cp = U'"'; return 2;
        case '\\': cp = U'\\'; return 2;
        case '/': cp = U'/'; return 2;
        case 'b': cp = U'\b'; return 2;
        case 'f': cp = U'\f'; return 2;
        case 'n': cp = U'\n'; return 2;
        case 'r': cp = U'\r'; return 2;
        case 't': cp = U'\t'; return 2;
        case 'u': break;
        default: return 0;
    }
    if (end - p < 6) return 0;
    const int unit = hex4(p + 2);
    if (unit < 0 || (unit >= 0xDC00 && unit <= 0xDFFF)) return 0;
    if (unit < 0xD800 || unit > 0xDBFF) {
        cp = static_cast<char32_t>(unit);
        return 6;
    }
    if (end - p < 12 || p[6] != '\\' || p[7] != 'u') return 0;
    const int low = hex4(p + 8);
    if (low < 0xDC00 || low > 0xDFFF) return 0;
    cp = 0x10000 + ((static_cast<char32_t>(unit) - 0xD800) << 10) + (static_cast<char32_t>(low) - 0xDC00);
    return 12;
}

// A string token found by the scanner: its raw content and what decoding it will give.
struct StringToken {
    const char* begin = nullptr;  // after the opening quote
    const char* end = nullptr;    // at the closing quote
    size_t bytes = 0;             // length once unescaped
    bool escaped = false;         // holds at least one escape
    bool control = false;         // once unescaped, holds a control character (see isControl)
};

void decodeString(const StringToken& token, std::string& out) {
    if (!token.escaped) {
        out.assign(token.begin, static_cast<size_t>(token.end - token.begin));
        return;
    }
    out.clear();
    out.reserve(token.bytes);
    const char* p = token.begin;
    while (p < token.end) {
        const void* found = std::memchr(p, '\\', static_cast<size_t>(token.end - p));
        const char* backslash = found ? static_cast<const char*>(found) : token.end;
        out.append(p, static_cast<size_t>(backslash - p));
        if (backslash == token.end) break;
        char32_t cp = 0;
        p = backslash + scanEscape(backslash, token.end, cp);  // valid: the scanner checked it
        utf8::append(out, cp);
    }
}

// One open array or object on the way to the value being read.
struct Frame {
    bool isArray = false;
    bool atFirst = true;  // no member or item read yet
    size_t index = 0;     // arrays: the current item
    std::string key;      // objects: the current member's key, unescaped
    size_t rank = 0;      // where the current member or item comes in the order of errors (BundleReader)
    // The keys met so far, to refuse a duplicate: a short list, and a set once there are more.
    static constexpr size_t kFewKeys = 8;
    size_t keyCount = 0;
    std::vector<std::string> fewKeys;
    std::set<std::string, std::less<>> manyKeys;
};

// A pull parser for RFC 8259 JSON in RFC 3629 UTF-8, taking exactly what nlohmann takes (a leading
// byte order mark included), without recursion. The caller reads or skips every value it is at.
// Any method may stop the reader for good: at a syntax error (told later by textError), or with
// an error of its own, told as it is (stopError(): a limit, or a NUL byte after the JSON text,
// which nlohmann would take for the end of the text). A duplicate key does not stop it; the first
// is kept.
class JsonReader {
public:
    JsonReader(std::string_view text, const LoadLimits& limits)
        : m_text(text), m_pos(text.data()), m_end(text.data() + text.size()), m_limits(limits) {
        if (text.substr(0, kByteOrderMark.size()) == kByteOrderMark) m_pos += kByteOrderMark.size();
        m_frames.resize(1 + std::min<size_t>(limits.maxDepth, 16));
    }

    bool stopped() const { return m_stop != Stop::none; }
    bool syntaxFailed() const { return m_stop == Stop::syntax; }
    const std::optional<Error>& stopError() const { return m_stopError; }
    const std::optional<Error>& duplicateKeyError() const { return m_duplicateKey; }

    // The kind of the value here; Kind::invalid (and a stop) when there is none.
    Kind peek() {
        skipWhitespace();
        if (m_pos == m_end) {
            syntax();
            return Kind::invalid;
        }
        switch (*m_pos) {
            case '{': return Kind::object;
            case '[': return Kind::array;
            case '"': return Kind::string;
            case 't':
            case 'f': return Kind::boolean;
            case 'n': return Kind::null;
            default: break;
        }
        if (*m_pos == '-' || isDigit(*m_pos)) return Kind::number;
        syntax();
        return Kind::invalid;
    }

    // Objects: at '{' (peek() said so), enterObject(); then while (nextMember()) read or skip the
    // value. nextMember() is false at the end of the object, which it leaves, or at a stop.
    bool enterObject() { return enter(false); }
    bool nextMember() {
        if (stopped()) return false;
        Frame& frame = m_frames[m_depth];
        skipWhitespace();
        if (m_pos < m_end && *m_pos == '}') return leave();
        if (!frame.atFirst) {
            if (m_pos == m_end || *m_pos != ',') return syntax();
            ++m_pos;
            skipWhitespace();
        }
        frame.atFirst = false;
        StringToken token;
        if (m_pos == m_end || *m_pos != '"' || !scanString(token)) return syntax();
        if (token.bytes > m_limits.maxStringBytes) return stopAtPointer(containerPointer(), "key", token.bytes);
        decodeString(token, frame.key);
        m_keyIsDuplicate = !addKey(frame);
        if (m_keyIsDuplicate && !m_duplicateKey)
            m_duplicateKey = Error{containerPointer(), 0, 0, "duplicate key " + jsonQuoted(frame.key)};
        skipWhitespace();
        if (m_pos == m_end || *m_pos != ':') return syntax();
        ++m_pos;
        return true;
    }
    std::string_view key() const { return m_frames[m_depth].key; }
    bool keyIsDuplicate() const { return m_keyIsDuplicate; }

    // Arrays: at '[', enterArray(); then while (nextItem()) read or skip the item at index().
    bool enterArray() { return enter(true); }
    bool nextItem() {
        if (stopped()) return false;
        Frame& frame = m_frames[m_depth];
        skipWhitespace();
        if (m_pos < m_end && *m_pos == ']') return leave();
        if (frame.atFirst) {
            frame.atFirst = false;
        } else {
            if (m_pos == m_end || *m_pos != ',') return syntax();
            ++m_pos;
            ++frame.index;
        }
        frame.rank = frame.index;
        return true;
    }
    size_t index() const { return m_frames[m_depth].index; }

    // Scalars, each at a value of its kind.
    bool readString(std::string& out, bool& control) {
        StringToken token;
        if (!scanString(token)) return syntax();
        if (token.bytes > m_limits.maxStringBytes) return stopAtPointer(pointer(), "string", token.bytes);
        decodeString(token, out);
        control = token.control;
        return true;
    }
    bool readNumber(std::string_view& literal) {
        const char* start = m_pos;
        if (m_pos < m_end && *m_pos == '-') ++m_pos;
        if (m_pos == m_end) return syntax();
        if (*m_pos == '0') ++m_pos;
        else if (!skipDigits()) return syntax();
        if (m_pos < m_end && *m_pos == '.') {
            ++m_pos;
            if (!skipDigits()) return syntax();
        }
        if (m_pos < m_end && (*m_pos == 'e' || *m_pos == 'E')) {
            ++m_pos;
            if (m_pos < m_end && (*m_pos == '+' || *m_pos == '-')) ++m_pos;
            if (!skipDigits()) return syntax();
        }
        literal = std::string_view(start, static_cast<size_t>(m_pos - start));
        return fitsDouble(literal) || syntax();
    }

    // Skips the value here, whatever it holds, checking it all the same. Iterative: nesting
    // costs no stack.
    bool skipValue() {
        const size_t base = m_depth;
        for (;;) {
            bool ok = false;
            switch (peek()) {
                case Kind::object: ok = enterObject(); break;
                case Kind::array: ok = enterArray(); break;
                case Kind::string: {
                    StringToken token;
                    ok = scanString(token) || syntax();
                    if (ok && token.bytes > m_limits.maxStringBytes)
                        ok = stopAtPointer(pointer(), "string", token.bytes);
                    break;
                }
                case Kind::number: {
                    std::string_view literal;
                    ok = readNumber(literal);
                    break;
                }
                case Kind::boolean:
                case Kind::null: ok = skipLiteral(); break;
                case Kind::invalid: break;
            }
            if (!ok) return false;
            // On to the next value to skip, leaving every container that ends here.
            for (;;) {
                if (m_depth == base) return true;
                if (m_frames[m_depth].isArray ? nextItem() : nextMember()) break;
                if (stopped()) return false;
            }
        }
    }

    // After the top-level value: nothing but whitespace.
    void finish() {
        skipWhitespace();
        if (m_pos == m_end) return;
        if (*m_pos != '\0') {
            syntax();
            return;
        }
        const size_t offset = static_cast<size_t>(m_pos - m_text.data());
        stopWith(errorAt(m_text, offset, "unexpected NUL byte after the JSON text"));
    }

    // Where the reader is. The ranks of the open containers are the order of an error there.
    size_t depth() const { return m_depth; }
    Frame& frame() { return m_frames[m_depth]; }
    std::vector<size_t> ranks() const {
        std::vector<size_t> out;
        for (size_t d = 1; d <= m_depth; ++d) out.push_back(m_frames[d].rank);
        return out;
    }
    // JSON Pointers (RFC 6901) of the value here and of the innermost open container.
    std::string pointer() const { return pointerOf(m_depth); }
    std::string containerPointer() const { return pointerOf(m_depth == 0 ? 0 : m_depth - 1); }

    // Stops for a count limit of the innermost container: "/articles: article count exceeds ...".
    bool stopForCount(const char* what, size_t limit) {
        return stopWith(Error{containerPointer(), 0, 0,
                                  std::string(what) + " count exceeds the limit of " + std::to_string(limit)});
    }

private:
    enum class Stop { none, syntax, error };

    bool syntax() {
        if (m_stop == Stop::none) m_stop = Stop::syntax;
        return false;
    }
    bool stopWith(Error error) {
        m_stop = Stop::error;
        m_stopError = std::move(error);
        return false;
    }
    bool stopAtPointer(std::string pointer, const char* what, size_t bytes) {
        return stopWith(Error{std::move(pointer), 0, 0,
                                  std::string(what) + " of " + std::to_string(bytes) + " bytes exceeds the limit of " +
                                      std::to_string(m_limits.maxStringBytes)});
    }

    void skipWhitespace() {
        while (m_pos < m_end && isWhitespace(*m_pos)) ++m_pos;
    }
    bool skipDigits() {
        const char* start = m_pos;
        while (m_pos < m_end && isDigit(*m_pos)) ++m_pos;
        return m_pos != start;
    }
    bool skipLiteral() {
        constexpr std::string_view kWords[] = {"true", "false", "null"};
        for (const std::string_view word : kWords) {
            if (static_cast<size_t>(m_end - m_pos) >= word.size() && std::string_view(m_pos, word.size()) == word) {
                m_pos += word.size();
                return true;
            }
        }
        return syntax();
    }

    bool enter(bool isArray) {
        if (m_depth >= m_limits.maxDepth) {
            return stopWith(errorAt(m_text, static_cast<size_t>(m_pos - m_text.data()),
                                    "nesting deeper than " + std::to_string(m_limits.maxDepth) + " levels"));
        }
        ++m_pos;
        ++m_depth;
        if (m_frames.size() <= m_depth) m_frames.resize(m_depth + 1);
        Frame& frame = m_frames[m_depth];
        frame.isArray = isArray;
        frame.atFirst = true;
        frame.index = 0;
        frame.rank = 0;
        frame.keyCount = 0;
        frame.manyKeys.clear();
        return true;
    }
    bool leave() {
        ++m_pos;
        --m_depth;
        return false;
    }

    // Adds frame.key to the keys of its object; false when it was there already.
    static bool addKey(Frame& frame) {
        if (frame.keyCount < Frame::kFewKeys) {
            for (size_t i = 0; i < frame.keyCount; ++i) {
                if (frame.fewKeys[i] == frame.key) return false;
            }
            if (frame.fewKeys.size() <= frame.keyCount) frame.fewKeys.emplace_back();
            frame.fewKeys[frame.keyCount++] = frame.key;
            return true;
        }
        if (frame.manyKeys.empty()) frame.manyKeys.insert(frame.fewKeys.begin(), frame.fewKeys.end());
        if (!frame.manyKeys.insert(frame.key).second) return false;
        ++frame.keyCount;
        return true;
    }

    // At '"': finds the closing quote, checking UTF-8 and escapes and measuring the decoded text.
    bool scanString(StringToken& token) {
        const char* p = m_pos + 1;
        size_t saved = 0;  // raw bytes minus decoded bytes, from escapes
        bool escaped = false;
        bool control = false;
        for (;;) {
            while (p < m_end && kByteClasses[byteAt(p)] == kPlain) ++p;
            if (p == m_end) return false;
            switch (kByteClasses[byteAt(p)]) {
                case kQuote:
                    token = {m_pos + 1, p, static_cast<size_t>(p - m_pos - 1) - saved, escaped, control};
                    m_pos = p + 1;
                    return true;
                case kBackslash: {
                    char32_t cp = 0;
                    const size_t used = scanEscape(p, m_end, cp);
                    if (used == 0) return false;
                    escaped = true;
                    control = control || isControl(cp) || isInterlinearAnnotationMark(cp);
                    saved += used - utf8Length(cp);
                    p += used;
                    break;
                }
                case kDelete:
                    control = true;
                    ++p;
                    break;
                case kLead2:
                    if (m_end - p < 2 || !isContinuation(p + 1)) return false;
                    control = control || (byteAt(p) == 0xC2 && byteAt(p + 1) < 0xA0);  // U+0080-U+009F
                    p += 2;
                    break;
                case kLead3: {
                    if (m_end - p < 3 || !isContinuation(p + 1) || !isContinuation(p + 2)) return false;
                    const unsigned char b0 = byteAt(p), b1 = byteAt(p + 1);
                    if ((b0 == 0xE0 && b1 < 0xA0) || (b0 == 0xED && b1 > 0x9F)) return false;  // overlong, surrogate
                    control = control || (b0 == 0xEF && b1 == 0xBF && byteAt(p + 2) >= 0xB9 && byteAt(p + 2) <= 0xBB);
                    p += 3;
                    break;
                }
                case kLead4: {
                    if (m_end - p < 4 || !isContinuation(p + 1) || !isContinuation(p + 2) || !isContinuation(p + 3))
                        return false;
                    const unsigned char b0 = byteAt(p), b1 = byteAt(p + 1);
                    if ((b0 == 0xF0 && b1 < 0x90) || (b0 == 0xF4 && b1 > 0x8F)) return false;  // overlong, > U+10FFFF
                    p += 4;
                    break;
                }
                default: return false;
            }
        }
    }

    std::string pointerOf(size_t levels) const {
        std::string out;
        for (size_t d = 1; d <= levels; ++d) {
            const Frame& frame = m_frames[d];
            out += '/';
            if (frame.isArray) {
                out += std::to_string(frame.index);
                continue;
            }
            for (const char c : frame.key) {
                if (c == '~') out += "~0";
                else if (c == '/') out += "~1";
                else out += c;
            }
        }
        return out;
    }

    std::string_view m_text;
    const char* m_pos;
    const char* m_end;
    const LoadLimits& m_limits;
    std::vector<Frame> m_frames;  // [1..m_depth] are open; [0] is unused (the top-level value)
    size_t m_depth = 0;
    bool m_keyIsDuplicate = false;
    Stop m_stop = Stop::none;
    std::optional<Error> m_stopError;
    std::optional<Error> m_duplicateKey;
};

//-------------------------------------------------------------------------------------------------
// [SECTION] Bundle reader
//-------------------------------------------------------------------------------------------------

// A field of an object of format v1. Its position in its table is its rank: errors about the
// fields of one object are told in that order, a missing field at its own rank.
struct FieldSpec {
    std::string_view name;
    bool required;
};

constexpr FieldSpec kRootFields[] = {{"format", true}, {"site", true}, {"categories", true}, {"articles", true}};
enum RootField : size_t { kFormat, kSite, kCategories, kArticles };
constexpr FieldSpec kFormatFields[] = {{"name", true}, {"version", true}};
enum FormatField : size_t { kFormatName, kFormatVersion };
constexpr FieldSpec kSiteFields[] = {{"name", true},     {"locale", true},       {"copyrightHolder", false},
                                     {"address", false}, {"visitorCount", false}, {"hotlines", false}};
enum SiteField : size_t {
    kSiteName, kSiteLocale, kSiteCopyrightHolder, kSiteAddress, kSiteVisitorCount, kSiteHotlines
};
constexpr FieldSpec kHotlineFields[] = {{"label", true}, {"number", true}};
enum HotlineField : size_t { kHotlineLabel, kHotlineNumber };
constexpr FieldSpec kCategoryFields[] = {{"id", true}, {"name", true}, {"parent", false}};
enum CategoryField : size_t { kCategoryId, kCategoryName, kCategoryParent };
// `body` or, in the index file of a split bundle, `shard`: exactly one of them (checked apart).
constexpr FieldSpec kArticleFields[] = {{"id", true},        {"category", true}, {"title", true},
                                        {"published", true}, {"source", false},  {"body", false},
                                        {"shard", false}};
enum ArticleField : size_t {
    kArticleId, kArticleCategory, kArticleTitle, kArticlePublished, kArticleSource, kArticleBody, kArticleShard
};
constexpr FieldSpec kRubyRunFields[] = {{"text", true}, {"ruby", true}};
enum RubyRunField : size_t { kRubyRunText, kRubyRunReading };

constexpr size_t kAfterItems = std::numeric_limits<size_t>::max();  // rank of a check made once an array is read

// Builds a Bundle from the JsonReader's values, checking format v1 on the way. Every value is
// read or skipped, whatever its errors, so that the reader always reaches the end of the text.
class BundleReader {
public:
    BundleReader(std::string_view text, const LoadLimits& limits) : m_json(text, limits), m_limits(limits) {}

    // The bundle, or the error to tell (see the top of this file). A syntax error is told by the caller.
    Result<Bundle> read() {
        readTopLevel();
        if (!m_json.stopped()) m_json.finish();
        if (!m_json.stopped()) checkDeferredCategoryRefs();
        if (m_json.stopError()) return *m_json.stopError();
        if (m_json.duplicateKeyError()) return *m_json.duplicateKeyError();
        if (m_error) return std::move(*m_error);
        return std::move(m_bundle);
    }

    bool syntaxFailed() const { return m_json.syntaxFailed(); }

private:
    // [Errors] The first error in the order of the format's tables wins: each open container's
    // rank (field order or item index), then `extra` for checks of an object once it is read.
    template <class Message>
    void fail(const Message& message, std::optional<size_t> extra = std::nullopt, std::string_view suffix = {}) {
        std::vector<size_t> order = m_json.ranks();
        if (extra) order.push_back(*extra);
        failAt(std::move(order), [&] { return m_json.pointer() + std::string(suffix); }, message);
    }

    template <class Pointer, class Message>
    void failAt(std::vector<size_t> order, const Pointer& pointer, const Message& message) {
        if (m_error && !(order < m_errorOrder)) return;
        m_errorOrder = std::move(order);
        m_error = Error{pointer(), 0, 0, message()};
    }

    // Whether an error at `order` (or inside the value there) could still be the one told. Once
    // none can, the value is only skipped: after an error the Bundle stops growing, so a file of a
    // million broken articles costs no more memory than its text.
    bool mayFailAt(const std::vector<size_t>& order) const {
        return !m_json.duplicateKeyError() && (!m_error || !(m_errorOrder < order));
    }
    bool mayFailHere() const { return (!m_error && !m_json.duplicateKeyError()) || mayFailAt(m_json.ranks()); }

    // [Structure] True when the value here is of `kind`; otherwise records "expected <what>, got
    // <kind>" and skips it.
    bool expect(Kind kind, const char* what) {
        const Kind found = m_json.peek();
        if (found == kind) return true;
        if (found == Kind::invalid) return false;
        fail([&] { return std::string("expected ") + what + ", got " + kindName(found); });
        m_json.skipValue();
        return false;
    }

    // Reads an object's members (the caller checked it is one): onField(rank) for each field in
    // `fields`, skipping unknown and duplicate keys; then tells the first missing required field.
    template <size_t N, class OnField>
    void readObject(const FieldSpec (&fields)[N], const OnField& onField) {
        if (!m_json.enterObject()) return;
        uint32_t seen = 0;
        while (m_json.nextMember()) {
            size_t rank = N;
            if (!m_json.keyIsDuplicate()) {
                const std::string_view key = m_json.key();
                const auto named = [&](const FieldSpec& field) { return field.name == key; };
                rank = static_cast<size_t>(std::find_if(fields, fields + N, named) - fields);
            }
            if (rank == N) {
                if (!m_json.skipValue()) return;
                continue;
            }
            m_json.frame().rank = rank;
            seen |= uint32_t{1} << rank;
            if (mayFailHere()) onField(rank);
            else m_json.skipValue();
            if (m_json.stopped()) return;
        }
        if (m_json.stopped()) return;
        for (size_t rank = 0; rank < N; ++rank) {
            if (!fields[rank].required || (seen & (uint32_t{1} << rank))) continue;
            fail([&] { return "missing required field \"" + std::string(fields[rank].name) + "\""; }, rank);
        }
    }

    // Reads an array (the caller checked it is one): onItem(index) for each item, at most `limit`
    // of them kept. True when the whole array was read.
    template <class OnItem>
    bool readArray(size_t limit, const char* what, const OnItem& onItem) {
        if (!m_json.enterArray()) return false;
        while (m_json.nextItem()) {
            if (!mayFailHere()) {
                m_json.skipValue();
            } else if (m_json.index() >= limit) {
                return m_json.stopForCount(what, limit);
            } else {
                onItem(m_json.index());
            }
            if (m_json.stopped()) return false;
        }
        return !m_json.stopped();
    }

    // A string, kept in `out` whatever its errors. True when it is a string that passes the rules.
    bool readText(std::string& out, Emptiness emptiness, TextRule rule) {
        if (!expect(Kind::string, "a string")) return false;
        bool control = false;
        if (!m_json.readString(out, control)) return false;
        if (emptiness == Emptiness::refused && out.empty()) {
            fail([] { return std::string("expected a non-empty string, got \"\""); });
            return false;
        }
        if (!control || rule == TextRule::any) return true;
        if (rule == TextRule::paragraph) std::replace(out.begin(), out.end(), '\t', ' ');
        std::string problem = controlCharacterMessage(out);
        if (problem.empty()) return true;
        fail([&] { return std::move(problem); });
        return false;
    }

    bool readId(std::string& out) {
        if (!readText(out, Emptiness::allowed, TextRule::any)) return false;
        if (isId(out)) return true;
        fail([&] { return "expected an id of 1-128 characters from A-Z a-z 0-9 . _ -, got " + jsonQuoted(out); });
        return false;
    }

    // [Top level] Format first: a newer bundle is refused for its version, not for whatever the
    // newer format changed.
    void readTopLevel() {
        const Kind kind = m_json.peek();
        if (kind == Kind::invalid) return;
        if (kind != Kind::object) {
            fail([&] { return std::string("expected a JSON object at the top level, got ") + kindName(kind); });
            m_json.skipValue();
            return;
        }
        readObject(kRootFields, [&](size_t field) {
            switch (field) {
                case kFormat: readFormat(); break;
                case kSite: readSite(); break;
                case kCategories: readCategories(); break;
                default: readArticles(); break;
            }
        });
    }

    void readFormat() {
        if (!expect(Kind::object, "an object")) return;
        FormatVersion& format = m_bundle.format;
        readObject(kFormatFields, [&](size_t field) {
            if (field == kFormatName) {
                if (!readText(format.name, Emptiness::allowed, TextRule::any)) return;
                if (format.name == BundleLoader::kFormatName) return;
                const std::string expected = jsonQuoted(BundleLoader::kFormatName);
                fail([&] { return "expected " + expected + ", got " + jsonQuoted(format.name); });
                return;
            }
            std::string version;
            if (readText(version, Emptiness::allowed, TextRule::any)) checkVersion(version, format);
        });
    }

    void checkVersion(const std::string& version, FormatVersion& out) {
        if (!parseVersion(version, out.major, out.minor)) {
            fail([&] { return "expected \"MAJOR.MINOR\" such as \"1.0\", got " + jsonQuoted(version); });
            return;
        }
        const std::string supported = std::to_string(BundleLoader::kSupportedMajor);
        if (out.major > BundleLoader::kSupportedMajor) {
            fail([&] {
                return "this bundle is format version " + version + ", newer than this reader supports (" + supported +
                       ".x); update the reader";
            });
        } else if (out.major < BundleLoader::kSupportedMajor) {
            fail([&] { return "expected major version " + supported + ", got " + jsonQuoted(version); });
        }
    }

    // [Site]
    void readSite() {
        if (!expect(Kind::object, "an object")) return;
        Site& site = m_bundle.site;
        readObject(kSiteFields, [&](size_t field) {
            switch (field) {
                case kSiteName: readText(site.name, Emptiness::refused, TextRule::line); break;
                case kSiteLocale:
                    if (readText(site.locale, Emptiness::allowed, TextRule::any) && !isLanguageTag(site.locale)) {
                        fail([&] {
                            return "expected a BCP 47 language tag such as \"zh-Hant\", got " + jsonQuoted(site.locale);
                        });
                    }
                    break;
                case kSiteCopyrightHolder: readText(site.copyrightHolder, Emptiness::allowed, TextRule::line); break;
                case kSiteAddress: readText(site.address, Emptiness::allowed, TextRule::line); break;
                case kSiteVisitorCount: readVisitorCount(site); break;
                default: readHotlines(site); break;
            }
        });
    }

    void readVisitorCount(Site& site) {
        const Kind kind = m_json.peek();
        if (kind == Kind::invalid) return;
        if (kind != Kind::number) {
            fail([&] { return std::string("expected a non-negative integer, got ") + kindName(kind); });
            m_json.skipValue();
            return;
        }
        std::string_view literal;
        if (!m_json.readNumber(literal)) return;
        uint64_t count = 0;
        if (parseCount(literal, count)) site.visitorCount = count;
        else fail([&] { return "expected a non-negative integer, got " + numberForMessage(literal); });
    }

    void readHotlines(Site& site) {
        if (!expect(Kind::array, "an array")) return;
        readArray(m_limits.maxHotlines, "hotline", [&](size_t) {
            Hotline& hotline = site.hotlines.emplace_back();
            if (!expect(Kind::object, "an object")) return;
            readObject(kHotlineFields, [&](size_t field) {
                if (field == kHotlineLabel) {
                    readText(hotline.label, Emptiness::allowed, TextRule::line);
                    return;
                }
                if (!readText(hotline.number, Emptiness::allowed, TextRule::any)) return;
                if (isPhoneNumber(hotline.number)) return;
                fail([&] {
                    return "expected a phone number of digits, spaces and + - ( ), got " + jsonQuoted(hotline.number);
                });
            });
        });
    }

    // [Categories] Whether parents exist, and form no cycle, is checked once all are read.
    void readCategories() {
        if (!expect(Kind::array, "an array")) return;
        const bool complete = readArray(m_limits.maxCategories, "category", [&](size_t index) {
            Category& category = m_bundle.categories.emplace_back();
            if (readCategory(category)) {
                // (Not a structured binding: clang 14, Emscripten's, cannot capture those in a lambda.)
                const auto inserted = m_bundle.categoryIndex.try_emplace(category.id, index);
                if (!inserted.second) {
                    const auto it = inserted.first;
                    fail([&] { return "duplicate category id " + firstUse(it->first, it->second); },
                         std::size(kCategoryFields), "/id");
                }
            }
        });
        if (!complete) return;
        m_categoriesRead = true;
        if (mayFailAt({kCategories, kAfterItems})) checkCategoryTree();
    }

    // True when the id was read (so the category can be indexed by it).
    bool readCategory(Category& out) {
        if (!expect(Kind::object, "an object")) return false;
        bool idRead = false;
        readObject(kCategoryFields, [&](size_t field) {
            switch (field) {
                case kCategoryId: idRead = readId(out.id); break;
                case kCategoryName: readText(out.name, Emptiness::refused, TextRule::line); break;
                default:
                    if (readText(out.parentId, Emptiness::allowed, TextRule::any) && out.parentId.empty())
                        fail([] { return std::string("no category has id \"\""); });
                    break;
            }
        });
        return idRead && !m_json.stopped();
    }

    // "\"x\" (first at /categories/0)": an id met again, and the item of the array being read that has it.
    std::string firstUse(const std::string& id, size_t index) const {
        return jsonQuoted(id) + " (first at " + m_json.containerPointer() + "/" + std::to_string(index) + ")";
    }

    // Every parent exists and no category is its own ancestor. Each category is visited once:
    // a walk up from it stops at a category already cleared, and meeting one of its own steps
    // again means a cycle.
    void checkCategoryTree() {
        constexpr size_t kNoParent = std::numeric_limits<size_t>::max();
        const std::vector<Category>& categories = m_bundle.categories;
        const std::string listPointer = m_json.pointer();
        const auto failAtParent = [&](size_t index, std::string message) {
            failAt({kCategories, kAfterItems}, [&] { return listPointer + "/" + std::to_string(index) + "/parent"; },
                   [&] { return std::move(message); });
        };
        std::vector<size_t> parentOf(categories.size(), kNoParent);
        for (size_t i = 0; i < categories.size(); ++i) {
            const std::string& parentId = categories[i].parentId;
            if (parentId.empty()) continue;
            const auto it = m_bundle.categoryIndex.find(parentId);
            if (it == m_bundle.categoryIndex.end())
                return failAtParent(i, "no category has id " + jsonQuoted(parentId));
            parentOf[i] = it->second;
        }
        enum class Mark : unsigned char { unvisited, onWalk, cleared };
        std::vector<Mark> marks(categories.size(), Mark::unvisited);
        std::vector<size_t> walk;
        for (size_t start = 0; start < categories.size(); ++start) {
            size_t at = start;
            walk.clear();
            while (at != kNoParent && marks[at] == Mark::unvisited) {
                marks[at] = Mark::onWalk;
                walk.push_back(at);
                at = parentOf[at];
            }
            if (at != kNoParent && marks[at] == Mark::onWalk)
                return failAtParent(at, "category " + jsonQuoted(categories[at].id) + " is its own ancestor");
            for (const size_t step : walk) marks[step] = Mark::cleared;
        }
    }

    // [Articles] An article's category is checked at once when the categories came first in the
    // text (as they usually do), else once the whole text is read.
    void readArticles() {
        if (!expect(Kind::array, "an array")) return;
        readArray(m_limits.maxArticles, "article", [&](size_t index) {
            Article& article = m_bundle.articles.emplace_back();
            if (!readArticle(article, index)) return;
            const auto inserted = m_bundle.articleIndex.try_emplace(article.id, index);
            if (!inserted.second) {
                const auto it = inserted.first;
                fail([&] { return "duplicate article id " + firstUse(it->first, it->second); },
                     std::size(kArticleFields), "/id");
            }
        });
    }

    // True when the id was read (so the article can be indexed by it).
    bool readArticle(Article& out, size_t index) {
        if (!expect(Kind::object, "an object")) return false;
        bool idRead = false;
        bool hasBody = false;
        bool hasShard = false;
        readObject(kArticleFields, [&](size_t field) {
            switch (field) {
                case kArticleId: idRead = readId(out.id); break;
                case kArticleCategory:
                    if (readText(out.categoryId, Emptiness::allowed, TextRule::any)) {
                        if (!m_categoriesRead) m_deferredCategoryRefs.emplace_back(index, out.categoryId);
                        else if (!m_bundle.categoryIndex.contains(out.categoryId))
                            fail([&] { return "no category has id " + jsonQuoted(out.categoryId); });
                    }
                    break;
                case kArticleTitle: readText(out.title, Emptiness::refused, TextRule::line); break;
                case kArticlePublished: readPublished(out.published); break;
                case kArticleSource: readText(out.source, Emptiness::allowed, TextRule::line); break;
                case kArticleBody: hasBody = true; readBody(out.body); break;
                default: hasShard = out.bodyPending = true; readShardPath(out.shard); break;
            }
        });
        if (m_json.stopped()) return false;
        if (!hasBody && !hasShard) fail([] { return std::string("missing required field \"body\""); }, kArticleBody);
        if (hasBody && hasShard)
            fail([] { return std::string("an article has a body or a shard, not both"); }, kArticleShard, "/shard");
        return idRead;
    }

    // A shard's path, relative to the index file, that stays inside the index file's folder:
    // segments of A-Z a-z 0-9 . _ - separated by '/', none of them "." or "..".
    void readShardPath(std::string& out) {
        if (!readText(out, Emptiness::refused, TextRule::any)) return;
        bool ok = out.size() <= 1024;
        for (size_t begin = 0; ok && begin <= out.size();) {
            size_t end = out.find('/', begin);
            if (end == std::string::npos) end = out.size();
            const std::string_view segment = std::string_view(out).substr(begin, end - begin);
            ok = !segment.empty() && segment != "." && segment != ".." &&
                 std::all_of(segment.begin(), segment.end(), isIdChar);
            begin = end + 1;
        }
        if (!ok) fail([&] { return "expected a relative path such as \"shards/0007.json\", got " + jsonQuoted(out); });
    }

    void readPublished(DateTime& out) {
        std::string text;
        if (!readText(text, Emptiness::allowed, TextRule::any)) return;
        const char* rangeProblem = nullptr;
        const DateStatus status = parseDateTime(text, out, rangeProblem);
        if (status == DateStatus::ok) return;
        fail([&] {
            std::string message = "expected ISO 8601 date-time with offset, got " + jsonQuoted(text);
            if (status == DateStatus::outOfRange) message += std::string(" (") + rangeProblem + ")";
            return message;
        });
    }

    // Paragraphs: strings, or (format 1.1) arrays of runs holding structured ruby.
    void readBody(std::vector<std::string>& out) {
        if (!expect(Kind::array, "an array")) return;
        readArray(m_limits.maxParagraphs, "paragraph", [&](size_t) {
            std::string& paragraph = out.emplace_back();
            if (m_json.peek() == Kind::array) readRubyRuns(paragraph);
            else if (m_json.peek() == Kind::string) readText(paragraph, Emptiness::allowed, TextRule::paragraph);
            else expect(Kind::string, "a string or an array of runs");
        });
    }

    // A paragraph as runs: strings of plain text and {"text": base, "ruby": reading} objects, joined
    // into one string (structured units as RubyParser reads them: appendStructuredRuby).
    void readRubyRuns(std::string& out) {
        std::string text, reading;
        readArray(m_limits.maxStringBytes, "run", [&](size_t) {
            const Kind kind = m_json.peek();
            if (kind == Kind::string) {
                if (readText(text, Emptiness::allowed, TextRule::paragraph)) out += text;
                return;
            }
            if (!expect(Kind::object, "a string or a {\"text\", \"ruby\"} object")) return;
            bool ok = true;
            text.clear();
            reading.clear();
            readObject(kRubyRunFields, [&](size_t field) {
                std::string& value = field == kRubyRunText ? text : reading;
                ok = readText(value, Emptiness::refused, TextRule::line) && ok;
            });
            if (ok && !text.empty() && !reading.empty()) appendStructuredRuby(out, text, reading);
        });
    }

    // Articles read before their categories: their category ids, checked now.
    void checkDeferredCategoryRefs() {
        if (!m_categoriesRead) return;  // no categories: that error is recorded already
        for (const auto& ref : m_deferredCategoryRefs) {
            const size_t index = ref.first;
            const std::string& id = ref.second;
            if (m_bundle.categoryIndex.contains(id)) continue;
            failAt({kArticles, index, kArticleCategory},
                   [&] { return "/articles/" + std::to_string(index) + "/category"; },
                   [&] { return "no category has id " + jsonQuoted(id); });
            return;
        }
    }

    JsonReader m_json;
    const LoadLimits& m_limits;
    Bundle m_bundle;
    bool m_categoriesRead = false;
    std::vector<std::pair<size_t, std::string>> m_deferredCategoryRefs;  // article index, category id
    std::optional<Error> m_error;
    std::vector<size_t> m_errorOrder;
};

}  // namespace

//-------------------------------------------------------------------------------------------------
// [SECTION] BundleLoader
//-------------------------------------------------------------------------------------------------

Error jsonSyntaxError(std::string_view text) { return syntaxError(text); }

Result<Bundle> BundleLoader::load(std::string_view text) { return load(text, LoadLimits()); }

Result<Bundle> BundleLoader::load(std::string_view text, const LoadLimits& limits) {
    if (text.size() > limits.maxBundleBytes) {
        return Error{{}, 1, 1,
                     "bundle of " + std::to_string(text.size()) + " bytes exceeds the limit of " +
                         std::to_string(limits.maxBundleBytes)};
    }
    BundleReader reader(text, limits);
    Result<Bundle> result = reader.read();
    if (reader.syntaxFailed()) return textError(text);
    return result;
}

Result<void> checkShownText(std::string_view text) {
    std::string problem = controlCharacterMessage(text);
    if (problem.empty()) return {};
    return Error{.message = std::move(problem)};
}

Result<void> checkParagraph(std::string& text) {
    std::replace(text.begin(), text.end(), '\t', ' ');
    return checkShownText(text);
}

}  // namespace reader::core
