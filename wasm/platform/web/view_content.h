// What the current view shows, as JSON for the page's DOM mirror (shell/mirror.js): the text a
// screen reader reads and the browser's find-in-page searches, since neither sees into the canvas.
#pragma once

#include <string>

namespace reader::ui {
class ReaderApp;
}

namespace reader::web {

// {lang, view, message, site, labels, crumbs, categories, heading, query, items, more, article}
// (the fields are described in view_content.cpp). Built on demand, never per frame.
std::string viewContentJson(ui::ReaderApp& app);

// Changes whenever viewContentJson would (bundle, place, error, loading, search order, pinyin mode): compared after each
// frame to send the page one "content changed" signal per change.
std::string viewContentKey(const ui::ReaderApp& app);

}  // namespace reader::web
