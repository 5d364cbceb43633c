#include "reader_app.h"

#include <algorithm>
#include <cmath>

#include <imgui.h>

#include "core/bundle_loader.h"
#include "core/calendar.h"

namespace reader::ui {

namespace {

constexpr float kColumnMargin = 20.0f;  // logical pixels between the column and the window's edges
// Chrome language before any bundle names its locale: the product's home locale.
constexpr const char* kDefaultLocale = "zh-Hant";

}  // namespace

ReaderApp::ReaderApp(core::Ports ports) : m_ports(std::move(ports)) {
    if (m_ports.loadSettings) m_settings = core::parseSettings(m_ports.loadSettings());
}

void ReaderApp::setSettings(const core::Settings& settings) {
    if (settings == m_settings) return;
    m_settings = settings;
    persistSettings();
}

void ReaderApp::persistSettings() {
    if (m_ports.saveSettings) m_ports.saveSettings(core::serializeSettings(m_settings));
}

// Ctrl + / Ctrl - / Ctrl 0 and Ctrl+wheel (a trackpad pinch arrives as one): continuous text zoom.
void ReaderApp::handleZoomKeys() {
    const ImGuiIO& io = ImGui::GetIO();
    core::Settings& next = m_settings;  // persisted at the end of the frame
    constexpr float kStep = 1.1f;  // one key press or wheel notch
    if (ImGui::IsKeyChordPressed(ImGuiMod_Ctrl | ImGuiKey_Equal) || ImGui::IsKeyChordPressed(ImGuiMod_Ctrl | ImGuiKey_KeypadAdd)) next.zoom *= kStep;
    if (ImGui::IsKeyChordPressed(ImGuiMod_Ctrl | ImGuiKey_Minus) || ImGui::IsKeyChordPressed(ImGuiMod_Ctrl | ImGuiKey_KeypadSubtract)) next.zoom /= kStep;
    if (ImGui::IsKeyChordPressed(ImGuiMod_Ctrl | ImGuiKey_0)) next.zoom = 1.0f;
    if (io.KeyCtrl && io.MouseWheel != 0.0f) next.zoom *= std::pow(kStep, io.MouseWheel);
    next.zoom = std::clamp(next.zoom, core::kMinZoom, core::kMaxZoom);
}

std::string ReaderApp::loadBundle(std::string_view text) {
    core::LoadResult result = core::BundleLoader::load(text);
    if (!result.ok()) {
        m_error = result.error->describe();
        return m_error;
    }
    m_bundle = std::move(result.bundle);
    m_error.clear();
    m_nav.rebase(*m_bundle);
    m_articleView.reset();
    return {};
}

void ReaderApp::showLoadFailure(std::string message) { m_error = std::move(message); }

bool ReaderApp::open(const std::string& articleId) {
    if (!m_bundle || !m_bundle->findArticle(articleId)) return false;
    m_nav.openArticle(articleId);
    return true;
}

bool ReaderApp::back() { return m_nav.back(); }

bool ReaderApp::go(const core::Place& place) {
    if (!m_bundle) return false;
    const bool exists = place.view == core::View::Article ? m_bundle->findArticle(place.articleId) != nullptr
                                                          : place.categoryId.empty() || m_bundle->findCategory(place.categoryId);
    if (exists) m_nav.go(place);
    return exists;
}

std::string ReaderApp::currentCategoryId() const {
    const core::Place& place = m_nav.current();
    if (place.view == core::View::List || !m_bundle) return place.categoryId;
    const core::Article* article = m_bundle->findArticle(place.articleId);
    return article ? article->categoryId : std::string();
}

ViewContext ReaderApp::context() {
    const std::string& locale = m_bundle ? m_bundle->site.locale : std::string(kDefaultLocale);
    return ViewContext{m_bundle ? &*m_bundle : nullptr, m_nav, core::uiStringsFor(locale), lightTheme(),
                       m_font, m_items, m_settings};
}

void ReaderApp::frame() {
    m_items.beginFrame();
    const core::Settings before = m_settings;
    handleZoomKeys();
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

    // Ctrl+wheel zooms the text; it must not also scroll.
    const ImGuiWindowFlags contentFlags = ImGuiWindowFlags_NoSavedSettings | (ImGui::GetIO().KeyCtrl ? ImGuiWindowFlags_NoScrollWithMouse : 0);
    ImGui::BeginChild("content", ImVec2(0, 0), ImGuiChildFlags_None, contentFlags);
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
            m_articleView.draw(ctx, *article);
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
    if (m_settings != before) persistSettings();
    if (m_bundle || !m_error.empty()) m_firstViewDrawn = true;
}

}  // namespace reader::ui
