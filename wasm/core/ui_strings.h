// The reader's own words (chrome, not content), one table per locale.
#pragma once

#include <array>
#include <string>
#include <string_view>

namespace reader::core {

struct UiStrings {
    std::string_view localeTag;       // zh-Hant, zh-Hans or en
    std::string_view todayIs;         // prefix before today's date
    std::string_view hotlines;        // label before the complaint hotlines when they have none
    std::string_view home;            // first breadcrumb
    std::string_view published;       // label before the publish time
    std::string_view source;          // label before the source
    std::string_view fontSize;        // label before 大/中/小
    std::array<std::string_view, 3> fontSizes;  // small, medium, large
    std::string_view ruby;            // label before the pinyin display modes
    std::array<std::string_view, 3> rubyModes;  // above, hidden, inline
    std::string_view copy;            // the button that copies the selection
    std::string_view categories;      // the narrow screens' category menu
    std::string_view searchHint;      // placeholder of the search box
    std::string_view searchResults;   // heading of the results
    std::string_view noResults;
    std::array<std::string_view, 2> searchOrders;  // newest first, by relevance
    std::string_view indexing;        // the search index is still being built
    std::string_view titlesOnly;      // a split bundle: bodies are searched once their shards arrive
    std::string_view fetchingIndex;   // a split bundle: the index shards a query needs are on their way
    std::string_view visitorBefore;   // text around the visitor count
    std::string_view visitorAfter;
    std::string_view copyright;       // after the copyright holder
    std::string_view address;         // label before the address
    std::string_view loading;
    std::string_view loadFailed;      // heading of the error panel
    std::string_view retry;           // its button
    std::string_view keptPrevious;    // shown when an earlier bundle stays on screen
    std::string_view emptyCategory;
    std::string_view notFound;        // an article or category id that the bundle does not have
    std::array<std::string_view, 7> weekdays;  // Sunday first
    std::array<std::string_view, 12> months;   // used by locales that spell months out
    // Reading time in the meta line: before + minutes + after ("約 3 分鐘讀完").
    std::string_view readingTimeBefore;
    std::string_view readingTimeAfter;
    // The settings panel.
    std::string_view settings;        // its button in the meta line, and its title
    std::string_view zoom;            // the continuous text size
    std::string_view lineHeight;
    std::string_view contentWidth;
    std::string_view letterSpacing;
    std::string_view alignment;
    std::array<std::string_view, 2> alignments;  // start, justified
    std::string_view theme;
    std::array<std::string_view, 6> themes;      // auto, light, dark, sepia, gray, high contrast
    std::string_view script;
    std::array<std::string_view, 3> scripts;     // original, traditional, simplified
    std::string_view reset;
    // Reading aloud: the meta line's button as it toggles, and the panel's speed.
    std::string_view readAloud;
    std::string_view pauseReading;
    std::string_view resumeReading;
    std::string_view speechRate;
    std::string_view print;           // the panel's print button
    std::string_view rubyOnDemand;    // pinyin shown when a character is hovered or tapped
    std::string_view toneColors;
    std::array<std::string_view, 3> toneColorSchemes;  // none, Pleco's, MDBG's
    std::string_view fontFace;
    std::array<std::string_view, 2> fontFaces;   // sans, serif
    std::string_view breadcrumb;      // name of the text mirror's breadcrumb navigation
    // Where a search result matched, by TextRole (bundle.h); a paragraph's has none ("").
    std::array<std::string_view, 8> textRoles;
    // The find bar over an article with the search box's hits marked: previous, next, clear.
    std::array<std::string_view, 3> findBar;
    // The search view's filters: category, year, month, every choice; and the list view's way in
    // (the archive by date, no query needed).
    std::array<std::string_view, 5> filters;
    // Annotations: the selection's buttons, the highlight's card, the meta line's bookmark button,
    // the panel (its button on the breadcrumb line, exports, import, rows) and what it tells.
    std::string_view highlight;          // a colour swatch's tooltip
    std::string_view note;               // the selection's note button, and the card's note field
    std::string_view quoteLink;          // copies the quote with a link
    std::string_view done;
    std::string_view removeAnnotation;
    std::string_view bookmark;           // not bookmarked yet
    std::string_view bookmarked;
    std::string_view annotations;        // the panel's button and title
    std::string_view close;
    std::array<std::string_view, 3> exportFormats;  // Markdown, JSON, CSV
    std::string_view importAnnotations;
    std::string_view openAnnotation;     // a highlight's row: go to it
    std::string_view orphaned;           // its text is no longer in the article
    std::string_view noAnnotations;
    std::string_view exported;           // before where the file went
    std::string_view imported;           // before "added / read"
    std::string_view importFailed;       // before the error
};

// The table for a BCP 47 tag: zh-Hant (also zh-TW, zh-HK, zh-MO), zh-Hans (also zh, zh-CN,
// zh-SG), otherwise English.
const UiStrings& uiStringsFor(std::string_view locale);

}  // namespace reader::core
