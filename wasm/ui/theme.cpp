// The themes' colours, the typography, and ImGui's own widgets styled to match (theme.h).
#include "theme.h"

#include <array>
#include <charconv>

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

// Light text on near-black, contrast kept above 7:1 for body text; pinyin and hits stay distinct.
const Theme& darkTheme() {
    static const Theme theme{
        IM_COL32(24, 26, 29, 255),     // page
        IM_COL32(222, 222, 218, 255),  // text
        IM_COL32(150, 152, 156, 255),  // muted
        IM_COL32(130, 176, 240, 255),  // link
        IM_COL32(255, 120, 110, 255),  // hotline
        IM_COL32(34, 37, 42, 255),     // barBackground
        IM_COL32(60, 64, 71, 255),     // rule
        IM_COL32(40, 48, 60, 255),     // rowHover
        IM_COL32(130, 176, 240, 255),  // selected
        IM_COL32(70, 30, 30, 255),     // errorBackground
        IM_COL32(255, 170, 160, 255),  // errorText
        IM_COL32(214, 180, 130, 255),  // ruby
        IM_COL32(50, 80, 130, 255),    // selection
        IM_COL32(110, 95, 20, 255),    // searchHit
        IM_COL32(160, 100, 20, 255),   // searchHitCurrent
    };
    return theme;
}

// Warm paper, brown ink: the reader modes' sepia.
const Theme& sepiaTheme() {
    static const Theme theme{
        IM_COL32(248, 241, 227, 255),  // page
        IM_COL32(67, 52, 36, 255),     // text
        IM_COL32(125, 105, 85, 255),   // muted
        IM_COL32(120, 70, 20, 255),    // link
        IM_COL32(180, 40, 30, 255),    // hotline
        IM_COL32(240, 230, 210, 255),  // barBackground
        IM_COL32(222, 208, 182, 255),  // rule
        IM_COL32(238, 226, 200, 255),  // rowHover
        IM_COL32(120, 70, 20, 255),    // selected
        IM_COL32(250, 225, 215, 255),  // errorBackground
        IM_COL32(150, 30, 20, 255),    // errorText
        IM_COL32(140, 95, 55, 255),    // ruby
        IM_COL32(225, 200, 150, 255),  // selection
        IM_COL32(250, 220, 120, 255),  // searchHit
        IM_COL32(240, 170, 70, 255),   // searchHitCurrent
    };
    return theme;
}

// Soft gray paper, for long reading in dim rooms.
const Theme& grayTheme() {
    static const Theme theme{
        IM_COL32(224, 224, 222, 255),  // page
        IM_COL32(40, 40, 40, 255),     // text
        IM_COL32(95, 95, 95, 255),     // muted
        IM_COL32(20, 70, 140, 255),    // link
        IM_COL32(170, 25, 25, 255),    // hotline
        IM_COL32(210, 210, 208, 255),  // barBackground
        IM_COL32(185, 185, 183, 255),  // rule
        IM_COL32(206, 212, 222, 255),  // rowHover
        IM_COL32(20, 70, 140, 255),    // selected
        IM_COL32(240, 215, 212, 255),  // errorBackground
        IM_COL32(140, 20, 20, 255),    // errorText
        IM_COL32(100, 75, 50, 255),    // ruby
        IM_COL32(160, 190, 230, 255),  // selection
        IM_COL32(250, 225, 120, 255),  // searchHit
        IM_COL32(245, 170, 60, 255),   // searchHitCurrent
    };
    return theme;
}

// Black on white with nothing muted: every colour at 7:1 or more against the page.
const Theme& highContrastTheme() {
    static const Theme theme{
        IM_COL32(255, 255, 255, 255),  // page
        IM_COL32(0, 0, 0, 255),        // text
        IM_COL32(0, 0, 0, 255),        // muted
        IM_COL32(0, 0, 170, 255),      // link
        IM_COL32(150, 0, 0, 255),      // hotline
        IM_COL32(255, 255, 255, 255),  // barBackground
        IM_COL32(0, 0, 0, 255),        // rule
        IM_COL32(225, 225, 255, 255),  // rowHover
        IM_COL32(0, 0, 170, 255),      // selected
        IM_COL32(255, 220, 220, 255),  // errorBackground
        IM_COL32(120, 0, 0, 255),      // errorText
        IM_COL32(90, 40, 0, 255),      // ruby
        IM_COL32(150, 190, 255, 255),  // selection
        IM_COL32(255, 230, 0, 255),    // searchHit
        IM_COL32(255, 150, 0, 255),    // searchHitCurrent
    };
    return theme;
}

const Theme& themeFor(core::ThemeChoice choice, bool systemPrefersDark, bool systemPrefersContrast) {
    switch (choice) {
        case core::ThemeChoice::Light: return lightTheme();
        case core::ThemeChoice::Dark: return darkTheme();
        case core::ThemeChoice::Sepia: return sepiaTheme();
        case core::ThemeChoice::Gray: return grayTheme();
        case core::ThemeChoice::HighContrast: return highContrastTheme();
        case core::ThemeChoice::Auto: break;
    }
    if (systemPrefersContrast) return highContrastTheme();
    return systemPrefersDark ? darkTheme() : lightTheme();
}

namespace {

// A "#rrggbb" at the start of `text`, which it moves past; nullopt when there is none.
std::optional<ImU32> takeHexColour(std::string_view& text) {
    if (text.size() < 7 || text[0] != '#') return std::nullopt;
    unsigned rgb = 0;
    const auto [end, error] = std::from_chars(text.data() + 1, text.data() + 7, rgb, 16);
    if (error != std::errc() || end != text.data() + 7) return std::nullopt;
    text.remove_prefix(7);
    return IM_COL32((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF, 255);
}

}  // namespace

std::optional<SystemColors> parseSystemColors(std::string_view text) {
    std::array<ImU32, 8> values{};
    for (ImU32& value : values) {
        const std::optional<ImU32> colour = takeHexColour(text);
        if (!colour) return std::nullopt;
        value = *colour;
        if (!text.empty() && text[0] == ' ') text.remove_prefix(1);
    }
    if (!text.empty()) return std::nullopt;
    return SystemColors{values[0], values[1], values[2], values[3], values[4], values[5], values[6], values[7]};
}

std::optional<PageColors> parsePageColors(std::string_view text) {
    std::array<std::optional<ImU32>, 4> values{};
    for (std::optional<ImU32>& value : values) {
        if (text.starts_with('-')) {
            text.remove_prefix(1);
        } else if (!(value = takeHexColour(text))) {
            return std::nullopt;
        }
        if (!text.empty() && text[0] == ' ') text.remove_prefix(1);
    }
    if (!text.empty()) return std::nullopt;
    return PageColors{values[0], values[1], values[2], values[3]};
}

Theme withPageColors(Theme theme, const PageColors& colors) {
    if (colors.background) theme.page = *colors.background;
    if (colors.text) theme.text = *colors.text;
    if (colors.link) theme.link = theme.selected = *colors.link;
    if (colors.muted) theme.muted = *colors.muted;
    return theme;
}

namespace {
ImU32 withAlpha(ImU32 color, int alpha) { return (color & ~IM_COL32_A_MASK) | (static_cast<ImU32>(alpha) << IM_COL32_A_SHIFT); }
}  // namespace

Theme systemColorsTheme(const SystemColors& c) {
    return Theme{
        .page = c.canvas,
        .text = c.canvasText,
        .muted = c.canvasText,  // GrayText means disabled; meta lines are not
        .link = c.linkText,
        .hotline = c.linkText,  // tel: links
        .barBackground = c.canvas,
        .rule = c.canvasText,
        .rowHover = c.buttonFace,
        .selected = c.highlight,
        .errorBackground = c.canvas,
        .errorText = c.canvasText,
        .ruby = c.canvasText,
        .selection = withAlpha(c.highlight, 120),
        .searchHit = withAlpha(c.highlight, 90),
        .searchHitCurrent = withAlpha(c.highlight, 160),
        .systemColors = true,
    };
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
    c[ImGuiCol_ScrollbarGrab] = ImGui::ColorConvertU32ToFloat4(theme.rule);
    c[ImGuiCol_ScrollbarGrabHovered] = ImGui::ColorConvertU32ToFloat4(theme.muted);
    c[ImGuiCol_ScrollbarGrabActive] = ImGui::ColorConvertU32ToFloat4(theme.muted);
    c[ImGuiCol_FrameBg] = ImGui::ColorConvertU32ToFloat4(theme.page);
    c[ImGuiCol_TextSelectedBg] = ImGui::ColorConvertU32ToFloat4(theme.selection);
    c[ImGuiCol_PopupBg] = ImGui::ColorConvertU32ToFloat4(theme.page);
    c[ImGuiCol_Header] = ImGui::ColorConvertU32ToFloat4(theme.rowHover);
    c[ImGuiCol_HeaderHovered] = ImGui::ColorConvertU32ToFloat4(theme.rowHover);
    c[ImGuiCol_HeaderActive] = ImGui::ColorConvertU32ToFloat4(theme.rule);
    c[ImGuiCol_NavCursor] = ImGui::ColorConvertU32ToFloat4(theme.link);
}

}  // namespace reader::ui
