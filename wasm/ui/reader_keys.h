// The reader's keyboard shortcuts that belong to no one view: text zoom (Ctrl +/−/0, Ctrl+wheel),
// scrolling the content (PgUp/PgDn/Space, Home/End, ↑/↓ in an article), and history (Esc, Alt+←/→).
#pragma once

#include "article_view.h"
#include "core/navigation.h"
#include "core/settings.h"
#include "search_view.h"

namespace reader::ui {

// Ctrl + / Ctrl - / Ctrl 0 and Ctrl+wheel (a trackpad pinch arrives as one): continuous text zoom.
void handleZoomKeys(core::Settings& settings);
// Called inside the content window; in a list ↑/↓ move the selection instead (ListView).
void handleScrollKeys(bool inArticle);
// Esc clears the selection, else the search box's marks in an article, else goes back; Alt+← / Alt+→
// move through the history.
void handleHistoryKeys(core::Navigator& nav, ArticleView& articleView, SearchState& search);

}  // namespace reader::ui
