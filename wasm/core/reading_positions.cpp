// ReadingPositions: the most recent articles' positions, and their text form (reading_positions.h).
#include "reading_positions.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace reader::core {

void ReadingPositions::parse(std::string_view text) {
    m_entries.clear();
    while (!text.empty()) {
        const size_t end = std::min(text.find('\n'), text.size());
        const std::string_view line = text.substr(0, end);
        text.remove_prefix(std::min(end + 1, text.size()));
        const size_t tab = line.find('\t');
        if (tab == std::string_view::npos || tab + 1 == line.size()) continue;
        const std::string number(line.substr(0, tab));
        char* parsedEnd = nullptr;
        const double fraction = std::strtod(number.c_str(), &parsedEnd);
        if (parsedEnd != number.c_str() + number.size() || !(fraction >= 0.0 && fraction <= 1.0)) continue;
        set(std::string(line.substr(tab + 1)), static_cast<float>(fraction));
    }
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
