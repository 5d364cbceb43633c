#include "reader_app.h"

#include <algorithm>

#include <imgui.h>

#include "core/bundle_loader.h"
#include "core/calendar.h"

namespace reader::ui {

namespace {

constexpr float kColumnMargin = 20.0f;  // logical pixels between the column and the window's edges
// Chrome language before any bundle names its locale: the product's home locale.
constexpr const char* kDefaultLocale = "zh-Hant";

}  // namespace

ReaderApp::ReaderApp(core::Ports ports) : m_ports(std::move(ports)) {}

std::string ReaderApp::loadBundle(std::string_view text) {
    core::LoadResult result = core::BundleLoader::load(text);
    if (!result.ok()) {
        m_error = result.error->describe();
        return m_error;
    }
    m_bundle = std::move(result.bundle);
    m_error.clear();
    m_nav.rebase(*m_bundle);
    m_layoutCache = {};
    return {};
}

void ReaderApp::showLoadFailure(std::string message) { m_error = std::move(message); }

bool ReaderApp::open(const std::string& articleId) {
    if (!m_bundle || !m_bundle->findArticle(articleId)) return false;
    m_nav.openArticle(articleId);
    return true;
}

bool ReaderApp::back() { return m_nav.back(); }

std::string ReaderApp::currentCategoryId() const {
    const core::Place& place = m_nav.current();
    if (place.view == core::View::List || !m_bundle) return place.categoryId;
    const core::Article* article = m_bundle->findArticle(place.articleId);
    return article ? article->categoryId : std::string();
}

ViewContext ReaderApp::context() {
    const std::string& locale = m_bundle ? m_bundle->site.locale : std::string(kDefaultLocale);
    return ViewContext{m_bundle ? &*m_bundle : nullptr, m_nav, core::uiStringsFor(locale), lightTheme(),
                       m_font, m_items, m_fontSize};
}

void ReaderApp::frame() {
    m_items.beginFrame();
    ViewContext ctx = context();
    applyImGuiStyle(ctx.theme);

    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->Pos);
    ImGui::SetNextWindowSize(viewport->Size);
    const ImGuiWindowFlags pageFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                       ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::Begin("reader", nullptr, pageFlags);
    ImGui::PushFont(m_font, typography().chrome);

    drawTopBar(ctx, core::formatToday(m_ports.today(), ctx.strings));

    ImGui::BeginChild("content", ImVec2(0, 0), ImGuiChildFlags_None, ImGuiWindowFlags_NoSavedSettings);
    const float windowWidth = ImGui::GetContentRegionAvail().x;
    ctx.width = std::min(typography().contentMaxWidth, windowWidth - 2 * kColumnMargin);
    const float columnX = std::max(kColumnMargin, (windowWidth - ctx.width) * 0.5f);
    // A new view opens at its top, whether the move came from outside (the page's open()) before
    // this frame or from a click during it.
    if (m_nav.current() != m_lastDrawnPlace) ImGui::SetScrollY(0.0f);

    ImGui::Dummy(ImVec2(0, 12));
    ImGui::Indent(columnX);
    if (!m_error.empty()) {
        const std::string detail = m_bundle ? m_error + "\n" + std::string(ctx.strings.keptPrevious) : m_error;
        drawMessage(ctx, std::string(ctx.strings.loadFailed), detail, true);
    }
    if (m_bundle) {
        drawBreadcrumb(ctx);
        const core::Place& place = m_nav.current();
        const core::Article* article = place.view == core::View::Article ? m_bundle->findArticle(place.articleId) : nullptr;
        if (article) {
            drawArticleView(ctx, *article, m_layoutCache);
        } else {
            drawListView(ctx, place.categoryId);
        }
    } else if (m_error.empty()) {
        drawMessage(ctx, std::string(ctx.strings.loading), "", false);
    }
    ImGui::Unindent(columnX);

    if (m_bundle) {
        // The footer sits at the end of the content, or at the window's bottom when content is short.
        ImGui::Dummy(ImVec2(0, 24));
        const float spare = ImGui::GetContentRegionAvail().y - footerHeight(ctx);
        if (spare > 0) ImGui::Dummy(ImVec2(0, spare));
        drawFooter(ctx);
    }
    if (ctx.scrollToTop || m_nav.current() != m_lastDrawnPlace) ImGui::SetScrollY(0.0f);
    m_lastDrawnPlace = m_nav.current();
    ImGui::EndChild();

    ImGui::PopFont();
    ImGui::End();
    if (m_bundle || !m_error.empty()) m_firstViewDrawn = true;
}

}  // namespace reader::ui
