// ScriptConverter: phrase-level Traditional/Simplified conversion; the rules are in script_converter.h.
#include "script_converter.h"

#include <algorithm>
#include <array>
#include <span>

#include "enum_names.h"
#include "ruby_parser.h"
#include "utf8.h"

namespace reader::core {

namespace {

using CutList = std::vector<std::pair<size_t, size_t>>;  // ScriptConverter::Cuts

// Cuts between the characters of a key (its characters ending at keyEnds) replaced by
// `value` at outStart, when both have as many characters: the n-th of one became the n-th of the other.
void addInnerCuts(std::span<const size_t> keyEnds, size_t outStart, std::string_view value,
                  CutList& cuts) {
    std::vector<size_t> valueEnds;
    for (size_t at = 0; at < value.size();) {
        utf8::next(value, at);
        valueEnds.push_back(at);
    }
    if (valueEnds.size() != keyEnds.size()) return;
    for (size_t i = 0; i + 1 < keyEnds.size(); ++i) cuts.emplace_back(keyEnds[i], outStart + valueEnds[i]);
}

// Cuts of two passes in a row (input -> middle, middle -> output) as cuts of input -> output: the
// first pass's cuts whose middle offset the second pass may be cut at too.
void composeCuts(const CutList& first, const CutList& second, CutList& out) {
    auto it = second.begin();
    for (const auto& [in, middle] : first) {
        while (it != second.end() && it->first < middle) ++it;
        if (it != second.end() && it->first == middle) out.emplace_back(in, it->second);
    }
}

// The output offset of the cut at input offset `in`, or npos when the conversion cannot be cut there.
size_t cutAt(const CutList& cuts, size_t in) {
    const auto it = std::lower_bound(cuts.begin(), cuts.end(), std::pair<size_t, size_t>(in, 0));
    return it != cuts.end() && it->first == in ? it->second : std::string::npos;
}

// A ruby run written back in its own form around `base`, the characters its base became.
void appendRuby(std::string& out, const RubyRun& run, std::string_view base) {
    if (run.structured) {
        appendStructuredRuby(out, base, run.reading);
    } else {
        out.append(base).append(std::string_view(run.source).substr(run.base.size()));  // "(fā)"
    }
}

// Each run converted on its own: the way out when a key straddles the edge of a base.
std::string convertRunByRun(const ScriptConverter& converter, const std::vector<RubyRun>& runs) {
    std::string out;
    for (const RubyRun& run : runs) {
        if (run.reading.empty()) out += converter.convert(run.base);
        else appendRuby(out, run, converter.convert(run.base));
    }
    return out;
}

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

ScriptConverter ScriptConverter::toTraditional(std::string table, const ScriptConverter& toSimplified) {
    ScriptConverter out = fromTable(std::move(table));
    out.m_first = &toSimplified;
    return out;
}

std::string inScript(const ScriptConverter* converter, std::string_view text) {
    return converter ? converter->convertAnnotated(text) : std::string(text);
}

std::string ScriptConverter::convertAnnotated(std::string_view text) const {
    const std::vector<RubyRun> runs = RubyParser::parse(text);
    if (std::none_of(runs.begin(), runs.end(), [](const RubyRun& run) { return !run.reading.empty(); })) {
        return convert(text);
    }
    std::string base;
    base.reserve(text.size());
    for (const RubyRun& run : runs) base += run.base;
    Cuts cuts;
    const std::string converted = convertWithCuts(base, &cuts);
    std::string out;
    out.reserve(converted.size() + text.size() - base.size());
    size_t in = 0, done = 0;  // bytes of `base` and of `converted` written so far
    for (const RubyRun& run : runs) {
        in += run.base.size();
        if (run.reading.empty()) continue;  // plain text is written with what comes before the next base
        const size_t from = cutAt(cuts, in - run.base.size());
        const size_t to = cutAt(cuts, in);
        if (from == std::string::npos || to == std::string::npos) return convertRunByRun(*this, runs);
        out.append(converted, done, from - done);
        appendRuby(out, run, std::string_view(converted).substr(from, to - from));
        done = to;
    }
    return out.append(converted, done);
}

const std::string_view* ScriptConverter::find(std::string_view key) const {
    const auto it = std::lower_bound(m_entries.begin(), m_entries.end(), key,
                                     [](const auto& entry, std::string_view k) { return entry.first < k; });
    return it != m_entries.end() && it->first == key ? &it->second : nullptr;
}

std::string ScriptConverter::convert(std::string_view original) const { return convertWithCuts(original, nullptr); }

std::string ScriptConverter::convertWithCuts(std::string_view original, Cuts* cuts) const {
    Cuts firstCuts;
    const std::string firstPass = m_first ? m_first->convertWithCuts(original, cuts ? &firstCuts : nullptr) : std::string();
    const std::string_view text = m_first ? std::string_view(firstPass) : original;
    Cuts ownCuts;
    Cuts* const passCuts = cuts && m_first ? &ownCuts : cuts;
    std::string out;
    out.reserve(text.size());
    std::vector<size_t> ends;  // byte ends of the next maxKeyChars characters
    for (size_t pos = 0; pos < text.size();) {
        if (passCuts) passCuts->emplace_back(pos, out.size());
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
        size_t matchedChars = 0;
        for (size_t n = ends.size(); n > 0 && !value; --n) {
            value = find(text.substr(pos, ends[n - 1] - pos));
            matchedChars = n;
        }
        if (value) {
            if (passCuts) addInnerCuts({ends.data(), matchedChars}, out.size(), *value, *passCuts);
            out += *value;
            pos = ends[matchedChars - 1];
        } else {
            const size_t next = ends.empty() ? text.size() : ends.front();
            out.append(text.substr(pos, next - pos));
            pos = next;
        }
    }
    if (passCuts) passCuts->emplace_back(text.size(), out.size());
    if (cuts && m_first) composeCuts(firstCuts, ownCuts, *cuts);
    return out;
}

}  // namespace reader::core
