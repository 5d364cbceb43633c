// The bundle inspector: the loaded bundle as a tree, the load error if any, and per article the
// numbers that matter to the text engine (characters, distinct glyphs, ruby runs, paragraphs).
#include <algorithm>
#include <string>
#include <unordered_set>

#include <imgui.h>

#include "core/calendar.h"
#include "core/ruby_parser.h"
#include "core/utf8.h"
#include "panels.h"
#include "ui/reader_app.h"

namespace reader::ui {

namespace {

const ImVec4 kErrorColor(0.70f, 0.10f, 0.10f, 1.0f);
const ImVec4 kOkColor(0.10f, 0.45f, 0.15f, 1.0f);
const ImVec4 kMutedColor(0.40f, 0.40f, 0.40f, 1.0f);

void field(const char* name, const std::string& value) {
    ImGui::TextDisabled("%s", name);
    ImGui::SameLine(110);
    ImGui::TextWrapped("%s", value.empty() ? "(empty)" : value.c_str());
}

}  // namespace

void BundleInspector::refresh(const ReaderApp& app) {
    const core::Bundle* bundle = app.bundle();
    if (bundle == m_bundle && app.bundleGeneration() == m_generation) return;
    m_bundle = bundle;
    m_generation = app.bundleGeneration();
    m_stats.clear();
    m_children.clear();
    m_directArticles.clear();
    if (!bundle) return;
    for (const core::Category& category : bundle->categories) m_children[category.parentId].push_back(&category);
    for (const core::Article& article : bundle->articles) ++m_directArticles[article.categoryId];
}

const BundleInspector::ArticleStats& BundleInspector::statsFor(const core::Article& article) {
    const auto found = m_stats.find(article.id);
    if (found != m_stats.end()) return found->second;
    ArticleStats stats;
    stats.paragraphs = article.body.size();
    std::unordered_set<char32_t> glyphs;
    const auto count = [&](const std::string& text, bool isProse) {
        for (const core::RubyRun& run : core::RubyParser::parse(text)) {
            if (!run.reading.empty()) ++stats.rubyRuns;
            for (size_t pos = 0; pos < run.base.size();) {
                const char32_t cp = core::utf8::next(run.base, pos);
                if (isProse) ++stats.characters;
                if (cp != U' ' && cp != 0x3000) glyphs.insert(cp);
            }
            for (size_t pos = 0; pos < run.reading.size();) {
                const char32_t cp = core::utf8::next(run.reading, pos);
                if (cp != U' ') glyphs.insert(cp);
            }
        }
    };
    count(article.title, true);
    count(article.source, false);
    for (const std::string& paragraph : article.body) count(paragraph, true);
    stats.distinctGlyphs = glyphs.size();
    return m_stats.emplace(article.id, stats).first->second;
}

void BundleInspector::drawCategory(const core::Category& category, int depth) {
    const auto children = m_children.find(category.id);
    const auto direct = m_directArticles.find(category.id);
    const size_t articles = direct == m_directArticles.end() ? 0 : direct->second;
    const bool leaf = children == m_children.end();
    // The bound only guards against a model built by other means: the loader refuses cycles.
    const bool open = ImGui::TreeNodeEx(category.id.c_str(), leaf || depth > 32 ? ImGuiTreeNodeFlags_Leaf : 0, "%s  %s  (%zu articles)",
                                        category.name.c_str(), category.id.c_str(), articles);
    if (!open) return;
    if (!leaf && depth <= 32) {
        for (const core::Category* child : children->second) drawCategory(*child, depth + 1);
    }
    ImGui::TreePop();
}

void BundleInspector::drawArticles(ReaderApp& app) {
    const core::Bundle& bundle = *app.bundle();
    // A list (clipped: a bundle may hold a million articles), then the selected article's details.
    const float listHeight = std::min(240.0f, ImGui::GetTextLineHeightWithSpacing() * (static_cast<float>(bundle.articles.size()) + 1));
    if (ImGui::BeginChild("articles", ImVec2(0, listHeight), ImGuiChildFlags_Borders)) {
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(bundle.articles.size()));
        while (clipper.Step()) {
            for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
                const core::Article& article = bundle.articles[static_cast<size_t>(i)];
                ImGui::PushID(i);
                if (ImGui::Selectable(article.id.c_str(), m_selected == article.id)) m_selected = article.id;
                ImGui::PopID();
            }
        }
    }
    ImGui::EndChild();

    const core::Article* article = m_selected.empty() ? nullptr : bundle.findArticle(m_selected);
    if (!article) {
        ImGui::TextColored(kMutedColor, "Select an article for its details.");
        return;
    }
    const ArticleStats& stats = statsFor(*article);
    field("id", article->id);
    field("title", article->title);
    field("category", article->categoryId);
    field("published", core::formatPublished(article->published));
    field("source", article->source);
    field("characters", std::to_string(stats.characters));
    field("distinct glyphs", std::to_string(stats.distinctGlyphs));
    field("ruby runs", std::to_string(stats.rubyRuns));
    field("paragraphs", std::to_string(stats.paragraphs));
    ImGui::TextColored(kMutedColor, "characters: title and body, pinyin annotations taken out; glyphs: with ruby above");
    if (ImGui::SmallButton("Open in the reader")) app.open(article->id);
}

void BundleInspector::draw(ReaderApp& app) {
    refresh(app);
    // Validation: the loader stops at the first error, so there is at most one message.
    if (app.error().empty()) {
        ImGui::TextColored(kOkColor, app.bundle() ? "Valid: no validation messages." : "No bundle yet.");
    } else {
        ImGui::TextColored(kErrorColor, "Load error:");
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextColored(kErrorColor, "%s", app.error().c_str());
        ImGui::PopTextWrapPos();
        if (app.bundle()) ImGui::TextColored(kMutedColor, "The previous bundle stays on screen and below.");
    }
    const core::Bundle* bundle = app.bundle();
    if (!bundle) return;
    ImGui::Separator();
    ImGui::Text("Loads so far: %zu", app.bundleGeneration());
    if (ImGui::TreeNodeEx("format", ImGuiTreeNodeFlags_DefaultOpen, "Format: %s %d.%d", bundle->format.name.c_str(),
                          bundle->format.major, bundle->format.minor)) {
        ImGui::TreePop();
    }
    if (ImGui::TreeNode("site", "Site: %s", bundle->site.name.c_str())) {
        const core::Site& site = bundle->site;
        field("locale", site.locale);
        field("copyright", site.copyrightHolder);
        field("address", site.address);
        field("visitors", site.visitorCount ? std::to_string(*site.visitorCount) : std::string());
        for (const core::Hotline& hotline : site.hotlines) field("hotline", hotline.label + " " + hotline.number);
        ImGui::TreePop();
    }
    if (ImGui::TreeNode("categories", "Categories (%zu)", bundle->categories.size())) {
        const auto roots = m_children.find(std::string());
        if (roots != m_children.end()) {
            for (const core::Category* category : roots->second) drawCategory(*category, 0);
        }
        ImGui::TreePop();
    }
    if (ImGui::TreeNodeEx("articles", ImGuiTreeNodeFlags_DefaultOpen, "Articles (%zu)", bundle->articles.size())) {
        drawArticles(app);
        ImGui::TreePop();
    }
}

}  // namespace reader::ui
