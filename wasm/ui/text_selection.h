// TextSelection: the reader's selection in the open article's body: drag, double-click (a phrase),
// Shift+click, Ctrl+A, and copying (Ctrl+C or the 複製 button by the selection's end).
#pragma once

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>

#include "article_layout.h"
#include "paragraph_view.h"
#include "view_context.h"

namespace reader::ui {

class TextSelection {
public:
    bool any() const { return m_anchor != m_focus; }
    bool dragging() const { return m_dragging; }
    void clear() { m_anchor = m_focus; }
    // Another article: nothing selected (a drag under way goes on in it).
    void reset() { m_anchor = m_focus = {}; }
    void selectAll(const ArticleLayout& layout);
    // The selected text as displayed (pinyin only in inline mode), paragraphs joined by newlines.
    std::string text(const ArticleLayout& layout) const;
    // Its part of body paragraph `paragraph`, if any.
    std::optional<Highlight> highlightIn(size_t paragraph, const ArticleLayout& layout, ImU32 color) const;

    // Inside the content window after the body is drawn: the mouse, then Ctrl+A / Ctrl+C.
    void handleMouse(const ArticleLayout& layout);
    void handleKeys(const ArticleLayout& layout);
    // By the selection's end: 複製, and with annotations a swatch per highlight colour, 筆記 (a
    // highlight with its card open) and 引用連結 (the quote with a link). What the reader chose.
    struct Action {
        enum class Kind { None, Highlight, Note, QuoteLink } kind = Kind::None;
        std::string_view color;  // Highlight
    };
    Action drawTools(ViewContext& ctx, const ArticleLayout& layout);
    // The selected positions, in order.
    TextPosition from() const { return std::min(m_anchor, m_focus); }
    TextPosition to() const { return std::max(m_anchor, m_focus); }

private:
    TextPosition m_anchor, m_focus;
    bool m_dragging = false;
    // Where drawTools drew its buttons last frame: a press there is theirs, also when it comes in the
    // same frame as the move onto them (a tap), before ImGui knows the button is hovered.
    ImVec2 m_toolsMin, m_toolsMax;
};

}  // namespace reader::ui
