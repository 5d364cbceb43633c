// ArticleView: one article: title, meta line (meta_line.h) and the settings panel it opens, then
// the body paragraphs. It draws; its parts keep the state: the layout cache (article_layout.h), the
// selection (text_selection.h), and the marks (article_marks.h: search hits, the sentence read
// aloud, the revealed paragraph).
#pragma once

#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "article_annotations.h"
#include "article_layout.h"
#include "article_marks.h"
#include "settings_panel.h"
#include "text_selection.h"
#include "view_context.h"

namespace reader::ui {

class ArticleView {
public:
    ViewResult draw(ViewContext& ctx, const core::Article& article);
    void reset() { *this = ArticleView(); }

    bool hasSelection() const { return m_selection.any(); }
    // Search hits of the highlighted query in this article (title and paragraphs).
    size_t hitCount() const { return m_hits.count(); }
    size_t currentHit() const { return m_hits.current(); }  // from 0
    // The selected text as displayed (pinyin only in inline mode), paragraphs joined by newlines.
    std::string selectedText() const { return m_selection.text(m_layout); }
    void selectAll() { m_selection.selectAll(m_layout); }
    void clearSelection() { m_selection.clear(); }
    // Brings body paragraph `paragraph` of article `articleId` to the top of the content on the next
    // frame and marks it until the next click (the page's find-in-page landed on it).
    void reveal(const std::string& articleId, size_t paragraph) { m_reveal.reveal(articleId, paragraph); }
    // The highlights of the open article (their marks, the card that edits one, orphans).
    const ArticleAnnotations& annotations() const { return m_annotations; }
    // The paragraph marked by reveal(), if any.
    std::optional<size_t> revealedParagraph() const { return m_reveal.paragraph(); }

    // For the debug overlay (wasm/ui/debug/): the layouts as last drawn and where, this frame.
    const std::string& articleId() const { return m_layout.articleId(); }
    const core::ParagraphLayout& titleLayout() const { return m_layout.title(); }
    ImVec2 titleOrigin() const { return m_layout.titleOrigin(); }
    const std::vector<core::ParagraphLayout>& paragraphLayouts() const { return m_layout.paragraphs(); }  // one per body paragraph
    const std::vector<ImVec2>& paragraphOrigins() const { return m_layout.origins(); }
    const ArticleLayout& layout() const { return m_layout; }
    float layoutWidth() const { return m_layout.width(); }
    float bodyTextSize() const { return m_layout.fontSize(); }
    float titleTextSize() const { return std::round(m_layout.fontSize() * typography().titleScale); }
    core::RubyMode rubyMode() const { return m_layout.rubyMode(); }

private:
    ViewResult drawBody(ViewContext& ctx, const ParagraphStyle& body, float gap);
    ViewResult figureButton(const ViewContext& ctx, size_t block, ImVec2 boxMin, ImVec2 boxSize, ImVec2 origin);
    ViewResult handleBlockInput(const ViewContext& ctx, const BlockGeometry& block, ImVec2 origin, float& scrollX);
    void handleInput(const ViewContext& ctx);
    void handleSelectionTools(ViewContext& ctx, const core::Article& article);
    ViewResult drawFindBar(ViewContext& ctx);
    std::vector<Highlight> highlightsFor(const ViewContext& ctx, size_t paragraph) const;

    ArticleLayout m_layout;
    TextSelection m_selection;
    SearchHits m_hits;
    SpeechMark m_speechMark;
    RevealMark m_reveal;
    SettingsPanel m_settingsPanel;
    ArticleAnnotations m_annotations;
    std::vector<float> m_tableScroll;  // per block: a wide table's sideways scroll, logical pixels
};

}  // namespace reader::ui
