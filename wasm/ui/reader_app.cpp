// ReaderApp: the frame as a table of contents (top bar, sidebar, content), and the coordination
// of its parts: what a view hands back is carried out after the frame.
#include "reader_app.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include <imgui.h>

#include "category_tree.h"
#include "chrome_views.h"
#include "core/bundle_rules.h"
#include "core/calendar.h"
#include "core/links.h"
#include "reader_keys.h"

namespace reader::ui {

namespace {

constexpr float kColumnMargin = 20.0f;  // logical pixels between the column and the window's edges
constexpr float kSidebarWidth = 220.0f;
constexpr float kSidebarMinWindowWidth = 980.0f;  // narrower windows show the categories as a menu
// Chrome language before any bundle names its locale: the product's home locale.
constexpr const char* kDefaultLocale = "zh-Hant";
constexpr double kIndexSliceMs = 8.0;  // index building per frame: the frame stays under 16 ms
constexpr float kMinPageTextSize = 8.0f;   // the page's --reader-font-size, kept readable
constexpr float kMaxPageTextSize = 72.0f;

}  // namespace

ReaderApp::ReaderApp(Ports ports) : m_ports(std::move(ports)) {
    if (m_ports.loadSettings) m_settings = core::parseSettings(m_ports.loadSettings());
    m_savedSettings = m_settings;
}

// [SECTION] Loading

core::Result<void> ReaderApp::loadBundle(std::string_view text) {
    core::Result<void> loaded = m_session.loadBundle(text);
    if (loaded) showNewBundle();
    return loaded;
}

bool ReaderApp::loadBundleStreamed(size_t bytes, const core::BundleLoader::Source& source) {
    const bool loaded = m_session.loadBundleStreamed(bytes, source);
    if (loaded) showNewBundle();
    return loaded;
}

void ReaderApp::showNewBundle() {
    m_nav.rebase(*m_session.bundle());
    m_images.cache().clear();  // figure numbers of another bundle's articles
    m_zoom.close();
    m_articleView.reset();
    m_listView.reset();
    m_searchView = SearchView();
}

core::Result<void> ReaderApp::loadShard(const std::string& path, std::string_view text) {
    const core::Article* current = m_session.bundle() ? m_session.bundle()->findArticle(m_nav.current().articleId) : nullptr;
    const bool currentPending = current && current->bodyPending;
    core::Result<void> loaded = m_session.loadShard(path, text);
    if (currentPending && !current->bodyPending) m_articleView.reset();  // laid out without its body
    return loaded;
}

std::vector<PlatformRequest> ReaderApp::takeRequests() {
    std::vector<PlatformRequest> requests;
    for (std::string& file : m_scripts.takeRequests(m_settings.script)) requests.push_back({PlatformRequest::Kind::ScriptTable, std::move(file)});
    for (std::string& path : m_session.takeShardRequests()) requests.push_back({PlatformRequest::Kind::Shard, std::move(path)});
    for (core::ImageRequest& image : m_images.cache().takeRequests()) {
        requests.push_back({PlatformRequest::Kind::Image, std::move(image.src), std::move(image.key)});
    }
    for (const uint64_t texture : m_images.cache().takeReleased()) requests.push_back({PlatformRequest::Kind::ReleaseTexture, "", {}, texture});
    return requests;
}

void ReaderApp::finishSearchIndex() {
    if (m_session.stepSearchIndex(1e12)) m_searchView = SearchView();  // results computed while there was no index
}

bool ReaderApp::stepSearchIndex() {
    if (!m_session.indexing()) return true;
    if (!m_session.stepSearchIndex(kIndexSliceMs)) return false;
    m_searchView = SearchView();  // results computed while there was no index
    return true;
}

// [SECTION] Settings and places

void ReaderApp::setSettings(const core::Settings& settings) {
    if (settings == m_settings) return;
    const core::Settings before = m_settings;
    m_settings = settings;
    saveChangedSettings(before);
}

// What moved since `before` is saved; what the page overrode and nobody moved stays as it was saved.
void ReaderApp::saveChangedSettings(const core::Settings& before) {
    m_savedSettings = core::withChanges(m_savedSettings, before, m_settings);
    if (m_ports.saveSettings) m_ports.saveSettings(core::serializeSettings(m_savedSettings));
}

float ReaderApp::scrollBy(float pixels) {
    const float from = m_scrollY + m_pendingScroll;
    const float taken = std::clamp(from + pixels, 0.0f, std::max(0.0f, m_scrollMaxY)) - from;
    m_pendingScroll += taken;
    return pixels - taken;
}

void ReaderApp::zoomBy(float factor) {
    if (!(factor > 0.0f)) return;
    if (m_zoom.isOpen()) {  // a pinch over the zoom view zooms the image, not the text
        m_zoom.zoomBy(factor);
        return;
    }
    core::Settings next = m_settings;
    next.zoom = std::clamp(next.zoom * factor, core::kMinZoom, core::kMaxZoom);
    setSettings(next);
}

const core::Article* ReaderApp::articleAt(const core::Place& place) const {
    return place.view == core::View::Article && bundle() ? bundle()->findArticle(place.articleId) : nullptr;
}

bool ReaderApp::open(const std::string& articleId) {
    if (!bundle() || !bundle()->findArticle(articleId)) return false;
    m_nav.openArticle(articleId);
    return true;
}

bool ReaderApp::revealParagraph(size_t paragraph) {
    const core::Article* article = articleAt(m_nav.current());
    if (!article || paragraph >= article->body.size()) return false;
    m_articleView.reveal(article->id, paragraph);
    return true;
}

std::vector<std::string> ReaderApp::search(const std::string& query) {
    std::vector<std::string> ids;
    if (!bundle()) return ids;
    finishSearchIndex();
    m_session.splitSearch().request(query);  // the index shards it needs: the answer is complete once they are in
    ViewContext ctx = context();
    for (const core::SearchResult& result : m_searchView.results(ctx, core::Place{core::View::Search, "", "", query})) {
        ids.push_back(bundle()->articles[result.article].id);
    }
    return ids;
}

std::vector<std::string> ReaderApp::listedResults(const core::Place& place) {
    std::vector<std::string> ids;
    if (!bundle()) return ids;
    if (!place.query.empty()) {
        finishSearchIndex();
        m_session.splitSearch().request(place.query);
    }
    ViewContext ctx = context();
    for (const core::SearchResult& result : m_searchView.results(ctx, place)) ids.push_back(bundle()->articles[result.article].id);
    return ids;
}

const core::FacetCounts& ReaderApp::searchFacets(const core::Place& place) {
    static const core::FacetCounts kNone;
    if (!bundle()) return kNone;
    const ViewContext ctx = context();
    m_searchView.results(ctx, place);
    return m_searchView.counts(ctx);
}

std::vector<SearchExcerpt> ReaderApp::searchExcerpts(const core::Place& place, size_t count, bool subResults) {
    std::vector<SearchExcerpt> excerpts;
    if (!bundle()) return excerpts;
    const ViewContext ctx = context();
    const size_t found = m_searchView.results(ctx, place).size();
    for (size_t i = 0; i < found && i < count; ++i) {
        excerpts.push_back(m_searchView.excerpt(ctx, i));
        if (subResults) excerpts.back().subResults = m_searchView.subResults(ctx, i);
    }
    return excerpts;
}

bool ReaderApp::go(const core::Place& place) {
    if (!bundle()) return false;
    bool exists = true;
    if (place.view == core::View::Article) exists = bundle()->findArticle(place.articleId) != nullptr;
    if (place.view == core::View::List) exists = place.categoryId.empty() || bundle()->findCategory(place.categoryId);
    if (exists) m_nav.go(place);
    return exists;
}

std::string ReaderApp::currentCategoryId() const {
    const core::Place& place = m_nav.current();
    if (place.view == core::View::List || !bundle()) return place.categoryId;
    const core::Article* article = bundle()->findArticle(place.articleId);
    return article ? article->categoryId : std::string();
}

std::string ReaderApp::contentLanguage() const {
    const std::string locale = bundle() ? bundle()->site.locale : std::string(kDefaultLocale);
    if (!locale.starts_with("zh") || m_settings.script == core::Script::Original) return locale;
    return m_settings.script == core::Script::Simplified ? "zh-Hans" : "zh-Hant";
}

// The chrome speaks the page's locale if it set one, else the content's (首頁 / 首页 follows the script).
std::string ReaderApp::uiLocale() const { return !m_uiLocale.empty() ? m_uiLocale : contentLanguage(); }

void ReaderApp::showMirrorFocus(const std::string& key) {
    m_items.focusOn(key);
    if (key.empty()) hideKeyboardFocus();
}

void ReaderApp::setPageTextSize(float px) {
    m_pageTextSize = px > 0.0f ? std::clamp(px, kMinPageTextSize, kMaxPageTextSize) : 0.0f;
}

void ReaderApp::setSystemColors(const std::optional<SystemColors>& colors) {
    m_systemTheme.reset();
    if (colors) m_systemTheme = systemColorsTheme(*colors);
}

// [SECTION] The frame

ViewContext ReaderApp::context() {
    // The views hold the theme by reference: the page's colours over it are kept here.
    m_theme = m_systemTheme ? *m_systemTheme
                            : withPageColors(themeFor(m_settings.theme, m_systemPrefersDark, m_systemPrefersContrast), m_pageColors);
    // Named, not positional: a field added to ViewContext must never slide the others along.
    return ViewContext{
        .bundle = bundle(),
        .nav = m_nav,
        .strings = core::uiStringsFor(uiLocale()),
        .theme = m_theme,
        .font = m_font,
        .items = m_items,
        .settings = m_settings,
        .searchIndex = m_session.readyIndex(),
        .splitSearch = m_session.splitSearch().index() ? &m_session.splitSearch() : nullptr,
        // Wide screens get the category tree as a sidebar; narrow ones a menu by the breadcrumb.
        .narrow = ImGui::GetMainViewport()->Size.x < kSidebarMinWindowWidth,
        .highlightQuery = m_searchState.buffer,
        .openAtParagraph = &m_openAtParagraph,
        .bodiesPending = m_session.bodiesPending(),
        .converter = converter(),
        .speech = &m_speech.state(),
        .canPrint = static_cast<bool>(m_ports.print),
        .indexProgress = m_session.indexProgress(),
        .serifFont = m_serifFont,
        .pageTextSize = m_pageTextSize,
        .fontGeneration = m_fontGeneration,
        .images = &m_images,
        .annotations = &m_annotations,
    };
}

void ReaderApp::frame() {
    const core::Settings before = m_settings;
    ViewContext ctx = beginFrame();
    ViewResult result = drawTopBar(ctx, core::formatToday(m_ports.today(), ctx.strings), m_searchState);
    drawSidebar(ctx);
    result += drawContent(ctx);
    endFrame(ctx, result, before);
}

// The search box holds the query of the results shown: after Esc emptied it in an article (which
// clears the marks), going back to the results brings it back, and its marks with the next article.
void ReaderApp::showQueryInBox(const std::string& query) {
    char* box = m_searchState.buffer;
    if (query == box) return;
    size_t length = std::min(query.size(), sizeof m_searchState.buffer - 1);
    while (length > 0 && length < query.size() && (static_cast<unsigned char>(query[length]) & 0xC0) == 0x80) --length;
    query.copy(box, length);
    box[length] = '\0';
}

// A slice of the search index, the zoom keys (persisted at the end of the frame), and the page's
// window over the whole display.
ViewContext ReaderApp::beginFrame() {
    m_items.beginFrame();
    m_images.cache().nextFrame();
    prepareKeyboardNavigation();
    if (m_session.stepSearchIndex(kIndexSliceMs)) m_searchView = SearchView();  // results computed while there was no index
    if (m_nav.current().view == core::View::Search) {
        m_session.splitSearch().request(m_nav.current().query);
        showQueryInBox(m_nav.current().query);
    }
    if (!m_zoom.isOpen()) handleZoomKeys(m_settings);  // Ctrl+wheel there zooms the image, not the text
    ViewContext ctx = context();
    applyImGuiStyle(ctx.theme);
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->Pos);
    ImGui::SetNextWindowSize(viewport->Size);
    const ImGuiWindowFlags pageFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                       ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::Begin("reader", nullptr, pageFlags);
    ImGui::PushFont(m_font, typography().chrome);
    return ctx;
}

void ReaderApp::drawSidebar(ViewContext& ctx) {
    if (!bundle() || ctx.narrow) return;
    // Flattened: Tab goes on from the top bar through the sidebar into the content as one order.
    ImGui::BeginChild("sidebar", ImVec2(kSidebarWidth, 0), ImGuiChildFlags_NavFlattened, ImGuiWindowFlags_NoSavedSettings);
    ImGui::Dummy(ImVec2(0, 16));
    ImGui::Indent(12.0f);
    drawCategoryTree(ctx);
    ImGui::Unindent(12.0f);
    ImGui::EndChild();
    const ImVec2 edge = ImGui::GetItemRectMax();
    ImGui::GetWindowDrawList()->AddLine(ImVec2(edge.x, ImGui::GetItemRectMin().y), edge, ctx.theme.rule);
    ImGui::SameLine(0, 0);
}

// The scrolled content: the column with the place's view, the footer, the reading progress.
ViewResult ReaderApp::drawContent(ViewContext& ctx) {
    // Ctrl+wheel zooms the text; it must not also scroll.
    const ImGuiWindowFlags contentFlags = ImGuiWindowFlags_NoSavedSettings | (ImGui::GetIO().KeyCtrl ? ImGuiWindowFlags_NoScrollWithMouse : 0);
    ImGui::BeginChild("content", ImVec2(0, 0), ImGuiChildFlags_NavFlattened, contentFlags);
    // Keys go to the zoom view while it is open (its own arrows, +, -), not to the article under it.
    if (!m_zoom.isOpen()) handleScrollKeys(m_nav.current().view == core::View::Article);
    m_contentTopY = ImGui::GetWindowPos().y;
    if (m_pendingScroll != 0.0f) {
        ImGui::SetScrollY(std::clamp(ImGui::GetScrollY() + m_pendingScroll, 0.0f, ImGui::GetScrollMaxY()));
        m_pendingScroll = 0.0f;
    }
    const float windowWidth = ImGui::GetContentRegionAvail().x;
    ctx.width = std::min(m_settings.contentWidth, windowWidth - 2 * kColumnMargin);
    const float columnX = std::max(kColumnMargin, (windowWidth - ctx.width) * 0.5f);
    // A new view opens at its top, whether the move came from outside (the page's open()) before
    // this frame or from a click during it.
    if (m_nav.current() != m_lastDrawnPlace) ImGui::SetScrollY(0.0f);

    ImGui::Dummy(ImVec2(0, 12));
    ImGui::Indent(columnX);
    const ViewResult result = drawPage(ctx);
    ImGui::Unindent(columnX);
    drawFooterAtBottom(ctx);

    if (result.scrollToTop || m_nav.current() != m_lastDrawnPlace) ImGui::SetScrollY(0.0f);
    m_positions.track(m_nav.current(), m_lastDrawnPlace, articleAt(m_nav.current()));
    drawReadingProgress(ctx);
    m_lastDrawnPlace = m_nav.current();
    m_scrollY = ImGui::GetScrollY();
    m_scrollMaxY = ImGui::GetScrollMaxY();
    ImGui::EndChild();
    return result;
}

// The column: download progress, a load error, then the place's view (or "loading").
ViewResult ReaderApp::drawPage(ViewContext& ctx) {
    if (loading()) drawProgress(ctx, m_session.received(), m_session.expected());
    if (!error().empty()) drawLoadError(ctx);
    if (!bundle()) {
        if (error().empty() && !loading()) drawMessage(ctx, std::string(ctx.strings.loading), "", false);
        return {};
    }
    ViewResult result = drawBreadcrumb(ctx);
    result += drawPlace(ctx);
    return result;
}

void ReaderApp::drawLoadError(ViewContext& ctx) {
    const std::string detail = bundle() ? error() + "\n" + std::string(ctx.strings.keptPrevious) : error();
    drawMessage(ctx, std::string(ctx.strings.loadFailed), detail, true);
    if (m_ports.retryLoad && drawRetryButton(ctx)) {
        m_session.clearError();
        m_ports.retryLoad();
    }
}

ViewResult ReaderApp::drawPlace(ViewContext& ctx) {
    const core::Place& place = m_nav.current();
    if (const core::Article* article = articleAt(place)) {
        const ViewResult result = m_articleView.draw(ctx, *article);
        if (article->bodyPending) drawPendingBody(ctx, *article);
        return result;
    }
    if (place.view == core::View::Search) {
        m_searchView.draw(ctx, place);
    } else {
        m_listView.draw(ctx, place.categoryId);
    }
    return {};
}

// Below the title and meta line of an article whose body has not arrived: asks for its shard once,
// then says it is loading, or why it failed with a retry button.
void ReaderApp::drawPendingBody(ViewContext& ctx, const core::Article& article) {
    if (const std::string* error = m_session.shardError(article.shard)) {
        drawMessage(ctx, std::string(ctx.strings.loadFailed), *error, true);
        if (!drawRetryButton(ctx)) return;
        m_session.clearShardError(article.shard);
    }
    m_session.requestShard(article.shard);
    if (article.bodyPending && !m_session.shardError(article.shard)) drawMessage(ctx, std::string(ctx.strings.loading), "", false);
}

// The footer sits at the end of the content, or at the window's bottom when content is short.
void ReaderApp::drawFooterAtBottom(ViewContext& ctx) {
    if (!bundle()) return;
    ImGui::Dummy(ImVec2(0, 24));
    const float spare = ImGui::GetContentRegionAvail().y - footerHeight(ctx);
    if (spare > 0) ImGui::Dummy(ImVec2(0, spare));
    drawFooter(ctx);
}

// In an article, a thin bar along the content's top edge: how far the reader has read.
void ReaderApp::drawReadingProgress(const ViewContext& ctx) const {
    if (m_nav.current().view != core::View::Article) return;
    const float maxY = ImGui::GetScrollMaxY();
    if (maxY <= 0.0f) return;
    const ImVec2 pos = ImGui::GetWindowPos();
    const float width = ImGui::GetWindowWidth() * std::clamp(ImGui::GetScrollY() / maxY, 0.0f, 1.0f);
    ImDrawList* drawList = ImGui::GetForegroundDrawList();
    drawList->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + 3.0f), ctx.theme.link);
}

// The page's window closed, the zoom view over it, then what the views asked for, the keys no view
// owns (the zoom view's Esc is its own), the settings saved.
void ReaderApp::endFrame(ViewContext& ctx, const ViewResult& result, const core::Settings& before) {
    ImGui::PopFont();
    ImGui::End();
    const bool escTaken = drawAnnotationsPanel(ctx);
    if (result.toggleAnnotations) m_annotationsPanel.toggle();
    const bool zoomed = m_zoom.isOpen();
    if (zoomed) m_zoom.draw(ctx, articleAt(m_nav.current()), m_images);
    if (result.zoomFigure && articleAt(m_nav.current())) m_zoom.open(m_nav.current().articleId, *result.zoomFigure);
    openLink(result.linkToOpen);
    if (!zoomed && !escTaken) handleHistoryKeys(m_nav, m_articleView, m_searchState);
    if (result.clearHighlights) m_searchState.buffer[0] = '\0';
    m_speech.carryOut(result.speech, m_nav.current(), bundle() ? bundle()->findArticle(m_nav.current().articleId) : nullptr,
                      converter(), contentLanguage(), m_settings.speechRate);
    if (result.printRequested && m_ports.print) m_ports.print();
    if (m_settings != before) saveChangedSettings(before);
    if (!m_firstViewDrawn && (bundle() || !error().empty())) {
        core::logf(core::LogLevel::Info, "first view drawn %.1f ms after start", m_sinceStart.ms());
        m_firstViewDrawn = true;
    }
    if (m_debug && m_debugPanels) m_debugPanels(*this);
}

void ReaderApp::openLink(const std::string& link) {
    if (link.empty()) return;
    if (core::isShardPath(link)) {  // a file beside the bundle (format 1.2's attachments and videos)
        core::logf(core::LogLevel::Info, "bundle file: %s", link.c_str());
        if (m_ports.openAsset) m_ports.openAsset(link);
        return;
    }
    const std::string url = core::safeExternalUrl(link);
    core::logf(core::LogLevel::Info, "link: %s", url.empty() ? "(refused)" : url.c_str());
    if (!url.empty() && m_ports.openLink) m_ports.openLink(url);
}

}  // namespace reader::ui
