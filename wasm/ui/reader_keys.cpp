// The reader's own keyboard shortcuts: zoom, scrolling, history.
#include "reader_keys.h"

#include <algorithm>
#include <cmath>

#include <imgui.h>

#include "keyboard_focus.h"

namespace reader::ui {

namespace {

constexpr float kLineScroll = 48.0f;  // ↑/↓ in an article, logical pixels

}  // namespace

void handleZoomKeys(core::Settings& settings) {
    const ImGuiIO& io = ImGui::GetIO();
    constexpr float kStep = 1.1f;  // one key press or wheel notch
    if (ImGui::IsKeyChordPressed(ImGuiMod_Ctrl | ImGuiKey_Equal) || ImGui::IsKeyChordPressed(ImGuiMod_Ctrl | ImGuiKey_KeypadAdd)) settings.zoom *= kStep;
    if (ImGui::IsKeyChordPressed(ImGuiMod_Ctrl | ImGuiKey_Minus) || ImGui::IsKeyChordPressed(ImGuiMod_Ctrl | ImGuiKey_KeypadSubtract)) settings.zoom /= kStep;
    if (ImGui::IsKeyChordPressed(ImGuiMod_Ctrl | ImGuiKey_0)) settings.zoom = 1.0f;
    if (io.KeyCtrl && io.MouseWheel != 0.0f) settings.zoom *= std::pow(kStep, io.MouseWheel);
    settings.zoom = std::clamp(settings.zoom, core::kMinZoom, core::kMaxZoom);
}

void handleScrollKeys(bool inArticle) {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput || io.KeyCtrl || io.KeyAlt) return;
    const float page = ImGui::GetWindowHeight() * 0.9f;
    float scroll = ImGui::GetScrollY();
    const float before = scroll;
    // Space pages down unless a control shows keyboard focus: then it activates the control.
    const bool space = ImGui::IsKeyPressed(ImGuiKey_Space) && !keyboardFocusShown();
    if (ImGui::IsKeyPressed(ImGuiKey_PageDown) || (space && !io.KeyShift)) scroll += page;
    if (ImGui::IsKeyPressed(ImGuiKey_PageUp) || (space && io.KeyShift)) scroll -= page;
    if (ImGui::IsKeyPressed(ImGuiKey_Home, false)) scroll = 0.0f;
    if (ImGui::IsKeyPressed(ImGuiKey_End, false)) scroll = ImGui::GetScrollMaxY();
    if (inArticle) {
        if (ImGui::IsKeyPressed(ImGuiKey_DownArrow)) scroll += kLineScroll;
        if (ImGui::IsKeyPressed(ImGuiKey_UpArrow)) scroll -= kLineScroll;
    }
    if (scroll != before) ImGui::SetScrollY(std::clamp(scroll, 0.0f, ImGui::GetScrollMaxY()));
}

void handleHistoryKeys(core::Navigator& nav, ArticleView& articleView, SearchState& search) {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput) return;
    // Esc undoes the nearest thing first: the selection, then the search box's marks, then the view.
    if (ImGui::IsKeyPressed(ImGuiKey_Escape, false)) {
        if (articleView.hasSelection()) {
            articleView.clearSelection();
        } else if (nav.current().view == core::View::Article && articleView.hitCount() > 0) {
            search.buffer[0] = '\0';
        } else {
            nav.back();
        }
    }
    if (io.KeyAlt && ImGui::IsKeyPressed(ImGuiKey_LeftArrow, false)) nav.back();
    if (io.KeyAlt && ImGui::IsKeyPressed(ImGuiKey_RightArrow, false)) nav.forward();
}

}  // namespace reader::ui
