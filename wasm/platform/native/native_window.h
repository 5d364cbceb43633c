// Native platform for the reader: a GLFW window with an OpenGL 3 context and the ImGui GLFW +
// OpenGL3 backends.  [x] keyboard, mouse, wheel  [x] HiDPI framebuffer  [x] sleeps while idle
// [x] window capture to PNG
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
    // Blocks until input arrives once a few frames have been drawn without any (idle means idle).
    void waitOrPoll();
    // Pixels of a frame, top row first, at framebuffer resolution.
    struct Capture {
        int width = 0;
        int height = 0;
        std::vector<unsigned char> rgba;
    };
    // One frame: backends' NewFrame, ImGui::NewFrame, draw(), Render, swap. With `capture`, the
    // frame's pixels are read back before the swap.
    void frame(const std::function<void()>& draw, Capture* capture = nullptr);

private:
    static void readBack(int width, int height, Capture& capture);

    GLFWwindow* m_window = nullptr;
    float m_forcedDpr = 0.0f;
    int m_framesSinceInput = 0;
};

}  // namespace reader::native
