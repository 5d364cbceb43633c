// Fuzz target `loader`: BundleLoader::load on any bytes.
// Checks, besides no crash, hang or sanitizer report:
// - exactly one of bundle and error; an error is one line of valid UTF-8 without control
//   characters, with a position (line and column both set) or a JSON Pointer;
// - agreement with nlohmann on what is JSON: text nlohmann refuses is told as a text error (with
//   a line and column) or a limit, and text it accepts is never called broken, except for nesting
//   and a NUL byte after the JSON text (nlohmann stops reading there);
// - a loaded bundle holds exactly what nlohmann's DOM of the same text holds (tabs in paragraphs
//   made spaces), its indices are right, its references resolve, its shown text has no control
//   characters, and its dates are in range;
// - tighter limits never turn an error into a bundle.
#include "fuzz_error_checks.h"
#include "fuzz_target.h"

#include "core/bundle_loader.h"
#include "core/utf8.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>

namespace {

using reader::fuzz::checkError;
using reader::fuzz::hasControl;
using reader::fuzz::isLimit;

using nlohmann::json;
using reader::core::Bundle;
using reader::core::BundleLoader;
using reader::core::Error;
using reader::core::LoadLimits;
using reader::core::Result;

void checkBundle(const Bundle& bundle, const json& dom) {
    FUZZ_CHECK(dom.is_object());
    FUZZ_CHECK(bundle.format.name == dom.at("format").at("name").get<std::string>());
    FUZZ_CHECK(bundle.format.major == 1);

    const json& site = dom.at("site");
    FUZZ_CHECK(bundle.site.name == site.at("name").get<std::string>());
    FUZZ_CHECK(bundle.site.locale == site.at("locale").get<std::string>());
    FUZZ_CHECK(bundle.site.copyrightHolder == site.value("copyrightHolder", std::string()));
    FUZZ_CHECK(bundle.site.address == site.value("address", std::string()));
    FUZZ_CHECK(bundle.site.visitorCount.has_value() == site.contains("visitorCount"));
    if (bundle.site.visitorCount) FUZZ_CHECK(*bundle.site.visitorCount == site.at("visitorCount").get<uint64_t>());
    const json hotlines = site.value("hotlines", json::array());
    FUZZ_CHECK(bundle.site.hotlines.size() == hotlines.size());
    for (size_t i = 0; i < hotlines.size(); ++i) {
        FUZZ_CHECK(bundle.site.hotlines[i].label == hotlines[i].at("label").get<std::string>());
        FUZZ_CHECK(bundle.site.hotlines[i].number == hotlines[i].at("number").get<std::string>());
        FUZZ_CHECK(!hasControl(bundle.site.hotlines[i].label));
    }
    FUZZ_CHECK(!hasControl(bundle.site.name));
    FUZZ_CHECK(!hasControl(bundle.site.copyrightHolder) && !hasControl(bundle.site.address));

    const json& categories = dom.at("categories");
    FUZZ_CHECK(bundle.categories.size() == categories.size());
    FUZZ_CHECK(bundle.categoryIndex.size() == categories.size());
    for (size_t i = 0; i < categories.size(); ++i) {
        const auto& category = bundle.categories[i];
        FUZZ_CHECK(category.id == categories[i].at("id").get<std::string>());
        FUZZ_CHECK(category.name == categories[i].at("name").get<std::string>());
        FUZZ_CHECK(category.parentId == categories[i].value("parent", std::string()));
        FUZZ_CHECK(bundle.categoryIndex.at(category.id) == i);
        FUZZ_CHECK(category.parentId.empty() || bundle.categoryIndex.contains(category.parentId));
        FUZZ_CHECK(!hasControl(category.name));
    }

    const json& articles = dom.at("articles");
    FUZZ_CHECK(bundle.articles.size() == articles.size());
    FUZZ_CHECK(bundle.articleIndex.size() == articles.size());
    for (size_t i = 0; i < articles.size(); ++i) {
        const auto& article = bundle.articles[i];
        const json& expected = articles[i];
        FUZZ_CHECK(article.id == expected.at("id").get<std::string>());
        FUZZ_CHECK(article.categoryId == expected.at("category").get<std::string>());
        FUZZ_CHECK(article.title == expected.at("title").get<std::string>());
        FUZZ_CHECK(article.source == expected.value("source", std::string()));
        FUZZ_CHECK(bundle.articleIndex.at(article.id) == i);
        FUZZ_CHECK(bundle.categoryIndex.contains(article.categoryId));
        FUZZ_CHECK(!article.title.empty() && !hasControl(article.title) && !hasControl(article.source));
        reader::fuzz::checkBody(article.body, article.blocks, article.marks, expected.at("body"));
        const auto& date = article.published;
        FUZZ_CHECK(date.month >= 1 && date.month <= 12 && date.day >= 1 && date.day <= 31);
        FUZZ_CHECK(date.hour <= 23 && date.minute <= 59 && date.second <= 60);
        FUZZ_CHECK(date.offsetMinutes > -24 * 60 && date.offsetMinutes < 24 * 60);
    }
}

}  // namespace

int reader::fuzz::fuzzOne(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const Result<Bundle> result = BundleLoader::load(text);
    const bool isJson = json::accept(text);
    if (result.ok()) {
        FUZZ_CHECK(isJson);
        checkBundle(*result, json::parse(text));
    } else {
        const Error& error = result.error();
        checkError(error);
        if (!isJson) FUZZ_CHECK(error.line > 0 || isLimit(error));
        // nlohmann takes a NUL byte for the end of the text; the loader refuses what follows one.
        if (isJson && error.line > 0)
            FUZZ_CHECK(isLimit(error) || error.message == "unexpected NUL byte after the JSON text");
    }

    LoadLimits tight;
    tight.maxDepth = 5;
    tight.maxStringBytes = 16;
    tight.maxArticles = 2;
    tight.maxCategories = 2;
    tight.maxParagraphs = 2;
    tight.maxHotlines = 1;
    const Result<Bundle> limited = BundleLoader::load(text, tight);
    if (limited.ok()) FUZZ_CHECK(result.ok());
    else checkError(limited.error());
    return 0;
}
