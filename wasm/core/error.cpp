// core::Error told in one line, for people and for editors (error.h).
#include "error.h"

#include "json_text.h"

namespace reader::core {

std::string Error::describe() const {
    if (line > 0) return "line " + std::to_string(line) + ", column " + std::to_string(column) + ": " + message;
    // A key may hold any character: a control character in the pointer is escaped (/a\u000Ab).
    if (!pointer.empty()) return escapeControls(pointer) + ": " + message;
    return message;
}

std::string Error::describeIn(std::string_view fileName) const {
    std::string out(fileName);
    if (line > 0) return out + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " + message;
    if (!pointer.empty()) return out + ": " + escapeControls(pointer) + ": " + message;
    return out + ": " + message;
}

}  // namespace reader::core
