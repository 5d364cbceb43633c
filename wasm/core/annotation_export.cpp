// Annotations as Markdown and CSV.
#include "annotation_export.h"

#include <algorithm>

#include "calendar.h"
#include "navigation.h"
#include "ruby_parser.h"

namespace reader::core {

namespace {

std::string deepLink(std::string_view linkBase, std::string_view articleId) {
    Place place;
    place.view = View::Article;
    place.articleId = std::string(articleId);
    return std::string(linkBase) + fragmentFor(place);
}

const Article* articleOf(const Bundle& bundle, const std::string& id) {
    const auto found = bundle.articleIndex.find(id);
    return found == bundle.articleIndex.end() ? nullptr : &bundle.articles[found->second];
}

// Markdown's quote: every line behind "> ".
std::string quoted(std::string_view text) {
    std::string out = "> ";
    for (const char c : text) {
        out += c;
        if (c == '\n') out += "> ";
    }
    return out;
}

// A CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break; a leading = + - @
// is kept from spreadsheets' formulas by a leading apostrophe inside the quotes.
std::string csvField(std::string_view text) {
    std::string out = "\"";
    if (!text.empty() && std::string_view("=+-@").find(text.front()) != std::string_view::npos) out += '\'';
    for (const char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

const char* kindName(AnnotationKind kind) { return kind == AnnotationKind::Bookmark ? "bookmark" : "highlight"; }

}  // namespace

std::string annotationsMarkdown(const std::vector<const Annotation*>& annotations, const Bundle& bundle, std::string_view linkBase) {
    // Articles in the order of their newest annotation; within each, newest first.
    std::vector<std::string> order;
    for (const Annotation* a : annotations) {
        if (std::find(order.begin(), order.end(), a->articleId) == order.end()) order.push_back(a->articleId);
    }
    std::string out;
    for (const std::string& id : order) {
        const Article* article = articleOf(bundle, id);
        const std::string title = article ? RubyParser::strip(article->title) : id;
        out += "## [" + title + "](" + deepLink(linkBase, id) + ")\n\n";
        if (article) out += formatPublished(article->published) + "\n\n";
        for (const Annotation* a : annotations) {
            if (a->articleId != id) continue;
            if (a->kind == AnnotationKind::Bookmark) {
                out += "- Bookmarked " + a->created + "\n\n";
                continue;
            }
            out += quoted(a->quote.exact) + "\n\n";
            if (!a->note.empty()) out += a->note + "\n\n";
            out += "*" + a->color + ", " + a->modified + "*\n\n";
        }
    }
    return out;
}

std::string annotationsCsv(const std::vector<const Annotation*>& annotations, const Bundle& bundle, std::string_view linkBase) {
    std::string out = "kind,article,title,quote,note,color,created,modified,link\r\n";
    for (const Annotation* a : annotations) {
        const Article* article = articleOf(bundle, a->articleId);
        const std::string title = article ? RubyParser::strip(article->title) : "";
        for (const std::string_view field : {std::string_view(kindName(a->kind)), std::string_view(a->articleId), std::string_view(title),
                                             std::string_view(a->quote.exact), std::string_view(a->note), std::string_view(a->color),
                                             std::string_view(a->created), std::string_view(a->modified)}) {
            out += csvField(field) + ",";
        }
        out += csvField(deepLink(linkBase, a->articleId)) + "\r\n";
    }
    return out;
}

std::string quoteWithLink(std::string_view quote, const Article& article, std::string_view linkBase) {
    return "「" + std::string(quote) + "」\n——" + RubyParser::strip(article.title) + " " + deepLink(linkBase, article.id);
}

}  // namespace reader::core
