// ArticleLayout: the open article laid out (title and body: paragraphs and blocks, body_blocks.h), kept while nothing it
// depends on changes, and where each part was drawn this frame; it keeps the paragraph at the top
// of the window in place when the same article is laid out anew (settings never lose the reader's place).
#pragma once

#include <compare>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include <imgui.h>

#include "body_blocks.h"
#include "core/inline_spans.h"
#include "core/text_layout.h"
#include "paragraph_view.h"
#include "view_context.h"

namespace reader::ui {

// A place in an article's body: paragraph and caret (displayed-text index) within it.
struct TextPosition {
    size_t paragraph = 0;
    size_t caret = 0;
    auto operator<=>(const TextPosition&) const = default;
};

class ArticleLayout {
public:
    // Lays the article out again when anything it depends on changed. Returns true when that was
    // another article or bundle (what was selected in the old one means nothing now).
    bool update(const ViewContext& ctx, const core::Article& article);
    static ParagraphStyle bodyStyle(const ViewContext& ctx);
    static ParagraphStyle titleStyle(const ParagraphStyle& body);

    const core::ParagraphLayout& title() const { return m_title; }
    const std::vector<core::ParagraphLayout>& paragraphs() const { return m_body.texts; }  // one per body text
    const BodyLayout& body() const { return m_body; }
    // Body text p's links and strong runs in its displayed glyphs, and the marks they stand for.
    std::span<const core::InlineSpan> inlineSpans(size_t p) const {
        return p < m_inlineSpans.size() ? std::span<const core::InlineSpan>(m_inlineSpans[p]) : std::span<const core::InlineSpan>();
    }
    const core::InlineMark& inlineMark(const core::InlineSpan& span) const { return m_marks[span.mark]; }
    // What joins body text `p` to the one before it in a copy: a tab between a table row's cells, else a line break.
    char separatorBefore(size_t p) const { return p < m_body.separators.size() ? m_body.separators[p] : '\n'; }
    size_t readingMinutes() const { return m_readingMinutes; }  // the meta line's estimate, per layout
    const std::string& articleId() const { return m_articleId; }
    float width() const { return m_width; }
    float fontSize() const { return m_fontSize; }
    core::RubyMode rubyMode() const { return m_rubyMode; }

    // Where the parts are drawn this frame, in the order they are drawn.
    void placeTitle(ImVec2 origin) { m_titleOrigin = origin; }
    void beginBody(ImVec2 topLeft);
    void placeParagraph(ImVec2 origin) { m_origins.push_back(origin); }
    void endBody(float width) { m_bodyMax = ImVec2(m_bodyMin.x + width, ImGui::GetCursorScreenPos().y); }
    ImVec2 titleOrigin() const { return m_titleOrigin; }
    const std::vector<ImVec2>& origins() const { return m_origins; }
    ImVec2 bodyMax() const { return m_bodyMax; }
    bool overBody(ImVec2 point) const;
    // The body position under a screen point (gaps belong to the paragraph above), if there is a body.
    std::optional<TextPosition> hitTest(ImVec2 point) const;

    // After drawing: the paragraph kept at the top goes back there; the scroll is noted for the next layout.
    void restoreTopParagraph();

private:
    void keepTopParagraph();

    // Layout inputs, to know when to lay out again.
    std::string m_articleId;
    const core::Bundle* m_bundle = nullptr;
    float m_width = 0.0f;
    float m_fontSize = 0.0f;
    core::RubyMode m_rubyMode = core::RubyMode::Above;
    const core::ScriptConverter* m_converter = nullptr;  // the script the layout was made in
    ImFont* m_layoutFont = nullptr;                       // and the face
    int m_fontGeneration = 0;                             // and its glyphs
    float m_lineHeight = 0.0f;
    float m_letterSpacing = 0.0f;
    bool m_justify = true;
    size_t m_readingMinutes = 1;
    // The paragraph at the top of the window when the layout changed, and how far into it.
    struct TopAnchor {
        size_t paragraph;
        float fraction;  // of its height, above the window's top
    };
    std::optional<TopAnchor> m_topAnchor;
    float m_drawnScrollY = 0.0f;

    core::ParagraphLayout m_title;
    BodyLayout m_body;
    std::vector<core::InlineMark> m_marks;                 // the article's, as laid out
    std::vector<std::vector<core::InlineSpan>> m_inlineSpans;  // per body text
    std::vector<ImVec2> m_origins;  // screen position of each body text this frame
    ImVec2 m_titleOrigin;           // and of the title
    ImVec2 m_bodyMin, m_bodyMax;    // the body's screen rectangle this frame
};

}  // namespace reader::ui
