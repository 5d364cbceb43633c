// A Dear ImGui context with no window and no GPU, for driving the real views in tests: textures
// are accepted and forgotten, input is queued as a platform backend would queue it.
#pragma once

#include <functional>

#include <imgui.h>

namespace reader::test {

class HeadlessImGui {
public:
    HeadlessImGui(float width, float height) {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(width, height);
        io.BackendFlags |= ImGuiBackendFlags_RendererHasTextures;
        m_font = io.Fonts->AddFontDefault();
    }
    ~HeadlessImGui() { ImGui::DestroyContext(); }

    ImFont* font() const { return m_font; }

    void frame(const std::function<void()>& draw) {
        ImGuiIO& io = ImGui::GetIO();
        io.DeltaTime = 1.0f / 60.0f;
        ImGui::NewFrame();
        draw();
        ImGui::Render();
        acceptTextures();
    }

    // A real click: move, press, release, each in its own frame as a backend delivers them.
    void click(float x, float y, const std::function<void()>& draw) {
        ImGuiIO& io = ImGui::GetIO();
        io.AddMousePosEvent(x, y);
        frame(draw);
        io.AddMouseButtonEvent(0, true);
        frame(draw);
        io.AddMouseButtonEvent(0, false);
        frame(draw);
        frame(draw);
    }

    // One notch of the mouse wheel at (x, y); positive steps scroll down.
    void wheel(float x, float y, float steps, const std::function<void()>& draw) {
        ImGuiIO& io = ImGui::GetIO();
        io.AddMousePosEvent(x, y);
        io.AddMouseWheelEvent(0.0f, -steps);
        frame(draw);
        frame(draw);
    }

private:
    static void acceptTextures() {
        for (ImTextureData* tex : ImGui::GetPlatformIO().Textures) {
            if (tex->Status == ImTextureStatus_WantCreate) tex->SetTexID(1);
            if (tex->Status == ImTextureStatus_WantDestroy) {
                tex->SetTexID(ImTextureID_Invalid);
                tex->SetStatus(ImTextureStatus_Destroyed);
            } else if (tex->Status != ImTextureStatus_OK) {
                tex->SetStatus(ImTextureStatus_OK);
            }
        }
    }

    ImFont* m_font = nullptr;
};

}  // namespace reader::test
