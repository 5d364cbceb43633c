#include "script_converter.h"

#include <algorithm>
#include <array>

#include "enum_names.h"
#include "utf8.h"

namespace reader::core {

namespace {

#include "t2s_table.inc"

}  // namespace

constexpr std::array kScriptNames{"original", "traditional", "simplified"};  // by enumerator (enum_names.h)

const char* scriptName(Script script) { return nameOf(script, kScriptNames); }
bool parseScript(std::string_view name, Script& out) { return parseName(name, kScriptNames, out); }

ScriptConverter ScriptConverter::fromTable(std::string table) {
    ScriptConverter out;
    out.m_table = std::move(table);
    const std::string_view text = out.m_table;
    for (size_t start = 0; start < text.size();) {
        const size_t end = std::min(text.find('\n', start), text.size());
        const std::string_view line = text.substr(start, end - start);
        start = end + 1;
        const size_t tab = line.find('\t');
        if (tab == std::string_view::npos || tab == 0 || tab + 1 == line.size()) continue;
        const std::string_view key = line.substr(0, tab);
        out.m_entries.emplace_back(key, line.substr(tab + 1));
        size_t chars = 0;
        for (size_t at = 0; at < key.size(); ++chars) utf8::next(key, at);
        out.m_maxKeyChars = std::max(out.m_maxKeyChars, chars);
    }
    // Sorted by key, the first of equal keys first (stable), which find() returns.
    std::stable_sort(out.m_entries.begin(), out.m_entries.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    return out;
}

ScriptConverter ScriptConverter::toTraditional(std::string table) {
    ScriptConverter out = fromTable(std::move(table));
    out.m_first = &toSimplified();
    return out;
}

std::string inScript(const ScriptConverter* converter, std::string_view text) {
    return converter ? converter->convert(text) : std::string(text);
}

const ScriptConverter& ScriptConverter::toSimplified() {
    static const ScriptConverter converter = fromTable(kTraditionalToSimplified);
    return converter;
}

const std::string_view* ScriptConverter::find(std::string_view key) const {
    const auto it = std::lower_bound(m_entries.begin(), m_entries.end(), key,
                                     [](const auto& entry, std::string_view k) { return entry.first < k; });
    return it != m_entries.end() && it->first == key ? &it->second : nullptr;
}

std::string ScriptConverter::convert(std::string_view original) const {
    const std::string first = m_first ? m_first->convert(original) : std::string();
    const std::string_view text = m_first ? std::string_view(first) : original;
    std::string out;
    out.reserve(text.size());
    std::vector<size_t> ends;  // byte ends of the next maxKeyChars characters
    for (size_t pos = 0; pos < text.size();) {
        ends.clear();
        size_t firstEnd = pos;
        utf8::next(text, firstEnd);
        // Most characters start no key at all: one search says so.
        const std::string_view first = text.substr(pos, firstEnd - pos);
        const auto candidate = std::lower_bound(m_entries.begin(), m_entries.end(), first,
                                                [](const auto& entry, std::string_view k) { return entry.first < k; });
        if (candidate == m_entries.end() || !candidate->first.starts_with(first)) {
            out.append(first);
            pos = firstEnd;
            continue;
        }
        for (size_t at = pos; at < text.size() && ends.size() < m_maxKeyChars;) {
            utf8::next(text, at);
            ends.push_back(at);
        }
        const std::string_view* value = nullptr;
        size_t matched = 0;
        for (size_t n = ends.size(); n > 0 && !value; --n) {
            value = find(text.substr(pos, ends[n - 1] - pos));
            matched = ends[n - 1] - pos;
        }
        if (value) {
            out += *value;
            pos += matched;
        } else {
            const size_t next = ends.empty() ? text.size() : ends.front();
            out.append(text.substr(pos, next - pos));
            pos = next;
        }
    }
    return out;
}

}  // namespace reader::core
