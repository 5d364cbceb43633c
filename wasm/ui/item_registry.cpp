// ItemRegistry: recording the last ImGui item's visible rectangle under a key (item_registry.h).
#include "item_registry.h"

#include <imgui.h>
#include <imgui_internal.h>

#include "keyboard_focus.h"

namespace reader::ui {

void ItemRegistry::beginFrame() {
    m_items.clear();
    m_firstTabStop = m_lastTabStop = 0;
}

void ItemRegistry::noteTabStop() {
    const ImGuiLastItemData& item = GImGui->LastItemData;
    if (item.ID == 0 || (item.ItemFlags & (ImGuiItemFlags_NoNav | ImGuiItemFlags_NoTabStop))) return;
    if (ImGui::GetCurrentWindow()->RootWindow->Flags & ImGuiWindowFlags_Popup) return;
    if (m_firstTabStop == 0) m_firstTabStop = item.ID;
    m_lastTabStop = item.ID;
}

void ItemRegistry::addLastItem(const std::string& key) {
    noteTabStop();
    if (!m_focusKey.empty() && key == m_focusKey && ImGui::GetItemID() != 0 && !ImGui::IsItemFocused()) focusLastItem();
    ImRect rect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    rect.ClipWithFull(ImGui::GetCurrentWindow()->ClipRect);
    if (rect.GetWidth() <= 0.0f || rect.GetHeight() <= 0.0f) return;
    m_items[key] = {rect.Min.x, rect.Min.y, rect.GetWidth(), rect.GetHeight()};
}

std::optional<ScreenRect> ItemRegistry::find(const std::string& key) const {
    const auto it = m_items.find(key);
    if (it == m_items.end()) return std::nullopt;
    return it->second;
}

}  // namespace reader::ui
