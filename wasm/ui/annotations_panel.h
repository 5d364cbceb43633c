// AnnotationsPanel: the reader's highlights, notes and bookmarks on this bundle, by article (the
// article of the newest first), each opening its place; highlights whose text is gone after a
// bundle update listed as orphans with their quotes; export as Markdown, JSON or CSV, and import.
// A window over the content's right side, opened from the breadcrumb line's 標注 button.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "annotation_keeper.h"
#include "view_context.h"

namespace reader::ui {

class AnnotationsPanel {
public:
    bool isOpen() const { return m_open; }
    void toggle() { m_open = !m_open; }
    void close() { m_open = false; }
    // What the reader was told last (an export's file, an import's counts or error).
    void tell(std::string message) { m_message = std::move(message); }

    // The place a row asks to open: an article, and the body text a highlight is in.
    struct Open {
        std::string articleId;
        std::optional<size_t> paragraph;
    };
    struct Result {
        std::optional<Open> open;
        std::optional<std::string> exportFormat;  // "md", "json" or "csv"
        bool import = false;
        std::optional<std::string> remove;  // an annotation's id: removed after the panel is drawn
    };
    // `top`: the screen y its window starts at (the content's top, below the top bar).
    Result draw(ViewContext& ctx, bool canImport, float top);

private:
    struct Row {
        const core::Annotation* annotation;
        std::optional<size_t> paragraph;  // where its highlight is now; none: an orphan
    };
    void placeRows(const ViewContext& ctx);
    void drawRow(ViewContext& ctx, const Row& row, Result& result);

    bool m_open = false;
    std::string m_message;
    std::vector<std::string> m_articles;  // in the order shown
    std::vector<Row> m_rows;              // newest first
    uint64_t m_generation = UINT64_MAX;
    const core::Bundle* m_bundle = nullptr;
};

}  // namespace reader::ui
