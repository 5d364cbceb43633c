// AnnotationStore: every annotation the reader keeps on this site (web: the origin's IndexedDB;
// desktop: a file in the config folder), of any bundle; views show those of the bundle open
// (Annotation::source). As text it is a JSON array of W3C Web Annotations, which is also what
// "export JSON" writes and "import" reads back:
//
//   {"@context": "http://www.w3.org/ns/anno.jsonld", "id": "urn:uuid:…", "type": "Annotation",
//    "motivation": "highlighting", "created": "…", "modified": "…",
//    "body": [{"type": "TextualBody", "purpose": "tagging", "value": "yellow"},
//             {"type": "TextualBody", "purpose": "commenting", "value": "the note"}],
//    "target": {"source": "https://news.example/bundle.json#/article/a1",
//               "selector": [{"type": "TextQuoteSelector", "exact": …, "prefix": …, "suffix": …},
//                            {"type": "TextPositionSelector", "start": 12, "end": 20}]}}
//
// A bookmark has the motivation "bookmarking", no body and no selector.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "annotations.h"
#include "error.h"

namespace reader::core {

struct AnnotationLimits {
    size_t maxFileBytes = size_t{10} << 20;  // an imported (or stored) file
    size_t maxAnnotations = 100'000;
    size_t maxNoteBytes = 64 * 1024;
    size_t maxQuoteBytes = 64 * 1024;  // exact, prefix and suffix each
};

// What merging a file did.
struct MergeCount {
    size_t added = 0;
    size_t updated = 0;    // an id already stored, newer in the file
    size_t unchanged = 0;  // an id already stored, not newer; or the same passage highlighted again
    std::vector<size_t> addedAt, updatedAt;  // where those are in all()
};

class AnnotationStore {
public:
    const std::vector<Annotation>& all() const { return m_annotations; }  // oldest first
    const Annotation* find(std::string_view id) const;
    const Annotation* bookmarkOf(std::string_view source, std::string_view articleId) const;
    // Those of one bundle, newest (last modified) first.
    std::vector<const Annotation*> of(std::string_view source) const;

    void add(Annotation annotation) { m_annotations.push_back(std::move(annotation)); }
    bool replace(const Annotation& annotation);  // by id; false when not stored
    bool remove(std::string_view id);

    // Adds what is new; an id already stored takes the file's version when that was modified later.
    // A highlight of the same passage (source, article, position and quote) as one stored is the
    // same highlight under another id (made on another device): it is not added twice.
    MergeCount merge(std::vector<Annotation> annotations);

    std::string toJson() const;
    std::string toJson(std::string_view source) const;  // those of one bundle

private:
    std::vector<Annotation> m_annotations;
};

// One annotation as W3C JSON (what events hand the embedding page).
std::string annotationJson(const Annotation& annotation);

// Reads annotations as toJson() writes them. `site`, when not empty, is the only site (siteOf)
// their sources may have: a file of another site is refused. Errors say where (line and column,
// or JSON Pointer) and what; nothing is read from a file with an error.
Result<std::vector<Annotation>> parseAnnotations(std::string_view text, std::string_view site,
                                                 const AnnotationLimits& limits = {});

// The error for a file of `bytes` over the limit (what parseAnnotations says of it), so that a file
// too large is refused before it is read.
std::optional<Error> annotationFileTooLarge(size_t bytes, const AnnotationLimits& limits = {});

// The article a source points at ("…#/article/<id>") and the bundle part before it.
std::string sourceFor(std::string_view bundle, std::string_view articleId);
bool splitSource(std::string_view source, std::string& bundle, std::string& articleId);

}  // namespace reader::core
