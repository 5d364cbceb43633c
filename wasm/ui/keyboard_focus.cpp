// Keyboard focus on Dear ImGui's navigation: the keys it may have, entering and leaving (keyboard_focus.h).
#include "keyboard_focus.h"

#include <imgui.h>
#include <imgui_internal.h>

#include "item_registry.h"

namespace reader::ui {

namespace {

// The reader's own keys (reader_keys.cpp, ListView): ImGui's directional navigation and its
// PageUp/PageDown scrolling must not act on them too. An owner that no item has.
constexpr ImGuiKey kReaderKeys[] = {ImGuiKey_UpArrow, ImGuiKey_DownArrow, ImGuiKey_LeftArrow, ImGuiKey_RightArrow,
                                    ImGuiKey_PageUp,  ImGuiKey_PageDown,  ImGuiKey_Home,      ImGuiKey_End};
constexpr ImGuiID kReaderKeysOwner = 0x52454144;  // "READ"

}  // namespace

void prepareKeyboardNavigation() {
    ImGuiContext& g = *GImGui;
    g.IO.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    // An active text field (the search box) owns the keys it edits with; it is left alone.
    if (g.ActiveId != 0) return;
    // Owned from this frame on, so the next NewFrame's navigation finds them taken; the views'
    // IsKeyPressed (any owner) still see them.
    for (ImGuiKey key : kReaderKeys) ImGui::SetKeyOwner(key, kReaderKeysOwner);
}

bool keyboardFocusShown() {
    const ImGuiContext& g = *GImGui;
    return g.NavCursorVisible && g.NavId != 0;
}

void focusLastItem() {
    ImGui::SetFocusID(ImGui::GetItemID(), ImGui::GetCurrentWindow());
    ImGui::SetNavCursorVisible(true);
}

void enterFromEdge(bool backward) {
    ImGuiContext& g = *GImGui;
    if (!g.NavWindow) {
        ImGuiWindow* page = ImGui::FindWindowByName("reader");
        if (!page) return;
        ImGui::FocusWindow(page);
    }
    // No current control: ImGui's Tab then lands on the window's first tab stop, Shift+Tab on its
    // last. The focus scope is the page window's, which its flattened children share.
    ImGuiWindow* root = g.NavWindow->RootWindowForNav;
    if (g.NavWindow != root) ImGui::FocusWindow(root);
    ImGui::SetNavID(0, ImGuiNavLayer_Main, root->ID, ImRect());
    ImGui::SetNavCursorVisible(false);
    ImGuiIO& io = ImGui::GetIO();
    io.AddKeyEvent(ImGuiMod_Shift, backward);
    io.AddKeyEvent(ImGuiKey_Tab, true);
    io.AddKeyEvent(ImGuiKey_Tab, false);
}

void hideKeyboardFocus() { ImGui::SetNavCursorVisible(false); }

bool tabLeaves(bool backward, const ItemRegistry& items) {
    const ImGuiContext& g = *GImGui;
    if (g.NavWindow && (g.NavWindow->RootWindow->Flags & ImGuiWindowFlags_Popup)) return false;
    const unsigned edge = backward ? items.firstTabStop() : items.lastTabStop();
    if (edge == 0) return true;
    // Also with focus not shown (the reader was clicked): ImGui's Tab starts from the clicked control.
    return g.NavId == edge;
}

}  // namespace reader::ui
