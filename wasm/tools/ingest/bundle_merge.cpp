#include "bundle_merge.h"

#include <algorithm>

#include "core/bundle_loader.h"
#include "ids.h"

namespace reader::tools::ingest {

namespace {

// Where a page without a breadcrumb trail goes, in the bundle's script.
constexpr const char* kUncategorizedHant = "未分類";
constexpr const char* kUncategorizedHans = "未分类";

const core::Category* categoryNamed(const core::Bundle& bundle, const std::string& name) {
    const auto it = std::find_if(bundle.categories.begin(), bundle.categories.end(),
                                 [&](const core::Category& c) { return c.name == name; });
    return it == bundle.categories.end() ? nullptr : &*it;
}

// The id of the category for this page, creating it when the bundle has none such.
std::string resolveCategory(core::Bundle& bundle, const PageContent& page, const MergeOptions& options,
                            MergeResult& result) {
    std::string name = page.categoryName;
    if (name.empty() && options.categoryId.empty()) {
        name = bundle.site.locale == "zh-Hans" ? kUncategorizedHans : kUncategorizedHant;
        result.uncategorized = true;
    }
    std::string id = options.categoryId;
    if (id.empty()) {
        if (const core::Category* existing = categoryNamed(bundle, name)) return existing->id;
        id = categoryIdFor(name);
    }
    if (!bundle.findCategory(id)) {
        bundle.categoryIndex[id] = bundle.categories.size();
        bundle.categories.push_back({id, name.empty() ? id : name, {}});
        bundle.indexCategories();
        result.categoryCreated = true;
    }
    return id;
}

}  // namespace

core::Bundle emptyBundle() {
    core::Bundle bundle;
    bundle.format = {core::BundleLoader::kFormatName, core::BundleLoader::kSupportedMajor, 0};
    return bundle;
}

MergeResult mergePage(core::Bundle& bundle, const PageContent& stated, const MergeOptions& options) {
    MergeResult result;
    if (stated.title.empty()) result.reason = "no title";
    else if (stated.body.empty()) result.reason = "no body";
    else if (!stated.published && !options.undatedTime) result.reason = "no publish time";
    if (!result.reason.empty()) return result;
    PageContent dated;
    result.undated = !stated.published;
    if (result.undated) {
        dated = stated;
        dated.published = options.undatedTime;
    }
    const PageContent& page = result.undated ? dated : stated;

    result.articleId = articleIdFor(page);
    const auto sameContent = [&](const core::Article& a) {
        return a.title == page.title && a.published.epochSeconds == page.published->epochSeconds;
    };
    const auto twin = std::find_if(bundle.articles.begin(), bundle.articles.end(), sameContent);
    if (bundle.findArticle(result.articleId) || twin != bundle.articles.end()) {
        if (!bundle.findArticle(result.articleId)) result.articleId = twin->id;
        result.status = MergeResult::Status::alreadyPresent;
        result.categoryId = bundle.findArticle(result.articleId)->categoryId;
        return result;
    }
    result.categoryId = resolveCategory(bundle, page, options, result);
    bundle.articleIndex[result.articleId] = bundle.articles.size();
    bundle.articles.push_back(
        {result.articleId, result.categoryId, page.title, *page.published, page.source, page.body, page.blocks, page.marks});
    result.status = MergeResult::Status::added;
    return result;
}

std::vector<std::string> fillSite(core::Site& site, const PageContent& page) {
    std::vector<std::string> filled;
    const auto fill = [&](std::string& field, const std::string& value, const char* name) {
        if (field.empty() && !value.empty()) {
            field = value;
            filled.push_back(name);
        }
    };
    fill(site.name, page.siteName, "name");
    fill(site.locale, page.locale, "locale");
    fill(site.copyrightHolder, page.copyrightHolder, "copyrightHolder");
    fill(site.address, page.address, "address");
    if (!site.visitorCount && page.visitorCount) {
        site.visitorCount = page.visitorCount;
        filled.push_back("visitorCount");
    }
    if (site.hotlines.empty() && !page.hotlines.empty()) {
        site.hotlines = page.hotlines;
        filled.push_back("hotlines");
    }
    return filled;
}

}  // namespace reader::tools::ingest
