// ReadingPositions: where the reader left each article, so that it opens there next time ("continue
// where you left off"). A position is the fraction of the article's scroll range (0 top, 1 end),
// which survives a change of window width or text size well enough to find one's place. The most
// recent kMaxArticles articles are kept. As text: one "fraction<TAB>article id" line per article,
// oldest first; lines that do not parse are skipped.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace reader::core {

class ReadingPositions {
public:
    static constexpr size_t kMaxArticles = 500;

    void parse(std::string_view text);
    std::string serialize() const;
    // Records a position (clamped to 0..1) as the most recent; the oldest goes beyond kMaxArticles.
    void set(const std::string& articleId, float fraction);
    std::optional<float> get(const std::string& articleId) const;
    size_t size() const { return m_entries.size(); }

private:
    std::vector<std::pair<std::string, float>> m_entries;  // oldest first
};

}  // namespace reader::core
