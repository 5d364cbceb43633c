// The debug panels, one class or function each (debug_panels.h says what each one shows). Private
// to wasm/ui/debug/.
#pragma once

#include <array>
#include <chrono>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include <imgui.h>

#include "core/bundle.h"
#include "core/text_layout.h"
#include "debug_panels.h"

struct ImGuiContext;
struct ImGuiContextHook;
struct ImGuiWindow;

namespace reader::ui {

class ReaderApp;

// [SECTION] Bundle inspector

class BundleInspector {
public:
    void draw(ReaderApp& app);

private:
    struct ArticleStats {
        size_t characters = 0;      // code points of title and body with the pinyin annotations taken out
        size_t distinctGlyphs = 0;  // distinct code points drawn with ruby above (title, source, body, readings)
        size_t rubyRuns = 0;        // annotated units the RubyParser found (title, source, body)
        size_t paragraphs = 0;
    };
    void refresh(const ReaderApp& app);
    const ArticleStats& statsFor(const core::Article& article);
    void drawCategory(const core::Category& category, int depth);
    void drawArticles(ReaderApp& app);

    size_t m_generation = 0;  // ReaderApp::bundleGeneration() the caches below belong to
    const core::Bundle* m_bundle = nullptr;
    std::unordered_map<std::string, ArticleStats> m_stats;
    std::unordered_map<std::string, std::vector<const core::Category*>> m_children;  // by parent id
    std::unordered_map<std::string, size_t> m_directArticles;                         // by category id
    std::string m_selected;  // article id
};

// [SECTION] Layout overlay

class LayoutOverlay {
public:
    // Draws line boxes, break opportunities and ruby boxes over the open article (into the reader's
    // content window, clipped like the text) and finds the character under the mouse.
    void drawOverlay(const ReaderApp& app);
    // The overlay's switches and what is under the mouse.
    void drawPanel(const ReaderApp& app);

    bool enabled = true;
    bool showLines = true;
    bool showBreaks = true;
    bool showRuby = true;

private:
    struct Block {  // the title or one paragraph, as drawn this frame
        const core::ParagraphLayout* layout;
        ImVec2 origin;
        float fontSize;
        const std::vector<bool>* breaks;  // null when they could not be rebuilt
        int paragraph;                    // -1 for the title
    };
    struct Hover {
        int paragraph = -1;
        size_t line = 0;
        size_t index = 0;  // in the displayed text
        char32_t cp = 0;
        float fontSize = 0.0f;
        float layoutX = 0.0f, layoutAdvance = 0.0f;
        bool hasGlyph = false;
        float advanceX = 0.0f, x0 = 0.0f, y0 = 0.0f, x1 = 0.0f, y1 = 0.0f;
        bool visible = false;
        const char* breakClass = "";
        bool breakBefore = false, breakAfter = false;
        std::string reading;
    };
    void rebuildBreaks(const ReaderApp& app);
    void drawBlock(ImDrawList* drawList, ImFont* font, const Block& block, float width) const;
    void findHover(const ReaderApp& app, ImDrawList* drawList, const Block& block, ImVec2 mouse);

    // Break opportunities of the open article (LineBreaker, as TextLayout computes them), rebuilt
    // when the article, the bundle or the ruby mode changes.
    std::string m_articleId;
    size_t m_generation = 0;
    core::RubyMode m_mode = core::RubyMode::Above;
    std::vector<bool> m_titleBreaks;
    std::vector<std::vector<bool>> m_breaks;
    bool m_titleBreaksValid = false;
    std::vector<bool> m_breaksValid;
    std::optional<Hover> m_hover;
};

// [SECTION] Font atlas

void drawFontAtlasPanel();

// [SECTION] Frame stats

// Measures every frame through the ImGui context's hooks (NewFrame to the end of Render: the
// reader's and ImGui's CPU time, GL excluded) and counts what Render produced.
class FrameStats {
public:
    void attach();
    void detach();
    void draw(const PlatformStats& platform) const;

private:
    static void onNewFrame(ImGuiContext* context, ImGuiContextHook* hook);
    static void onRenderPost(ImGuiContext* context, ImGuiContextHook* hook);

    static constexpr int kHistory = 240;  // frames in the graph
    ImGuiContext* m_context = nullptr;
    unsigned m_newFrameHook = 0;
    unsigned m_renderHook = 0;
    std::chrono::steady_clock::time_point m_frameStart;
    std::array<float, kHistory> m_cpuMs{};  // a ring, m_next is the oldest
    int m_next = 0;
    int m_count = 0;
    int m_drawLists = 0, m_drawCalls = 0, m_vertices = 0, m_indices = 0;
};

// [SECTION] State

void drawStatePanel(const ReaderApp& app, const PlatformStats& platform);

// [SECTION] Helpers

// The reader's scrolling content window ("content" child of "reader"), or null before it exists.
ImGuiWindow* contentWindow();
// "U+4E2D 中"
std::string describeCodePoint(char32_t cp);

}  // namespace reader::ui
