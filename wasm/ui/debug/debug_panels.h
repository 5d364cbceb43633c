// DebugPanels: the reader's debugging windows, drawn over the reader at the end of each frame while
// ReaderApp::debug() is on (F12 on the desktop; ?debug=1 or setOptions({debug: true}) on the web,
// where they live in the separate debug module). Never on by default.
//
//   Bundle     the loaded bundle as a tree, its validation message, per-article text statistics
//   Layout     overlay on the open article: line boxes, break opportunities, ruby boxes; the code
//              point under the mouse with its UAX #14 class, font size and glyph metrics
//   Fonts      the font atlas: glyphs baked per size, texture size and bytes, the texture itself
//   Frames     CPU time per frame (graph), draw calls, vertices, frames not drawn while idle
//   State      view, history, settings, scroll, URL fragment
//   and Dear ImGui's own Metrics/Debugger and ID Stack Tool.
//
// Everything here reads the app through its const accessors and ImGui's state; the only commands
// are "open this article" in the bundle tree and closing the panels.
#pragma once

#include <functional>
#include <memory>
#include <string>

namespace reader::ui {

class ReaderApp;

// What only the platform knows. Negative numbers mean "not known on this platform".
struct PlatformStats {
    std::string name;              // "desktop: GLFW + OpenGL 3.3 (llvmpipe)", "web: WebGL2"
    long framesDrawn = -1;         // frames the platform drew since start
    long idleWaits = -1;           // times it went to sleep until input arrived
    double idleSeconds = -1.0;     // time spent asleep
    double refreshHz = 60.0;       // to turn the time asleep into frames not drawn
    double lastFrameMs = -1.0;     // the whole last frame on the CPU, GL submission included
    std::string urlFragment;       // the page's location.hash on the web; empty on the desktop
};

class DebugPanels {
public:
    // Needs the ImGui context: it measures frames through the context's hooks from now on.
    DebugPanels();
    ~DebugPanels();
    DebugPanels(const DebugPanels&) = delete;
    DebugPanels& operator=(const DebugPanels&) = delete;

    // Hands the panels to the app (ReaderApp::setDebugPanels); the panels must outlive it.
    void install(ReaderApp& app);
    void setPlatformStats(std::function<PlatformStats()> source) { m_platformStats = std::move(source); }
    // Draws the panels; called by ReaderApp::frame() while debug() is on.
    void draw(ReaderApp& app);

    struct Panels;  // the panels' own state (debug_panels.cpp)

private:
    std::unique_ptr<Panels> m_panels;
    std::function<PlatformStats()> m_platformStats;
};

}  // namespace reader::ui
