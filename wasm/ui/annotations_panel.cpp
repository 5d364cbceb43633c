// The annotations panel.
#include "annotations_panel.h"

#include <algorithm>

#include <imgui.h>

#include "article_annotations.h"
#include "core/ruby_parser.h"
#include "core/utf8.h"
#include "text_drawing.h"

namespace reader::ui {

namespace {

constexpr float kPanelWidth = 380.0f;
constexpr size_t kQuoteShown = 80;  // characters of a quote in its row

// `text` cut with "…" to `room` pixels.
std::string fitted(const ViewContext& ctx, const std::string& text, float size, float room) {
    if (textWidth(ctx.font, size, text) <= room) return text;
    const char* end = ctx.font->CalcWordWrapPosition(size, text.data(), text.data() + text.size(), room - textWidth(ctx.font, size, "…"));
    return std::string(text.data(), end) + "…";
}

}  // namespace

// Each highlight found again in its article's text as it is now (cached until the annotations or the bundle change).
void AnnotationsPanel::placeRows(const ViewContext& ctx) {
    if (ctx.annotations->generation() == m_generation && ctx.bundle == m_bundle) return;
    m_generation = ctx.annotations->generation();
    m_bundle = ctx.bundle;
    m_rows.clear();
    m_articles.clear();
    std::string textOf;  // the article whose base text is in `text`
    core::ArticleText text;
    for (const core::Annotation* a : ctx.annotations->store().of(ctx.annotations->source())) {
        if (std::find(m_articles.begin(), m_articles.end(), a->articleId) == m_articles.end()) m_articles.push_back(a->articleId);
        Row row{a, std::nullopt};
        const core::Article* article = ctx.bundle->findArticle(a->articleId);
        if (a->kind == core::AnnotationKind::Bookmark) {
            row.paragraph = 0;
        } else if (article && !article->bodyPending) {
            if (textOf != a->articleId) {
                text = core::articleText(*article);
                textOf = a->articleId;
            }
            if (const auto range = core::anchor(text, *a)) {
                const auto spans = core::spansOf(text, range->start, range->end);
                if (!spans.empty()) row.paragraph = spans.front().paragraph;
            }
        } else if (article) {
            row.paragraph = 0;  // a split bundle's body not fetched yet: not known to be gone
        }
        m_rows.push_back(row);
    }
}

void AnnotationsPanel::drawRow(ViewContext& ctx, const Row& row, Result& result) {
    const core::Annotation& a = *row.annotation;
    const float size = typography().chrome;
    const std::string key = "annotation:" + a.id;
    ImGui::PushID(key.c_str());
    if (a.kind == core::AnnotationKind::Bookmark) {
        if (textButton(key.c_str(), ctx.font, size, ctx.strings.bookmarked, ctx.theme.link, ctx.theme.link)) {
            result.open = Open{a.articleId, std::nullopt};
        }
        ctx.items.addLastItem(key);
    } else {
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const float bar = naturalHeight(ctx.font, size);
        ImGui::GetWindowDrawList()->AddRectFilled(at, ImVec2(at.x + 4.0f, at.y + bar), highlightFill(a.color, ctx.theme) | IM_COL32_A_MASK);
        ImGui::Indent(10.0f);
        std::string quote(core::utf8::prefix(ctx.shown(a.quote.exact), kQuoteShown));
        if (quote.size() < a.quote.exact.size()) quote += "…";
        std::replace(quote.begin(), quote.end(), '\n', ' ');
        const ImU32 color = row.paragraph ? ctx.theme.text : ctx.theme.muted;
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(color));
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + kPanelWidth - 40.0f);
        ImGui::TextUnformatted(("「" + quote + "」").c_str());
        if (!a.note.empty()) {
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(ctx.theme.muted));
            ImGui::TextUnformatted(a.note.c_str());
            ImGui::PopStyleColor();
        }
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
        if (row.paragraph) {
            if (textButton(key.c_str(), ctx.font, size, ctx.strings.openAnnotation, ctx.theme.link, ctx.theme.link)) {
                result.open = Open{a.articleId, row.paragraph};
            }
            ctx.items.addLastItem(key);
        } else {
            lineText(ctx.font, size, ctx.strings.orphaned, ctx.theme.errorText);
        }
        ImGui::SameLine(0, 12);
        const std::string remove = "annotation:remove:" + a.id;
        if (textButton(remove.c_str(), ctx.font, size, ctx.strings.removeAnnotation, ctx.theme.muted, ctx.theme.link)) result.remove = a.id;
        ctx.items.addLastItem(remove);
        ImGui::SameLine(0, 12);
        lineText(ctx.font, size, a.modified.substr(0, 10), ctx.theme.muted);
        ImGui::Unindent(10.0f);
    }
    ImGui::PopID();
    ImGui::Dummy(ImVec2(0, 6));
}

AnnotationsPanel::Result AnnotationsPanel::draw(ViewContext& ctx, bool canImport, float top) {
    Result result;
    if (!m_open || !ctx.annotations || !ctx.bundle) return result;
    placeRows(ctx);
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float width = std::min(kPanelWidth, viewport->Size.x);
    ImGui::SetNextWindowPos(ImVec2(viewport->Pos.x + viewport->Size.x - width, top));
    ImGui::SetNextWindowSize(ImVec2(width, viewport->Pos.y + viewport->Size.y - top));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImGui::ColorConvertU32ToFloat4(ctx.theme.page));
    ImGui::PushStyleColor(ImGuiCol_Border, ImGui::ColorConvertU32ToFloat4(ctx.theme.rule));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 1.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(16.0f, 12.0f));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(8.0f, 6.0f));
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoMove;
    ImGui::Begin("##annotations", nullptr, flags);
    const float size = typography().chrome;
    ImGui::PushFont(ctx.font, size);
    lineText(ctx.font, typography().chrome * 1.15f, ctx.strings.annotations, ctx.theme.text);
    ImGui::SameLine(width - 16.0f - textWidth(ctx.font, size, ctx.strings.close));
    if (textButton("annotations:close", ctx.font, size, ctx.strings.close, ctx.theme.link, ctx.theme.link)) m_open = false;
    ctx.items.addLastItem("annotations:close");
    // Export and import.
    static constexpr const char* kFormats[] = {"md", "json", "csv"};
    for (size_t i = 0; i < 3; ++i) {
        if (i > 0) ImGui::SameLine(0, 12);
        const std::string key = std::string("annotations:export:") + kFormats[i];
        if (textButton(key.c_str(), ctx.font, size, ctx.strings.exportFormats[i], ctx.theme.link, ctx.theme.link)) result.exportFormat = kFormats[i];
        ctx.items.addLastItem(key);
    }
    if (canImport) {
        ImGui::SameLine(0, 12);
        if (textButton("annotations:import", ctx.font, size, ctx.strings.importAnnotations, ctx.theme.link, ctx.theme.link)) result.import = true;
        ctx.items.addLastItem("annotations:import");
    }
    if (!m_message.empty()) {
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width - 30.0f);
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(ctx.theme.muted));
        ImGui::TextUnformatted(m_message.c_str());
        ImGui::PopStyleColor();
        ImGui::PopTextWrapPos();
    }
    ImGui::Separator();
    if (m_rows.empty()) lineText(ctx.font, size, ctx.strings.noAnnotations, ctx.theme.muted);
    for (const std::string& id : m_articles) {
        const core::Article* article = ctx.bundle->findArticle(id);
        ImGui::Dummy(ImVec2(0, 4));
        const std::string key = "annotations:article:" + id;
        if (textButton(key.c_str(), ctx.font, size, fitted(ctx, article ? ctx.chrome(article->title) : id, size, width - 32.0f), ctx.theme.link,
                       ctx.theme.link) && article) {
            result.open = Open{id, std::nullopt};
        }
        ctx.items.addLastItem(key);
        for (const Row& row : m_rows) {
            if (row.annotation->articleId == id) drawRow(ctx, row, result);
        }
    }
    ImGui::PopFont();
    ImGui::End();
    ImGui::PopStyleVar(3);
    ImGui::PopStyleColor(2);
    if (result.remove) ctx.annotations->remove(*result.remove);
    return result;
}

}  // namespace reader::ui
