// Frame stats: CPU time per frame as a graph, what the last frame sent to the GPU, and what the
// platform knows about frames it did not draw while idle.
#include <algorithm>
#include <cstdio>

#include <imgui.h>
#include <imgui_internal.h>

#include "panels.h"

namespace reader::ui {

void FrameStats::attach() {
    m_context = ImGui::GetCurrentContext();
    if (!m_context) return;
    ImGuiContextHook hook;
    hook.UserData = this;
    hook.Type = ImGuiContextHookType_NewFramePre;
    hook.Callback = onNewFrame;
    m_newFrameHook = ImGui::AddContextHook(m_context, &hook);
    hook.Type = ImGuiContextHookType_RenderPost;
    hook.Callback = onRenderPost;
    m_renderHook = ImGui::AddContextHook(m_context, &hook);
}

void FrameStats::detach() {
    if (!m_context) return;
    ImGui::RemoveContextHook(m_context, m_newFrameHook);
    ImGui::RemoveContextHook(m_context, m_renderHook);
    m_context = nullptr;
}

void FrameStats::onNewFrame(ImGuiContext*, ImGuiContextHook* hook) {
    static_cast<FrameStats*>(hook->UserData)->m_frameStart = std::chrono::steady_clock::now();
}

void FrameStats::onRenderPost(ImGuiContext*, ImGuiContextHook* hook) {
    FrameStats& self = *static_cast<FrameStats*>(hook->UserData);
    const auto now = std::chrono::steady_clock::now();
    self.m_cpuMs[static_cast<size_t>(self.m_next)] = std::chrono::duration<float, std::milli>(now - self.m_frameStart).count();
    self.m_next = (self.m_next + 1) % kHistory;
    self.m_count = std::min(self.m_count + 1, kHistory);
    const ImDrawData* data = ImGui::GetDrawData();
    if (!data) return;
    self.m_drawLists = data->CmdListsCount;
    self.m_vertices = data->TotalVtxCount;
    self.m_indices = data->TotalIdxCount;
    self.m_drawCalls = 0;
    for (const ImDrawList* list : data->CmdLists) self.m_drawCalls += list->CmdBuffer.Size;
}

void FrameStats::draw(const PlatformStats& platform) const {
    // The ring in time order, oldest first.
    float values[kHistory];
    float worst = 0.0f;
    for (int i = 0; i < m_count; ++i) {
        values[i] = m_cpuMs[static_cast<size_t>((m_next - m_count + i + kHistory) % kHistory)];
        worst = std::max(worst, values[i]);
    }
    const float last = m_count > 0 ? values[m_count - 1] : 0.0f;
    char overlay[64];
    std::snprintf(overlay, sizeof overlay, "last %.2f ms, worst %.2f ms", last, worst);
    ImGui::TextUnformatted("CPU per frame, NewFrame to Render (reader + ImGui, GL excluded):");
    ImGui::PlotLines("##cpu", values, m_count, 0, overlay, 0.0f, std::max(1.0f, worst * 1.2f),
                     ImVec2(ImGui::GetContentRegionAvail().x, 90));
    ImGui::Text("Frames: %d (ImGui frame count)", ImGui::GetFrameCount());
    ImGui::Text("Last frame: %d draw lists, %d draw calls, %d vertices, %d indices", m_drawLists, m_drawCalls, m_vertices, m_indices);

    ImGui::Separator();
    ImGui::Text("Platform: %s", platform.name.empty() ? "(not told)" : platform.name.c_str());
    if (platform.framesDrawn >= 0) ImGui::Text("Frames drawn by the platform: %ld", platform.framesDrawn);
    if (platform.lastFrameMs >= 0.0) ImGui::Text("Whole last frame, GL submission included: %.2f ms", platform.lastFrameMs);
    if (platform.idleWaits >= 0) {
        const double skipped = std::max(0.0, platform.idleSeconds) * platform.refreshHz;
        ImGui::Text("Idle: slept %ld times, %.1f s in all: about %.0f frames not drawn at %.0f Hz", platform.idleWaits,
                    platform.idleSeconds, skipped, platform.refreshHz);
    } else {
        ImGui::TextDisabled("Idle time: not measured on this platform (frames are only requested after input).");
    }
}

}  // namespace reader::ui
