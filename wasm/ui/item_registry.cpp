// ItemRegistry: recording the last ImGui item's visible rectangle under a key (item_registry.h).
#include "item_registry.h"

#include <imgui.h>
#include <imgui_internal.h>

namespace reader::ui {

void ItemRegistry::addLastItem(const std::string& key) {
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
