// ItemRegistry: the on-screen rectangle of each clickable element drawn this frame, by key
// ("article:<id>", "crumb:home", "font:large"), so shells and tests can aim real clicks at them.
#pragma once

#include <map>
#include <optional>
#include <string>

namespace reader::ui {

struct ScreenRect {
    float x = 0, y = 0, w = 0, h = 0;  // logical pixels from the display's top-left
};

class ItemRegistry {
public:
    void beginFrame() { m_items.clear(); }
    // Records the last ImGui item under `key`, clipped to what is visible; hidden items are skipped.
    void addLastItem(const std::string& key);
    std::optional<ScreenRect> find(const std::string& key) const;

private:
    std::map<std::string, ScreenRect> m_items;
};

}  // namespace reader::ui
