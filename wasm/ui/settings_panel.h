// The settings panel: everything about how the text looks, in one popup opened from the article's
// meta line (the 設定 button), which opens it under itself.
#pragma once

#include <imgui.h>

#include "view_context.h"

namespace reader::ui {

class SettingsPanel {
public:
    // The 設定 button; true when clicked (the panel opens under it).
    bool drawButton(ViewContext& ctx);
    float buttonWidth(const ViewContext& ctx) const;
    // The panel, while open: changes go into ctx.settings as they are made; print comes back.
    ViewResult draw(ViewContext& ctx);

private:
    ImVec2 m_buttonBottomLeft;  // where the panel opens: under its button, never over the meta line
};

}  // namespace reader::ui
