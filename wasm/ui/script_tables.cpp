// ScriptTables: the converters, and each table asked for once.
#include "script_tables.h"

#include <utility>

#include "core/logger.h"

namespace reader::ui {

const core::ScriptConverter* ScriptTables::converter(core::Script script) const {
    switch (script) {
        case core::Script::Simplified: return m_toSimplified.get();
        case core::Script::Traditional: return m_toTraditional.get();
        case core::Script::Original: break;
    }
    return nullptr;
}

bool ScriptTables::load(std::string_view file, std::string table) {
    const core::Stopwatch parse;
    if (file == kToSimplifiedFile) {
        if (m_toSimplified) return true;
        m_toSimplified = std::make_unique<core::ScriptConverter>(core::ScriptConverter::fromTable(std::move(table)));
        core::logf(core::LogLevel::Info, "Traditional -> Simplified table: %zu entries in %.1f ms", m_toSimplified->entries(), parse.ms());
    } else if (file == kToTraditionalFile) {
        if (m_toTraditional) return true;
        m_traditionalTable = std::move(table);
    } else {
        return false;
    }
    buildTraditional();
    return true;
}

void ScriptTables::buildTraditional() {
    if (!m_toSimplified || m_traditionalTable.empty()) return;
    const core::Stopwatch parse;
    m_toTraditional = std::make_unique<core::ScriptConverter>(
        core::ScriptConverter::toTraditional(std::exchange(m_traditionalTable, {}), *m_toSimplified));
    core::logf(core::LogLevel::Info, "Simplified -> Traditional table: %zu entries in %.1f ms", m_toTraditional->entries(), parse.ms());
}

std::vector<std::string> ScriptTables::takeRequests(core::Script script) {
    std::vector<std::string> files;
    if (script == core::Script::Original) return files;
    if (!m_toSimplified && !m_simplifiedRequested) {
        m_simplifiedRequested = true;
        files.emplace_back(kToSimplifiedFile);
    }
    if (script == core::Script::Traditional && !m_toTraditional && !m_traditionalRequested) {
        m_traditionalRequested = true;
        files.emplace_back(kToTraditionalFile);
    }
    return files;
}

}  // namespace reader::ui
