// JSON string literals, for text a program reads back: the web module's replies to the page
// (platform/web) and the desktop app's state lines (platform/native); and control characters
// escaped the JSON way, so that a message about any text stays on one line.
#pragma once

#include <cstdio>
#include <string>
#include <string_view>

namespace reader::core {

// A JSON string literal of UTF-8 text (the bundle's text is valid UTF-8: the loader checks it).
inline std::string jsonString(std::string_view text) {
    std::string out = "\"";
    for (const char c : text) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    char escaped[8];
                    std::snprintf(escaped, sizeof escaped, "\\u%04x", c);
                    out += escaped;
                } else {
                    out += c;
                }
        }
    }
    return out + "\"";
}

inline std::string jsonStringOrNull(const std::string& text) { return text.empty() ? "null" : jsonString(text); }

// C0 controls, DEL and C1 controls: nothing a title, a paragraph or a message should hold.
constexpr bool isControl(char32_t cp) { return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F); }

// Valid UTF-8 text with each control character written as a JSON escape (\u0007), so that it
// shows on one line.
std::string escapeControls(std::string_view text);

}  // namespace reader::core
