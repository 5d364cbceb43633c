// Control characters escaped the JSON way (json_text.h), for messages that must stay on one line.
#include "json_text.h"

#include "utf8.h"

namespace reader::core {

std::string escapeControls(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (size_t pos = 0; pos < text.size();) {
        const size_t start = pos;
        const char32_t cp = utf8::next(text, pos);
        if (!isControl(cp)) {
            out.append(text.substr(start, pos - start));
            continue;
        }
        char escape[8];
        std::snprintf(escape, sizeof escape, "\\u%04X", static_cast<unsigned>(cp));
        out += escape;
    }
    return out;
}

}  // namespace reader::core
