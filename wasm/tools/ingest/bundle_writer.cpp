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

// A body text: a string, or (format 1.2) runs when it has links or strong parts: plain parts as
// strings, each marked part as {"text", "href"/"strong"}. `marks`: the article's, from `next` on.
Json textJson(const core::Article& article, size_t text, size_t& next) {
    const std::string& whole = article.body[text];
    while (next < article.marks.size() && article.marks[next].text < text) ++next;
    if (next == article.marks.size() || article.marks[next].text != text) return whole;
    Json runs = Json::array();
    size_t at = 0;
    for (; next < article.marks.size() && article.marks[next].text == text; ++next) {
        const core::InlineMark& mark = article.marks[next];
        if (mark.begin > at) runs.push_back(whole.substr(at, mark.begin - at));
        Json run = {{"text", whole.substr(mark.begin, mark.end - mark.begin)}};
        if (!mark.href.empty()) run["href"] = mark.href;
        if (mark.strong) run["strong"] = true;
        runs.push_back(std::move(run));
        at = mark.end;
    }
    if (at < whole.size()) runs.push_back(whole.substr(at));
    return runs;
}

// A format 1.2 block, its fields in data/README.md's order, its texts back where they came from.
Json blockJson(const core::Article& article, const core::Block& b, size_t& next) {
    static constexpr const char* kTypes[] = {"paragraph", "heading", "figure", "list", "table", "quote", "attachment", "video"};
    size_t t = b.firstText;
    const size_t end = b.firstText + b.textCount;
    const auto texts = [&](size_t count) {
        Json list = Json::array();
        for (size_t i = 0; i < count && t < end; ++i) list.push_back(textJson(article, t++, next));
        return list;
    };
    if (b.kind == core::BlockKind::paragraph) return textJson(article, t, next);
    Json json = {{"type", kTypes[static_cast<size_t>(b.kind)]}};
    switch (b.kind) {
        case core::BlockKind::heading: json["level"] = b.level; json["text"] = textJson(article, t, next); break;
        case core::BlockKind::quote: json["text"] = textJson(article, t, next); break;
        case core::BlockKind::figure:
            json["src"] = b.src;
            json["width"] = b.width;
            json["height"] = b.height;
            json["alt"] = b.alt;
            if (b.hasCaption) json["caption"] = textJson(article, t++, next);
            if (b.hasCredit) json["credit"] = article.body[t];
            break;
        case core::BlockKind::list:
            if (b.ordered) json["ordered"] = true;  // false is the default, left out as other defaults are
            json["items"] = texts(b.textCount);
            break;
        case core::BlockKind::table: {
            if (b.hasCaption) json["caption"] = textJson(article, t++, next);
            json["header"] = texts(b.columns);
            Json rows = Json::array();
            while (t < end) rows.push_back(texts(b.columns));
            json["rows"] = std::move(rows);
            break;
        }
        case core::BlockKind::attachment:
            json["href"] = b.href;
            json["name"] = article.body[t];
            json["mime"] = b.mime;
            json["bytes"] = b.bytes;
            break;
        default:
            json["href"] = b.href;
            if (!b.poster.empty()) json["poster"] = b.poster;
            json["title"] = article.body[t];
            break;
    }
    return json;
}

Json articleJson(const core::Article& article) {
    Json json = {{"id", article.id},
                 {"category", article.categoryId},
                 {"title", article.title},
                 {"published", formatIso(article.published)}};
    if (!article.source.empty()) json["source"] = article.source;
    Json body = Json::array();
    size_t next = 0;  // the first mark not written yet
    for (const core::Block& block : core::bodyBlocks(article)) body.push_back(blockJson(article, block, next));
    json["body"] = std::move(body);
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
