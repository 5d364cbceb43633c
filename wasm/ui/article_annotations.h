// ArticleAnnotations: the open article's highlights, drawn under their text in their colours and
// found again whenever the article, the annotations or the pinyin mode change; the card that edits
// one (colour, note, removal) when it is clicked; and the mapping from the displayed selection to
// the base text that a new highlight is made of.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <imgui.h>

#include "annotation_keeper.h"
#include "article_layout.h"
#include "paragraph_view.h"
#include "view_context.h"

namespace reader::ui {

// A highlight's colour as drawn in a theme (a translucent ground under the text).
ImU32 highlightFill(std::string_view color, const Theme& theme);

class ArticleAnnotations {
public:
    void update(const ViewContext& ctx, const core::Article& article);
    void addHighlights(size_t paragraph, std::vector<Highlight>& marks) const;
    // The highlight under a body position, if any (its id).
    std::optional<std::string> highlightAt(TextPosition position) const;
    // This article's highlights that could not be found in its text now (ids).
    const std::vector<std::string>& orphans() const { return m_orphans; }
    // The body text (paragraph) a highlight starts in, if it was found.
    std::optional<size_t> paragraphOf(const std::string& id) const;

    // The base text's [start, end) of a displayed selection from `from` to `to`.
    static std::pair<size_t, size_t> baseRange(const core::Article& article, core::RubyMode mode, TextPosition from, TextPosition to);

    // The card of the highlight clicked: colours, its note, removal; closes on Esc or a click outside.
    void edit(const std::string& id, ImVec2 at) { m_editing = id; m_editAt = at; m_noteLoaded = false; }
    void drawEditor(ViewContext& ctx);
    // The card closed in this frame (Esc, or a click outside): that key or click was the card's.
    bool editorJustClosed() const { return m_closedFrame == ImGui::GetFrameCount(); }

private:
    struct Placed {
        std::string id;
        ImU32 color;
        size_t paragraph, begin, end;  // displayed glyphs of the body text
    };
    std::vector<Placed> m_placed;
    std::vector<std::string> m_orphans;
    std::string m_key;  // article, mode and bundle the marks were placed for
    uint64_t m_generation = UINT64_MAX;
    // The card.
    std::string m_editing;
    ImVec2 m_editAt;
    std::string m_note;
    bool m_noteLoaded = false;
    int m_closedFrame = -1;
};

}  // namespace reader::ui
