// ScriptTables: the converters of the scripts the reader can show. Their tables are data files
// (core/script_converter.h): the platform fetches each the first time the reader shows a script
// that needs it (PlatformRequest::ScriptTable) and hands it back here. Simplified needs t2s.txt;
// Traditional needs s2t.txt and t2s.txt (mixed text is made Simplified first).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/script_converter.h"

namespace reader::ui {

class ScriptTables {
public:
    static constexpr std::string_view kToSimplifiedFile = "t2s.txt";
    static constexpr std::string_view kToTraditionalFile = "s2t.txt";

    // The converter of `script`, or null (original, or its tables not all loaded yet).
    const core::ScriptConverter* converter(core::Script script) const;
    // A table file's text, by file name; false for a name that is no table's.
    bool load(std::string_view file, std::string table);
    // The table files `script` needs that are neither here nor asked for yet; each is asked once.
    std::vector<std::string> takeRequests(core::Script script);

private:
    void buildTraditional();

    std::unique_ptr<core::ScriptConverter> m_toSimplified;
    std::unique_ptr<core::ScriptConverter> m_toTraditional;  // built once both tables are here
    std::string m_traditionalTable;  // s2t.txt, kept until t2s.txt arrives when it came first
    bool m_simplifiedRequested = false;
    bool m_traditionalRequested = false;
};

}  // namespace reader::ui
