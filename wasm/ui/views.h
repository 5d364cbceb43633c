// The reader's views. Each draws one part of the page from core state and reports clicks as
// Navigator moves; none owns state beyond caches.
#pragma once

#include <string>
#include <vector>

#include "core/bundle.h"
#include "core/navigation.h"
#include "core/text_layout.h"
#include "core/ui_strings.h"
#include "item_registry.h"
#include "theme.h"

struct ImFont;

namespace reader::ui {

enum class FontSize { Small = 0, Medium = 1, Large = 2 };

// Layouts of the open article's paragraphs, kept while the article, width and size stay the same.
struct ArticleLayoutCache {
    std::string articleId;
    float width = 0.0f;
    float fontSize = 0.0f;
    const core::Bundle* bundle = nullptr;
    core::ParagraphLayout title;
    std::vector<core::ParagraphLayout> paragraphs;
};

// What every view needs for one frame.
struct ViewContext {
    const core::Bundle* bundle;  // null until one loads
    core::Navigator& nav;
    const core::UiStrings& strings;
    const Theme& theme;
    ImFont* font;
    ItemRegistry& items;
    FontSize& fontSize;
    float width = 0.0f;         // of the content column, logical pixels
    bool scrollToTop = false;   // set by a view to bring the content back to its top
};

void drawTopBar(ViewContext& ctx, const std::string& today);
void drawBreadcrumb(ViewContext& ctx);
void drawListView(ViewContext& ctx, const std::string& categoryId);
void drawArticleView(ViewContext& ctx, const core::Article& article, ArticleLayoutCache& cache);
void drawFooter(ViewContext& ctx);
float footerHeight(const ViewContext& ctx);
void drawMessage(ViewContext& ctx, const std::string& heading, const std::string& detail, bool isError);

}  // namespace reader::ui
