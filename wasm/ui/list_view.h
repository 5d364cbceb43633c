// The list of a category's articles (all articles on 首頁), newest first, with a keyboard selection.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "paragraph_view.h"
#include "view_context.h"

namespace reader::ui {

class ListView {
public:
    void draw(ViewContext& ctx, const std::string& categoryId);
    void reset() { *this = ListView(); }

private:
    const std::vector<const core::Article*>& articles(const ViewContext& ctx, const std::string& categoryId);
    float rowHeight(const ViewContext& ctx) const;
    void drawRow(ViewContext& ctx, size_t index, bool selected);
    void handleKeys(ViewContext& ctx, float listTop);
    void revealFocusedLink(const ViewContext& ctx);
    struct TitleLine;
    const TitleLine& titleLine(const ViewContext& ctx, const core::Article& article, const ParagraphStyle& style);

    // The listed articles, kept while the bundle and category stay the same.
    const core::Bundle* m_bundle = nullptr;
    std::string m_categoryId;
    bool m_valid = false;
    std::vector<const core::Article*> m_articles;
    size_t m_selected = 0;
    bool m_keyboardUsed = false;  // the selection shows once the keyboard moved it
    bool m_focusSelected = false; // the arrows moved it: the selected row takes keyboard focus when drawn
    std::string m_revealedKey;    // the text-mirror focus last followed (ItemRegistry::focusKey)

    // Rows' titles laid out, kept until the face, pinyin mode, script or bundle change (or a row's
    // width): a frame lays out only rows it had not shown.
    struct TitleLine {
        core::ParagraphLayout layout;  // its first line only
        bool cut = false;              // the title goes on past it (an ellipsis follows)
        float width = -1.0f;           // laid out for (none yet)
    };
    struct TitleInputs {
        const core::Bundle* bundle = nullptr;
        ImFont* font = nullptr;
        core::RubyMode mode = core::RubyMode::Above;
        const core::ScriptConverter* converter = nullptr;
        bool operator==(const TitleInputs&) const = default;
    };
    TitleInputs m_titlesFor;
    std::unordered_map<const core::Article*, TitleLine> m_titles;
};

}  // namespace reader::ui
