// Native platform for the reader: a GLFW window with an OpenGL 3 context and the ImGui GLFW +
// OpenGL3 backends.  [x] keyboard, mouse, wheel  [x] HiDPI framebuffer  [x] sleeps while idle,
// woken by input or by another thread (wake)  [x] window capture to PNG  [x] an input hook between
// the backends and ImGui (recording, replay, captures that ignore the real mouse)
#pragma once

#include <functional>
#include <string>
#include <vector>

struct GLFWwindow;

namespace reader::native {

class NativeWindow {
public:
    // width and height in logical pixels; dpr > 0 forces that many device pixels per logical pixel
    // (for reproducible captures), 0 takes the monitor's.
    NativeWindow(int width, int height, const char* title, float dpr = 0.0f);
    ~NativeWindow();
    NativeWindow(const NativeWindow&) = delete;
    NativeWindow& operator=(const NativeWindow&) = delete;

    bool ok() const { return m_window != nullptr; }
    bool shouldClose() const;
    // Blocks until input arrives (or wake() is called) once a few frames have been drawn without
    // any (idle means idle); handles pending events otherwise.
    void waitOrPoll();
    // Handles pending window events without waiting.
    void pollEvents();
    // Ends a waitOrPoll() from any thread (a file watcher) and asks for a few frames.
    static void wake();
    void setTitle(const std::string& title);
    // Logical pixels, as at construction.
    void resize(int width, int height);

    // Called in each frame after the backends queued the window's input and set the display size
    // and time step, right before ImGui::NewFrame(), with the frame's index (0 for the first).
    // A recorder reads ImGui's input queue there; a replay or a capture replaces it.
    void setInputHook(std::function<void(long frame)> hook) { m_inputHook = std::move(hook); }

    // Pixels of a frame, top row first, at framebuffer resolution.
    struct Capture {
        int width = 0;
        int height = 0;
        std::vector<unsigned char> rgba;
    };
    // One frame: backends' NewFrame, the input hook, ImGui::NewFrame, draw(), Render, swap. With
    // `capture`, the frame's pixels are read back before the swap.
    void frame(const std::function<void()>& draw, Capture* capture = nullptr);

    // What the debug panels show about the window.
    struct Stats {
        long framesDrawn = 0;
        long idleWaits = 0;        // times waitOrPoll() slept
        double idleSeconds = 0.0;  // time it slept
        double lastFrameMs = 0.0;  // the last frame, NewFrame to GL submission (the swap excluded)
        double refreshHz = 60.0;   // the monitor's
        std::string renderer;      // GL_RENDERER
    };
    const Stats& stats() const { return m_stats; }

private:
    static void readBack(int width, int height, Capture& capture);

    GLFWwindow* m_window = nullptr;
    float m_forcedDpr = 0.0f;
    int m_framesSinceInput = 0;
    long m_frameIndex = 0;
    std::function<void(long)> m_inputHook;
    Stats m_stats;
};

}  // namespace reader::native
