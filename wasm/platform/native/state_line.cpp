#include "state_line.h"

#include <cstdio>

#include "core/json_text.h"
#include "core/settings.h"
#include "ui/reader_app.h"

namespace reader::native {

std::string placeSpec(const core::Place& place) {
    switch (place.view) {
        case core::View::Article: return "article:" + place.articleId;
        case core::View::Search: return "search:" + place.query;
        default: return place.categoryId.empty() ? "list" : "category:" + place.categoryId;
    }
}

std::string stateLine(const ui::ReaderApp& app) {
    const core::Place& place = app.navigator().current();
    const core::Settings& settings = app.settings();
    const core::Article* article =
        place.view == core::View::Article && app.bundle() ? app.bundle()->findArticle(place.articleId) : nullptr;
    const char* view = place.view == core::View::Article ? "article" : place.view == core::View::Search ? "search" : "list";
    char numbers[96];
    std::snprintf(numbers, sizeof numbers, " zoom=%.2f scrollY=%d", settings.zoom, static_cast<int>(app.scrollY()));
    std::string line = std::string("view=") + view + " category=" + app.currentCategoryId() + " article=" + place.articleId +
                       " fontSize=" + core::fontSizeName(settings.fontSize) + " ruby=" + core::rubyModeName(settings.rubyMode) +
                       numbers + " debug=" + (app.debug() ? "on" : "off");
    if (place.view == core::View::Search) line += " query=" + core::jsonString(place.query);
    return line + " title=" + core::jsonString(article ? article->title : std::string()) + " error=" + core::jsonString(app.error());
}

}  // namespace reader::native
