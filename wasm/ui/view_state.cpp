// ViewState read from the app, and written as the page's state().
#include "view_state.h"

#include "core/json_text.h"
#include "core/ruby_parser.h"
#include "reader_app.h"
#include "setting_options.h"

namespace reader::ui {

const char* viewName(core::View view) {
    switch (view) {
        case core::View::Article: return "article";
        case core::View::Search: return "search";
        case core::View::List: break;
    }
    return "list";
}

ViewState viewStateOf(const ReaderApp& app) {
    ViewState state;
    state.place = app.navigator().current();
    const bool inArticle = state.place.view == core::View::Article;
    state.categoryId = app.currentCategoryId();
    state.article = inArticle && app.bundle() ? app.bundle()->findArticle(state.place.articleId) : nullptr;
    if (state.article) state.shownTitle = core::inScript(app.converter(), core::RubyParser::strip(state.article->title));
    state.settings = app.settings();
    state.speaking = app.speech().current;
    if (inArticle) state.position = app.readingPositions().get(state.place.articleId);
    state.error = app.error();
    state.loading = app.loading();
    const core::Article* named = app.bundle() ? app.bundle()->findArticle(state.place.articleId) : nullptr;
    state.bodyPending = named && named->bodyPending;
    state.indexing = state.place.view == core::View::Search && !app.searchIndexReady();
    state.searchOrder = app.searchOrder();
    state.contentLanguage = app.contentLanguage();
    state.uiLocale = app.uiLocale();
    state.converted = app.converter() != nullptr;
    state.generation = app.bundleGeneration();
    state.scrollY = app.scrollY();
    state.debug = app.debug();
    return state;
}

std::string viewStateJson(const ViewState& state) {
    using core::jsonString;
    using core::jsonStringOrNull;
    std::string out = "{\"view\":" + jsonString(viewName(state.place.view));
    out += ",\"query\":" + jsonStringOrNull(state.place.query);
    out += ",\"categoryId\":" + jsonStringOrNull(state.categoryId);
    out += ",\"articleId\":" + jsonStringOrNull(state.place.articleId);
    for (const SettingOption& option : settingOptions()) {
        const std::string value = option.print(state.settings);
        out += ",\"" + std::string(option.name) + "\":" + (option.boolean ? value : jsonString(value));
    }
    out += ",\"speaking\":" + (state.speaking ? std::to_string(*state.speaking) : std::string("null"));
    out += ",\"title\":" + (state.article ? jsonString(state.shownTitle) : std::string("null"));
    out += ",\"position\":" + (state.position ? std::to_string(*state.position) : std::string("null"));
    out += ",\"error\":" + jsonStringOrNull(state.error);
    return out + "}";
}

}  // namespace reader::ui
