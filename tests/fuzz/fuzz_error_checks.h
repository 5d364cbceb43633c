// Checks the loader-like fuzz targets share: an error is one line of valid UTF-8 without control
// characters, with a position (line and column both set) or a JSON Pointer; a limit is told as one.
#pragma once

#include "fuzz_target.h"

#include "core/error.h"
#include "core/utf8.h"

#include <string>
#include <string_view>

namespace reader::fuzz {

inline bool hasControl(std::string_view text) {
    for (size_t pos = 0; pos < text.size();) {
        const char32_t cp = reader::core::utf8::next(text, pos);
        if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) return true;
    }
    return false;
}

inline bool isLimit(const reader::core::Error& error) {
    return error.message.find("exceeds the limit of") != std::string::npos ||
           error.message.starts_with("nesting deeper than");
}

inline void checkError(const reader::core::Error& error) {
    const std::string line = error.describe();
    FUZZ_CHECK(!line.empty());
    FUZZ_CHECK(!hasControl(line));
    FUZZ_CHECK(reader::core::utf8::firstInvalid(line) == std::string_view::npos);
    FUZZ_CHECK((error.line > 0) == (error.column > 0));
    FUZZ_CHECK(error.pointer.empty() || error.pointer.front() == '/');
    FUZZ_CHECK(!error.describeIn("x.json").empty());
}

}  // namespace reader::fuzz
