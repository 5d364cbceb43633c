#include "bundle_writer.h"

#include <nlohmann/json.hpp>

#include "date_scan.h"

namespace reader::tools::ingest {

namespace {

using Json = nlohmann::ordered_json;  // keeps the documented field order

Json siteJson(const core::Site& site) {
    Json json = {{"name", site.name}, {"locale", site.locale}};
    if (!site.copyrightHolder.empty()) json["copyrightHolder"] = site.copyrightHolder;
    if (!site.address.empty()) json["address"] = site.address;
    if (site.visitorCount) json["visitorCount"] = *site.visitorCount;
    if (!site.hotlines.empty()) {
        Json hotlines = Json::array();
        for (const core::Hotline& h : site.hotlines) hotlines.push_back({{"label", h.label}, {"number", h.number}});
        json["hotlines"] = std::move(hotlines);
    }
    return json;
}

Json categoryJson(const core::Category& category) {
    Json json = {{"id", category.id}, {"name", category.name}};
    if (!category.parentId.empty()) json["parent"] = category.parentId;
    return json;
}

Json articleJson(const core::Article& article) {
    Json json = {{"id", article.id},
                 {"category", article.categoryId},
                 {"title", article.title},
                 {"published", formatIso(article.published)}};
    if (!article.source.empty()) json["source"] = article.source;
    json["body"] = article.body;
    return json;
}

}  // namespace

std::string writeBundle(const core::Bundle& bundle) {
    Json json;
    json["format"] = {{"name", bundle.format.name},
                      {"version", std::to_string(bundle.format.major) + "." + std::to_string(bundle.format.minor)}};
    json["site"] = siteJson(bundle.site);
    json["categories"] = Json::array();
    for (const core::Category& category : bundle.categories) json["categories"].push_back(categoryJson(category));
    json["articles"] = Json::array();
    for (const core::Article& article : bundle.articles) json["articles"].push_back(articleJson(article));
    return json.dump(2) + "\n";
}

}  // namespace reader::tools::ingest
