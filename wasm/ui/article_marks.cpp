// The marks of the open article: search hits, the sentence read aloud, the revealed paragraph.
#include "article_marks.h"

#include <algorithm>

#include <imgui.h>

#include "core/ruby_parser.h"
#include "core/search_excerpt.h"
#include "core/search_index.h"
#include "core/utf8.h"

namespace reader::ui {

namespace {

// The screen y of the line holding `character` of a range's paragraph.
float lineTop(const ArticleLayout& layout, size_t paragraph, size_t character) {
    const bool inTitle = paragraph == TextRange::kTitle;
    const core::ParagraphLayout& text = inTitle ? layout.title() : layout.paragraphs()[paragraph];
    return (inTitle ? layout.titleOrigin().y : layout.origins()[paragraph].y) + text.lines[text.lineOf(character)].y;
}

}  // namespace

void SearchHits::update(const ViewContext& ctx, const core::Article& article) {
    const std::string key = std::string(ctx.highlightQuery) + '\x1f' + article.id + '\x1f' +
                            core::rubyModeName(ctx.settings.rubyMode);
    if (key != m_hitsFor) {
        m_hitsFor = key;
        findHits(ctx, article);
    }
    // Opened from a sub-result: its paragraph's first hit is the current one (SIZE_MAX, none asked,
    // is also the title's index, whose hit comes first anyway).
    if (ctx.openAtParagraph && *ctx.openAtParagraph != SIZE_MAX) {
        for (size_t h = 0; h < m_hits.size(); ++h) {
            if (m_hits[h].paragraph == *ctx.openAtParagraph) {
                m_current = h;
                m_scroll = true;
                break;
            }
        }
        *ctx.openAtParagraph = SIZE_MAX;
    }
}

void SearchHits::findHits(const ViewContext& ctx, const core::Article& article) {
    m_hits.clear();
    m_current = 0;
    if (ctx.highlightQuery.empty()) return;
    const size_t index = ctx.bundle->articleIndex.find(article.id)->second;  // the article is in the bundle
    for (const core::SearchHit& hit : core::SearchIndex::findInArticle(*ctx.bundle, index, ctx.highlightQuery)) {
        const bool title = hit.paragraph == core::SearchHit::kTitle;
        const auto map = core::strippedToDisplayed(title ? article.title : article.body[hit.paragraph], ctx.settings.rubyMode);
        if (hit.offset + hit.length >= map.size()) continue;
        m_hits.push_back({title ? TextRange::kTitle : hit.paragraph, map[hit.offset], map[hit.offset + hit.length - 1] + 1});
    }
    m_scroll = !m_hits.empty();
}

void SearchHits::addHighlights(size_t paragraph, const Theme& theme, std::vector<Highlight>& marks) const {
    for (size_t h = 0; h < m_hits.size(); ++h) {
        if (m_hits[h].paragraph != paragraph) continue;
        marks.push_back({m_hits[h].begin, m_hits[h].end, h == m_current ? theme.searchHitCurrent : theme.searchHit});
    }
}

void SearchHits::handleKeys() {
    if (m_hits.empty()) return;
    const bool next = ImGui::IsKeyPressed(ImGuiKey_Enter) || ImGui::IsKeyPressed(ImGuiKey_KeypadEnter);
    if (next) step(ImGui::GetIO().KeyShift);
}

void SearchHits::step(bool backwards) {
    if (m_hits.empty()) return;
    m_current = backwards ? (m_current + m_hits.size() - 1) % m_hits.size() : (m_current + 1) % m_hits.size();
    m_scroll = true;
}

void SearchHits::scrollIfMoved(const ArticleLayout& layout) {
    if (!m_scroll || m_hits.empty()) return;
    const TextRange& hit = m_hits[m_current];
    const float top = lineTop(layout, hit.paragraph, hit.begin);
    const float windowTop = ImGui::GetWindowPos().y;
    ImGui::SetScrollY(std::max(0.0f, ImGui::GetScrollY() + top - windowTop - ImGui::GetWindowHeight() / 3.0f));
    m_scroll = false;
}

void SpeechMark::update(const ViewContext& ctx, const core::Article& article) {
    const SpeechState* speech = ctx.speech;
    const bool reading = speech && speech->current && speech->articleId == article.id && *speech->current < speech->sentences.size();
    if (!reading) {
        m_mark.reset();
        m_sentence.reset();
        return;
    }
    if (m_sentence == speech->current && m_mode == ctx.settings.rubyMode) return;
    m_sentence = speech->current;
    m_mode = ctx.settings.rubyMode;
    const SpeechState::Sentence& s = speech->sentences[*speech->current];
    const bool title = s.paragraph == SIZE_MAX;
    if (!title && s.paragraph >= article.body.size()) return;
    const auto map = core::strippedToDisplayed(title ? article.title : article.body[s.paragraph], ctx.settings.rubyMode);
    if (s.end == 0 || s.end - 1 >= map.size()) return;
    m_mark = TextRange{title ? TextRange::kTitle : s.paragraph, map[s.begin], map[s.end - 1] + 1};
    m_scroll = true;
}

void SpeechMark::addHighlight(size_t paragraph, const Theme& theme, std::vector<Highlight>& marks) const {
    if (m_mark && m_mark->paragraph == paragraph) marks.push_back({m_mark->begin, m_mark->end, theme.selection});
}

void SpeechMark::scrollIfMoved(const ArticleLayout& layout) {
    if (m_scroll && m_mark && m_mark->paragraph < layout.paragraphs().size()) {
        const float top = lineTop(layout, m_mark->paragraph, m_mark->begin) - ImGui::GetWindowPos().y;
        if (top < 0.0f || top > ImGui::GetWindowHeight() * 0.6f) ImGui::SetScrollY(std::max(0.0f, ImGui::GetScrollY() + top - ImGui::GetWindowHeight() / 4.0f));
    }
    m_scroll = false;
}

void RevealMark::reveal(const std::string& articleId, size_t paragraph) {
    m_paragraph = paragraph;
    m_articleId = articleId;
    m_scroll = true;
}

void RevealMark::keepIfIn(const std::string& articleId, size_t paragraphs) {
    if (m_paragraph && (m_articleId != articleId || *m_paragraph >= paragraphs)) m_paragraph.reset();
}

void RevealMark::scrollIfAsked(const ArticleLayout& layout, float gap) {
    if (m_scroll && m_paragraph) {
        const float top = layout.origins()[*m_paragraph].y - ImGui::GetWindowPos().y - gap;
        ImGui::SetScrollY(std::max(0.0f, ImGui::GetScrollY() + top));
    }
    m_scroll = false;
}

}  // namespace reader::ui
