#include <doctest/doctest.h>

#include "core/calendar.h"

using namespace reader::core;

TEST_CASE("calendar: days from civil and back") {
    CHECK(daysFromCivil({1970, 1, 1}) == 0);
    CHECK(daysFromCivil({2000, 3, 1}) == 11017);
    CHECK(daysFromCivil({1969, 12, 31}) == -1);
    for (int64_t d = -800000; d < 800000; d += 997) {
        const CivilDate date = civilFromDays(d);
        CHECK(daysFromCivil(date) == d);
    }
}

TEST_CASE("calendar: weekdays") {
    CHECK(weekday({2026, 11, 25}) == 3);  // a Wednesday
    CHECK(weekday({1970, 1, 1}) == 4);
    CHECK(weekday({1969, 12, 28}) == 0);
}

TEST_CASE("calendar: valid dates") {
    CHECK(isValidDate(2024, 2, 29));
    CHECK_FALSE(isValidDate(2023, 2, 29));
    CHECK_FALSE(isValidDate(1900, 2, 29));
    CHECK(isValidDate(2000, 2, 29));
    CHECK_FALSE(isValidDate(2023, 4, 31));
    CHECK_FALSE(isValidDate(2023, 13, 1));
}

TEST_CASE("calendar: today's line in each locale") {
    CHECK(formatToday({2026, 11, 25}, uiStringsFor("zh-Hant")) == "今天是：2026年11月25日 星期三");
    CHECK(formatToday({2026, 11, 25}, uiStringsFor("zh-CN")) == "今天是：2026年11月25日 星期三");
    CHECK(formatToday({2026, 11, 25}, uiStringsFor("en-GB")) == "Today is Wednesday, November 25, 2026");
}

TEST_CASE("calendar: publish times are shown as written") {
    DateTime time;
    time.year = 2023, time.month = 8, time.day = 17, time.hour = 22, time.minute = 10, time.second = 37;
    CHECK(formatPublished(time) == "2023-08-17 22:10:37");
    CHECK(formatPublishedDate(time) == "2023-08-17");
}

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
                                            s.readAloud, s.pauseReading, s.resumeReading, s.speechRate, s.print, s.rubyOnDemand, s.toneColors, s.fontFace}) {
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
