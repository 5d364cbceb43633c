// The reader's state as one line of text, from its ViewState (state_line.h).
#include "state_line.h"

#include <cstdio>

#include "core/json_text.h"
#include "core/settings.h"
#include "ui/reader_app.h"
#include "ui/view_state.h"

namespace reader::native {

std::string placeSpec(const core::Place& place) {
    switch (place.view) {
        case core::View::Article: return "article:" + place.articleId;
        case core::View::Search: return "search:" + place.query;
        default: return place.categoryId.empty() ? "list" : "category:" + place.categoryId;
    }
}

std::string stateLine(const ui::ReaderApp& app) {
    const ui::ViewState state = ui::viewStateOf(app);
    const core::Place& place = state.place;
    char numbers[96];
    std::snprintf(numbers, sizeof numbers, " zoom=%.2f scrollY=%d", state.settings.zoom, static_cast<int>(state.scrollY));
    std::string line = std::string("view=") + ui::viewName(place.view) + " category=" + state.categoryId + " article=" + place.articleId +
                       " fontSize=" + core::fontSizeName(state.settings.fontSize) + " ruby=" + core::rubyModeName(state.settings.rubyMode) +
                       numbers + " debug=" + (state.debug ? "on" : "off");
    if (place.view == core::View::Search) line += " query=" + core::jsonString(place.query);
    // The title as the bundle has it (annotations and all), not as shown.
    return line + " title=" + core::jsonString(state.article ? state.article->title : std::string()) + " error=" + core::jsonString(state.error);
}

}  // namespace reader::native
