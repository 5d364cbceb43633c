// ReaderApp: the whole reader as one ImGui frame function over core state.
//
// Architecture in one paragraph. core/ owns the data and the rules: a Bundle (loaded and validated
// by BundleLoader), a Navigator (where the reader is, and its history), the text layout. ui/ draws
// that state with Dear ImGui each frame and turns clicks into Navigator moves; it never parses
// JSON and never touches GL or the browser. Each platform (platform/native, platform/web) owns the
// window, the GL context, input and the font source, fills the Ports (ports.h) by name, drives
// ReaderApp::frame() between ImGui::NewFrame() and ImGui::Render(), and after each frame drains
// the app's requests (takeRequests). Shells and tests read the state (view_state.h) and aim clicks
// through the small query API at the bottom of this class.
//
// ReaderApp coordinates parts with one job each: BundleSession (the bundle, its shards, the search
// index built in slices), Speech (reading aloud), PositionTracker (where the reader left each
// article), ScriptTables (the Traditional table); the views (one header each) draw, and hand back
// what happened (ViewResult) for the app to carry out.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "annotation_keeper.h"
#include "annotations_panel.h"
#include "article_view.h"
#include "bundle_session.h"
#include "core/error.h"
#include "core/image_cache.h"
#include "core/logger.h"
#include "core/navigation.h"
#include "core/reading_positions.h"
#include "core/search_index.h"
#include "core/settings.h"
#include "item_registry.h"
#include "figure_images.h"
#include "image_zoom.h"
#include "keyboard_focus.h"
#include "list_view.h"
#include "ports.h"
#include "position_tracker.h"
#include "script_tables.h"
#include "search_view.h"
#include "speech.h"
#include "view_context.h"

struct ImFont;

namespace reader::ui {

class ReaderApp {
public:
    explicit ReaderApp(Ports ports);
    ReaderApp(const ReaderApp&) = delete;  // its parts hold on to m_ports
    ReaderApp& operator=(const ReaderApp&) = delete;

    // The font every view draws with (from the platform's FontSource); call before the first frame.
    void setFont(ImFont* font) { m_font = font; }
    // A serif face for the body (Settings::serif); null: the platform has none.
    void setSerifFont(ImFont* font) { m_serifFont = font; }

    // Loads a bundle. On failure the error is shown and the previous bundle, if any, stays.
    core::Result<void> loadBundle(std::string_view text);
    // The same from text pulled a chunk at a time, `bytes` in all (BundleSession::loadBundleStreamed):
    // false when it did not load; nothing changed then, and loadBundle() on the whole text tells why.
    bool loadBundleStreamed(size_t bytes, const core::BundleLoader::Source& source);
    // A bundle that never arrived (network error, missing file): shown like a load error.
    void showLoadFailure(std::string message) { m_session.showLoadFailure(std::move(message)); }
    // A download in progress: bytes so far and expected (0 when unknown); shown as a progress bar.
    void showLoadProgress(size_t received, size_t total) { m_session.showLoadProgress(received, total); }

    // What the app asks the platform for (a split bundle's shards, script tables): drained
    // after each frame, answered at once or later with the calls below (ports.h).
    std::vector<PlatformRequest> takeRequests();
    // Split bundles (data/README.md, "The split form"): a shard's bodies, or why there are none. A
    // failure is shown in the article with a retry button, as "PATH: what went wrong".
    core::Result<void> loadShard(const std::string& path, std::string_view text);
    void shardFailed(const std::string& path, std::string message) { m_session.shardFailed(path, std::move(message)); }
    // A script conversion table (PlatformRequest::ScriptTable) by its file name; false for a name
    // that is no table's.
    bool loadScriptTable(std::string_view file, std::string table) { return m_scripts.load(file, std::move(table)); }
    // A figure's image (PlatformRequest::Image) as the platform's texture, or why there is none
    // (logged with its src; the figure keeps its alt text). One texture a frame at most, so that
    // no frame waits on several uploads.
    void imageArrived(const core::ImageKey& key, uint64_t texture) { m_images.cache().arrived(key, texture); }
    void imageFailed(const core::ImageKey& key, std::string message) { m_images.cache().failed(key, std::move(message)); }
    const core::ImageCache& images() const { return m_images.cache(); }
    // The zoom view of a figure's image (image_zoom.h), open or not.
    const ImageZoom& imageZoom() const { return m_zoom; }

    // Touch screens (TouchGestures through the platform): scrolls the content by `pixels` (down
    // when positive) in the next frame, as far as it goes; returns what is left past its top or
    // bottom (the page's to scroll, overscroll chaining). Multiplies the text zoom by `factor` (a pinch).
    float scrollBy(float pixels);
    void zoomBy(float factor);
    // The system's colour preference (prefers-color-scheme), which the Auto theme follows.
    void setSystemPrefersDark(bool dark) { m_systemPrefersDark = dark; }
    // prefers-contrast: more, which the Auto theme follows too.
    void setSystemPrefersContrast(bool more) { m_systemPrefersContrast = more; }
    // Forced colours: the system's palette replaces every theme until it is cleared (nullopt).
    void setSystemColors(const std::optional<SystemColors>& colors);
    // The embedding page's colours over the theme (forced colours still win); {} none.
    void setPageColors(const PageColors& colors) { m_pageColors = colors; }
    // The embedding page's body text size at 中, in CSS pixels (--reader-font-size); 0: the reader's.
    // Kept within 8–72 px, as a page's stray value must not make the reader unreadable.
    void setPageTextSize(float px);
    // The faces' glyphs changed (the page's font family): every layout is measured anew.
    void fontsChanged() { ++m_fontGeneration; }
    // An IME composition in the search box starts or ends (the page shows the text being composed).
    void setComposing(bool composing) { m_searchState.composing = composing; }
    // A UI locale that overrides the bundle's (zh-Hant, zh-Hans, en, ...); empty: the bundle's.
    void setUiLocale(std::string locale) { m_uiLocale = std::move(locale); }
    // The language of the text as shown (the bundle's locale, or zh-Hans / zh-Hant for a chosen script),
    // and of the reader's own words (the page's locale option, else the text's).
    std::string contentLanguage() const;
    std::string uiLocale() const;
    // The converter of the script the settings ask for, or null (original, or a table not loaded yet).
    const core::ScriptConverter* converter() const { return m_scripts.converter(m_settings.script); }

    // Reading aloud (Ports::speak): the sentence that started, and the end of the reading.
    void speechAt(size_t sentence) { m_speech.at(sentence); }
    void speechEnded() { m_speech.ended(); }
    const SpeechState& speech() const { return m_speech.state(); }

    // Draws one frame of the reader covering the whole ImGui display.
    void frame();
    // True while the app has work for the coming frames (the search index is built a slice per
    // frame, so the UI answers meanwhile): the platform keeps drawing instead of sleeping.
    bool busy() const { return m_session.indexing(); }
    // Builds what is left of the search index now (the page's search() needs a complete one).
    void finishSearchIndex();
    // A slice of the search index between frames, as long as a frame's (the web platform runs them
    // as tasks of their own, so that the index is not held to one slice a frame while the page
    // still answers between them). True once the index is complete.
    bool stepSearchIndex();

    // Queries and commands for shells and tests.
    const core::Navigator& navigator() const { return m_nav; }
    const core::Bundle* bundle() const { return m_session.bundle(); }
    const std::string& error() const { return m_session.error(); }
    // A download in progress (showLoadProgress) and no bundle or error since.
    bool loading() const { return m_session.loading(); }
    using LoadStats = BundleSession::LoadStats;
    const LoadStats& loadStats() const { return m_session.loadStats(); }
    const core::Settings& settings() const { return m_settings; }
    // The settings as saved: without what the page overrode for this visit.
    const core::Settings& savedSettings() const { return m_savedSettings; }
    // Applies new settings and persists (through the ports) those that changed.
    void setSettings(const core::Settings& settings);
    // Applies settings for this session only (an embedding page's options): they are never saved,
    // also not when the reader's own switches change and save the others.
    void overrideSettings(const core::Settings& settings) { m_settings = settings; }
    bool open(const std::string& articleId);
    // Goes to a place that exists in the bundle; false (and nothing moves) otherwise.
    bool go(const core::Place& place);
    bool back() { return m_nav.back(); }
    // In the article view: scrolls body paragraph `paragraph` to the top and marks it until the next
    // click (find-in-page on the page's text mirror landed there). False outside an article or
    // beyond its last paragraph.
    bool revealParagraph(size_t paragraph);
    std::optional<ScreenRect> itemRect(const std::string& key) const { return m_items.find(key); }
    // Keyboard focus (keyboard_focus.h): whether a Tab now leaves the reader for the page; focus
    // arriving by Tab (forward) or Shift+Tab (backward); focus lost.
    bool tabLeaves(bool backward) const { return ui::tabLeaves(backward, m_items); }
    void enterByKeyboard(bool backward) { ui::enterFromEdge(backward); }
    void loseKeyboardFocus() { ui::hideKeyboardFocus(); }
    // The item of `key` (an itemRect key) shows keyboard focus while its text-mirror link has the
    // page's focus; "" when that focus went elsewhere.
    void showMirrorFocus(const std::string& key);
    // The category shown in the breadcrumb: the list's category, or the open article's.
    std::string currentCategoryId() const;
    // The article's selected text as it is displayed (empty without a selection).
    std::string selectedText() const { return m_articleView.selectedText(); }
    void selectAllText() { m_articleView.selectAll(); }
    // Ids of the articles a query finds, in the current order (what the search view lists).
    std::vector<std::string> search(const std::string& query);
    // Ids of the articles a search place lists: its query's results (the archive without one) that
    // pass its filters, in the current order.
    std::vector<std::string> listedResults(const core::Place& place);
    // The excerpts of the first `count` of those, as the search view shows them (with their
    // sub-results unless `subResults` is false).
    std::vector<SearchExcerpt> searchExcerpts(const core::Place& place, size_t count, bool subResults = true);
    // The counts beside each of a search place's filter choices (search_filters.h).
    const core::FacetCounts& searchFacets(const core::Place& place);
    const core::SearchIndex& searchIndex() const { return m_session.searchIndex(); }
    bool searchIndexReady() const { return m_session.searchIndexReady(); }
    const SplitSearch& splitSearch() const { return m_session.splitSearch(); }
    // The order the search view lists its results in (the reader switches it there).
    core::SearchOrder searchOrder() const { return m_settings.searchOrder; }
    // True once a frame has shown a bundle's view or a load error (what `ready` waits for).
    bool hasDrawnFirstView() const { return m_firstViewDrawn; }
    // The content's scroll position in the last frame, logical pixels from its top.
    float scrollY() const { return m_scrollY; }
    // The screen y where the scrolled content starts (below the top bar), in the last frame.
    float contentTopY() const { return m_contentTopY; }
    // Where the reader left each article (restored when it opens again); saved through the ports.
    const core::ReadingPositions& readingPositions() const { return m_positions.positions(); }
    // Saves positions not saved yet (the page is going away; frames stop when the reader is idle).
    void saveReadingPositions() { m_positions.save(); }

    // Highlights, notes and bookmarks (reader_app_annotations.cpp). The platform says what the
    // bundle's address is (the annotations' source) and what deep links start with (the page's address).
    void setAnnotationSource(std::string source, std::string linkBase) { m_annotations.setSource(std::move(source), std::move(linkBase)); }
    const AnnotationKeeper& annotations() const { return m_annotations; }
    // Merges a file of annotations (this site's, as exported); the panel tells the reader what came of
    // it. `fileBytes`: the size of a file the platform did not read because it is over the limit.
    core::Result<core::MergeCount> importAnnotations(std::string_view json, size_t fileBytes = 0);
    // This bundle's annotations as "md", "json" or "csv" (empty for another format).
    std::string exportAnnotations(std::string_view format) const;
    void toggleAnnotationsPanel() { m_annotationsPanel.toggle(); }
    bool annotationsPanelOpen() const { return m_annotationsPanel.isOpen(); }

    // Debug panels (wasm/ui/debug/): the platform installs them, and they are drawn over the reader
    // at the end of each frame while debug() is on. Off by default; without panels, nothing shows.
    void setDebugPanels(std::function<void(ReaderApp&)> draw) { m_debugPanels = std::move(draw); }
    void setDebug(bool on) { m_debug = on; }
    bool debug() const { return m_debug; }
    const ArticleView& articleView() const { return m_articleView; }
    ImFont* font() const { return m_font; }
    // Successful loads so far: caches of bundle data compare it to know they are stale.
    size_t bundleGeneration() const { return m_session.generation(); }

private:
    void showNewBundle();  // after a bundle loaded: the place, views and search start over on it
    ViewContext context();
    void showQueryInBox(const std::string& query);
    ViewContext beginFrame();
    void drawSidebar(ViewContext& ctx);
    ViewResult drawContent(ViewContext& ctx);
    ViewResult drawPage(ViewContext& ctx);
    void drawLoadError(ViewContext& ctx);
    ViewResult drawPlace(ViewContext& ctx);
    void drawPendingBody(ViewContext& ctx, const core::Article& article);
    void drawFooterAtBottom(ViewContext& ctx);
    void drawReadingProgress(const ViewContext& ctx) const;
    void endFrame(ViewContext& ctx, const ViewResult& result, const core::Settings& before);
    void openLink(const std::string& link);
    bool drawAnnotationsPanel(ViewContext& ctx);
    void saveChangedSettings(const core::Settings& before);
    const core::Article* articleAt(const core::Place& place) const;

    // The world, and the parts with one job each.
    Ports m_ports;
    BundleSession m_session;
    Speech m_speech{m_ports};
    PositionTracker m_positions{m_ports};
    AnnotationKeeper m_annotations{m_ports};
    ScriptTables m_scripts;
    // Where the reader is and how the text looks.
    core::Navigator m_nav;
    core::Settings m_settings;
    // The views.
    ImFont* m_font = nullptr;
    ImFont* m_serifFont = nullptr;
    ItemRegistry m_items;
    ArticleView m_articleView;
    ListView m_listView;
    SearchView m_searchView;
    size_t m_openAtParagraph = SIZE_MAX;  // ViewContext::openAtParagraph (SIZE_MAX: none asked)
    SearchState m_searchState;
    FigureImages m_images;
    ImageZoom m_zoom;
    AnnotationsPanel m_annotationsPanel;
    // The content window as last drawn.
    core::Place m_lastDrawnPlace;
    core::Settings m_savedSettings;  // as saved: m_settings without the page's overrides
    bool m_firstViewDrawn = false;
    float m_scrollY = 0.0f;
    float m_scrollMaxY = 0.0f;  // the content's scroll range in the last frame
    float m_contentTopY = 0.0f;
    float m_pendingScroll = 0.0f;  // scrollBy() since the last frame
    // What the system and the page say.
    bool m_systemPrefersDark = false;
    bool m_systemPrefersContrast = false;
    std::optional<Theme> m_systemTheme;  // forced colours
    PageColors m_pageColors;
    float m_pageTextSize = 0.0f;
    int m_fontGeneration = 0;
    Theme m_theme{};  // this frame's: the chosen theme, the page's colours over it, or forced colours
    std::string m_uiLocale;
    // Debugging.
    std::function<void(ReaderApp&)> m_debugPanels;
    bool m_debug = false;
    core::Stopwatch m_sinceStart;  // for the log's "first view drawn after ... ms"
};

}  // namespace reader::ui
