// Links the reader opens outside itself: tel: URLs of hotlines, and the schemes allowed (links.h).
#include "links.h"

#include <cctype>

namespace reader::core {

std::string telUrl(std::string_view number) {
    std::string out = "tel:";
    bool digit = false;
    for (const char c : number) {
        if (std::isdigit(static_cast<unsigned char>(c))) {
            out += c;
            digit = true;
        } else if (c == '-' && digit) {
            out += c;
        } else if (c == '+' && !digit && out.size() == 4) {
            out += c;
        }
    }
    return digit ? out : std::string();
}

std::string safeExternalUrl(std::string_view url) {
    const size_t colon = url.find(':');
    if (colon == std::string_view::npos) return {};
    std::string scheme;
    for (const char c : url.substr(0, colon)) scheme += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (scheme != "tel" && scheme != "mailto" && scheme != "https" && scheme != "http") return {};
    for (const char c : url) {
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) return {};  // no control characters
    }
    return scheme + std::string(url.substr(colon));
}

}  // namespace reader::core
