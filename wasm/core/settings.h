// Reader settings that persist between visits (web: localStorage; desktop: a file in the user's
// config folder), as `key=value` lines: readable, diffable, and unknown keys are ignored so older
// and newer readers can share them.
#pragma once

#include <string>
#include <string_view>

#include "text_layout.h"

namespace reader::core {

enum class FontSize { Small = 0, Medium = 1, Large = 2 };
// The colours: Auto follows the system's light or dark preference until the reader picks one.
enum class ThemeChoice { Auto = 0, Light, Dark, Sepia };

struct Settings {
    FontSize fontSize = FontSize::Medium;
    RubyMode rubyMode = RubyMode::Above;
    float zoom = 1.0f;  // continuous text zoom on top of the preset (Ctrl +/-, Ctrl+wheel, pinch)
    ThemeChoice theme = ThemeChoice::Auto;

    bool operator==(const Settings&) const = default;
};

inline constexpr float kMinZoom = 0.5f;
inline constexpr float kMaxZoom = 3.0f;

std::string serializeSettings(const Settings& settings);
// Values that do not parse keep their defaults.
Settings parseSettings(std::string_view text);

const char* fontSizeName(FontSize size);       // small, medium, large
const char* rubyModeName(RubyMode mode);       // above, hidden, inline
bool parseFontSize(std::string_view name, FontSize& out);
bool parseRubyMode(std::string_view name, RubyMode& out);
const char* themeName(ThemeChoice theme);      // auto, light, dark, sepia
bool parseTheme(std::string_view name, ThemeChoice& out);

}  // namespace reader::core
