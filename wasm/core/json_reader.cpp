// JsonReader, JSON syntax errors and JSON numbers (json_reader.h).
//
// Index
//   [SECTION] Positions
//   [SECTION] Syntax errors
//   [SECTION] Numbers
//   [SECTION] Strings
//   [SECTION] JsonReader
#include "json_reader.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <utility>

#include "json_text.h"
#include "ruby_parser.h"
#include "utf8.h"

namespace reader::core {

using Json = nlohmann::json;

//-------------------------------------------------------------------------------------------------
// [SECTION] Positions
//-------------------------------------------------------------------------------------------------

void appendPointerToken(std::string& out, std::string_view key) {
    for (const char c : key) {
        if (c == '~') out += "~0";
        else if (c == '/') out += "~1";
        else out += c;
    }
}

Error errorAtOffset(std::string_view text, size_t offset, std::string message) {
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

//-------------------------------------------------------------------------------------------------
// [SECTION] Syntax errors
//-------------------------------------------------------------------------------------------------

namespace {

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

}  // namespace

Error jsonSyntaxError(std::string_view text) {
    SyntaxErrorFinder finder;
    Json::sax_parse(text, &finder);
    const size_t offset = std::min(finder.byteOffset(), text.size());
    return errorAtOffset(text, offset, readableSyntaxMessage(finder.what(), finder.lastToken()));
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Numbers
//-------------------------------------------------------------------------------------------------

namespace {

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

}  // namespace

std::optional<uint64_t> jsonCount(std::string_view literal) {
    if (literal.find_first_of(".eE") != std::string_view::npos) return std::nullopt;
    if (literal.front() == '-') {
        if (literal == "-0") return 0;
        return std::nullopt;
    }
    uint64_t count = 0;
    const auto [end, error] = std::from_chars(literal.data(), literal.data() + literal.size(), count);
    if (error != std::errc() || end != literal.data() + literal.size()) return std::nullopt;
    return count;
}

std::string jsonNumberForMessage(std::string_view literal) {
    if (literal.size() > kQuotedMaxCodePoints) return std::string(literal.substr(0, kQuotedMaxCodePoints)) + "…";
    int64_t integer = 0;
    const auto [end, error] = std::from_chars(literal.data(), literal.data() + literal.size(), integer);
    if (error == std::errc() && end == literal.data() + literal.size()) return std::string(literal);
    return Json(Decimal(literal).value()).dump();
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Strings
//-------------------------------------------------------------------------------------------------

namespace {

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

// At the lead byte of a 3-byte UTF-8 sequence: checks it and every 3-byte sequence right after it
// (Chinese text is runs of them), leaving `p` after the last, without a trip through the byte
// classes for each. False at a broken one. `control`: one was U+FFF9-U+FFFB (see isControl).
bool scanThreeByteRun(const char*& p, const char* end, bool& control) {
    do {
        if (end - p < 3) return false;
        const unsigned char b0 = byteAt(p), b1 = byteAt(p + 1), b2 = byteAt(p + 2);
        if ((b1 & 0xC0) != 0x80 || (b2 & 0xC0) != 0x80) return false;
        if ((b0 == 0xE0 && b1 < 0xA0) || (b0 == 0xED && b1 > 0x9F)) return false;  // overlong, surrogate
        control = control || (b0 == 0xEF && b1 == 0xBF && b2 >= 0xB9 && b2 <= 0xBB);
        p += 3;
    } while (p < end && (byteAt(p) & 0xF0) == 0xE0);
    return true;
}

}  // namespace

// A string token found by the scanner: its raw content and what decoding it will give.
struct JsonReader::StringToken {
    const char* begin = nullptr;  // after the opening quote
    const char* end = nullptr;    // at the closing quote
    size_t bytes = 0;             // length once unescaped
    bool escaped = false;         // holds at least one escape
    bool control = false;         // once unescaped, holds a control character (see isControl)
};

//-------------------------------------------------------------------------------------------------
// [SECTION] JsonReader
//-------------------------------------------------------------------------------------------------

const char* jsonKindName(JsonKind kind) {
    switch (kind) {
        case JsonKind::object: return "object";
        case JsonKind::array: return "array";
        case JsonKind::string: return "string";
        case JsonKind::number: return "number";
        case JsonKind::boolean: return "boolean";
        case JsonKind::null: return "null";
        case JsonKind::invalid: break;
    }
    return "invalid";
}

JsonReader::JsonReader(std::string_view text, const JsonLimits& limits)
    : m_text(text), m_pos(text.data()), m_end(text.data() + text.size()), m_limits(limits) {
    if (text.substr(0, kByteOrderMark.size()) == kByteOrderMark) m_pos += kByteOrderMark.size();
    m_frames.resize(1 + std::min<size_t>(limits.maxDepth, 16));
}

JsonReader::JsonReader(const JsonSource& source, const JsonLimits& limits)
    : m_text(), m_pos(nullptr), m_end(nullptr), m_limits(limits), m_source(&source),
      m_window(std::make_unique<char[]>(kStreamWindow)) {
    m_pos = m_end = m_window.get();
    refill();
    if (m_text.substr(0, kByteOrderMark.size()) == kByteOrderMark) m_pos += kByteOrderMark.size();
    m_frames.resize(1 + std::min<size_t>(limits.maxDepth, 16));
}

JsonKind JsonReader::peek() {
    skipWhitespace();
    if (m_pos == m_end) {
        syntax();
        return JsonKind::invalid;
    }
    switch (*m_pos) {
        case '{': return JsonKind::object;
        case '[': return JsonKind::array;
        case '"': return JsonKind::string;
        case 't':
        case 'f': return JsonKind::boolean;
        case 'n': return JsonKind::null;
        default: break;
    }
    if (*m_pos == '-' || isDigit(*m_pos)) return JsonKind::number;
    syntax();
    return JsonKind::invalid;
}

bool JsonReader::nextMember() {
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

bool JsonReader::nextItem() {
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

void JsonReader::decodeString(const StringToken& token, std::string& out) {
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

bool JsonReader::readString(std::string& out, bool& control) {
    StringToken token;
    if (!scanString(token)) return syntax();
    if (token.bytes > m_limits.maxStringBytes) return stopAtPointer(pointer(), "string", token.bytes);
    decodeString(token, out);
    control = token.control;
    return true;
}

bool JsonReader::readNumber(std::string_view& literal) {
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

bool JsonReader::skipValue() {
    const size_t base = m_depth;
    for (;;) {
        bool ok = false;
        switch (peek()) {
            case JsonKind::object: ok = enterObject(); break;
            case JsonKind::array: ok = enterArray(); break;
            case JsonKind::string: {
                StringToken token;
                ok = scanString(token) || syntax();
                if (ok && token.bytes > m_limits.maxStringBytes) ok = stopAtPointer(pointer(), "string", token.bytes);
                break;
            }
            case JsonKind::number: {
                std::string_view literal;
                ok = readNumber(literal);
                break;
            }
            case JsonKind::boolean:
            case JsonKind::null: ok = skipLiteral(); break;
            case JsonKind::invalid: break;
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

void JsonReader::finish() {
    skipWhitespace();
    if (m_pos == m_end) return;
    if (*m_pos != '\0') {
        syntax();
        return;
    }
    const size_t offset = static_cast<size_t>(m_pos - m_text.data());
    stopWith(errorAtOffset(m_text, offset, "unexpected NUL byte after the JSON text"));
}

std::vector<size_t> JsonReader::ranks() const {
    std::vector<size_t> out;
    for (size_t d = 1; d <= m_depth; ++d) out.push_back(m_frames[d].rank);
    return out;
}

bool JsonReader::stopForCount(const char* what, size_t limit) {
    return stopWith(
        Error{containerPointer(), 0, 0, std::string(what) + " count exceeds the limit of " + std::to_string(limit)});
}

bool JsonReader::syntax() {
    if (m_stop == Stop::none) m_stop = Stop::syntax;
    return false;
}

bool JsonReader::stopWith(Error error) {
    m_stop = Stop::error;
    m_stopError = std::move(error);
    return false;
}

bool JsonReader::stopAtPointer(std::string pointer, const char* what, size_t bytes) {
    return stopWith(Error{std::move(pointer), 0, 0,
                          std::string(what) + " of " + std::to_string(bytes) + " bytes exceeds the limit of " +
                              std::to_string(m_limits.maxStringBytes)});
}

// Every token starts after a call of this: a streamed reader keeps the lookahead in its window here.
void JsonReader::skipWhitespace() {
    for (;;) {
        while (m_pos < m_end && isWhitespace(*m_pos)) ++m_pos;
        if (!m_source || m_sourceDone || static_cast<size_t>(m_end - m_pos) >= kStreamLookahead) return;
        refill();
    }
}

// The bytes not read yet move to the window's start, and the source fills the rest. Nothing points
// into the window across a token (keys are copied, scalars read at once), so moving it is safe.
void JsonReader::refill() {
    char* const window = m_window.get();
    size_t filled = static_cast<size_t>(m_end - m_pos);
    std::memmove(window, m_pos, filled);
    while (filled < kStreamWindow && !m_sourceDone) {
        const size_t got = (*m_source)(window + filled, kStreamWindow - filled);
        filled += std::min(got, kStreamWindow - filled);
        m_sourceDone = got == 0;
    }
    m_pos = window;
    m_end = window + filled;
    m_text = std::string_view(window, filled);
}

bool JsonReader::skipDigits() {
    const char* start = m_pos;
    while (m_pos < m_end && isDigit(*m_pos)) ++m_pos;
    return m_pos != start;
}

bool JsonReader::readBoolean(bool& out) {
    out = m_pos < m_end && *m_pos == 't';
    return skipLiteral();
}

bool JsonReader::skipLiteral() {
    constexpr std::string_view kWords[] = {"true", "false", "null"};
    for (const std::string_view word : kWords) {
        if (static_cast<size_t>(m_end - m_pos) >= word.size() && std::string_view(m_pos, word.size()) == word) {
            m_pos += word.size();
            return true;
        }
    }
    return syntax();
}

bool JsonReader::enter(bool isArray) {
    if (m_depth >= m_limits.maxDepth) {
        return stopWith(errorAtOffset(m_text, static_cast<size_t>(m_pos - m_text.data()),
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

bool JsonReader::leave() {
    ++m_pos;
    --m_depth;
    return false;
}

// Adds frame.key to the keys of its object; false when it was there already.
bool JsonReader::addKey(Frame& frame) {
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
bool JsonReader::scanString(StringToken& token) {
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
            case kLead3:
                // Chinese text is runs of 3-byte sequences: they are checked here, a run at a time.
                if (!scanThreeByteRun(p, m_end, control)) return false;
                break;
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

std::string JsonReader::pointerOf(size_t levels) const {
    std::string out;
    for (size_t d = 1; d <= levels; ++d) {
        const Frame& frame = m_frames[d];
        out += '/';
        if (frame.isArray) out += std::to_string(frame.index);
        else appendPointerToken(out, frame.key);
    }
    return out;
}

}  // namespace reader::core
