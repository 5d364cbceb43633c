// ScriptTables: the converters, and the Traditional table asked for once.
#include "script_tables.h"

#include <utility>

#include "core/logger.h"

namespace reader::ui {

const core::ScriptConverter* ScriptTables::converter(core::Script script) const {
    switch (script) {
        case core::Script::Simplified: return &core::ScriptConverter::toSimplified();
        case core::Script::Traditional: return m_toTraditional.get();
        case core::Script::Original: break;
    }
    return nullptr;
}

void ScriptTables::loadTraditional(std::string table) {
    const core::Stopwatch parse;
    m_toTraditional = std::make_unique<core::ScriptConverter>(core::ScriptConverter::toTraditional(std::move(table)));
    core::logf(core::LogLevel::Info, "Simplified -> Traditional table: %zu entries in %.1f ms", m_toTraditional->entries(), parse.ms());
}

bool ScriptTables::shouldRequest(core::Script script) {
    if (script != core::Script::Traditional || m_toTraditional || m_traditionalRequested) return false;
    m_traditionalRequested = true;
    return true;
}

}  // namespace reader::ui
