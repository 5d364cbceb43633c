#include "theme.h"

namespace reader::ui {

const Theme& lightTheme() {
    static const Theme theme{
        IM_COL32(255, 255, 255, 255),  // page
        IM_COL32(34, 34, 34, 255),     // text
        IM_COL32(110, 110, 110, 255),  // muted
        IM_COL32(23, 82, 160, 255),    // link
        IM_COL32(200, 30, 30, 255),    // hotline
        IM_COL32(242, 245, 249, 255),  // barBackground
        IM_COL32(218, 223, 230, 255),  // rule
        IM_COL32(234, 241, 251, 255),  // rowHover
        IM_COL32(23, 82, 160, 255),    // selected
        IM_COL32(253, 236, 234, 255),  // errorBackground
        IM_COL32(150, 20, 20, 255),    // errorText
        IM_COL32(120, 90, 60, 255),    // ruby
        IM_COL32(179, 212, 252, 255),  // selection
        IM_COL32(255, 236, 140, 255),  // searchHit
        IM_COL32(255, 180, 60, 255),   // searchHitCurrent
    };
    return theme;
}

const Typography& typography() {
    static const Typography sizes;
    return sizes;
}

void applyImGuiStyle(const Theme& theme) {
    ImGuiStyle& style = ImGui::GetStyle();
    style.FontSizeBase = typography().chrome;
    style.WindowPadding = ImVec2(0, 0);
    style.WindowBorderSize = 0.0f;
    style.ChildBorderSize = 0.0f;
    style.FramePadding = ImVec2(6, 3);
    style.ItemSpacing = ImVec2(8, 6);
    style.ScrollbarSize = 12.0f;
    style.ScrollbarRounding = 6.0f;
    ImVec4* c = style.Colors;
    c[ImGuiCol_WindowBg] = ImGui::ColorConvertU32ToFloat4(theme.page);
    c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_Text] = ImGui::ColorConvertU32ToFloat4(theme.text);
    c[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_ScrollbarGrab] = ImVec4(0.75f, 0.77f, 0.80f, 1.0f);
    c[ImGuiCol_ScrollbarGrabHovered] = ImVec4(0.62f, 0.65f, 0.70f, 1.0f);
    c[ImGuiCol_ScrollbarGrabActive] = ImVec4(0.50f, 0.54f, 0.60f, 1.0f);
    c[ImGuiCol_Header] = ImGui::ColorConvertU32ToFloat4(theme.rowHover);
    c[ImGuiCol_HeaderHovered] = ImGui::ColorConvertU32ToFloat4(theme.rowHover);
    c[ImGuiCol_HeaderActive] = ImGui::ColorConvertU32ToFloat4(theme.rule);
    c[ImGuiCol_NavCursor] = ImGui::ColorConvertU32ToFloat4(theme.link);
}

}  // namespace reader::ui
