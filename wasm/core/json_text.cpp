// Text quoted for messages (json_text.h): control characters escaped the JSON way, long text cut.
#include "json_text.h"

#include <nlohmann/json.hpp>

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

std::string jsonQuoted(std::string_view text) {
    size_t end = 0;
    for (size_t count = 0; end < text.size() && count < kQuotedMaxCodePoints; ++count) utf8::next(text, end);
    const bool cut = end < text.size();
    std::string out = escapeControls(nlohmann::json(std::string(text.substr(0, end))).dump());
    if (cut) out.insert(out.size() - 1, "…");
    return out;
}

}  // namespace reader::core
