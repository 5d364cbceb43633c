// Colours and sizes of the reader, in one place.
#pragma once

#include <imgui.h>

#include <optional>
#include <string_view>

#include "core/settings.h"

namespace reader::ui {

struct Theme {
    ImU32 page;          // background
    ImU32 text;
    ImU32 muted;         // meta lines, dates
    ImU32 link;          // breadcrumb and list titles on hover
    ImU32 hotline;       // the complaint numbers, as the seed page shows them
    ImU32 barBackground; // top bar and footer
    ImU32 rule;          // thin separators
    ImU32 rowHover;
    ImU32 selected;      // the active font size
    ImU32 errorBackground;
    ImU32 errorText;
    ImU32 ruby;          // pinyin readings above their characters
    ImU32 selection;     // behind selected text
    ImU32 searchHit;     // behind search hits
    ImU32 searchHitCurrent;  // behind the hit Enter moved to
    bool systemColors = false;  // built from the system's colours (forced colours): no colours of our own
};

const Theme& lightTheme();
const Theme& darkTheme();
const Theme& sepiaTheme();
const Theme& grayTheme();
const Theme& highContrastTheme();
// The theme a choice shows; Auto follows the system: high contrast when it asks for more
// contrast, else dark or light.
const Theme& themeFor(core::ThemeChoice choice, bool systemPrefersDark, bool systemPrefersContrast = false);

// The system's colours in forced-colours mode (Windows' contrast themes and the like), as the page
// resolves CSS's system colour keywords of the same names.
struct SystemColors {
    ImU32 canvas, canvasText, linkText, grayText, highlight, highlightText, buttonFace, buttonText;
};
// Eight "#rrggbb" separated by spaces, in SystemColors' order; nullopt for anything else.
std::optional<SystemColors> parseSystemColors(std::string_view text);
// The theme forced colours ask for: every colour one of the system's, whatever theme was chosen.
// Fills that text is drawn over (selection, search hits) are the highlight colour, translucent.
Theme systemColorsTheme(const SystemColors& colors);

// The embedding page's colours (CSS custom properties on the reader's element: --reader-background,
// --reader-text, --reader-link, --reader-muted), each over the chosen theme's where set.
struct PageColors {
    std::optional<ImU32> background, text, link, muted;
    bool operator==(const PageColors&) const = default;
};
// Four entries separated by spaces, each "#rrggbb" or "-" (not set); nullopt for anything else.
std::optional<PageColors> parsePageColors(std::string_view text);
// `theme` with the page's colours in place: the page (and ImGui's window) in the background, the
// text, the links (with the active option's colour and the focus ring, which are the link's), the
// meta lines and dates.
Theme withPageColors(Theme theme, const PageColors& colors);

// Sizes in logical pixels.
struct Typography {
    float chrome = 15.0f;                 // top bar, breadcrumb, meta line, footer
    float listTitle = 17.0f;
    float body[3] = {16.0f, 18.0f, 22.0f};  // 小 中 大
    float titleScale = 1.4f;              // article title, multiple of the body size
    float lineHeight = 1.8f;              // body, multiple of the font size
    float contentMaxWidth = 860.0f;       // a comfortable measure for Chinese prose
};

const Typography& typography();

// Applies the theme to ImGui's own widgets (scrollbars, selectables).
void applyImGuiStyle(const Theme& theme);

}  // namespace reader::ui
