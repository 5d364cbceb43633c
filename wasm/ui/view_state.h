// ViewState: what the reader shows now, as one model read from the app. The page's state()
// (viewStateJson, platform/web/exports.cpp), the page's DOM mirror (platform/web/view_content.cpp)
// and the desktop's state line (platform/native/state_line.cpp) all read it, never the app's parts.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "core/bundle.h"
#include "core/navigation.h"
#include "core/search_index.h"
#include "core/settings.h"

namespace reader::ui {

class ReaderApp;

// list, article or search.
const char* viewName(core::View view);

struct ViewState {
    core::Place place;          // where the reader is
    std::string categoryId;     // the breadcrumb's category: the list's, or the open article's
    const core::Article* article = nullptr;  // in an article view, the article (null when the bundle has none by that id)
    std::string shownTitle;     // its title as shown: no pinyin, in the chosen script
    core::Settings settings;
    std::optional<size_t> speaking;  // the sentence read aloud
    std::optional<float> position;   // in an article view: where the reader left it (0 to 1)
    std::string error;               // the load error shown, or empty
    bool loading = false;            // a download in progress
    bool bodyPending = false;        // the open article's body is in a shard that has not arrived
    bool indexing = false;           // a search view while the search index is still being built
    core::SearchOrder searchOrder = core::SearchOrder::Newest;
    std::string contentLanguage;     // ReaderApp::contentLanguage
    std::string uiLocale;            // ReaderApp::uiLocale
    bool converted = false;          // the text is shown converted (a script chosen, its table there)
    size_t generation = 0;           // of the bundle (ReaderApp::bundleGeneration)
    float scrollY = 0.0f;            // the content's, logical pixels
    bool debug = false;              // the debug panels are open
};

ViewState viewStateOf(const ReaderApp& app);

// {view, query, categoryId, articleId, <each setting option>, speaking, title, position, error}:
// what the page's state() returns.
std::string viewStateJson(const ViewState& state);

}  // namespace reader::ui
