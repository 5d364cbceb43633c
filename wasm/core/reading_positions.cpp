// ReadingPositions: the most recent articles' positions, and their text form (reading_positions.h).
#include "reading_positions.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <unordered_set>

namespace reader::core {

namespace {

// "fraction<TAB>article id" -> the entry; nullopt for a line that does not parse.
std::optional<std::pair<std::string_view, float>> parseLine(std::string_view line) {
    const size_t tab = line.find('\t');
    if (tab == std::string_view::npos || tab + 1 == line.size()) return std::nullopt;
    const std::string_view id = line.substr(tab + 1);
    if (id.find('\t') != std::string_view::npos) return std::nullopt;
    const std::string number(line.substr(0, tab));
    char* parsedEnd = nullptr;
    const double fraction = std::strtod(number.c_str(), &parsedEnd);
    if (parsedEnd != number.c_str() + number.size() || !(fraction >= 0.0 && fraction <= 1.0)) return std::nullopt;
    return std::pair{id, static_cast<float>(fraction)};
}

}  // namespace

// The newest lines are last and a later line for the same article wins: reading from the end and
// keeping each article's first line seen gives the kMaxArticles most recent in one pass, however
// long the text (4 MB of positions took 2.4 s when each line was set() in turn).
void ReadingPositions::parse(std::string_view text) {
    m_entries.clear();
    std::unordered_set<std::string_view> seen;
    size_t end = text.size();
    while (end > 0 && m_entries.size() < kMaxArticles) {
        const size_t newline = text.rfind('\n', end - 1);
        const size_t start = newline == std::string_view::npos ? 0 : newline + 1;
        const auto entry = parseLine(text.substr(start, end - start));
        end = start == 0 ? 0 : start - 1;
        if (entry && seen.insert(entry->first).second) m_entries.emplace_back(std::string(entry->first), entry->second);
    }
    std::reverse(m_entries.begin(), m_entries.end());
}

std::string ReadingPositions::serialize() const {
    std::string out;
    for (const auto& [id, fraction] : m_entries) {
        char number[16];
        std::snprintf(number, sizeof number, "%.4f", static_cast<double>(fraction));
        out += number;
        out += '\t';
        out += id;
        out += '\n';
    }
    return out;
}

void ReadingPositions::set(const std::string& articleId, float fraction) {
    if (articleId.empty() || articleId.find_first_of("\t\n") != std::string::npos) return;
    const auto same = [&](const auto& entry) { return entry.first == articleId; };
    m_entries.erase(std::remove_if(m_entries.begin(), m_entries.end(), same), m_entries.end());
    m_entries.emplace_back(articleId, std::clamp(fraction, 0.0f, 1.0f));
    if (m_entries.size() > kMaxArticles) m_entries.erase(m_entries.begin());
}

std::optional<float> ReadingPositions::get(const std::string& articleId) const {
    for (auto it = m_entries.rbegin(); it != m_entries.rend(); ++it) {
        if (it->first == articleId) return it->second;
    }
    return std::nullopt;
}

}  // namespace reader::core
