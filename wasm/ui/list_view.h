// The list of a category's articles (all articles on 首頁), newest first, with a keyboard selection.
#pragma once

#include <string>
#include <vector>

#include "view_context.h"

namespace reader::ui {

class ListView {
public:
    void draw(ViewContext& ctx, const std::string& categoryId);
    void reset() { *this = ListView(); }

private:
    const std::vector<const core::Article*>& articles(const ViewContext& ctx, const std::string& categoryId);
    float rowHeight(const ViewContext& ctx) const;
    void drawRow(ViewContext& ctx, const core::Article& article, bool selected);
    void handleKeys(ViewContext& ctx, float listTop);

    // The listed articles, kept while the bundle and category stay the same.
    const core::Bundle* m_bundle = nullptr;
    std::string m_categoryId;
    bool m_valid = false;
    std::vector<const core::Article*> m_articles;
    size_t m_selected = 0;
    bool m_keyboardUsed = false;  // the selection shows once the keyboard moved it
};

}  // namespace reader::ui
