// ReaderApp's share of annotations: the panel's requests (open a place, export, import) carried out.
#include "reader_app.h"

#include "core/annotation_export.h"

namespace reader::ui {

namespace {

struct ExportFormat {
    std::string_view name, file, mime;
};
constexpr ExportFormat kExportFormats[] = {
    {"md", "annotations.md", "text/markdown"},
    {"json", "annotations.json", "application/json"},
    {"csv", "annotations.csv", "text/csv"},
};

}  // namespace

core::Result<core::MergeCount> ReaderApp::importAnnotations(std::string_view json, size_t fileBytes) {
    auto merged = m_annotations.import(json, fileBytes);
    const core::UiStrings& strings = core::uiStringsFor(uiLocale());
    if (!merged) {
        m_annotationsPanel.tell(std::string(strings.importFailed) + merged.error().describe());
    } else {
        m_annotationsPanel.tell(std::string(strings.imported) + std::to_string(merged->added) + " / " +
                                std::to_string(merged->added + merged->updated + merged->unchanged));
    }
    return merged;
}

std::string ReaderApp::exportAnnotations(std::string_view format) const {
    if (format == "json") return m_annotations.exportJson();
    if (!bundle()) return "";
    if (format == "md") return m_annotations.exportMarkdown(*bundle());
    if (format == "csv") return m_annotations.exportCsv(*bundle());
    return "";
}

// Over the content, while open: a row opens its article at the highlight's paragraph; an export is
// handed to the platform as a file; import asks the platform for one. True when Esc closed the panel
// or a highlight's card in this frame (the key was theirs, not the history's).
bool ReaderApp::drawAnnotationsPanel(ViewContext& ctx) {
    bool escTaken = m_articleView.annotations().editorJustClosed();
    if (m_annotationsPanel.isOpen() && ImGui::IsKeyPressed(ImGuiKey_Escape, false) && !ImGui::GetIO().WantTextInput) {
        m_annotationsPanel.close();
        escTaken = true;
    }
    const AnnotationsPanel::Result result = m_annotationsPanel.draw(ctx, static_cast<bool>(m_ports.pickImportFile), m_contentTopY);
    if (result.open && open(result.open->articleId) && result.open->paragraph) {
        m_articleView.reveal(result.open->articleId, *result.open->paragraph);
    }
    if (result.exportFormat) {
        for (const ExportFormat& format : kExportFormats) {
            if (format.name != *result.exportFormat || !m_ports.saveFile) continue;
            const std::string where = m_ports.saveFile(std::string(format.file), std::string(format.mime), exportAnnotations(format.name));
            if (!where.empty()) m_annotationsPanel.tell(std::string(ctx.strings.exported) + where);
        }
    }
    if (result.import && m_ports.pickImportFile) m_ports.pickImportFile();
    return escTaken;
}

}  // namespace reader::ui
