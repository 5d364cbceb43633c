// ItemRegistry: the on-screen rectangle of each clickable element drawn this frame, by key
// ("article:<id>", "crumb:home", "font:large"), so shells and tests can aim real clicks at them.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>

namespace reader::ui {

struct ScreenRect {
    float x = 0, y = 0, w = 0, h = 0;  // logical pixels from the display's top-left
};

class ItemRegistry {
public:
    void beginFrame();
    // Records the last ImGui item under `key`, clipped to what is visible; hidden items are skipped.
    // An item that keyboard navigation can reach counts as a tab stop, visible or not; the item
    // named by focusOn() takes keyboard focus.
    void addLastItem(const std::string& key);
    std::optional<ScreenRect> find(const std::string& key) const;
    // The ImGui ids of the frame's first and last tab stops outside popups, in drawing order (0: none).
    unsigned firstTabStop() const { return m_firstTabStop; }
    unsigned lastTabStop() const { return m_lastTabStop; }
    // The item of this key takes keyboard focus when it is next drawn (its text-mirror link has the
    // page's focus); "" none.
    void focusOn(std::string key) { m_focusKey = std::move(key); }
    const std::string& focusKey() const { return m_focusKey; }

private:
    void noteTabStop();

    std::map<std::string, ScreenRect> m_items;
    unsigned m_firstTabStop = 0, m_lastTabStop = 0;
    std::string m_focusKey;
};

}  // namespace reader::ui
