// What every view is given for one frame (ViewContext), and what a view hands back (ViewResult).
// The context carries inputs and the models a view may move (the navigator, the settings, the
// search order); anything else a view wants done after the frame it returns, and ReaderApp does it.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/bundle.h"
#include "core/navigation.h"
#include "core/script_converter.h"
#include "core/search_index.h"
#include "core/settings.h"
#include "core/text_layout.h"
#include "core/ui_strings.h"
#include "item_registry.h"
#include "speech.h"
#include "theme.h"

struct ImFont;

namespace reader::ui {

class AnnotationKeeper;
class FigureImages;
class SplitSearch;

struct ViewContext {
    const core::Bundle* bundle;  // null until one loads
    core::Navigator& nav;
    const core::UiStrings& strings;
    const Theme& theme;
    ImFont* font;
    ItemRegistry& items;
    core::Settings& settings;
    const core::SearchIndex* searchIndex = nullptr;  // of `bundle`
    const SplitSearch* splitSearch = nullptr;        // a split bundle's prebuilt index (null: none)
    float width = 0.0f;               // of the content column, logical pixels
    bool narrow = false;              // no room for the sidebar: categories are a menu
    std::string_view highlightQuery;  // the search box's query: its hits are marked in articles
    // Set by a search result or sub-result when it opens its article: the body paragraph whose first
    // hit the article starts at (SIZE_MAX: none, or the title); taken by the article's marks.
    size_t* openAtParagraph = nullptr;
    bool bodiesPending = false;       // a split bundle with bodies not loaded yet (search sees titles only)
    const core::ScriptConverter* converter = nullptr;  // the script the reader chose; null: as written
    const SpeechState* speech = nullptr;
    bool canPrint = false;        // the platform prints (the panel shows a print button)
    float indexProgress = 1.0f;   // of the search index being built (0 to 1), 1 when done
    ImFont* serifFont = nullptr;  // the platform's serif face, if it has one
    float pageTextSize = 0.0f;    // the page's body size at 中 (--reader-font-size), logical pixels; 0: ours
    int fontGeneration = 0;       // changes when the faces' glyphs change (the page's font family)
    FigureImages* images = nullptr;  // figures' images (null: placeholders only)
    AnnotationKeeper* annotations = nullptr;  // highlights, notes, bookmarks (null: none kept)

    // The face of the article's title and body: serif when the reader picked it and there is one.
    ImFont* bodyFont() const { return settings.serif && serifFont ? serifFont : font; }

    // Bundle text as it is shown: in the chosen script.
    std::string shown(std::string_view text) const { return core::inScript(converter, text); }
    // A line of chrome (a name, a label, a crumb) as it is shown: in the chosen script, its pinyin
    // inline or left out as the pinyin mode says (core::chromeText).
    std::string chrome(std::string_view text) const { return shown(core::chromeText(text, settings.rubyMode)); }
};

// What happened in a view this frame that the app carries out afterwards.
struct ViewResult {
    bool scrollToTop = false;     // bring the content back to its top (the breadcrumb's article title)
    std::string linkToOpen;       // a link clicked (core/links.h checks it before the port opens it)
    bool printRequested = false;  // the panel's print button
    SpeechRequest speech = SpeechRequest::None;  // the read-aloud button
    std::optional<size_t> zoomFigure;  // a figure clicked (its block index): the zoom view opens
    bool clearHighlights = false;      // the find bar's clear button: the search box's hits unmarked
    bool toggleBookmark = false;       // the meta line's bookmark button
    bool toggleAnnotations = false;    // the breadcrumb line's 標注 button: the panel opens or closes

    ViewResult& operator+=(const ViewResult& other) {
        scrollToTop = scrollToTop || other.scrollToTop;
        if (!other.linkToOpen.empty()) linkToOpen = other.linkToOpen;
        printRequested = printRequested || other.printRequested;
        if (other.speech != SpeechRequest::None) speech = other.speech;
        if (other.zoomFigure) zoomFigure = other.zoomFigure;
        clearHighlights = clearHighlights || other.clearHighlights;
        toggleBookmark = toggleBookmark || other.toggleBookmark;
        toggleAnnotations = toggleAnnotations || other.toggleAnnotations;
        return *this;
    }
};

// Body text size after the preset (on the page's size, if it set one) and the zoom, in logical pixels.
float bodyFontSize(const ViewContext& ctx);

}  // namespace reader::ui
