// The view's content as JSON for the page's DOM mirror (view_content.h), from the reader's ViewState.
#include "view_content.h"

#include <cstdio>
#include <vector>

#include "core/annotations.h"
#include "core/block_layout.h"
#include "core/calendar.h"
#include "core/grapheme_clusters.h"
#include "core/navigation.h"
#include "core/settings.h"
#include "core/ruby_parser.h"
#include "core/text_layout.h"
#include "core/ui_strings.h"
#include "core/json_text.h"
#include "ui/reader_app.h"
#include "ui/text_drawing.h"
#include "ui/view_state.h"

namespace reader::web {

namespace {

using core::jsonString;
using core::jsonStringOrNull;

// Links listed at most in a list or search view; the rest is counted in "more". A list of 100k
// articles would otherwise put 100k links in the page.
constexpr size_t kMaxItems = 500;

// 2023-08-17T22:10:37+08:00, for <time datetime>.
std::string isoDateTime(const core::DateTime& t) {
    const int offset = t.offsetMinutes < 0 ? -t.offsetMinutes : t.offsetMinutes;
    char text[40];
    std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", t.year, t.month, t.day, t.hour, t.minute, t.second,
                  t.offsetMinutes < 0 ? '-' : '+', offset / 60, offset % 60);
    return text;
}

std::string field(const char* name, const std::string& json) { return std::string(",\"") + name + "\":" + json; }

std::string link(const std::string& label, const core::Place& place) {
    return "{\"label\":" + jsonString(label) + ",\"href\":" + jsonString(core::fragmentFor(place)) + "}";
}

// Writes bundle text as the canvas shows it: in the script the reader chose (`converter`), with
// the reader's own words in its UI language (`strings`), lines of chrome in its pinyin mode.
struct MirrorWriter {
    const core::ScriptConverter* converter;
    const core::UiStrings& strings;
    core::RubyMode rubyMode;

    // Capped as the canvas caps it (core/grapheme_clusters.h): a letter with half a million combining
    // marks crashed Chromium once the mirror put it in the page.
    std::string shown(std::string_view text) const { return core::capClusters(core::inScript(converter, text)); }
    // A line of chrome (names, links, headings) as the canvas draws it in the reader's pinyin mode.
    std::string chrome(std::string_view text) const { return shown(core::chromeText(text, rubyMode)); }

    // Text with inline pinyin as runs: "plain text" or ["base", "reading"] for a ruby unit. With the
    // readings hidden the mirror has the bare text, as the canvas shows it; find-in-page then also
    // matches words across annotated characters, which Chromium's find does not do over <rt>
    // (docs/accessibility.md).
    std::string runsJson(std::string_view original, core::RubyMode mode) const {
        const std::string text = shown(original);
        if (mode == core::RubyMode::Hidden) return "[" + jsonString(core::RubyParser::strip(text)) + "]";
        std::string out = "[";
        for (const core::RubyRun& run : core::RubyParser::parse(text)) {
            if (out.size() > 1) out += ",";
            out += run.reading.empty() ? jsonString(run.base) : "[" + jsonString(run.base) + "," + jsonString(run.reading) + "]";
        }
        return out + "]";
    }

    // A body text whose parts are links or strong (format 1.2, core::InlineMark): each marked part
    // as {"href", "strong", "runs"}, the rest as runsJson() gives it, parts cut where the bundle's
    // runs were joined. `marks`: this text's, in order.
    std::string markedRunsJson(std::string_view original, const std::vector<const core::InlineMark*>& marks, core::RubyMode mode) const {
        if (marks.empty()) return runsJson(original, mode);
        std::string out = "[";
        size_t at = 0;
        const auto plainPart = [&](size_t end) {
            if (end <= at) return;
            const std::string part = runsJson(original.substr(at, end - at), mode);
            if (part.size() > 2) out += (out.size() > 1 ? "," : "") + part.substr(1, part.size() - 2);
        };
        for (const core::InlineMark* mark : marks) {
            if (mark->begin < at || mark->end > original.size()) continue;
            plainPart(mark->begin);
            out += (out.size() > 1 ? "," : "") + std::string("{\"href\":") + jsonStringOrNull(mark->href) +
                   field("strong", mark->strong ? "true" : "false") +
                   field("runs", runsJson(original.substr(mark->begin, mark->end - mark->begin), mode)) + "}";
            at = mark->end;
        }
        plainPart(original.size());
        return out + "]";
    }

    // A format 1.2 block for the mirror: its type and texts (body texts [first, first + count), in
    // `paragraphs`), and what the mirror's HTML needs besides (mirror.js: blockNodes).
    std::string blockJson(const core::Block& b) const {
        static constexpr const char* kTypes[] = {"paragraph", "heading", "figure", "list", "table", "quote", "attachment", "video"};
        std::string out = "{\"type\":" + jsonString(kTypes[static_cast<size_t>(b.kind)]) + field("first", std::to_string(b.firstText)) +
                          field("count", std::to_string(b.textCount));
        switch (b.kind) {
            case core::BlockKind::heading: return out + field("level", std::to_string(b.level)) + "}";
            case core::BlockKind::list: return out + field("ordered", b.ordered ? "true" : "false") + "}";
            case core::BlockKind::table:
                return out + field("columns", std::to_string(b.columns)) + field("caption", b.hasCaption ? "true" : "false") + "}";
            case core::BlockKind::figure:
                return out + field("src", jsonString(b.src)) + field("alt", jsonString(chrome(b.alt))) + field("width", std::to_string(b.width)) +
                       field("height", std::to_string(b.height)) + field("caption", b.hasCaption ? "true" : "false") +
                       field("credit", b.hasCredit ? "true" : "false") + "}";
            case core::BlockKind::attachment:
                return out + field("href", jsonString(b.href)) + field("mime", jsonString(b.mime)) +
                       field("label", jsonString(core::attachmentLabel("", b.mime, b.bytes))) + "}";
            case core::BlockKind::video: return out + field("href", jsonString(b.href)) + "}";
            default: return out + "}";
        }
    }

    // The same lines as the footer the canvas draws (chrome_views.cpp).
    std::string footerJson(const core::Site& site) const {
        std::vector<std::string> lines;
        if (!site.copyrightHolder.empty()) lines.push_back(chrome(site.copyrightHolder) + " " + std::string(strings.copyright));
        if (!site.address.empty()) lines.push_back(std::string(strings.address) + chrome(site.address));
        if (site.visitorCount) {
            lines.push_back(std::string(strings.visitorBefore) + std::to_string(*site.visitorCount) + std::string(strings.visitorAfter));
        }
        std::string out = "[";
        for (const std::string& line : lines) out += (out.size() > 1 ? "," : "") + jsonString(line);
        return out + "]";
    }

    std::string siteJson(const core::Site& site) const {
        std::string hotlines = "[";
        for (const core::Hotline& line : site.hotlines) {
            if (hotlines.size() > 1) hotlines += ",";
            const std::string label = line.label.empty() ? std::string(strings.hotlines) : chrome(line.label);
            hotlines += "{\"label\":" + jsonString(label) + ",\"number\":" + jsonString(line.number) + "}";
        }
        return "{\"name\":" + jsonString(chrome(site.name)) + field("hotlines", hotlines + "]") + field("footer", footerJson(site)) + "}";
    }

    // The search's filters as the canvas shows them: groups (分類, 年份, 月份) of choices, each a
    // link to the same search with that choice, its count, and whether it is the current one.
    std::string filtersJson(const core::Bundle& bundle, const core::Place& place, const core::FacetCounts& counts) const {
        if (counts.categories.size() != bundle.categories.size()) return "[]";
        const auto choice = [&](const std::string& label, size_t count, bool current, core::Place to) {
            to.view = core::View::Search;
            to.query = place.query;
            if (to.year == 0) to.month = 0;
            return "{\"label\":" + jsonString(label) + field("href", jsonString(core::fragmentFor(to))) +
                   field("count", count ? std::to_string(count) : "null") + field("current", current ? "true" : "false") + "}";
        };
        const auto group = [&](std::string_view label, const std::vector<std::string>& choices) {
            std::string list;
            for (const std::string& c : choices) list += (list.empty() ? "" : ",") + c;
            return "{\"label\":" + jsonString(label) + field("choices", "[" + list + "]") + "}";
        };
        const std::string all(strings.filters[3]);
        std::vector<std::string> categories{choice(all, 0, place.categoryId.empty(), {core::View::Search, "", "", "", place.year, place.month})};
        for (size_t i = 0; i < bundle.categories.size(); ++i) {
            const bool current = bundle.categories[i].id == place.categoryId;
            if (counts.categories[i] == 0 && !current) continue;
            const size_t parent = bundle.categoryParent[i];
            const std::string name = (parent == core::Bundle::kNoParent ? "" : chrome(bundle.categories[parent].name) + " › ") +
                                     chrome(bundle.categories[i].name);
            categories.push_back(choice(name, counts.categories[i], current,
                                        {core::View::Search, bundle.categories[i].id, "", "", place.year, place.month}));
        }
        std::vector<std::string> years{choice(all, 0, place.year == 0, {core::View::Search, place.categoryId, "", "", 0, 0})};
        for (const auto& [year, count] : counts.years) {
            years.push_back(choice(std::to_string(year), count, year == place.year, {core::View::Search, place.categoryId, "", "", year, 0}));
        }
        std::string out = "[" + group(strings.filters[0], categories) + "," + group(strings.filters[1], years);
        if (place.year > 0) {
            std::vector<std::string> months{choice(all, 0, place.month == 0, {core::View::Search, place.categoryId, "", "", place.year, 0})};
            for (const auto& [month, count] : counts.months) {
                months.push_back(choice(std::string(strings.months[static_cast<size_t>(month - 1)]), count, month == place.month,
                                        {core::View::Search, place.categoryId, "", "", place.year, month}));
            }
            out += "," + group(strings.filters[2], months);
        }
        return out + "]";
    }

    std::string labelsJson() const {
        const core::UiStrings& s = strings;
        return "{\"home\":" + jsonString(s.home) + field("published", jsonString(s.published)) + field("source", jsonString(s.source)) +
               field("categories", jsonString(s.categories)) + field("breadcrumb", jsonString(s.breadcrumb)) +
               field("search", jsonString(s.searchHint)) + field("searchResults", jsonString(s.searchResults)) +
               field("noResults", jsonString(s.noResults)) + field("emptyCategory", jsonString(s.emptyCategory)) +
               field("note", jsonString(std::string(s.note) + "：")) + "}";
    }

    std::string categoriesJson(const core::Bundle& bundle) const {
        std::string out = "[";
        for (const core::Category& c : bundle.categories) {
            if (out.size() > 1) out += ",";
            out += "{\"id\":" + jsonString(c.id) + field("parentId", jsonStringOrNull(c.parentId)) + field("name", jsonString(chrome(c.name))) +
                   field("href", jsonString(core::fragmentFor(core::Place{core::View::List, c.id, "", ""}))) + "}";
        }
        return out + "]";
    }

    // A link's label: its title as far as one line of the canvas's list can show it (a title of a
    // megabyte would otherwise go into the page whole, twenty of them into one list).
    std::string lineLabel(std::string_view text) const {
        const std::string_view line = ui::oneLinePrefix(text);
        return chrome(line) + (line.size() < text.size() ? "…" : "");
    }

    // An article's item; `more`: further fields (",\"name\":value..."), a search result's excerpt.
    std::string itemJson(const core::Article& a, const std::string& more = "") const {
        return "{\"id\":" + jsonString(a.id) + field("title", jsonString(lineLabel(a.title))) +
               field("href", jsonString(core::fragmentFor(core::Place{core::View::Article, "", a.id, ""}))) +
               field("published", jsonString(core::formatPublished(a.published))) +
               field("datetime", jsonString(isoDateTime(a.published))) + more + "}";
    }

    // Why a search result matched: where, and its excerpt with the hit apart; then its sub-results
    // (more matches in other paragraphs, each under its heading if it has one).
    std::string excerptFields(const ui::SearchExcerpt& e) const {
        std::string out = field("role", jsonString(std::string(e.role))) + field("before", jsonString(core::capClusters(e.before))) +
                          field("hit", jsonString(core::capClusters(e.hit))) + field("after", jsonString(core::capClusters(e.after)));
        if (e.subResults.empty()) return out;
        std::string subs = "[";
        for (const ui::SearchExcerpt& sub : e.subResults) {
            subs += (subs.size() > 1 ? ",{" : "{") + std::string("\"heading\":") + jsonString(core::capClusters(sub.heading)) +
                    excerptFields(sub) + "}";
        }
        return out + field("subResults", subs + "]");
    }

    // `excerpts`, when given, go with the first articles (a search's results).
    std::string itemsJson(const std::vector<const core::Article*>& articles, const std::vector<ui::SearchExcerpt>& excerpts = {}) const {
        std::string out = "[";
        for (size_t i = 0; i < articles.size() && i < kMaxItems; ++i) {
            out += (i ? "," : "") + itemJson(*articles[i], i < excerpts.size() ? excerptFields(excerpts[i]) : "");
        }
        out += "]";
        return out + field("more", std::to_string(articles.size() > kMaxItems ? articles.size() - kMaxItems : 0));
    }

    std::string articleJson(const core::Article& a, core::RubyMode mode) const {
        std::string paragraphs = "[";
        std::vector<std::vector<const core::InlineMark*>> marks(a.body.size());
        for (const core::InlineMark& mark : a.marks) {
            if (mark.text < marks.size()) marks[mark.text].push_back(&mark);
        }
        for (size_t i = 0; i < a.body.size(); ++i) paragraphs += (paragraphs.size() > 1 ? "," : "") + markedRunsJson(a.body[i], marks[i], mode);
        std::string blocks;  // only for a body with blocks: a 1.0 or 1.1 article's mirror is as it was
        for (const core::Block& b : a.blocks) blocks += (blocks.empty() ? "[" : ",") + blockJson(b);
        return "{\"id\":" + jsonString(a.id) + field("title", runsJson(a.title, mode)) + field("published", jsonString(core::formatPublished(a.published))) +
               field("datetime", jsonString(isoDateTime(a.published))) + field("source", runsJson(a.source, mode)) +
               field("paragraphs", paragraphs + "]") + (blocks.empty() ? "" : field("blocks", blocks + "]")) + "}";
    }
};

}  // namespace

namespace {

// The article's highlights found in its text as it is now, each part in one body text: its base
// text's code points [begin, end) (readings not counted), its colour and note. The mirror marks them.
std::string highlightsJson(const ui::AnnotationKeeper& annotations, const core::Article& article) {
    std::string out = "[";
    const core::ArticleText text = core::articleText(article);
    for (const core::Annotation* a : annotations.store().of(annotations.source())) {
        if (a->articleId != article.id || a->kind != core::AnnotationKind::Highlight) continue;
        const auto range = core::anchor(text, *a);
        if (!range) continue;
        const std::vector<core::TextSpan> spans = core::spansOf(text, range->start, range->end);
        for (size_t i = 0; i < spans.size(); ++i) {
            out += (out.size() > 1 ? "," : "") + std::string("{\"paragraph\":") + std::to_string(spans[i].paragraph) +
                   field("begin", std::to_string(spans[i].begin)) + field("end", std::to_string(spans[i].end)) +
                   field("color", jsonString(a->color)) + field("note", jsonString(i + 1 == spans.size() ? a->note : "")) + "}";
        }
    }
    return out + "]";
}

}  // namespace

std::string viewContentKey(const ui::ReaderApp& app) {
    const ui::ViewState state = ui::viewStateOf(app);
    std::string key = std::to_string(state.generation);
    key += '\x1f';
    key += core::fragmentFor(state.place);
    key += '\x1f';
    key += std::to_string(static_cast<int>(state.searchOrder));
    key += core::rubyModeName(state.settings.rubyMode);
    key += state.uiLocale;
    key += state.converted ? state.contentLanguage : "";  // a script, once its table is there
    key += '\x1f';
    key += state.loading ? "loading" : "";
    key += '\x1f';
    // A split bundle's body arriving, or the search index becoming ready, changes what is shown.
    key += state.bodyPending ? "pending" : "";
    key += state.indexing ? "indexing" : "";
    key += std::to_string(app.splitSearch().shardsLoaded());  // a split index's shards: more results
    key += '\x1f';
    key += std::to_string(app.annotations().generation());  // a highlight or note added, changed, removed
    key += '\x1f';
    return key + state.error;
}

std::string viewContentJson(ui::ReaderApp& app) {
    const ui::ViewState state = ui::viewStateOf(app);
    const core::Bundle* bundle = app.bundle();
    const MirrorWriter writer{app.converter(), core::uiStringsFor(state.uiLocale), state.settings.rubyMode};
    const core::UiStrings& strings = writer.strings;
    const core::Place& place = state.place;
    std::string out = "{\"lang\":" + jsonString(bundle ? state.contentLanguage : "");
    std::string message = state.error;
    if (!message.empty() && bundle) message += "\n" + std::string(strings.keptPrevious);
    if (message.empty() && (state.loading || !bundle)) message = strings.loading;
    if (!bundle) {
        out += field("view", state.error.empty() ? "\"loading\"" : "\"error\"");
        return out + field("message", jsonString(message)) + "}";
    }
    const core::Article* article = state.article;
    const core::View shownView = article ? core::View::Article : place.view == core::View::Search ? core::View::Search : core::View::List;
    out += field("view", jsonString(ui::viewName(shownView)));
    out += field("message", jsonStringOrNull(message));
    out += field("site", writer.siteJson(bundle->site));
    out += field("labels", writer.labelsJson());
    out += field("categories", writer.categoriesJson(*bundle));

    // The breadcrumb, as the canvas draws it: home, the category's path, the article.
    std::string crumbs = "[" + link(std::string(strings.home), core::Place{});
    for (const core::Category* c : core::categoryPath(*bundle, state.categoryId)) {
        crumbs += "," + link(writer.chrome(c->name), core::Place{core::View::List, c->id, "", ""});
    }
    if (article) crumbs += "," + link(writer.chrome(article->title), place);
    out += field("crumbs", crumbs + "]");

    if (article) {
        return out + field("article", writer.articleJson(*article, state.settings.rubyMode)) +
               field("highlights", highlightsJson(app.annotations(), *article)) + "}";
    }
    if (place.view == core::View::Search) {
        std::vector<const core::Article*> found;
        for (const std::string& id : app.listedResults(place)) found.push_back(bundle->findArticle(id));
        return out + field("heading", jsonString(strings.searchResults)) + field("query", jsonString(place.query)) +
               field("filters", writer.filtersJson(*bundle, place, app.searchFacets(place))) +
               field("items", writer.itemsJson(found, app.searchExcerpts(place, kMaxItems))) + "}";
    }
    // The list's heading as the canvas draws it (list_view.cpp): the category, or 首頁 at the top.
    const core::Category* category = bundle->findCategory(place.categoryId);
    const std::string heading = category ? writer.chrome(category->name) : std::string(strings.home);
    return out + field("heading", jsonString(heading)) + field("items", writer.itemsJson(core::articlesIn(*bundle, place.categoryId))) + "}";
}

}  // namespace reader::web
