// What is marked in the open article besides the selection, each brought into view when it moves:
// the search box's hits (Enter / Shift+Enter step through them), the sentence read aloud, and the
// paragraph the page's find-in-page revealed (marked until the next click).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "article_layout.h"
#include "paragraph_view.h"
#include "view_context.h"

namespace reader::ui {

// A displayed-text range of the title (paragraph kTitle) or of a body paragraph.
struct TextRange {
    static constexpr size_t kTitle = SIZE_MAX;
    size_t paragraph;
    size_t begin;
    size_t end;
};

class SearchHits {
public:
    // Finds the highlighted query's hits again when the query, article or pinyin mode changed.
    void update(const ViewContext& ctx, const core::Article& article);
    size_t count() const { return m_hits.size(); }
    size_t current() const { return m_current; }  // the hit shown as current, from 0
    void addHighlights(size_t paragraph, const Theme& theme, std::vector<Highlight>& marks) const;
    // Enter / Shift+Enter: the next / previous hit.
    void handleKeys();
    // The next (or previous) hit becomes current and is scrolled to; after the last comes the first.
    void step(bool backwards);
    // A third of the way down the window, so the text before the hit is seen too.
    void scrollIfMoved(const ArticleLayout& layout);

private:
    void findHits(const ViewContext& ctx, const core::Article& article);

    std::vector<TextRange> m_hits;
    std::string m_hitsFor;  // query + article + mode the hits were found for
    size_t m_current = 0;
    bool m_scroll = false;
};

class SpeechMark {
public:
    // The sentence being read aloud (ctx.speech), in displayed coordinates.
    void update(const ViewContext& ctx, const core::Article& article);
    void addHighlight(size_t paragraph, const Theme& theme, std::vector<Highlight>& marks) const;
    // When it changed: kept in the window's upper half.
    void scrollIfMoved(const ArticleLayout& layout);

private:
    std::optional<TextRange> m_mark;
    std::optional<size_t> m_sentence;  // its index, to know when it changes
    core::RubyMode m_mode = core::RubyMode::Above;
    bool m_scroll = false;
};

class RevealMark {
public:
    void reveal(const std::string& articleId, size_t paragraph);
    // Forgets a mark of another article or past the end of this one.
    void keepIfIn(const std::string& articleId, size_t paragraphs);
    void clear() { m_paragraph.reset(); }
    std::optional<size_t> paragraph() const { return m_paragraph; }
    // Once, after reveal(): the paragraph's top a little (`gap`) below the window's top.
    void scrollIfAsked(const ArticleLayout& layout, float gap);

private:
    std::optional<size_t> m_paragraph;
    std::string m_articleId;
    bool m_scroll = false;
};

}  // namespace reader::ui
