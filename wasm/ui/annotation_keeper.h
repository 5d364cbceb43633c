// AnnotationKeeper: the reader's highlights, notes and bookmarks (core/annotation_store.h) as the
// app changes them: each change is saved through the ports and told to the embedding page. The
// bundle open decides which annotations are shown (its address, setSource).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/annotation_store.h"
#include "core/bundle.h"
#include "core/error.h"
#include "ports.h"

namespace reader::ui {

class AnnotationKeeper {
public:
    // Reads what is stored; the ports must outlive this (ReaderApp owns both).
    explicit AnnotationKeeper(const Ports& ports);

    // The open bundle's address (what its annotations' sources are) and the address deep links
    // start with (the page's, without its fragment).
    void setSource(std::string source, std::string linkBase);
    const std::string& source() const { return m_source; }
    const std::string& linkBase() const { return m_linkBase; }
    const core::AnnotationStore& store() const { return m_store; }
    // Changes with every change to the store: views keep what they computed from it until then.
    uint64_t generation() const { return m_generation; }

    // A new highlight of the base text's [start, end) in `article`; returns its id.
    std::string highlight(const core::Article& article, size_t start, size_t end, std::string_view color);
    void setColor(const std::string& id, std::string_view color);
    void setNote(const std::string& id, std::string note);
    void remove(const std::string& id);
    bool bookmarked(const std::string& articleId) const { return m_store.bookmarkOf(m_source, articleId) != nullptr; }
    void toggleBookmark(const std::string& articleId);

    // Merges annotations of this site read from `json` (AnnotationStore's text); nothing stored is
    // lost, whatever the file holds. `fileBytes`: the size of a file not read because it is too large.
    core::Result<core::MergeCount> import(std::string_view json, size_t fileBytes = 0);
    // This bundle's annotations as JSON (what import reads), Markdown or CSV.
    std::string exportJson() const { return m_store.toJson(m_source); }
    std::string exportMarkdown(const core::Bundle& bundle) const;
    std::string exportCsv(const core::Bundle& bundle) const;

private:
    // Tells the page and saves; tell() only tells, save() only saves (an import tells each, saves once).
    void changed(const core::Annotation& annotation, const char* event, const char* action);
    void tell(const core::Annotation& annotation, const char* event, const char* action);
    void save();
    static std::string now();

    const Ports& m_ports;
    core::AnnotationStore m_store;
    std::string m_source, m_linkBase;
    uint64_t m_generation = 0;
};

}  // namespace reader::ui
