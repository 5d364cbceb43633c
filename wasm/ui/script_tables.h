// ScriptTables: the converters of the scripts the reader can show. Simplified is built in; the
// Simplified -> Traditional table is large, so the platform fetches it the first time the reader
// shows the Traditional script (PlatformRequest::TraditionalTable) and hands it back here.
#pragma once

#include <memory>
#include <string>

#include "core/script_converter.h"

namespace reader::ui {

class ScriptTables {
public:
    // The converter of `script`, or null (original, or the table not loaded yet).
    const core::ScriptConverter* converter(core::Script script) const;
    void loadTraditional(std::string table);
    // True once, the first time `script` needs a table that is not here: the platform is asked then.
    bool shouldRequest(core::Script script);

private:
    std::unique_ptr<core::ScriptConverter> m_toTraditional;  // loaded when first needed
    bool m_traditionalRequested = false;
};

}  // namespace reader::ui
