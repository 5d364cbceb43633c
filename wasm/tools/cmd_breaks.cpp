// breaks: reads lines of hex code points on stdin (LineBreakTest.txt's notation: "0041 0020 4E00";
// ÷ and × marks and a "# comment" are ignored, so the test file itself may be fed in) and prints each
// with the standard's UAX #14 breaks in the same notation: "× 0041 × 0020 ÷ 4E00 ÷". Lines without
// code points print nothing. These are the untailored breaks, to compare with the standard's file.
#include <charconv>
#include <cstdint>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "commands.h"
#include "core/line_breaker.h"
#include "core/utf8.h"

namespace reader::tools {

namespace {

constexpr char32_t kLastCodePoint = 0x10FFFF;
constexpr std::string_view kBreak = "÷";
constexpr std::string_view kNoBreak = "×";

// Upper-case hex, at least four digits, as LineBreakTest.txt writes code points.
std::string hex(char32_t cp) {
    std::string digits(8, '\0');
    auto [end, ec] = std::to_chars(digits.data(), digits.data() + digits.size(), static_cast<uint32_t>(cp), 16);
    digits.resize(static_cast<size_t>(end - digits.data()));
    for (char& c : digits) {
        if (c >= 'a' && c <= 'f') c = static_cast<char>(c - 'a' + 'A');
    }
    return std::string(digits.size() < 4 ? 4 - digits.size() : 0, '0') + digits;
}

bool parseCodePoint(std::string_view token, char32_t& cp) {
    uint32_t value = 0;
    const auto [end, ec] = std::from_chars(token.data(), token.data() + token.size(), value, 16);
    if (ec != std::errc() || end != token.data() + token.size() || value > kLastCodePoint) return false;
    cp = value;
    return true;
}

}  // namespace

int runBreaks(Args args) {
    if (!args.empty()) return usage("breaks takes no arguments (code points come on stdin)");
    std::string line;
    for (size_t lineNumber = 1; std::getline(std::cin, line); ++lineNumber) {
        std::istringstream tokens(line.substr(0, line.find('#')));
        std::vector<core::utf8::CodePoint> text;
        for (std::string token; tokens >> token;) {
            if (token == kBreak || token == kNoBreak) continue;
            char32_t cp = 0;
            if (!parseCodePoint(token, cp)) {
                std::cerr << "stdin:" << lineNumber << ": \"" << token
                          << "\" is not a code point (hex, 0 to 10FFFF)\n";
                return kExitBadInput;
            }
            text.push_back({cp, 0});  // no byte offsets: the breaker reads the values only
        }
        if (text.empty()) continue;
        const std::vector<bool> allowed = core::LineBreaker::standardOpportunities(text);
        std::string out;
        for (size_t i = 0; i < text.size(); ++i) {
            out += allowed[i] ? kBreak : kNoBreak;  // allowed[0] is false: "×" before the first
            out += ' ';
            out += hex(text[i].value);
            out += ' ';
        }
        out += kBreak;  // always a break at the end (LB3)
        std::cout << out << '\n';
    }
    return kExitOk;
}

}  // namespace reader::tools
