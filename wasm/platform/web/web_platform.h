// Web platform for the reader: html5.h input on the reader's own canvas, WebGL2, DPR-aware canvas,
// frames drawn only when something changed.
//  [x] mouse, wheel on the canvas only; the wheel passes to the page at the content's ends
//      (overscroll chaining) unless set to contain; touch through TouchGestures: tap, long press, drag and
//      fling with inertia, pinch; a swipe past the content's ends scrolls the page, as the wheel does
//  [x] keyboard only while the canvas has focus (the host page keeps its keys); Tab moves between the
//      reader's controls and leaves the canvas after the last (setTabPolicy)
//  [x] canvas backing store at devicePixelRatio, ImGui in CSS pixels
//  [x] drawn by WebGLRenderer, which never reads GL state back in a frame
//  [x] idle: no animation frame is requested while nothing changes
//  [x] copy to the system clipboard (navigator.clipboard)
//  [x] IME composition, mobile keyboards and paste through the page's hidden input (Module.imeInput)
#pragma once

#include <emscripten/html5.h>

#include <array>
#include <functional>
#include <string>
#include <vector>

#include "ui/touch_gestures.h"
#include "webgl_renderer.h"

namespace reader::web {

class WebPlatform {
public:
    // The canvas is the one the page handed to the module factory (Module.canvas).
    WebPlatform();
    bool ok() const { return m_gl > 0; }

    // `draw` builds one ImGui frame (between NewFrame and Render).
    void setDraw(std::function<void()> draw) { m_draw = std::move(draw); }
    // Asks for a few frames: after input, resize, new data. Before show() it only remembers.
    void requestFrames();
    // Every face's baked glyphs are thrown away before the next frame (they were drawn in a font
    // the page has since replaced), and drawn again as text needs them.
    void discardGlyphs();
    // Starts drawing. Until then nothing is drawn, so a bundle that arrives quickly is the first
    // thing on screen instead of a "loading" frame that would compete with it for the CPU.
    void show();
    // Where touch scrolling (content pixels, down when positive; returns what the content could
    // not take, which the page scrolls unless overscroll is contained) and pinches (a zoom factor) go.
    void setTouchHandlers(std::function<float(float)> onScroll, std::function<void(float)> onZoom) {
        m_onScroll = std::move(onScroll);
        m_onZoom = std::move(onZoom);
    }
    // Overscroll 'contain': the reader keeps every wheel step and swipe, also at its content's ends
    // (default 'auto': there they scroll the page).
    void setOverscrollContain(bool contain) { m_overscrollContain = contain; }
    // Whether a Tab (Shift+Tab: backward) leaves the reader for the page now: then the browser moves
    // focus on; else the reader keeps the key and ImGui's tabbing moves between its controls.
    void setTabPolicy(std::function<bool(bool backward)> tabLeaves) { m_tabLeaves = std::move(tabLeaves); }
    // The text of a paste event: what ImGui's Ctrl+V inserts next.
    void setPastedText(std::string text);
    // Removes every input listener and stops drawing for good (the reader is being destroyed).
    void shutDown();
    // Frames drawn since start (the idle benchmark counts them).
    unsigned framesDrawn() const { return m_framesDrawn; }
    // CPU time of the last frames drawn, oldest first, in ms (the scrolling benchmark reads them).
    std::vector<double> recentFrameMs() const;
    // What draws Dear ImGui's frames; its createTexture()/destroyTexture() make textures (photos)
    // for ImGui::Image from RGBA pixels.
    WebGLRenderer& renderer() { return m_renderer; }

private:
    static EM_BOOL onAnimationFrame(double time, void* self);
    void renderFrame(double time);
    void syncCanvasSize();
    void updateCursor();
    void installInput();
    void apply(const ui::TouchGestures::Action& action);

    EMSCRIPTEN_WEBGL_CONTEXT_HANDLE m_gl = 0;
    WebGLRenderer m_renderer;
    std::function<void()> m_draw;
    bool m_framePending = false;
    bool m_shown = false;
    int m_framesLeft = 0;
    bool m_discardGlyphs = false;
    unsigned m_framesDrawn = 0;
    static constexpr size_t kFrameHistory = 240;
    std::array<double, kFrameHistory> m_frameMs{};  // ring buffer, by m_framesDrawn
    double m_lastTime = 0.0;
    int m_cursor = -1;
    bool m_dragging = false;
    bool m_overscrollContain = false;
    bool m_hasImeInput = false;  // the page gave a hidden input for text (Module.imeInput)
    ui::TouchGestures m_gestures;
    std::function<float(float)> m_onScroll;
    std::function<void(float)> m_onZoom;
    std::function<bool(bool)> m_tabLeaves;

    friend struct InputHandlers;
};

}  // namespace reader::web
