// The reader's views. Each draws one part of the page from core state and reports clicks as
// Navigator moves or settings changes; none owns state beyond caches and the text selection.
#pragma once

#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "core/bundle.h"
#include "core/navigation.h"
#include "core/search_index.h"
#include "core/settings.h"
#include "core/text_layout.h"
#include "core/ui_strings.h"
#include "item_registry.h"
#include "paragraph_view.h"
#include "theme.h"

struct ImFont;

namespace reader::ui {

// What the search box holds.
struct SearchState {
    char buffer[256] = "";        // UTF-8 query as typed
    bool focusRequested = false;  // put the keyboard cursor in the box on the next frame
};

// What every view needs for one frame.
struct SpeechState;  // below

struct ViewContext {
    const core::Bundle* bundle;  // null until one loads
    core::Navigator& nav;
    const core::UiStrings& strings;
    const Theme& theme;
    ImFont* font;
    ItemRegistry& items;
    core::Settings& settings;
    const core::SearchIndex* searchIndex = nullptr;  // of `bundle`
    core::SearchOrder& searchOrder;
    float width = 0.0f;         // of the content column, logical pixels
    bool scrollToTop = false;   // set by a view to bring the content back to its top
    bool narrow = false;        // no room for the sidebar: categories are a menu
    std::string_view highlightQuery;  // the search box's query: its hits are marked in articles
    bool bodiesPending = false;       // a split bundle with bodies not loaded yet (search sees titles only)
    std::string linkToOpen;           // set by a view: a link clicked this frame (core/links.h checks it)
    const core::ScriptConverter* converter = nullptr;  // the script the reader chose; null: as written
    SpeechState* speech = nullptr;
    bool canPrint = false;        // the platform prints (the panel shows a print button)
    bool printRequested = false;  // set by the panel's button this frame
    float indexProgress = 1.0f;   // of the search index being built (0 to 1), 1 when done
    ImFont* serifFont = nullptr;  // the platform's serif face, if it has one

    // The face of the article's title and body: serif when the reader picked it and there is one.
    ImFont* bodyFont() const { return settings.serif && serifFont ? serifFont : font; }

    // Bundle text as it is shown: in the chosen script.
    std::string shown(std::string_view text) const { return core::inScript(converter, text); }
};

// Reading aloud: the open article's sentences as displayed (annotations stripped, in the chosen
// script), the one being read marked. The meta line's button files a request; ReaderApp carries it
// out through the ports after the frame.
struct SpeechState {
    enum class Status { Idle, Speaking, Paused };
    enum class Request { None, Start, Pause, Resume, Stop };
    struct Sentence {
        size_t paragraph;  // index into the body, or SIZE_MAX for the title
        size_t begin;      // code points of the paragraph's stripped text
        size_t end;
        std::string text;
    };
    bool available = false;  // the platform can speak
    Status status = Status::Idle;
    Request request = Request::None;
    std::string articleId;
    std::vector<Sentence> sentences;
    std::optional<size_t> current;  // the sentence being read
};

// The settings panel (settings_panel.cpp): its button in the meta line opens it; the panel itself
// is drawn right after, in the same window.
bool drawSettingsButton(ViewContext& ctx);
float settingsButtonWidth(ViewContext& ctx);
void drawSettingsPanel(ViewContext& ctx);

// Body text size after the preset and the zoom, in logical pixels.
float bodyFontSize(const core::Settings& settings);

// A place in an article's body: paragraph and caret (displayed-text index) within it.
struct TextPosition {
    size_t paragraph = 0;
    size_t caret = 0;
    auto operator<=>(const TextPosition&) const = default;
};

// The open article: its laid-out paragraphs (kept while nothing they depend on changes) and the
// reader's text selection.
class ArticleView {
public:
    void draw(ViewContext& ctx, const core::Article& article);
    void reset() { *this = ArticleView(); }

    bool hasSelection() const { return m_anchor != m_focus; }
    // Search hits of the highlighted query in this article (title and paragraphs).
    size_t hitCount() const { return m_hits.size(); }
    // The selected text as displayed (pinyin only in inline mode), paragraphs joined by newlines.
    std::string selectedText() const;
    void selectAll();
    void clearSelection() { m_anchor = m_focus; }
    // Brings body paragraph `paragraph` of article `articleId` to the top of the content on the next
    // frame and marks it until the next click (the page's find-in-page landed on it).
    void reveal(const std::string& articleId, size_t paragraph);
    // The paragraph marked by reveal(), if any.
    std::optional<size_t> revealedParagraph() const { return m_revealed; }

    // For the debug overlay (wasm/ui/debug/): the layouts as last drawn and where, this frame.
    const std::string& articleId() const { return m_articleId; }
    const core::ParagraphLayout& titleLayout() const { return m_title; }
    ImVec2 titleOrigin() const { return m_titleOrigin; }
    const std::vector<core::ParagraphLayout>& paragraphLayouts() const { return m_paragraphs; }  // one per body paragraph
    const std::vector<ImVec2>& paragraphOrigins() const { return m_origins; }
    float layoutWidth() const { return m_width; }
    float bodyTextSize() const { return m_fontSize; }
    float titleTextSize() const { return std::round(m_fontSize * typography().titleScale); }
    core::RubyMode rubyMode() const { return m_rubyMode; }

private:
    void relayoutIfNeeded(ViewContext& ctx, const core::Article& article);
    void keepTopParagraph();
    void restoreTopParagraph();
    void handleMouse(ViewContext& ctx);
    void handleKeys();
    void drawCopyButton(ViewContext& ctx);
    std::optional<TextPosition> hitTest(ImVec2 point) const;
    void updateHits(const ViewContext& ctx, const core::Article& article);
    void updateSpeechMark(const ViewContext& ctx, const core::Article& article);
    void showReadingUnderPointer(const ViewContext& ctx, const core::Article& article);
    void handleHitKeys(ViewContext& ctx);
    std::vector<Highlight> highlightsFor(const ViewContext& ctx, size_t paragraph) const;
    ParagraphStyle bodyStyle(const ViewContext& ctx) const;

    // Layout inputs, to know when to lay out again.
    std::string m_articleId;
    const core::Bundle* m_bundle = nullptr;
    float m_width = 0.0f;
    float m_fontSize = 0.0f;
    core::RubyMode m_rubyMode = core::RubyMode::Above;
    const core::ScriptConverter* m_converter = nullptr;  // the script the layout was made in
    ImFont* m_layoutFont = nullptr;                       // and the face
    size_t m_readingMinutes = 1;                          // the meta line's estimate, per layout
    float m_lineHeight = 0.0f;
    float m_letterSpacing = 0.0f;
    bool m_justify = true;
    // The paragraph at the top of the window when the layout changed, kept there (settings changes
    // never make the reader lose their place).
    struct TopAnchor {
        size_t paragraph;
        float fraction;  // of its height, above the window's top
    };
    std::optional<TopAnchor> m_topAnchor;
    float m_drawnScrollY = 0.0f;

    core::ParagraphLayout m_title;
    std::vector<core::ParagraphLayout> m_paragraphs;
    std::vector<ImVec2> m_origins;  // screen position of each paragraph this frame
    ImVec2 m_titleOrigin;           // and of the title
    ImVec2 m_bodyMin, m_bodyMax;    // the body's screen rectangle this frame
    TextPosition m_anchor, m_focus;
    bool m_dragging = false;

    // Search hits, as displayed-text ranges; paragraph kTitle is the title.
    struct TextHit {
        static constexpr size_t kTitle = SIZE_MAX;
        size_t paragraph;
        size_t begin;
        size_t end;
    };
    std::vector<TextHit> m_hits;
    std::optional<TextHit> m_speechMark;         // the sentence read aloud now
    std::optional<size_t> m_speechSentence;      // its index, to know when it changes
    core::RubyMode m_speechMode = core::RubyMode::Above;
    bool m_scrollToSpeech = false;
    std::string m_hitsFor;       // query + article + mode the hits were found for
    size_t m_currentHit = 0;
    bool m_scrollToHit = false;

    // reveal(): the paragraph marked, of which article, and whether it still has to be scrolled to.
    std::optional<size_t> m_revealed;
    std::string m_revealedIn;
    bool m_scrollToRevealed = false;
};

// A category's articles, newest first, with a keyboard selection.
class ListView {
public:
    void draw(ViewContext& ctx, const std::string& categoryId);
    void reset() { *this = ListView(); }

private:
    const std::vector<const core::Article*>& articles(const ViewContext& ctx, const std::string& categoryId);
    float rowHeight(const ViewContext& ctx) const;
    void drawRow(ViewContext& ctx, const core::Article& article, bool selected);
    void handleKeys(ViewContext& ctx, float listTop);

    // The listed articles, kept while the bundle and category stay the same.
    const core::Bundle* m_bundle = nullptr;
    std::string m_categoryId;
    bool m_valid = false;
    std::vector<const core::Article*> m_articles;
    size_t m_selected = 0;
    bool m_keyboardUsed = false;  // the selection shows once the keyboard moved it
};

// Search results for the query of the current place, in the chosen order.
class SearchView {
public:
    static constexpr size_t kMaxResults = 500;

    void draw(ViewContext& ctx, const std::string& query);
    const std::vector<core::SearchResult>& results(const ViewContext& ctx, const std::string& query);

private:
    void ensureResults(const ViewContext& ctx, const std::string& query);
    float rowHeight(const ViewContext& ctx) const;
    void drawRow(ViewContext& ctx, size_t i);

    const core::Bundle* m_bundle = nullptr;
    const core::SearchIndex* m_index = nullptr;
    std::string m_query;
    core::SearchOrder m_order = core::SearchOrder::Newest;
    std::vector<core::SearchResult> m_results;
    std::vector<std::optional<core::SearchIndex::Snippet>> m_snippets;  // made when first shown
};

void drawSearchBox(ViewContext& ctx, SearchState& search, float width);
float searchBoxHeight(const ViewContext& ctx);

// The category tree (for the sidebar), and the narrow screens' menu button that opens it.
void drawCategoryTree(ViewContext& ctx);
void drawCategoryMenuButton(ViewContext& ctx);

void drawTopBar(ViewContext& ctx, const std::string& today, SearchState& search);
void drawBreadcrumb(ViewContext& ctx);
void drawFooter(ViewContext& ctx);
float footerHeight(const ViewContext& ctx);
void drawMessage(ViewContext& ctx, const std::string& heading, const std::string& detail, bool isError);
// "正在載入… 1.2 MB / 3.4 MB" with a bar; total 0 when unknown.
void drawProgress(ViewContext& ctx, size_t received, size_t total);
void drawProgressBar(ViewContext& ctx, float fraction);  // 0 to 1, the column wide
// The error view's 重試 button; true when clicked.
bool drawRetryButton(ViewContext& ctx);

}  // namespace reader::ui
