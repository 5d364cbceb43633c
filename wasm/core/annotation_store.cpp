// The annotation store, and annotations as W3C Web Annotation JSON both ways.
#include "annotation_store.h"

#include <algorithm>
#include <unordered_map>

#include "json_reader.h"
#include "json_text.h"
#include "navigation.h"

namespace reader::core {

// [SECTION] The store

const Annotation* AnnotationStore::find(std::string_view id) const {
    for (const Annotation& a : m_annotations) {
        if (a.id == id) return &a;
    }
    return nullptr;
}

const Annotation* AnnotationStore::bookmarkOf(std::string_view source, std::string_view articleId) const {
    for (const Annotation& a : m_annotations) {
        if (a.kind == AnnotationKind::Bookmark && a.source == source && a.articleId == articleId) return &a;
    }
    return nullptr;
}

std::vector<const Annotation*> AnnotationStore::of(std::string_view source) const {
    std::vector<const Annotation*> out;
    for (const Annotation& a : m_annotations) {
        if (a.source == source) out.push_back(&a);
    }
    // ISO times in UTC compare as text; of equal times the later added comes first.
    std::reverse(out.begin(), out.end());
    std::stable_sort(out.begin(), out.end(), [](const Annotation* a, const Annotation* b) { return a->modified > b->modified; });
    return out;
}

bool AnnotationStore::replace(const Annotation& annotation) {
    for (Annotation& a : m_annotations) {
        if (a.id == annotation.id) {
            a = annotation;
            return true;
        }
    }
    return false;
}

bool AnnotationStore::remove(std::string_view id) {
    return std::erase_if(m_annotations, [&](const Annotation& a) { return a.id == id; }) > 0;
}

MergeCount AnnotationStore::merge(std::vector<Annotation> annotations) {
    // Where each id and each passage is stored, so that a large import costs one pass.
    const auto passage = [](const Annotation& a) {
        std::string key = a.source + '\x1f' + a.articleId + '\x1f' + (a.kind == AnnotationKind::Bookmark ? "b" : "h");
        if (a.kind == AnnotationKind::Highlight) {
            key += '\x1f' + std::to_string(a.start) + '\x1f' + std::to_string(a.end) + '\x1f' + a.quote.exact + '\x1f' +
                   a.quote.prefix + '\x1f' + a.quote.suffix;
        }
        return key;
    };
    std::unordered_map<std::string, size_t> byId, byPassage;
    for (size_t i = 0; i < m_annotations.size(); ++i) {
        byId.emplace(m_annotations[i].id, i);
        byPassage.emplace(passage(m_annotations[i]), i);
    }
    MergeCount count;
    for (Annotation& incoming : annotations) {
        const auto id = byId.find(incoming.id);
        if (id != byId.end()) {
            Annotation& stored = m_annotations[id->second];
            if (incoming.modified > stored.modified) {
                stored = std::move(incoming);
                count.updatedAt.push_back(id->second);
                ++count.updated;
            } else {
                ++count.unchanged;
            }
            continue;
        }
        std::string key = passage(incoming);
        if (byPassage.contains(key)) {
            ++count.unchanged;
            continue;
        }
        byId.emplace(incoming.id, m_annotations.size());
        byPassage.emplace(std::move(key), m_annotations.size());
        count.addedAt.push_back(m_annotations.size());
        m_annotations.push_back(std::move(incoming));
        ++count.added;
    }
    return count;
}

std::string AnnotationStore::toJson() const {
    std::string out = "[";
    for (const Annotation& a : m_annotations) out += (out.size() > 1 ? ",\n" : "\n") + annotationJson(a);
    return out + (out.size() > 1 ? "\n]\n" : "]\n");
}

std::string AnnotationStore::toJson(std::string_view source) const {
    std::string out = "[";
    for (const Annotation& a : m_annotations) {
        if (a.source == source) out += (out.size() > 1 ? ",\n" : "\n") + annotationJson(a);
    }
    return out + (out.size() > 1 ? "\n]\n" : "]\n");
}

// [SECTION] Sources

std::string sourceFor(std::string_view bundle, std::string_view articleId) {
    Place place;
    place.view = View::Article;
    place.articleId = std::string(articleId);
    return std::string(bundle) + fragmentFor(place);
}

bool splitSource(std::string_view source, std::string& bundle, std::string& articleId) {
    const size_t hash = source.find("#/article/");
    if (hash == std::string_view::npos) return false;
    const std::optional<Place> place = placeFromFragment(source.substr(hash));
    if (!place || place->view != View::Article) return false;
    bundle = std::string(source.substr(0, hash));
    articleId = place->articleId;
    return true;
}

// [SECTION] Writing

std::string annotationJson(const Annotation& a) {
    const bool highlight = a.kind == AnnotationKind::Highlight;
    std::string out = R"({"@context": "http://www.w3.org/ns/anno.jsonld", "id": )" + jsonString(a.id) +
                      R"(, "type": "Annotation", "motivation": )" + (highlight ? "\"highlighting\"" : "\"bookmarking\"") +
                      ", \"created\": " + jsonString(a.created) + ", \"modified\": " + jsonString(a.modified);
    if (highlight) {
        out += R"(, "body": [{"type": "TextualBody", "purpose": "tagging", "value": )" + jsonString(a.color) + "}";
        if (!a.note.empty()) out += R"(, {"type": "TextualBody", "purpose": "commenting", "value": )" + jsonString(a.note) + "}";
        out += "]";
    }
    out += R"(, "target": {"source": )" + jsonString(sourceFor(a.source, a.articleId));
    if (highlight) {
        out += R"(, "selector": [{"type": "TextQuoteSelector", "exact": )" + jsonString(a.quote.exact) +
               ", \"prefix\": " + jsonString(a.quote.prefix) + ", \"suffix\": " + jsonString(a.quote.suffix) +
               R"(}, {"type": "TextPositionSelector", "start": )" + std::to_string(a.start) +
               ", \"end\": " + std::to_string(a.end) + "}]";
    }
    return out + "}}";
}

// [SECTION] Reading

namespace {

// Reads one annotation's members into `out`, or says what is wrong with it (at the reader's place).
class AnnotationReader {
public:
    AnnotationReader(JsonReader& json, const AnnotationLimits& limits) : m_json(json), m_limits(limits) {}

    std::optional<Error> read(Annotation& out) {
        if (m_json.peek() != JsonKind::object) return at("an annotation must be an object");
        m_json.enterObject();
        std::string type, motivation, source;
        bool hasQuote = false, hasPosition = false;
        while (!m_json.stopped() && !m_error && m_json.nextMember()) {
            const std::string key(m_json.key());
            if (key == "id") text(out.id, 1000);
            else if (key == "type") text(type, 100);
            else if (key == "motivation") text(motivation, 100);
            else if (key == "created") text(out.created, 100);
            else if (key == "modified") text(out.modified, 100);
            else if (key == "body") body(out);
            else if (key == "target") target(out, source, hasQuote, hasPosition);
            else m_json.skipValue();
        }
        if (m_error || m_json.stopped()) return m_error;
        const std::string here = m_json.pointer();
        if (type != "Annotation") return Error{here, 0, 0, "an annotation's \"type\" must be \"Annotation\""};
        if (out.id.empty()) return Error{here, 0, 0, "an annotation needs an \"id\""};
        if (motivation == "highlighting") out.kind = AnnotationKind::Highlight;
        else if (motivation == "bookmarking") out.kind = AnnotationKind::Bookmark;
        else return Error{here, 0, 0, "the motivation must be \"highlighting\" or \"bookmarking\""};
        if (!splitSource(source, out.source, out.articleId)) {
            return Error{here, 0, 0, "the target's source must name an article (…#/article/<id>)"};
        }
        if (out.kind == AnnotationKind::Highlight) {
            if (!hasQuote || out.quote.exact.empty()) return Error{here, 0, 0, "a highlight needs a TextQuoteSelector with an \"exact\" text"};
            if (!hasPosition || out.end < out.start) out.start = out.end = 0;  // found again by its quote
            if (std::find(kHighlightColors.begin(), kHighlightColors.end(), out.color) == kHighlightColors.end()) {
                out.color = std::string(kHighlightColors[0]);
            }
        }
        if (out.modified.empty()) out.modified = out.created;
        return std::nullopt;
    }

private:
    std::optional<Error> at(std::string message) const { return Error{m_json.pointer(), 0, 0, std::move(message)}; }
    void fail(std::string message) {
        if (!m_error) m_error = at(std::move(message));
    }

    void text(std::string& out, size_t limit) {
        if (m_json.peek() != JsonKind::string) return fail("must be a string");
        bool control = false;
        if (m_json.readString(out, control) && out.size() > limit) {
            fail("text of " + std::to_string(out.size()) + " bytes exceeds the limit of " + std::to_string(limit));
        }
    }

    void count(size_t& out) {
        std::string_view literal;
        if (m_json.peek() != JsonKind::number || !m_json.readNumber(literal)) return fail("must be a number");
        const std::optional<uint64_t> value = jsonCount(literal);
        if (!value || *value > (uint64_t{1} << 40)) return fail("must be a count of characters");
        out = static_cast<size_t>(*value);
    }

    // The list of bodies, or one: its purpose says what it holds.
    void body(Annotation& out) {
        const bool list = m_json.peek() == JsonKind::array;
        if (list) m_json.enterArray();
        while (!m_error && !m_json.stopped() && (!list || m_json.nextItem())) {
            if (m_json.peek() != JsonKind::object) {
                m_json.skipValue();
            } else {
                std::string purpose, value;
                m_json.enterObject();
                while (!m_error && m_json.nextMember()) {
                    if (m_json.key() == "purpose") text(purpose, 100);
                    else if (m_json.key() == "value") text(value, m_limits.maxNoteBytes);
                    else m_json.skipValue();
                }
                if (purpose == "tagging") out.color = value;
                else if (purpose == "commenting") out.note = value;
            }
            if (!list) break;
        }
    }

    void target(Annotation& out, std::string& source, bool& hasQuote, bool& hasPosition) {
        if (m_json.peek() != JsonKind::object) return fail("the target must be an object");
        m_json.enterObject();
        while (!m_error && m_json.nextMember()) {
            if (m_json.key() == "source") {
                text(source, 10000);
            } else if (m_json.key() == "selector") {
                const bool list = m_json.peek() == JsonKind::array;
                if (list) m_json.enterArray();
                while (!m_error && !m_json.stopped() && (!list || m_json.nextItem())) {
                    selector(out, hasQuote, hasPosition);
                    if (!list) break;
                }
            } else {
                m_json.skipValue();
            }
        }
    }

    void selector(Annotation& out, bool& hasQuote, bool& hasPosition) {
        if (m_json.peek() != JsonKind::object) return (void)m_json.skipValue();
        m_json.enterObject();
        std::string type;
        TextQuote quote;
        size_t start = 0, end = 0;
        bool hasStart = false, hasEnd = false;
        while (!m_error && m_json.nextMember()) {
            const std::string key(m_json.key());
            if (key == "type") text(type, 100);
            else if (key == "exact") text(quote.exact, m_limits.maxQuoteBytes);
            else if (key == "prefix") text(quote.prefix, m_limits.maxQuoteBytes);
            else if (key == "suffix") text(quote.suffix, m_limits.maxQuoteBytes);
            else if (key == "start") { count(start); hasStart = true; }
            else if (key == "end") { count(end); hasEnd = true; }
            else m_json.skipValue();
        }
        if (type == "TextQuoteSelector") {
            out.quote = quote;
            hasQuote = true;
        } else if (type == "TextPositionSelector" && hasStart && hasEnd) {
            out.start = start;
            out.end = end;
            hasPosition = true;
        }
    }

    JsonReader& m_json;
    const AnnotationLimits& m_limits;
    std::optional<Error> m_error;
};

}  // namespace

std::optional<Error> annotationFileTooLarge(size_t bytes, const AnnotationLimits& limits) {
    if (bytes <= limits.maxFileBytes) return std::nullopt;
    return Error{"", 0, 0, "a file of " + std::to_string(bytes) + " bytes exceeds the limit of " + std::to_string(limits.maxFileBytes) + " bytes"};
}

Result<std::vector<Annotation>> parseAnnotations(std::string_view text, std::string_view site, const AnnotationLimits& limits) {
    if (std::optional<Error> tooLarge = annotationFileTooLarge(text.size(), limits)) return *tooLarge;
    JsonLimits jsonLimits;
    jsonLimits.maxDepth = 16;
    JsonReader json(text, jsonLimits);
    std::vector<Annotation> out;
    const auto stopped = [&]() -> Error {
        return json.syntaxFailed() ? jsonSyntaxError(text) : json.stopError().value_or(Error{"", 0, 0, "not JSON"});
    };
    if (json.peek() != JsonKind::array) {
        if (json.stopped()) return stopped();
        return Error{"", 0, 0, "annotations must be a JSON array, not " + std::string(jsonKindName(json.peek()))};
    }
    json.enterArray();
    while (json.nextItem()) {
        if (out.size() == limits.maxAnnotations) {
            json.stopForCount("annotation", limits.maxAnnotations);
            break;
        }
        Annotation annotation;
        const std::optional<Error> error = AnnotationReader(json, limits).read(annotation);
        if (json.stopped()) break;  // a syntax error or a limit: said below
        if (error) return *error;
        if (!site.empty() && siteOf(annotation.source) != site) {
            return Error{json.pointer(), 0, 0, "annotations of " + siteOf(annotation.source) + ", not of " + std::string(site)};
        }
        out.push_back(std::move(annotation));
    }
    if (!json.stopped()) json.finish();
    if (json.stopped()) return stopped();
    return out;
}

}  // namespace reader::core
