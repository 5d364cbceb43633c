// core/ui_strings: the reader's own words; the table a locale tag chooses, and every table complete.
#include "core/ui_strings.h"

#include <doctest/doctest.h>

#include <string_view>
#include <vector>

using namespace reader::core;

TEST_CASE("ui strings: locale tags choose the table") {
    CHECK(uiStringsFor("zh-Hant").home == "首頁");
    CHECK(uiStringsFor("zh-TW").home == "首頁");
    CHECK(uiStringsFor("ZH-hk").home == "首頁");
    CHECK(uiStringsFor("zh-Hans").home == "首页");
    CHECK(uiStringsFor("zh").home == "首页");
    CHECK(uiStringsFor("fr").home == "Home");
    CHECK(uiStringsFor("zhx").home == "Home");
}

TEST_CASE("ui strings: every locale's table is complete") {
    using reader::core::UiStrings;
    for (const char* tag : {"zh-Hant", "zh-Hans", "en"}) {
        CAPTURE(tag);
        const UiStrings& s = uiStringsFor(tag);
        CHECK(s.localeTag == tag);
        // Every word the reader shows, listed once; the few that may be empty in a language say so.
        for (const std::string_view word : {s.todayIs, s.hotlines, s.home, s.published, s.source, s.fontSize, s.ruby, s.copy,
                                            s.categories, s.searchHint, s.searchResults, s.noResults, s.indexing, s.titlesOnly,
                                            s.visitorBefore, s.copyright, s.address, s.loading, s.loadFailed, s.retry,
                                            s.keptPrevious, s.emptyCategory, s.notFound, s.readingTimeAfter, s.settings, s.zoom,
                                            s.lineHeight, s.contentWidth, s.letterSpacing, s.alignment, s.theme, s.script, s.reset,
                                            s.readAloud, s.pauseReading, s.resumeReading, s.speechRate, s.print, s.rubyOnDemand, s.toneColors, s.fontFace, s.breadcrumb}) {
            CHECK_FALSE(word.empty());
        }
        for (const auto& group : {std::vector<std::string_view>(s.fontSizes.begin(), s.fontSizes.end()),
                                  std::vector<std::string_view>(s.rubyModes.begin(), s.rubyModes.end()),
                                  std::vector<std::string_view>(s.searchOrders.begin(), s.searchOrders.end()),
                                  std::vector<std::string_view>(s.weekdays.begin(), s.weekdays.end()),
                                  std::vector<std::string_view>(s.months.begin(), s.months.end()),
                                  std::vector<std::string_view>(s.alignments.begin(), s.alignments.end()),
                                  std::vector<std::string_view>(s.themes.begin(), s.themes.end()),
                                  std::vector<std::string_view>(s.scripts.begin(), s.scripts.end()),
                                  std::vector<std::string_view>(s.toneColorSchemes.begin(), s.toneColorSchemes.end()),
                                  std::vector<std::string_view>(s.fontFaces.begin(), s.fontFaces.end())}) {
            for (const std::string_view word : group) CHECK_FALSE(word.empty());
        }
    }
    // Where a language needs no word, the table says so on purpose.
    CHECK(uiStringsFor("en").visitorAfter.empty());
    CHECK(uiStringsFor("en").readingTimeBefore.empty());
    CHECK(uiStringsFor("zh-Hant").readingTimeBefore == "約 ");
}
