// Checks the loader-like fuzz targets share: an error is one line of valid UTF-8 without control
// characters, with a position (line and column both set) or a JSON Pointer; a limit is told as one;
// a loaded body holds what nlohmann's DOM of it holds.
#pragma once

#include "fuzz_target.h"

#include "core/bundle.h"
#include "core/error.h"
#include "core/ruby_parser.h"
#include "core/utf8.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

namespace reader::fuzz {

inline bool hasControl(std::string_view text) {
    for (size_t pos = 0; pos < text.size();) {
        const char32_t cp = reader::core::utf8::next(text, pos);
        if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) return true;
    }
    return false;
}

// A paragraph of the DOM as the loaders keep it: a string, tabs made spaces, or runs joined
// (structured ruby as RubyParser reads it; a link's or strong run's text as it is).
template <class Json>
std::string paragraphOf(const Json& value) {
    const auto tabsAsSpaces = [](std::string text) {
        std::replace(text.begin(), text.end(), '\t', ' ');
        return text;
    };
    if (value.is_string()) return tabsAsSpaces(value.template get<std::string>());
    std::string out;
    for (const Json& run : value) {
        if (run.is_string()) out += tabsAsSpaces(run.template get<std::string>());
        else if (run.contains("ruby")) reader::core::appendStructuredRuby(out, run.at("text").template get<std::string>(), run.at("ruby").template get<std::string>());
        else out += run.at("text").template get<std::string>();
    }
    return out;
}

// A body against nlohmann's DOM of it (`body`, an array): one block per entry (format 1.2; or one
// paragraph per text when there are no blocks), the blocks' texts one after another; an entry that
// is a string is that paragraph, tabs made spaces; no text holds a control character; every link
// or strong mark lies inside its text.
template <class Json>
void checkBody(const std::vector<std::string>& texts, const std::vector<reader::core::Block>& blocks,
               const std::vector<reader::core::InlineMark>& marks, const Json& body) {
    FUZZ_CHECK((blocks.empty() ? texts.size() : blocks.size()) == body.size());
    size_t next = 0;
    for (size_t p = 0; p < blocks.size(); ++p) {
        FUZZ_CHECK(blocks[p].firstText == next);
        next += blocks[p].textCount;
    }
    FUZZ_CHECK(blocks.empty() || next == texts.size());
    for (size_t p = 0; p < body.size(); ++p) {
        if (body[p].is_object()) continue;  // a block
        const size_t text = blocks.empty() ? p : blocks[p].firstText;
        FUZZ_CHECK(blocks.empty() || blocks[p].kind == reader::core::BlockKind::paragraph);
        FUZZ_CHECK(texts[text] == paragraphOf(body[p]));
    }
    for (const std::string& text : texts) FUZZ_CHECK(!hasControl(text));
    for (const reader::core::InlineMark& mark : marks) {
        FUZZ_CHECK(mark.text < texts.size() && mark.begin < mark.end && mark.end <= texts[mark.text].size());
    }
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
