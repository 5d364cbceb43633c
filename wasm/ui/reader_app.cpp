#include "reader_app.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include <imgui.h>

#include "core/bundle_loader.h"
#include "core/calendar.h"
#include "core/links.h"
#include "core/ruby_parser.h"
#include "core/sentences.h"
#include "core/shard_loader.h"

namespace reader::ui {

namespace {

constexpr float kColumnMargin = 20.0f;  // logical pixels between the column and the window's edges
constexpr float kSidebarWidth = 220.0f;
constexpr float kSidebarMinWindowWidth = 980.0f;  // narrower windows show the categories as a menu
constexpr float kLineScroll = 48.0f;              // ↑/↓ in an article, logical pixels
// Chrome language before any bundle names its locale: the product's home locale.
constexpr const char* kDefaultLocale = "zh-Hant";
constexpr size_t kIndexStepArticles = 64;  // articles per step of the index builder (a few ms in wasm)
constexpr double kIndexSliceMs = 8.0;      // index building per frame: the frame stays under 16 ms

}  // namespace

ReaderApp::ReaderApp(core::Ports ports) : m_ports(std::move(ports)) {
    if (m_ports.loadSettings) m_settings = core::parseSettings(m_ports.loadSettings());
    if (m_ports.loadPositions) m_positions.parse(m_ports.loadPositions());
    m_speech.available = static_cast<bool>(m_ports.speak);
}

void ReaderApp::speechAt(size_t sentence) {
    if (m_speech.status == SpeechState::Status::Idle || sentence >= m_speech.sentences.size()) return;
    m_speech.current = sentence;
}

void ReaderApp::speechEnded() {
    m_speech.status = SpeechState::Status::Idle;
    m_speech.current.reset();
}

// The open article's sentences as the reader sees them (no pinyin, in the chosen script), spoken
// in the language of that script.
void ReaderApp::startSpeech() {
    const core::Article* article = m_bundle ? m_bundle->findArticle(m_nav.current().articleId) : nullptr;
    if (!article || article->bodyPending) return;
    m_speech.sentences.clear();
    const auto add = [&](size_t paragraph, const std::string& source) {
        const std::string text = core::inScript(converter(), core::RubyParser::strip(source));
        for (const core::SentenceRange& r : core::splitSentences(text)) {
            m_speech.sentences.push_back({paragraph, r.begin, r.end, text.substr(r.byteBegin, r.byteEnd - r.byteBegin)});
        }
    };
    add(SIZE_MAX, article->title);
    for (size_t i = 0; i < article->body.size(); ++i) add(i, article->body[i]);
    std::vector<std::string> texts;
    for (const SpeechState::Sentence& s : m_speech.sentences) texts.push_back(s.text);
    // A voice for the script shown: Traditional as read in Taiwan, Simplified as in the mainland.
    const std::string language = contentLanguage();
    const std::string lang = language.starts_with("zh-Hans") || language == "zh" || language.starts_with("zh-CN") ? "zh-CN"
                             : language.starts_with("zh") ? "zh-TW" : language;
    m_speech.articleId = article->id;
    m_speech.status = SpeechState::Status::Speaking;
    m_speech.current.reset();
    m_ports.speak(lang, texts, m_settings.speechRate);
}

// After the frame: what the read-aloud button asked for; leaving the article stops the reading.
void ReaderApp::carryOutSpeechRequest() {
    using Status = SpeechState::Status;
    using Request = SpeechState::Request;
    const Request request = std::exchange(m_speech.request, Request::None);
    if (!m_speech.available) return;
    const bool elsewhere = m_nav.current().view != core::View::Article || m_nav.current().articleId != m_speech.articleId;
    if (m_speech.status != Status::Idle && (request == Request::Stop || elsewhere)) {
        if (m_ports.stopSpeech) m_ports.stopSpeech();
        speechEnded();
    }
    if (request == Request::Start) startSpeech();
    if (request == Request::Pause && m_speech.status == Status::Speaking && m_ports.pauseSpeech) {
        m_ports.pauseSpeech(true);
        m_speech.status = Status::Paused;
    }
    if (request == Request::Resume && m_speech.status == Status::Paused && m_ports.pauseSpeech) {
        m_ports.pauseSpeech(false);
        m_speech.status = Status::Speaking;
    }
}

// Inside the content window, after the view is drawn: an article just opened goes back to where the
// reader left it (once its body is laid out); an open article's position is recorded as it scrolls,
// and saved at most once a second, and when the reader leaves it.
void ReaderApp::trackReadingPosition() {
    constexpr double kSaveIntervalMs = 1000.0;
    const core::Place& place = m_nav.current();
    const bool moved = place != m_lastDrawnPlace;
    const bool leftArticle = moved && m_lastDrawnPlace.view == core::View::Article;
    if (moved) m_restoreArticle = place.view == core::View::Article ? place.articleId : std::string();
    const core::Article* article = place.view == core::View::Article && m_bundle ? m_bundle->findArticle(place.articleId) : nullptr;
    const float maxY = ImGui::GetScrollMaxY();
    if (!moved && article && !article->bodyPending && maxY > 0.0f) {
        if (m_restoreArticle == article->id) {
            if (const auto fraction = m_positions.get(article->id)) ImGui::SetScrollY(*fraction * maxY);
            m_restoreArticle.clear();
        } else {
            const float fraction = ImGui::GetScrollY() / maxY;
            const auto saved = m_positions.get(article->id);
            if ((saved && std::fabs(*saved - fraction) > 0.001f) || (!saved && fraction > 0.0f)) {
                m_positions.set(article->id, fraction);
                m_positionsDirty = true;
            }
        }
    }
    if (leftArticle || m_sincePositionsSaved.ms() >= kSaveIntervalMs) saveReadingPositions();
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

void ReaderApp::saveReadingPositions() {
    if (!m_positionsDirty || !m_ports.savePositions) return;
    m_ports.savePositions(m_positions.serialize());
    m_positionsDirty = false;
    m_sincePositionsSaved = core::Stopwatch();
}

void ReaderApp::setSettings(const core::Settings& settings) {
    if (settings == m_settings) return;
    m_settings = settings;
    persistSettings();
}

void ReaderApp::persistSettings() {
    if (m_ports.saveSettings) m_ports.saveSettings(core::serializeSettings(m_settings));
}

// PgUp/PgDn/Space/Shift+Space by a screen, Home/End to the ends, ↑/↓ by a line in an article
// (in a list they move the selection). Called inside the content window.
void ReaderApp::handleScrollKeys() {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput || io.KeyCtrl || io.KeyAlt) return;
    const float page = ImGui::GetWindowHeight() * 0.9f;
    float scroll = ImGui::GetScrollY();
    const float before = scroll;
    if (ImGui::IsKeyPressed(ImGuiKey_PageDown) || (ImGui::IsKeyPressed(ImGuiKey_Space) && !io.KeyShift)) scroll += page;
    if (ImGui::IsKeyPressed(ImGuiKey_PageUp) || (ImGui::IsKeyPressed(ImGuiKey_Space) && io.KeyShift)) scroll -= page;
    if (ImGui::IsKeyPressed(ImGuiKey_Home, false)) scroll = 0.0f;
    if (ImGui::IsKeyPressed(ImGuiKey_End, false)) scroll = ImGui::GetScrollMaxY();
    if (m_nav.current().view == core::View::Article) {
        if (ImGui::IsKeyPressed(ImGuiKey_DownArrow)) scroll += kLineScroll;
        if (ImGui::IsKeyPressed(ImGuiKey_UpArrow)) scroll -= kLineScroll;
    }
    if (scroll != before) ImGui::SetScrollY(std::clamp(scroll, 0.0f, ImGui::GetScrollMaxY()));
}

// Esc goes back (after clearing a selection), Alt+← / Alt+→ move through the history.
void ReaderApp::handleHistoryKeys() {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput) return;
    if (ImGui::IsKeyPressed(ImGuiKey_Escape, false)) {
        if (m_articleView.hasSelection()) {
            m_articleView.clearSelection();
        } else {
            m_nav.back();
        }
    }
    if (io.KeyAlt && ImGui::IsKeyPressed(ImGuiKey_LeftArrow, false)) m_nav.back();
    if (io.KeyAlt && ImGui::IsKeyPressed(ImGuiKey_RightArrow, false)) m_nav.forward();
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

void ReaderApp::openRequestedLink(ViewContext& ctx) {
    if (ctx.linkToOpen.empty()) return;
    const std::string url = core::safeExternalUrl(ctx.linkToOpen);
    ctx.linkToOpen.clear();
    core::logf(core::LogLevel::Info, "link: %s", url.empty() ? "(refused)" : url.c_str());
    if (!url.empty() && m_ports.openLink) m_ports.openLink(url);
}

const core::ScriptConverter* ReaderApp::converter() const {
    switch (m_settings.script) {
        case core::Script::Simplified: return &core::ScriptConverter::toSimplified();
        case core::Script::Traditional: return m_toTraditional.get();
        case core::Script::Original: break;
    }
    return nullptr;
}

void ReaderApp::loadTraditionalTable(std::string table) {
    const core::Stopwatch parse;
    m_toTraditional = std::make_unique<core::ScriptConverter>(core::ScriptConverter::toTraditional(std::move(table)));
    core::logf(core::LogLevel::Info, "Simplified -> Traditional table: %zu entries in %.1f ms", m_toTraditional->entries(), parse.ms());
}

void ReaderApp::zoomBy(float factor) {
    if (!(factor > 0.0f)) return;
    core::Settings next = m_settings;
    next.zoom = std::clamp(next.zoom * factor, core::kMinZoom, core::kMaxZoom);
    setSettings(next);
}

std::string ReaderApp::loadBundle(std::string_view text) {
    const core::Stopwatch parse;
    m_loading = false;
    core::Result<core::Bundle> result = core::BundleLoader::load(text);
    if (!result) {
        m_error = result.error().describe();
        core::logf(core::LogLevel::Warn, "bundle refused (%zu bytes, parse %.1f ms): %s", text.size(), parse.ms(), m_error.c_str());
        return m_error;
    }
    const double parseMs = parse.ms();
    m_indexBuilder.reset();  // it reads the bundle that is about to be replaced
    m_bundle = std::move(*result);
    m_error.clear();
    ++m_bundleGeneration;
    m_searchIndex = core::SearchIndex();
    m_searchIndexValid = false;
    m_indexBuilder = std::make_unique<core::SearchIndexBuilder>(*m_bundle);
    m_shardsRequested.clear();
    m_shardErrors.clear();
    m_pendingBodies = static_cast<size_t>(std::count_if(m_bundle->articles.begin(), m_bundle->articles.end(),
                                                         [](const core::Article& a) { return a.bodyPending; }));
    m_nav.rebase(*m_bundle);
    m_articleView.reset();
    m_listView.reset();
    m_searchView = SearchView();
    m_loadStats = {text.size(), parseMs, 0.0, m_bundle->articles.size()};
    core::logf(core::LogLevel::Info, "bundle loaded: %zu articles, %zu categories, %zu bytes; parse %.1f ms",
               m_bundle->articles.size(), m_bundle->categories.size(), text.size(), parseMs);
    return {};
}

// A slice of the search index per frame, about `budgetMs` long; the views search once it is done.
void ReaderApp::stepSearchIndex(double budgetMs) {
    if (!m_indexBuilder) return;
    const core::Stopwatch slice;
    bool done = false;
    while (!(done = m_indexBuilder->step(kIndexStepArticles)) && slice.ms() < budgetMs) {
    }
    m_loadStats.indexMs += slice.ms();
    if (!done) return;
    m_searchIndex = m_indexBuilder->take();
    m_searchIndexValid = true;
    m_indexBuilder.reset();
    m_searchView = SearchView();  // results computed while there was no index
    core::logf(core::LogLevel::Info, "search index built: %zu articles in %.1f ms of slices", m_searchIndex.articleCount(),
               m_loadStats.indexMs);
}

void ReaderApp::finishSearchIndex() { stepSearchIndex(1e12); }

std::string ReaderApp::loadShard(const std::string& path, std::string_view text) {
    if (!m_bundle) return "no bundle";
    core::Result<std::vector<core::ShardArticle>> result = core::ShardLoader::load(text);
    if (!result) {
        shardFailed(path, path + ": " + result.error().describe());
        return m_shardErrors[path];
    }
    const bool wasBuilding = m_indexBuilder != nullptr;
    m_indexBuilder.reset();  // it reads the bodies about to change
    bool filled = false;
    bool currentChanged = false;
    const std::string& current = m_nav.current().articleId;
    for (core::ShardArticle& loaded : *result) {
        const auto found = m_bundle->articleIndex.find(loaded.id);
        if (found == m_bundle->articleIndex.end()) continue;
        core::Article& article = m_bundle->articles[found->second];
        if (article.shard != path || !article.bodyPending) continue;  // not this shard's to fill
        article.body = std::move(loaded.body);
        article.bodyPending = false;
        --m_pendingBodies;
        filled = true;
        currentChanged = currentChanged || article.id == current;
    }
    if (currentChanged) m_articleView.reset();
    // The bodies become searchable once the index is built again (meanwhile the old one answers).
    if (filled || wasBuilding) m_indexBuilder = std::make_unique<core::SearchIndexBuilder>(*m_bundle);
    core::logf(core::LogLevel::Info, "shard %s: %zu bytes, %zu articles", path.c_str(), text.size(), result->size());
    // An article the index puts in this shard but the shard left out would wait forever: say so.
    for (const core::Article& article : m_bundle->articles) {
        if (!article.bodyPending || article.shard != path) continue;
        shardFailed(path, path + ": no body for article \"" + article.id + "\"");
        return m_shardErrors[path];
    }
    return {};
}

void ReaderApp::shardFailed(const std::string& path, std::string message) {
    core::logf(core::LogLevel::Warn, "shard failed: %s", message.c_str());
    m_shardsRequested.erase(path);
    m_shardErrors[path] = std::move(message);
}

// Below the title and meta line of an article whose body has not arrived: asks for its shard once,
// then says it is loading, or why it failed with a retry button.
void ReaderApp::drawPendingBody(ViewContext& ctx, const core::Article& article) {
    const auto error = m_shardErrors.find(article.shard);
    if (error != m_shardErrors.end()) {
        drawMessage(ctx, std::string(ctx.strings.loadFailed), error->second, true);
        if (!m_ports.requestShard || !drawRetryButton(ctx)) return;
        m_shardErrors.erase(error);
    }
    if (m_ports.requestShard && m_shardsRequested.insert(article.shard).second) m_ports.requestShard(article.shard);
    if (article.bodyPending && !m_shardErrors.contains(article.shard)) drawMessage(ctx, std::string(ctx.strings.loading), "", false);
}

void ReaderApp::showLoadFailure(std::string message) {
    m_error = std::move(message);
    m_loading = false;
}

void ReaderApp::showLoadProgress(size_t received, size_t total) {
    m_loading = true;
    m_received = received;
    m_expected = total;
}

bool ReaderApp::open(const std::string& articleId) {
    if (!m_bundle || !m_bundle->findArticle(articleId)) return false;
    m_nav.openArticle(articleId);
    return true;
}

bool ReaderApp::back() { return m_nav.back(); }

bool ReaderApp::revealParagraph(size_t paragraph) {
    const core::Place& place = m_nav.current();
    const core::Article* article = m_bundle && place.view == core::View::Article ? m_bundle->findArticle(place.articleId) : nullptr;
    if (!article || paragraph >= article->body.size()) return false;
    m_articleView.reveal(article->id, paragraph);
    return true;
}

std::vector<std::string> ReaderApp::search(const std::string& query) {
    std::vector<std::string> ids;
    if (!m_bundle) return ids;
    finishSearchIndex();
    ViewContext ctx = context();
    for (const core::SearchResult& result : m_searchView.results(ctx, query)) ids.push_back(m_bundle->articles[result.article].id);
    return ids;
}

bool ReaderApp::go(const core::Place& place) {
    if (!m_bundle) return false;
    bool exists = true;
    if (place.view == core::View::Article) exists = m_bundle->findArticle(place.articleId) != nullptr;
    if (place.view == core::View::List) exists = place.categoryId.empty() || m_bundle->findCategory(place.categoryId);
    if (exists) m_nav.go(place);
    return exists;
}

std::string ReaderApp::currentCategoryId() const {
    const core::Place& place = m_nav.current();
    if (place.view == core::View::List || !m_bundle) return place.categoryId;
    const core::Article* article = m_bundle->findArticle(place.articleId);
    return article ? article->categoryId : std::string();
}

std::string ReaderApp::contentLanguage() const {
    const std::string locale = m_bundle ? m_bundle->site.locale : std::string(kDefaultLocale);
    if (!locale.starts_with("zh") || m_settings.script == core::Script::Original) return locale;
    return m_settings.script == core::Script::Simplified ? "zh-Hans" : "zh-Hant";
}

// The chrome speaks the page's locale if it set one, else the content's (首頁 / 首页 follows the script).
std::string ReaderApp::uiLocale() const { return !m_uiLocale.empty() ? m_uiLocale : contentLanguage(); }

ViewContext ReaderApp::context() {
    // Named, not positional: a field added to ViewContext must never slide the others along.
    return ViewContext{
        .bundle = m_bundle ? &*m_bundle : nullptr,
        .nav = m_nav,
        .strings = core::uiStringsFor(uiLocale()),
        .theme = themeFor(m_settings.theme, m_systemPrefersDark, m_systemPrefersContrast),
        .font = m_font,
        .items = m_items,
        .settings = m_settings,
        .searchIndex = m_searchIndexValid ? &m_searchIndex : nullptr,
        .searchOrder = m_searchOrder,
        .highlightQuery = m_searchState.buffer,
        .bodiesPending = m_pendingBodies > 0,
        .converter = converter(),
        .speech = &m_speech,
        .canPrint = static_cast<bool>(m_ports.print),
        .indexProgress = m_indexBuilder ? static_cast<float>(m_indexBuilder->progress()) : 1.0f,
        .serifFont = m_serifFont,
    };
}

void ReaderApp::frame() {
    m_items.beginFrame();
    if (m_settings.script == core::Script::Traditional && !m_toTraditional && !m_traditionalRequested &&
        m_ports.requestTraditionalTable) {
        m_traditionalRequested = true;
        m_ports.requestTraditionalTable();
    }
    stepSearchIndex(kIndexSliceMs);
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

    drawTopBar(ctx, core::formatToday(m_ports.today(), ctx.strings), m_searchState);
    openRequestedLink(ctx);

    // Wide screens get the category tree as a sidebar; narrow ones a menu by the breadcrumb.
    ctx.narrow = viewport->Size.x < kSidebarMinWindowWidth;
    if (m_bundle && !ctx.narrow) {
        ImGui::BeginChild("sidebar", ImVec2(kSidebarWidth, 0), ImGuiChildFlags_None, ImGuiWindowFlags_NoSavedSettings);
        ImGui::Dummy(ImVec2(0, 16));
        ImGui::Indent(12.0f);
        drawCategoryTree(ctx);
        ImGui::Unindent(12.0f);
        ImGui::EndChild();
        const ImVec2 edge = ImGui::GetItemRectMax();
        ImGui::GetWindowDrawList()->AddLine(ImVec2(edge.x, ImGui::GetItemRectMin().y), edge, ctx.theme.rule);
        ImGui::SameLine(0, 0);
    }

    // Ctrl+wheel zooms the text; it must not also scroll.
    const ImGuiWindowFlags contentFlags = ImGuiWindowFlags_NoSavedSettings | (ImGui::GetIO().KeyCtrl ? ImGuiWindowFlags_NoScrollWithMouse : 0);
    ImGui::BeginChild("content", ImVec2(0, 0), ImGuiChildFlags_None, contentFlags);
    handleScrollKeys();
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
    if (m_loading) drawProgress(ctx, m_received, m_expected);
    if (!m_error.empty()) {
        const std::string detail = m_bundle ? m_error + "\n" + std::string(ctx.strings.keptPrevious) : m_error;
        drawMessage(ctx, std::string(ctx.strings.loadFailed), detail, true);
        if (m_ports.retryLoad && drawRetryButton(ctx)) {
            m_error.clear();
            m_ports.retryLoad();
        }
    }
    if (m_bundle) {
        drawBreadcrumb(ctx);
        const core::Place& place = m_nav.current();
        const core::Article* article = place.view == core::View::Article ? m_bundle->findArticle(place.articleId) : nullptr;
        if (article) {
            m_articleView.draw(ctx, *article);
            if (article->bodyPending) drawPendingBody(ctx, *article);
        } else if (place.view == core::View::Search) {
            m_searchView.draw(ctx, place.query);
        } else {
            m_listView.draw(ctx, place.categoryId);
        }
    } else if (m_error.empty() && !m_loading) {
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
    trackReadingPosition();
    drawReadingProgress(ctx);
    m_lastDrawnPlace = m_nav.current();
    m_scrollY = ImGui::GetScrollY();
    ImGui::EndChild();

    ImGui::PopFont();
    ImGui::End();
    handleHistoryKeys();
    carryOutSpeechRequest();
    if (ctx.printRequested && m_ports.print) m_ports.print();
    if (m_settings != before) persistSettings();
    if (!m_firstViewDrawn && (m_bundle || !m_error.empty())) {
        core::logf(core::LogLevel::Info, "first view drawn %.1f ms after start", m_sinceStart.ms());
        m_firstViewDrawn = true;
    }
    if (m_debug && m_debugPanels) m_debugPanels(*this);
}

}  // namespace reader::ui
