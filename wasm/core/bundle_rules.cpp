// The value rules of bundle format v1 (bundle_rules.h).
#include "bundle_rules.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdio>

#include "json_text.h"
#include "ruby_parser.h"
#include "utf8.h"

namespace reader::core {

namespace {

constexpr size_t kMaxIdLength = 128;
constexpr size_t kMaxShardPathLength = 1024;

bool isIdChar(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
}

bool isAsciiAlpha(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
bool isAsciiAlnum(char c) { return isAsciiAlpha(c) || (c >= '0' && c <= '9'); }

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

}  // namespace

bool isId(std::string_view text) {
    if (text.empty() || text.size() > kMaxIdLength) return false;
    return std::all_of(text.begin(), text.end(), isIdChar);
}

// ^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$: enough to catch "Chinese" or "zh_TW", without a registry
// of subtags.
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

// "+86 (471) 692-0007", not "()".
bool isPhoneNumber(std::string_view number) {
    bool hasDigit = false;
    for (const char c : number) {
        const bool digit = c >= '0' && c <= '9';
        if (!(digit || c == ' ' || c == '+' || c == '-' || c == '(' || c == ')')) return false;
        hasDigit = hasDigit || digit;
    }
    return hasDigit;
}

// Segments of A-Z a-z 0-9 . _ - separated by '/', none of them "." or "..".
bool isShardPath(std::string_view path) {
    bool ok = path.size() <= kMaxShardPathLength;
    for (size_t begin = 0; ok && begin <= path.size();) {
        size_t end = path.find('/', begin);
        if (end == std::string_view::npos) end = path.size();
        const std::string_view segment = path.substr(begin, end - begin);
        ok = !segment.empty() && segment != "." && segment != ".." && std::all_of(segment.begin(), segment.end(), isIdChar);
        begin = end + 1;
    }
    return ok;
}

bool isImageDataUri(std::string_view uri) {
    constexpr std::string_view kTypes[] = {"data:image/png;base64,", "data:image/jpeg;base64,", "data:image/webp;base64,",
                                           "data:image/gif;base64,"};
    const auto prefix = std::find_if(std::begin(kTypes), std::end(kTypes), [&](std::string_view p) { return uri.starts_with(p); });
    if (prefix == std::end(kTypes)) return false;
    std::string_view data = uri.substr(prefix->size());
    if (data.empty() || data.size() % 4 != 0) return false;
    for (int i = 0; i < 2 && data.ends_with('='); ++i) data.remove_suffix(1);
    return std::all_of(data.begin(), data.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '/'; });
}

bool isAssetPath(std::string_view path) {
    if (isImageDataUri(path)) return true;
    constexpr std::string_view kHttps = "https://";
    if (path.size() > kMaxShardPathLength * 8) return false;
    if (path.size() > kHttps.size() && std::equal(kHttps.begin(), kHttps.end(), path.begin(), [](char a, char b) {
            return a == std::tolower(static_cast<unsigned char>(b));
        })) {
        // No control character, space or backslash: the URL is fetched as written.
        return std::none_of(path.begin(), path.end(), [](char c) {
            return static_cast<unsigned char>(c) <= 0x20 || c == 0x7F || c == '\\';
        });
    }
    return isShardPath(path);
}

bool isMediaType(std::string_view type) {
    const auto isToken = [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || std::string_view("!#$&^_.+-").find(c) != std::string_view::npos;
    };
    const size_t slash = type.find('/');
    if (slash == std::string_view::npos || slash == 0 || slash + 1 == type.size() || type.size() > 255) return false;
    const std::string_view major = type.substr(0, slash), minor = type.substr(slash + 1);
    return std::all_of(major.begin(), major.end(), isToken) && std::all_of(minor.begin(), minor.end(), isToken);
}

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
