// DebugPanels: installing the panels and drawing them over the reader (debug_panels.h).
#include "debug_panels.h"

#include <cstdio>
#include <cstring>

#include <imgui.h>
#include <imgui_internal.h>

#include "core/utf8.h"
#include "panels.h"
#include "ui/reader_app.h"

namespace reader::ui {

namespace {

constexpr float kPanelFontSize = 14.0f;  // logical pixels

// The panels use Dear ImGui's light style with ordinary padding; the reader's own style (no
// padding, no borders) is put back afterwards, so the page never sees the difference.
class ScopedPanelStyle {
public:
    ScopedPanelStyle() : m_saved(ImGui::GetStyle()) {
        ImGuiStyle& style = ImGui::GetStyle();
        ImGui::StyleColorsLight(&style);
        style.WindowPadding = ImVec2(8, 8);
        style.WindowBorderSize = 1.0f;
        style.ChildBorderSize = 1.0f;
        style.FramePadding = ImVec2(4, 3);
        style.ItemSpacing = ImVec2(8, 4);
        style.WindowRounding = 4.0f;
        ImGui::PushFont(nullptr, kPanelFontSize);
    }
    ~ScopedPanelStyle() {
        ImGui::PopFont();
        ImGui::GetStyle() = m_saved;
    }
    ScopedPanelStyle(const ScopedPanelStyle&) = delete;
    ScopedPanelStyle& operator=(const ScopedPanelStyle&) = delete;

private:
    ImGuiStyle m_saved;
};

}  // namespace

struct DebugPanels::Panels {
    BundleInspector bundle;
    LayoutOverlay layout;
    FrameStats frames;
    bool metrics = false;  // Dear ImGui's Metrics/Debugger window
    bool idStack = false;  // Dear ImGui's ID Stack Tool
};

DebugPanels::DebugPanels() : m_panels(std::make_unique<Panels>()) { m_panels->frames.attach(); }

DebugPanels::~DebugPanels() { m_panels->frames.detach(); }

void DebugPanels::install(ReaderApp& app) {
    app.setDebugPanels([this](ReaderApp& drawn) { draw(drawn); });
}

void DebugPanels::draw(ReaderApp& app) {
    Panels& p = *m_panels;
    const PlatformStats platform = m_platformStats ? m_platformStats() : PlatformStats{};
    // The overlay goes into the reader's own window, under the panels.
    if (p.layout.enabled) p.layout.drawOverlay(app);

    const ScopedPanelStyle style;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x - 16, viewport->WorkPos.y + 48),
                            ImGuiCond_FirstUseEver, ImVec2(1, 0));
    ImGui::SetNextWindowSize(ImVec2(460, 620), ImGuiCond_FirstUseEver);
    bool open = true;
    if (ImGui::Begin("Reader debug", &open, ImGuiWindowFlags_NoSavedSettings)) {
        ImGui::Checkbox("Layout overlay", &p.layout.enabled);
        ImGui::SameLine();
        ImGui::Checkbox("ImGui Metrics", &p.metrics);
        ImGui::SameLine();
        ImGui::Checkbox("ID Stack Tool", &p.idStack);
        if (ImGui::BeginTabBar("panels")) {
            if (ImGui::BeginTabItem("Bundle")) {
                p.bundle.draw(app);
                ImGui::EndTabItem();
            }
            if (ImGui::BeginTabItem("Layout")) {
                p.layout.drawPanel(app);
                ImGui::EndTabItem();
            }
            if (ImGui::BeginTabItem("Fonts")) {
                drawFontAtlasPanel();
                ImGui::EndTabItem();
            }
            if (ImGui::BeginTabItem("Frames")) {
                p.frames.draw(platform);
                ImGui::EndTabItem();
            }
            if (ImGui::BeginTabItem("State")) {
                drawStatePanel(app, platform);
                ImGui::EndTabItem();
            }
            ImGui::EndTabBar();
        }
    }
    ImGui::End();
    // Dear ImGui's own tools, on the left so the three windows do not start on top of each other.
    if (p.metrics) {
        ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + 16, viewport->WorkPos.y + 48), ImGuiCond_FirstUseEver);
        ImGui::SetNextWindowSize(ImVec2(420, 440), ImGuiCond_FirstUseEver);
        ImGui::ShowMetricsWindow(&p.metrics);
    }
    if (p.idStack) {
        ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + 16, viewport->WorkPos.y + viewport->WorkSize.y - 16),
                                ImGuiCond_FirstUseEver, ImVec2(0, 1));
        ImGui::SetNextWindowSize(ImVec2(520, 200), ImGuiCond_FirstUseEver);
        ImGui::ShowIDStackToolWindow(&p.idStack);
    }
    if (!open) app.setDebug(false);
}

// [SECTION] Helpers

ImGuiWindow* contentWindow() {
    // BeginChild names a child "<parent>/<name>_<id>".
    static constexpr char kPrefix[] = "reader/content_";
    for (ImGuiWindow* window : GImGui->Windows) {
        if (std::strncmp(window->Name, kPrefix, sizeof kPrefix - 1) == 0 && window->Active) return window;
    }
    return nullptr;
}

std::string describeCodePoint(char32_t cp) {
    char text[16];
    std::snprintf(text, sizeof text, "U+%04X ", static_cast<unsigned>(cp));
    std::string out = text;
    if (cp >= 0x20 && cp != 0x7F) core::utf8::append(out, cp);
    return out;
}

}  // namespace reader::ui
