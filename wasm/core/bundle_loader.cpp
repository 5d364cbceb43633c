// BundleLoader: bundle text -> Bundle in three steps, each of which may stop with one LoadError.
//   1. parse:  nlohmann parses the text into a DOM, without exceptions (core is also built with
//              -fno-exceptions). It accepts valid UTF-8 only, so a DOM means valid text.
//   2. text:   only when parsing fails is the reason looked for, in order: invalid UTF-8 (so a
//              position can be told in characters), empty text, then the syntax error, whose
//              position a second, SAX pass recovers. Success pays for none of this.
//   3. schema: one walk over the DOM checks format v1 and moves every string out of the DOM into
//              the Bundle, so a 100k-article bundle is not copied twice.
//
// Index
//   [SECTION] Positions and quoting
//   [SECTION] Syntax errors
//   [SECTION] Dates
//   [SECTION] JSON Pointers
//   [SECTION] Schema
//   [SECTION] BundleLoader
#include "bundle_loader.h"

#include "utf8.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <limits>
#include <utility>

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
// points, as editors do, so the bytes before `offset` must be valid UTF-8.
LoadError errorAt(std::string_view text, size_t offset, std::string message) {
    LoadError error;
    error.message = std::move(message);
    const size_t lineStart = text.rfind('\n', offset == 0 ? 0 : offset - 1);
    size_t pos = lineStart == std::string_view::npos || offset == 0 ? 0 : lineStart + 1;
    // nlohmann skips a leading byte order mark, and editors do not show it: it is no column.
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

// A string as it appears in messages: JSON-escaped, cut to kQuotedMaxCodePoints code points.
std::string jsonQuoted(std::string_view text) {
    size_t end = 0;
    for (size_t count = 0; end < text.size() && count < kQuotedMaxCodePoints; ++count)
        utf8::next(text, end);
    const bool cut = end < text.size();
    std::string out = Json(std::string(text.substr(0, end))).dump();
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
        return false;
    }

    // nlohmann's position counts the bytes read, the offending one included.
    size_t byteOffset() const { return m_position == 0 ? 0 : m_position - 1; }
    const std::string& lastToken() const { return m_lastToken; }
    const std::string& what() const { return m_what; }

private:
    size_t m_position = 0;
    std::string m_lastToken;
    std::string m_what = "syntax error";
};

// "[json.exception.parse_error.101] parse error at line 1, column 8: syntax error while parsing
// object key - unexpected '}'; expected string literal" -> everything after the position. The
// position goes (we tell it in characters, nlohmann in bytes), and so does "; last read: '...'":
// in 3.11.2 it reaches back into earlier tokens ('"a":tru}' for a bad `tru`), which misleads.
std::string readableSyntaxMessage(std::string what, const std::string& lastToken) {
    if (const size_t colon = what.find(": "); colon != std::string::npos) what.erase(0, colon + 2);
    const std::string lastRead = "; last read: '" + lastToken + "'";
    if (const size_t at = what.find(lastRead); at != std::string::npos) what.erase(at, lastRead.size());
    return what;
}

LoadError syntaxError(std::string_view text) {
    SyntaxErrorFinder finder;
    Json::sax_parse(text, &finder);
    const size_t offset = std::min(finder.byteOffset(), text.size());
    return errorAt(text, offset, readableSyntaxMessage(finder.what(), finder.lastToken()));
}

// Why text that nlohmann refused is no bundle, the first reason first: bytes, emptiness, syntax.
// Checking UTF-8 only here costs nothing on success and tells the same: nlohmann's lexer takes
// RFC 3629 UTF-8 only (inside strings; any other byte >= 0x80 is no JSON at all), so text with
// a broken sequence never parses.
LoadError textError(std::string_view text) {
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
// [SECTION] JSON Pointers
//-------------------------------------------------------------------------------------------------

// Where the walk is, kept as a chain of stack frames and spelt out (RFC 6901) only for an error,
// so walking 100k articles builds no strings. A Path refers to its parent: name every Path that
// outlives one expression, never `const Path p = a.field("x").field("y");`.
class Path {
public:
    Path() = default;  // the whole document, ""

    Path field(std::string_view name) const { return Path(this, name, 0, false); }
    Path item(size_t index) const { return Path(this, {}, index, true); }

    std::string str() const {
        if (!m_parent) return {};
        std::string out = m_parent->str();
        out += '/';
        if (m_isItem) {
            out += std::to_string(m_index);
            return out;
        }
        for (const char c : m_name) {
            if (c == '~') out += "~0";
            else if (c == '/') out += "~1";
            else out += c;
        }
        return out;
    }

private:
    Path(const Path* parent, std::string_view name, size_t index, bool isItem)
        : m_parent(parent), m_name(name), m_index(index), m_isItem(isItem) {}

    const Path* m_parent = nullptr;
    std::string_view m_name;
    size_t m_index = 0;
    bool m_isItem = false;
};

//-------------------------------------------------------------------------------------------------
// [SECTION] Schema
//-------------------------------------------------------------------------------------------------

enum class Emptiness { allowed, refused };

constexpr size_t kMaxIdLength = 128;

bool isId(std::string_view text) {
    if (text.empty() || text.size() > kMaxIdLength) return false;
    for (const char c : text) {
        const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' ||
                        c == '_' || c == '-';
        if (!ok) return false;
    }
    return true;
}

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

const char* describeType(Json::value_t type) {
    switch (type) {
        case Json::value_t::object: return "an object";
        case Json::value_t::array: return "an array";
        case Json::value_t::string: return "a string";
        default: return "a value";
    }
}

// Walks the DOM of a syntactically valid bundle; every check that fails records its LoadError
// and returns false, and each caller returns at once, so the first error found is the one told.
class SchemaReader {
public:
    std::optional<LoadError> read(Json& root, Bundle& out) {
        const Path rootPath;
        if (!root.is_object()) {
            fail(rootPath, std::string("expected a JSON object at the top level, got ") + root.type_name());
        } else if (readFormat(root, rootPath, out.format) && readSite(root, rootPath, out.site) &&
                   readCategories(root, rootPath, out)) {
            readArticles(root, rootPath, out);
        }
        return std::move(m_error);
    }

private:
    bool fail(const Path& path, std::string message) {
        m_error = LoadError{path.str(), 0, 0, std::move(message)};
        return false;
    }

    bool expect(const Json& value, Json::value_t type, const Path& path) {
        if (value.type() == type) return true;
        return fail(path, std::string("expected ") + describeType(type) + ", got " + value.type_name());
    }

    static Json* findField(Json& object, std::string_view name) {
        const auto it = object.find(name);
        return it == object.end() ? nullptr : &*it;
    }

    Json* requiredField(Json& object, std::string_view name, const Path& objectPath) {
        Json* value = findField(object, name);
        if (!value) fail(objectPath, "missing required field \"" + std::string(name) + "\"");
        return value;
    }

    // Moves the string out of the DOM.
    bool takeString(Json& value, const Path& path, Emptiness emptiness, std::string& out) {
        if (!expect(value, Json::value_t::string, path)) return false;
        out = std::move(value.get_ref<std::string&>());
        if (emptiness == Emptiness::refused && out.empty()) return fail(path, "expected a non-empty string, got \"\"");
        return true;
    }

    bool takeRequiredString(Json& object, std::string_view name, const Path& objectPath, Emptiness emptiness,
                            std::string& out) {
        Json* value = requiredField(object, name, objectPath);
        return value && takeString(*value, objectPath.field(name), emptiness, out);
    }

    bool takeOptionalString(Json& object, std::string_view name, const Path& objectPath, std::string& out) {
        Json* value = findField(object, name);
        return !value || takeString(*value, objectPath.field(name), Emptiness::allowed, out);
    }

    bool takeId(Json& object, const Path& objectPath, std::string& out) {
        if (!takeRequiredString(object, "id", objectPath, Emptiness::allowed, out)) return false;
        if (isId(out)) return true;
        return fail(objectPath.field("id"),
                    "expected an id of 1-128 characters from A-Z a-z 0-9 . _ -, got " + jsonQuoted(out));
    }

    // Format: read before anything else, so a newer bundle is refused for its version and not for
    // whatever the newer format changed.
    bool readFormat(Json& root, const Path& rootPath, FormatVersion& out) {
        Json* format = requiredField(root, "format", rootPath);
        const Path path = rootPath.field("format");
        if (!format || !expect(*format, Json::value_t::object, path)) return false;
        if (!takeRequiredString(*format, "name", path, Emptiness::allowed, out.name)) return false;
        if (out.name != BundleLoader::kFormatName) {
            return fail(path.field("name"),
                        "expected " + jsonQuoted(BundleLoader::kFormatName) + ", got " + jsonQuoted(out.name));
        }
        std::string version;
        if (!takeRequiredString(*format, "version", path, Emptiness::allowed, version)) return false;
        return checkVersion(version, path.field("version"), out);
    }

    bool checkVersion(const std::string& version, const Path& path, FormatVersion& out) {
        if (!parseVersion(version, out.major, out.minor))
            return fail(path, "expected \"MAJOR.MINOR\" such as \"1.0\", got " + jsonQuoted(version));
        const std::string supported = std::to_string(BundleLoader::kSupportedMajor);
        if (out.major > BundleLoader::kSupportedMajor) {
            return fail(path, "this bundle is format version " + version + ", newer than this reader supports (" +
                                  supported + ".x); update the reader");
        }
        if (out.major < BundleLoader::kSupportedMajor)
            return fail(path, "expected major version " + supported + ", got " + jsonQuoted(version));
        return true;
    }

    // Site.
    bool readSite(Json& root, const Path& rootPath, Site& out) {
        Json* site = requiredField(root, "site", rootPath);
        const Path path = rootPath.field("site");
        if (!site || !expect(*site, Json::value_t::object, path)) return false;
        if (!takeRequiredString(*site, "name", path, Emptiness::refused, out.name)) return false;
        if (!takeRequiredString(*site, "locale", path, Emptiness::allowed, out.locale)) return false;
        if (!isLanguageTag(out.locale)) {
            return fail(path.field("locale"),
                        "expected a BCP 47 language tag such as \"zh-Hant\", got " + jsonQuoted(out.locale));
        }
        return takeOptionalString(*site, "copyrightHolder", path, out.copyrightHolder) &&
               takeOptionalString(*site, "address", path, out.address) && readVisitorCount(*site, path, out) &&
               readHotlines(*site, path, out);
    }

    bool readVisitorCount(Json& site, const Path& sitePath, Site& out) {
        const Json* count = findField(site, "visitorCount");
        if (!count) return true;
        const Path path = sitePath.field("visitorCount");
        // nlohmann stores a non-negative integer as unsigned, except "-0"; 1.0, 1e3 and anything
        // beyond uint64 it stores as floating point.
        if (count->is_number_unsigned() || (count->is_number_integer() && count->get<int64_t>() == 0)) {
            out.visitorCount = count->get<uint64_t>();
            return true;
        }
        const std::string got = count->is_number() ? count->dump() : count->type_name();
        return fail(path, "expected a non-negative integer, got " + got);
    }

    bool readHotlines(Json& site, const Path& sitePath, Site& out) {
        Json* hotlines = findField(site, "hotlines");
        if (!hotlines) return true;
        const Path path = sitePath.field("hotlines");
        if (!expect(*hotlines, Json::value_t::array, path)) return false;
        out.hotlines.resize(hotlines->size());
        for (size_t i = 0; i < out.hotlines.size(); ++i) {
            if (!readHotline((*hotlines)[i], path.item(i), out.hotlines[i])) return false;
        }
        return true;
    }

    bool readHotline(Json& value, const Path& path, Hotline& out) {
        if (!expect(value, Json::value_t::object, path)) return false;
        if (!takeRequiredString(value, "label", path, Emptiness::allowed, out.label)) return false;
        if (!takeRequiredString(value, "number", path, Emptiness::allowed, out.number)) return false;
        if (isPhoneNumber(out.number)) return true;
        return fail(path.field("number"), "expected a phone number of digits, spaces and + - ( ), got " +
                                              jsonQuoted(out.number));
    }

    // Categories.
    bool readCategories(Json& root, const Path& rootPath, Bundle& out) {
        Json* categories = requiredField(root, "categories", rootPath);
        const Path path = rootPath.field("categories");
        if (!categories || !expect(*categories, Json::value_t::array, path)) return false;
        out.categories.resize(categories->size());
        out.categoryIndex.reserve(categories->size());
        for (size_t i = 0; i < out.categories.size(); ++i) {
            const Path itemPath = path.item(i);
            if (!readCategory((*categories)[i], itemPath, out.categories[i])) return false;
            const auto [it, added] = out.categoryIndex.try_emplace(out.categories[i].id, i);
            if (!added) {
                return fail(itemPath.field("id"), "duplicate category id " + jsonQuoted(it->first) + " (first at " +
                                                      path.item(it->second).str() + ")");
            }
        }
        return checkCategoryTree(out, path);
    }

    bool readCategory(Json& value, const Path& path, Category& out) {
        return expect(value, Json::value_t::object, path) && takeId(value, path, out.id) &&
               takeRequiredString(value, "name", path, Emptiness::refused, out.name) && readParent(value, path, out);
    }

    // Whether the parent exists is checked once all ids are known; an empty one names none.
    bool readParent(Json& category, const Path& categoryPath, Category& out) {
        Json* parent = findField(category, "parent");
        if (!parent) return true;
        const Path path = categoryPath.field("parent");
        if (!takeString(*parent, path, Emptiness::allowed, out.parentId)) return false;
        return !out.parentId.empty() || fail(path, "no category has id \"\"");
    }

    // Every parent exists and no category is its own ancestor. Each category is visited once:
    // a walk up from it stops at a category already cleared, and meeting one of its own steps
    // again means a cycle.
    bool checkCategoryTree(const Bundle& bundle, const Path& categoriesPath) {
        constexpr size_t kNoParent = std::numeric_limits<size_t>::max();
        const std::vector<Category>& categories = bundle.categories;
        std::vector<size_t> parentOf(categories.size(), kNoParent);
        for (size_t i = 0; i < categories.size(); ++i) {
            const std::string& parentId = categories[i].parentId;
            if (parentId.empty()) continue;
            const auto it = bundle.categoryIndex.find(parentId);
            if (it == bundle.categoryIndex.end()) {
                const Path itemPath = categoriesPath.item(i);
                return fail(itemPath.field("parent"), "no category has id " + jsonQuoted(parentId));
            }
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
            if (at != kNoParent && marks[at] == Mark::onWalk) {
                const Path itemPath = categoriesPath.item(at);
                return fail(itemPath.field("parent"),
                            "category " + jsonQuoted(categories[at].id) + " is its own ancestor");
            }
            for (const size_t step : walk) marks[step] = Mark::cleared;
        }
        return true;
    }

    // Articles.
    bool readArticles(Json& root, const Path& rootPath, Bundle& out) {
        Json* articles = requiredField(root, "articles", rootPath);
        const Path path = rootPath.field("articles");
        if (!articles || !expect(*articles, Json::value_t::array, path)) return false;
        out.articles.resize(articles->size());
        out.articleIndex.reserve(articles->size());
        for (size_t i = 0; i < out.articles.size(); ++i) {
            const Path itemPath = path.item(i);
            if (!readArticle((*articles)[i], itemPath, out, out.articles[i])) return false;
            const auto [it, added] = out.articleIndex.try_emplace(out.articles[i].id, i);
            if (!added) {
                return fail(itemPath.field("id"), "duplicate article id " + jsonQuoted(it->first) + " (first at " +
                                                      path.item(it->second).str() + ")");
            }
        }
        return true;
    }

    bool readArticle(Json& value, const Path& path, const Bundle& bundle, Article& out) {
        if (!expect(value, Json::value_t::object, path) || !takeId(value, path, out.id)) return false;
        if (!takeRequiredString(value, "category", path, Emptiness::allowed, out.categoryId)) return false;
        if (!bundle.categoryIndex.contains(out.categoryId))
            return fail(path.field("category"), "no category has id " + jsonQuoted(out.categoryId));
        return takeRequiredString(value, "title", path, Emptiness::refused, out.title) &&
               readPublished(value, path, out.published) && takeOptionalString(value, "source", path, out.source) &&
               readBody(value, path, out.body);
    }

    bool readPublished(Json& article, const Path& articlePath, DateTime& out) {
        std::string text;
        if (!takeRequiredString(article, "published", articlePath, Emptiness::allowed, text)) return false;
        const char* rangeProblem = nullptr;
        const DateStatus status = parseDateTime(text, out, rangeProblem);
        if (status == DateStatus::ok) return true;
        std::string message = "expected ISO 8601 date-time with offset, got " + jsonQuoted(text);
        if (status == DateStatus::outOfRange) message += std::string(" (") + rangeProblem + ")";
        return fail(articlePath.field("published"), std::move(message));
    }

    bool readBody(Json& article, const Path& articlePath, std::vector<std::string>& out) {
        Json* body = requiredField(article, "body", articlePath);
        const Path path = articlePath.field("body");
        if (!body || !expect(*body, Json::value_t::array, path)) return false;
        out.resize(body->size());
        for (size_t i = 0; i < out.size(); ++i) {
            if (!takeString((*body)[i], path.item(i), Emptiness::allowed, out[i])) return false;
        }
        return true;
    }

    std::optional<LoadError> m_error;
};

}  // namespace

//-------------------------------------------------------------------------------------------------
// [SECTION] BundleLoader
//-------------------------------------------------------------------------------------------------

std::string LoadError::describe() const {
    if (line > 0) return "line " + std::to_string(line) + ", column " + std::to_string(column) + ": " + message;
    if (!pointer.empty()) return pointer + ": " + message;
    return message;
}

std::string LoadError::describeIn(std::string_view fileName) const {
    std::string out(fileName);
    if (line > 0) return out + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " + message;
    if (!pointer.empty()) return out + ": " + pointer + ": " + message;
    return out + ": " + message;
}

LoadResult BundleLoader::load(std::string_view text) {
    LoadResult result;
    Json root = Json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (root.is_discarded()) {
        result.error = textError(text);
        return result;
    }
    Bundle bundle;
    result.error = SchemaReader().read(root, bundle);
    if (!result.error) result.bundle = std::move(bundle);
    return result;
}

}  // namespace reader::core
