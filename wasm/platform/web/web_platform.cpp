// WebPlatform: the canvas's WebGL2 context, its input listeners and the frame loop (web_platform.h).
#include "web_platform.h"

#include <emscripten.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <string_view>
#include <cmath>

#include <imgui.h>
#include <imgui_internal.h>

#include "web_keys.h"

namespace reader::web {

namespace {

// The canvas the page passed in, reachable by html5.h under this name (see library_html5.js).
constexpr const char* kCanvas = "!canvas";
// The page's hidden text field for IME, mobile keyboards and paste (shell/text_input.js: Module.imeInput).
constexpr const char* kImeInput = "!ime";
// After input ImGui needs a couple of frames to settle hover and click states.
constexpr int kFramesAfterInput = 3;

EM_JS(int, js_bind_canvas, (), {
    specialHTMLTargets["!canvas"] = Module["canvas"];
    if (!Module["imeInput"]) return 0;
    specialHTMLTargets["!ime"] = Module["imeInput"];
    return 1;
});

// Where a text field of the reader wants text (ImGui's IME data): the page puts its hidden input
// there, so that the IME's candidate window sits at the caret and a phone opens its keyboard.
EM_JS(void, js_text_input, (int active, float x, float y, float lineHeight), {
    if (Module["onTextInput"]) Module["onTextInput"](active != 0, x, y, lineHeight);
});

void setImeData(ImGuiContext*, ImGuiViewport*, ImGuiPlatformImeData* data) {
    js_text_input(data->WantTextInput ? 1 : 0, data->InputPos.x, data->InputPos.y, data->InputLineHeight);
}

// One character (a printable key, which the hidden input receives as text), not a named key.
bool isCharacterKey(const char* key) {
    const size_t length = std::strlen(key);
    if (length == 0) return false;
    const auto lead = static_cast<unsigned char>(key[0]);
    const size_t expected = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    return length == expected;
}

// Copying goes to the system clipboard through the async Clipboard API (the copy happens in the
// animation frame right after the key press or click, which still counts as the user's gesture).
EM_JS(void, js_write_clipboard, (const char* text), {
    const value = UTF8ToString(text);
    if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(value).catch((err) => console.warn('copy failed:', err.message));
    }
});

EM_JS(void, js_set_cursor, (const char* name), {
    Module["canvas"].style.cursor = UTF8ToString(name);
});

// Position of a viewport point relative to the canvas, in CSS pixels.
EM_JS(void, js_canvas_point, (double clientX, double clientY, float* out), {
    const rect = Module["canvas"].getBoundingClientRect();
    HEAPF32[out >> 2] = clientX - rect.left;
    HEAPF32[(out >> 2) + 1] = clientY - rect.top;
});

void setClipboardText(ImGuiContext*, const char* text) { js_write_clipboard(text); }

// A swipe's part past the content's top or bottom, in CSS pixels (down when positive): the page
// scrolls by it (shell/page_signals.js), as it would under a scrolling <div>.
EM_JS(void, js_chain_scroll, (float pixels), {
    if (Module["onOverscroll"]) Module["onOverscroll"](pixels);
});

// Whether the window a vertical wheel step would scroll (ImGui's rule: the hovered window, else the
// nearest parent that scrolls) can move further that way; wheelY > 0 is up, as ImGui counts it.
bool canScrollFurther(float wheelY) {
    for (ImGuiWindow* window = GImGui->HoveredWindow; window;
         window = (window->Flags & ImGuiWindowFlags_ChildWindow) ? window->ParentWindow : nullptr) {
        if ((window->Flags & ImGuiWindowFlags_NoScrollWithMouse) || window->ScrollMax.y <= 0.0f) continue;
        return wheelY > 0.0f ? window->Scroll.y > 0.5f : window->Scroll.y < window->ScrollMax.y - 0.5f;
    }
    return false;
}

// Reading the system clipboard is asynchronous on the web, ImGui's Ctrl+V is not: the page's paste
// event hands the text over first (setPastedText), and ImGui's Ctrl+V then reads it from here.
std::string g_pastedText;
const char* getClipboardText(ImGuiContext*) { return g_pastedText.c_str(); }

const char* cssCursor(ImGuiMouseCursor cursor) {
    switch (cursor) {
        case ImGuiMouseCursor_TextInput: return "text";
        case ImGuiMouseCursor_Hand: return "pointer";
        case ImGuiMouseCursor_ResizeNS: return "ns-resize";
        case ImGuiMouseCursor_ResizeEW: return "ew-resize";
        case ImGuiMouseCursor_NotAllowed: return "not-allowed";
        default: return "default";
    }
}

}  // namespace

// Each handler feeds ImGui's input queue and asks for frames; returning true stops the browser's
// default action, which the reader claims only for events aimed at it.
struct InputHandlers {
    static WebPlatform& self(void* user) { return *static_cast<WebPlatform*>(user); }

    static EM_BOOL mouseMove(int type, const EmscriptenMouseEvent* e, void* user) {
        WebPlatform& p = self(user);
        if (type == EMSCRIPTEN_EVENT_MOUSEMOVE && e->buttons == 0 && p.m_dragging) p.m_dragging = false;
        ImGui::GetIO().AddMousePosEvent(static_cast<float>(e->targetX), static_cast<float>(e->targetY));
        p.requestFrames();
        return false;
    }
    // While a button is held the pointer may leave the canvas (dragging a scrollbar): follow it.
    static EM_BOOL windowMouseMove(int, const EmscriptenMouseEvent* e, void* user) {
        WebPlatform& p = self(user);
        if (!p.m_dragging) return false;
        float at[2];
        js_canvas_point(e->clientX, e->clientY, at);
        ImGui::GetIO().AddMousePosEvent(at[0], at[1]);
        p.requestFrames();
        return false;
    }
    static EM_BOOL mouseLeave(int, const EmscriptenMouseEvent*, void* user) {
        WebPlatform& p = self(user);
        if (!p.m_dragging) ImGui::GetIO().AddMousePosEvent(-FLT_MAX, -FLT_MAX);
        p.requestFrames();
        return false;
    }
    static EM_BOOL mouseButton(int type, const EmscriptenMouseEvent* e, void* user) {
        WebPlatform& p = self(user);
        const bool down = type == EMSCRIPTEN_EVENT_MOUSEDOWN;
        if (!down && !p.m_dragging) return false;  // a release that began outside the reader
        const int button = e->button == 2 ? 1 : e->button == 1 ? 2 : 0;  // DOM: 0 left, 1 middle, 2 right
        float at[2];
        js_canvas_point(e->clientX, e->clientY, at);
        ImGuiIO& io = ImGui::GetIO();
        io.AddMousePosEvent(at[0], at[1]);
        io.AddMouseButtonEvent(button, down);
        p.m_dragging = down;
        p.requestFrames();
        return false;  // keep the browser's focus handling
    }
    static EM_BOOL wheel(int, const EmscriptenWheelEvent* e, void* user) {
        if (e->mouse.ctrlKey || e->mouse.metaKey) return false;  // page zoom: the browser's (isPageZoomKey)
        WebPlatform& p = self(user);
        // Pixels, lines or pages -> ImGui wheel steps (one step scrolls about five lines).
        const double scale = e->deltaMode == DOM_DELTA_PIXEL ? 1.0 / 100.0 : e->deltaMode == DOM_DELTA_LINE ? 1.0 / 3.0 : 1.0;
        const float wheelX = static_cast<float>(-e->deltaX * scale), wheelY = static_cast<float>(-e->deltaY * scale);
        // Overscroll chaining, as a scrolling <div> does: at the content's top or bottom a wheel
        // step towards that end is the page's (it scrolls the page); with overscroll 'contain'
        // every step is the reader's.
        if (!p.m_overscrollContain && (wheelY == 0.0f || !canScrollFurther(wheelY))) return false;
        ImGui::GetIO().AddMouseWheelEvent(wheelX, wheelY);
        p.requestFrames();
        return true;  // the reader scrolls, not the host page
    }
    // Fingers -> TouchGestures: taps and long presses become clicks and double clicks (a phrase
    // selected) where the finger was; drags, flings and pinches go to the app.
    static EM_BOOL touch(int type, const EmscriptenTouchEvent* e, void* user) {
        WebPlatform& p = self(user);
        const bool lifting = type == EMSCRIPTEN_EVENT_TOUCHEND || type == EMSCRIPTEN_EVENT_TOUCHCANCEL;
        std::vector<ui::TouchGestures::Point> down;
        for (int i = 0; i < e->numTouches; ++i) {
            const EmscriptenTouchPoint& t = e->touches[i];
            if (lifting && t.isChanged) continue;  // this finger just left
            down.push_back({static_cast<int>(t.identifier), static_cast<float>(t.targetX), static_cast<float>(t.targetY)});
        }
        ImGuiIO& io = ImGui::GetIO();
        io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
        for (const ui::TouchGestures::Action& action : p.m_gestures.update(down, emscripten_get_now())) p.apply(action);
        p.requestFrames();
        return true;  // no synthetic mouse events, no page scroll or zoom under the reader
    }
    // The modifiers and the key of a keydown/keyup, to ImGui; the key, for the caller to decide
    // whether the browser keeps its default action.
    static ImGuiKey passKey(int type, const EmscriptenKeyboardEvent* e, void* user) {
        ImGuiIO& io = ImGui::GetIO();
        io.AddKeyEvent(ImGuiMod_Ctrl, e->ctrlKey);
        io.AddKeyEvent(ImGuiMod_Shift, e->shiftKey);
        io.AddKeyEvent(ImGuiMod_Alt, e->altKey);
        io.AddKeyEvent(ImGuiMod_Super, e->metaKey);
        const ImGuiKey key = imguiKeyForCode(e->code);
        if (key != ImGuiKey_None) io.AddKeyEvent(key, type == EMSCRIPTEN_EVENT_KEYDOWN);
        self(user).requestFrames();
        return key;
    }
    // Ctrl/Cmd with =, +, - or 0: the browser's page zoom, which the reader follows through
    // devicePixelRatio (shell/page_signals.js) instead of zooming a second time itself.
    static bool isPageZoomKey(const EmscriptenKeyboardEvent* e) {
        const std::string_view code = e->code;
        return (e->ctrlKey || e->metaKey) && (code == "Equal" || code == "Minus" || code == "Digit0" ||
                                              code == "NumpadAdd" || code == "NumpadSubtract" || code == "Numpad0");
    }
    // Tab and Shift+Tab: the reader's while it has a control to move to (ImGui's tabbing), the
    // browser's at the last or first control, so that focus moves on through the page and never
    // stays trapped in the canvas. A Tab that leaves is not passed to ImGui.
    static bool isTab(const EmscriptenKeyboardEvent* e) {
        return std::strcmp(e->code, "Tab") == 0 && !e->ctrlKey && !e->altKey && !e->metaKey;
    }
    static bool tabLeaves(int type, const EmscriptenKeyboardEvent* e, void* user) {
        const WebPlatform& p = self(user);
        return type == EMSCRIPTEN_EVENT_KEYDOWN && isTab(e) && (!p.m_tabLeaves || p.m_tabLeaves(e->shiftKey));
    }
    static EM_BOOL key(int type, const EmscriptenKeyboardEvent* e, void* user) {
        if (isPageZoomKey(e) || tabLeaves(type, e, user)) return false;
        const ImGuiKey key = passKey(type, e, user);
        if (isTab(e)) return type == EMSCRIPTEN_EVENT_KEYDOWN;
        // Browser shortcuts (Ctrl+R, Ctrl+L, ...) stay the browser's; the reader's own keys do not
        // also scroll the host page.
        const bool browserShortcut = e->ctrlKey || e->metaKey;
        const bool readerKey = key == ImGuiKey_Space || key == ImGuiKey_UpArrow ||
                               key == ImGuiKey_DownArrow || key == ImGuiKey_PageUp || key == ImGuiKey_PageDown ||
                               key == ImGuiKey_Home || key == ImGuiKey_End || key == ImGuiKey_Backspace;
        return !browserShortcut && readerKey;
    }
    // Keys in the hidden input (a reader text field is active): named keys go to ImGui (and not to
    // the input); characters are left to the input, whose text arrives through reader_text_input;
    // keys of an IME composition (keyCode 229) are the IME's alone.
    static EM_BOOL imeKey(int type, const EmscriptenKeyboardEvent* e, void* user) {
        if (e->keyCode == 229 || isPageZoomKey(e) || tabLeaves(type, e, user)) return false;
        passKey(type, e, user);
        if (e->ctrlKey || e->metaKey) return false;  // paste reaches the input; the browser's shortcuts stay
        return !isCharacterKey(e->key);
    }
    static EM_BOOL keyPress(int, const EmscriptenKeyboardEvent* e, void* user) {
        if (e->charCode >= 32 && !e->ctrlKey && !e->metaKey) ImGui::GetIO().AddInputCharacter(e->charCode);
        self(user).requestFrames();
        return false;
    }
    static EM_BOOL focus(int type, const EmscriptenFocusEvent*, void* user) {
        ImGui::GetIO().AddFocusEvent(type == EMSCRIPTEN_EVENT_FOCUS);
        self(user).requestFrames();
        return false;
    }
    static EM_BOOL resize(int, const EmscriptenUiEvent*, void* user) {
        self(user).requestFrames();
        return false;
    }
};

WebPlatform::WebPlatform() {
    m_hasImeInput = js_bind_canvas() != 0;
    EmscriptenWebGLContextAttributes attrs;
    emscripten_webgl_init_context_attributes(&attrs);
    attrs.majorVersion = 2;
    attrs.alpha = false;
    attrs.antialias = false;  // ImGui anti-aliases its own shapes
    attrs.premultipliedAlpha = false;
    m_gl = emscripten_webgl_create_context(kCanvas, &attrs);
    if (m_gl <= 0) return;
    emscripten_webgl_make_context_current(m_gl);

    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;  // the reader keeps no ImGui window state
    ImGui::GetIO().BackendPlatformName = "reader_web_html5";
    if (!m_renderer.init()) {  // its shader did not build: the reader cannot draw
        shutDown();
        return;
    }
    ImGui::GetPlatformIO().Platform_SetClipboardTextFn = setClipboardText;
    ImGui::GetPlatformIO().Platform_GetClipboardTextFn = getClipboardText;
    if (m_hasImeInput) ImGui::GetPlatformIO().Platform_SetImeDataFn = setImeData;
    installInput();
}

void WebPlatform::installInput() {
    void* user = this;
    emscripten_set_mousemove_callback(kCanvas, user, false, InputHandlers::mouseMove);
    emscripten_set_mouseleave_callback(kCanvas, user, false, InputHandlers::mouseLeave);
    emscripten_set_mousedown_callback(kCanvas, user, false, InputHandlers::mouseButton);
    emscripten_set_mouseup_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, user, false, InputHandlers::mouseButton);
    emscripten_set_mousemove_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, user, false, InputHandlers::windowMouseMove);
    emscripten_set_wheel_callback(kCanvas, user, false, InputHandlers::wheel);
    emscripten_set_touchstart_callback(kCanvas, user, false, InputHandlers::touch);
    emscripten_set_touchmove_callback(kCanvas, user, false, InputHandlers::touch);
    emscripten_set_touchend_callback(kCanvas, user, false, InputHandlers::touch);
    emscripten_set_touchcancel_callback(kCanvas, user, false, InputHandlers::touch);
    emscripten_set_keydown_callback(kCanvas, user, false, InputHandlers::key);
    emscripten_set_keyup_callback(kCanvas, user, false, InputHandlers::key);
    emscripten_set_keypress_callback(kCanvas, user, false, InputHandlers::keyPress);
    emscripten_set_focus_callback(kCanvas, user, false, InputHandlers::focus);
    emscripten_set_blur_callback(kCanvas, user, false, InputHandlers::focus);
    if (!m_hasImeInput) return;
    emscripten_set_keydown_callback(kImeInput, user, false, InputHandlers::imeKey);
    emscripten_set_keyup_callback(kImeInput, user, false, InputHandlers::imeKey);
    emscripten_set_focus_callback(kImeInput, user, false, InputHandlers::focus);
    emscripten_set_blur_callback(kImeInput, user, false, InputHandlers::focus);
    emscripten_set_resize_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, user, false, InputHandlers::resize);
}

void WebPlatform::apply(const ui::TouchGestures::Action& action) {
    ImGuiIO& io = ImGui::GetIO();
    switch (action.kind) {
        case ui::TouchGestures::Action::Tap:
        case ui::TouchGestures::Action::LongPress: {
            io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
            io.AddMousePosEvent(action.x, action.y);
            const int clicks = action.kind == ui::TouchGestures::Action::Tap ? 1 : 2;
            for (int i = 0; i < clicks; ++i) {  // ImGui's event queue spreads these over frames
                io.AddMouseButtonEvent(0, true);
                io.AddMouseButtonEvent(0, false);
            }
            break;
        }
        case ui::TouchGestures::Action::Scroll: {
            const float rest = m_onScroll ? m_onScroll(action.amount) : action.amount;
            if (rest != 0.0f && !m_overscrollContain) js_chain_scroll(rest);
            break;
        }
        case ui::TouchGestures::Action::Zoom:
            if (m_onZoom) m_onZoom(action.amount);
            break;
    }
}

void WebPlatform::setPastedText(std::string text) {
    g_pastedText = std::move(text);
    requestFrames();
}

void WebPlatform::shutDown() {
    emscripten_html5_remove_all_event_listeners();
    m_shown = false;  // requestFrames() does nothing from now on
    m_framesLeft = 0;
    m_draw = nullptr;
    if (m_gl > 0) emscripten_webgl_destroy_context(m_gl);
    m_gl = 0;
}

void WebPlatform::show() {
    if (m_gl <= 0) return;  // shut down
    m_shown = true;
    requestFrames();
}

void WebPlatform::requestFrames() {
    m_framesLeft = kFramesAfterInput;
    if (m_framePending || !m_shown) return;
    m_framePending = true;
    emscripten_request_animation_frame(onAnimationFrame, this);
}

EM_BOOL WebPlatform::onAnimationFrame(double time, void* self) {
    static_cast<WebPlatform*>(self)->renderFrame(time);
    return false;  // the next frame is requested only when needed
}

void WebPlatform::syncCanvasSize() {
    double cssWidth = 0, cssHeight = 0;
    emscripten_get_element_css_size(kCanvas, &cssWidth, &cssHeight);
    const double dpr = emscripten_get_device_pixel_ratio();
    const int width = static_cast<int>(std::lround(cssWidth * dpr));
    const int height = static_cast<int>(std::lround(cssHeight * dpr));
    int current[2];
    emscripten_get_canvas_element_size(kCanvas, &current[0], &current[1]);
    if (current[0] != width || current[1] != height) emscripten_set_canvas_element_size(kCanvas, width, height);
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(cssWidth), static_cast<float>(cssHeight));
    const float scale = cssWidth > 0 ? static_cast<float>(width / cssWidth) : 1.0f;
    io.DisplayFramebufferScale = ImVec2(scale, cssHeight > 0 ? static_cast<float>(height / cssHeight) : scale);
}

void WebPlatform::updateCursor() {
    const int cursor = ImGui::GetMouseCursor();
    if (cursor == m_cursor) return;
    m_cursor = cursor;
    js_set_cursor(cssCursor(cursor));
}

std::vector<double> WebPlatform::recentFrameMs() const {
    std::vector<double> out;
    const size_t count = std::min<size_t>(m_framesDrawn, kFrameHistory);
    for (size_t i = m_framesDrawn - count; i < m_framesDrawn; ++i) out.push_back(m_frameMs[i % kFrameHistory]);
    return out;
}

void WebPlatform::discardGlyphs() {
    m_discardGlyphs = true;
    requestFrames();
}

void WebPlatform::renderFrame(double time) {
    const double started = emscripten_get_now();
    m_framePending = false;
    if (m_gl <= 0) return;  // shut down
    syncCanvasSize();
    ImGuiIO& io = ImGui::GetIO();
    io.DeltaTime = m_lastTime > 0 ? static_cast<float>(std::max(1e-4, (time - m_lastTime) / 1000.0)) : 1.0f / 60.0f;
    m_lastTime = time;

    for (const ui::TouchGestures::Action& action : m_gestures.step(time)) apply(action);  // a fling's inertia
    if (m_gestures.animating()) m_framesLeft = std::max(m_framesLeft, 2);
    if (m_discardGlyphs) {  // between frames: no baked glyph is in use
        m_discardGlyphs = false;
        for (ImFont* font : io.Fonts->Fonts) font->ClearOutputData();
    }
    ImGui::NewFrame();
    if (m_draw) m_draw();
    ImGui::Render();
    m_renderer.render(ImGui::GetDrawData(), ImVec4(1, 1, 1, 1));
    updateCursor();
    m_frameMs[m_framesDrawn % kFrameHistory] = emscripten_get_now() - started;
    ++m_framesDrawn;

    // ImGui hands queued input to the frames one event at a time where order matters (a key's
    // press and release in different frames; a tap's position, press and release in three, touch
    // having no hover before it): the last event is as much input as the first, and its effect
    // (the click that opens an article) needs kFramesAfterInput frames of its own after it.
    if (ImGui::GetCurrentContext()->InputEventsQueue.Size > 0) m_framesLeft = std::max(m_framesLeft, kFramesAfterInput + 1);
    if (--m_framesLeft > 0 && !m_framePending) {  // the draw may have asked for frames already
        m_framePending = true;
        emscripten_request_animation_frame(onAnimationFrame, this);
    }
}

}  // namespace reader::web
