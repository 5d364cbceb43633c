// The reader's annotations: changed, saved, told.
#include "annotation_keeper.h"

#include <chrono>

#include "core/annotation_export.h"
#include "core/logger.h"

namespace reader::ui {

AnnotationKeeper::AnnotationKeeper(const Ports& ports) : m_ports(ports) {
    if (!m_ports.loadAnnotations) return;
    const std::string text = m_ports.loadAnnotations();
    if (text.empty()) return;
    // What this reader wrote itself: any site's (the store holds every bundle's of this site).
    auto stored = core::parseAnnotations(text, "");
    if (!stored) {
        core::logf(core::LogLevel::Warn, "stored annotations not read: %s", stored.error().describe().c_str());
        return;
    }
    m_store.merge(std::move(*stored));
}

void AnnotationKeeper::setSource(std::string source, std::string linkBase) {
    m_source = std::move(source);
    m_linkBase = std::move(linkBase);
    ++m_generation;
}

std::string AnnotationKeeper::now() {
    const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch());
    return core::isoTime(seconds.count());
}

std::string AnnotationKeeper::highlight(const core::Article& article, size_t start, size_t end, std::string_view color) {
    core::Annotation a;
    a.id = core::newAnnotationId();
    a.source = m_source;
    a.articleId = article.id;
    a.color = std::string(color);
    a.created = a.modified = now();
    core::describeRange(core::articleText(article), start, end, a);
    m_store.add(a);
    changed(a, "highlight", "added");
    return a.id;
}

void AnnotationKeeper::setColor(const std::string& id, std::string_view color) {
    const core::Annotation* found = m_store.find(id);
    if (!found || found->color == color) return;
    core::Annotation a = *found;
    a.color = std::string(color);
    a.modified = now();
    m_store.replace(a);
    changed(a, "highlight", "changed");
}

void AnnotationKeeper::setNote(const std::string& id, std::string note) {
    const core::Annotation* found = m_store.find(id);
    if (!found || found->note == note) return;
    core::Annotation a = *found;
    const char* action = a.note.empty() ? "added" : note.empty() ? "removed" : "changed";
    a.note = std::move(note);
    a.modified = now();
    m_store.replace(a);
    changed(a, "note", action);
}

void AnnotationKeeper::remove(const std::string& id) {
    const core::Annotation* found = m_store.find(id);
    if (!found) return;
    const core::Annotation a = *found;
    m_store.remove(id);
    changed(a, a.kind == core::AnnotationKind::Bookmark ? "bookmark" : "highlight", "removed");
}

void AnnotationKeeper::toggleBookmark(const std::string& articleId) {
    if (const core::Annotation* found = m_store.bookmarkOf(m_source, articleId)) return remove(found->id);
    core::Annotation a;
    a.id = core::newAnnotationId();
    a.kind = core::AnnotationKind::Bookmark;
    a.source = m_source;
    a.articleId = articleId;
    a.created = a.modified = now();
    m_store.add(a);
    changed(a, "bookmark", "added");
}

core::Result<core::MergeCount> AnnotationKeeper::import(std::string_view json, size_t fileBytes) {
    if (std::optional<core::Error> tooLarge = core::annotationFileTooLarge(fileBytes)) return *tooLarge;
    auto read = core::parseAnnotations(json, core::siteOf(m_source));
    if (!read) return read.error();
    const core::MergeCount count = m_store.merge(std::move(*read));
    for (const auto& [at, action] : {std::pair{&count.addedAt, "added"}, std::pair{&count.updatedAt, "changed"}}) {
        for (const size_t i : *at) {
            const core::Annotation& a = m_store.all()[i];
            tell(a, a.kind == core::AnnotationKind::Bookmark ? "bookmark" : "highlight", action);
        }
    }
    if (count.added + count.updated > 0) save();
    return count;
}

std::string AnnotationKeeper::exportMarkdown(const core::Bundle& bundle) const {
    return core::annotationsMarkdown(m_store.of(m_source), bundle, m_linkBase);
}

std::string AnnotationKeeper::exportCsv(const core::Bundle& bundle) const {
    return core::annotationsCsv(m_store.of(m_source), bundle, m_linkBase);
}

void AnnotationKeeper::changed(const core::Annotation& annotation, const char* event, const char* action) {
    tell(annotation, event, action);
    save();
}

void AnnotationKeeper::tell(const core::Annotation& annotation, const char* event, const char* action) {
    if (m_ports.annotationChanged) m_ports.annotationChanged(event, action, core::annotationJson(annotation));
}

void AnnotationKeeper::save() {
    ++m_generation;
    if (m_ports.saveAnnotations) m_ports.saveAnnotations(m_store.toJson());
}

}  // namespace reader::ui
