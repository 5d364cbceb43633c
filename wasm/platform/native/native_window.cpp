// NativeWindow: the GLFW window, its OpenGL 3 context and the ImGui backends (native_window.h).
#include "native_window.h"

#include <algorithm>
#include <chrono>
#include <cstdio>

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

namespace reader::native {

namespace {

// After input ImGui needs a couple of frames to settle hover and click states.
constexpr int kFramesAfterInput = 3;

void onGlfwError(int code, const char* description) { std::fprintf(stderr, "GLFW error %d: %s\n", code, description); }

}  // namespace

NativeWindow::NativeWindow(int width, int height, const char* title, float dpr) : m_forcedDpr(dpr) {
    glfwSetErrorCallback(onGlfwError);
    if (!glfwInit()) return;
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_SCALE_TO_MONITOR, dpr > 0.0f ? GLFW_FALSE : GLFW_TRUE);
    const float scale = dpr > 0.0f ? dpr : 1.0f;
    m_window = glfwCreateWindow(static_cast<int>(width * scale), static_cast<int>(height * scale), title, nullptr, nullptr);
    if (!m_window) return;
    glfwMakeContextCurrent(m_window);
    glfwSwapInterval(1);
    if (const GLubyte* renderer = glGetString(GL_RENDERER)) m_stats.renderer = reinterpret_cast<const char*>(renderer);
    if (GLFWmonitor* monitor = glfwGetPrimaryMonitor()) {
        const GLFWvidmode* mode = glfwGetVideoMode(monitor);
        if (mode && mode->refreshRate > 0) m_stats.refreshHz = mode->refreshRate;
    }

    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // the reader keeps no ImGui window state on disk
    ImGui_ImplGlfw_InitForOpenGL(m_window, true);
    ImGui_ImplOpenGL3_Init("#version 330 core");
}

NativeWindow::~NativeWindow() {
    if (m_window) {
        ImGui_ImplOpenGL3_Shutdown();
        ImGui_ImplGlfw_Shutdown();
        ImGui::DestroyContext();
        glfwDestroyWindow(m_window);
    }
    glfwTerminate();
}

bool NativeWindow::shouldClose() const { return glfwWindowShouldClose(m_window); }

void NativeWindow::waitOrPoll() {
    if (m_framesSinceInput >= kFramesAfterInput) {
        const auto asleep = std::chrono::steady_clock::now();
        glfwWaitEvents();
        m_stats.idleSeconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - asleep).count();
        ++m_stats.idleWaits;
        m_framesSinceInput = 0;
    } else {
        glfwPollEvents();
    }
}

void NativeWindow::pollEvents() { glfwPollEvents(); }

void NativeWindow::wake() { glfwPostEmptyEvent(); }

void NativeWindow::setTitle(const std::string& title) { glfwSetWindowTitle(m_window, title.c_str()); }

void NativeWindow::resize(int width, int height) {
    const float scale = m_forcedDpr > 0.0f ? m_forcedDpr : 1.0f;
    glfwSetWindowSize(m_window, static_cast<int>(width * scale), static_cast<int>(height * scale));
}

void NativeWindow::frame(const std::function<void()>& draw, Capture* capture) {
    const auto started = std::chrono::steady_clock::now();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    if (m_forcedDpr > 0.0f) {
        // The window is in device pixels; ImGui works in logical ones. (Mouse input is not scaled:
        // a forced scale is for captures.)
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(io.DisplaySize.x / m_forcedDpr, io.DisplaySize.y / m_forcedDpr);
        io.DisplayFramebufferScale = ImVec2(m_forcedDpr, m_forcedDpr);
    }
    if (m_inputHook) m_inputHook(m_frameIndex);
    ImGui::NewFrame();
    draw();
    ImGui::Render();
    int width = 0, height = 0;
    glfwGetFramebufferSize(m_window, &width, &height);
    glViewport(0, 0, width, height);
    glClearColor(1, 1, 1, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    if (capture) readBack(width, height, *capture);
    m_stats.lastFrameMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    glfwSwapBuffers(m_window);
    ++m_framesSinceInput;
    ++m_frameIndex;
    ++m_stats.framesDrawn;
}

void NativeWindow::readBack(int width, int height, Capture& capture) {
    capture.width = width;
    capture.height = height;
    std::vector<unsigned char> pixels(static_cast<size_t>(width) * height * 4);
    glReadBuffer(GL_BACK);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    // OpenGL's rows go bottom-up; PNG's go top-down.
    const size_t stride = static_cast<size_t>(width) * 4;
    capture.rgba.resize(pixels.size());
    for (int y = 0; y < height; ++y) {
        std::copy_n(&pixels[static_cast<size_t>(height - 1 - y) * stride], stride,
                    &capture.rgba[static_cast<size_t>(y) * stride]);
    }
}

}  // namespace reader::native
