#include "settings.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace reader::core {

const char* fontSizeName(FontSize size) {
    switch (size) {
        case FontSize::Small: return "small";
        case FontSize::Large: return "large";
        default: return "medium";
    }
}

const char* rubyModeName(RubyMode mode) {
    switch (mode) {
        case RubyMode::Hidden: return "hidden";
        case RubyMode::Inline: return "inline";
        default: return "above";
    }
}

bool parseFontSize(std::string_view name, FontSize& out) {
    for (FontSize size : {FontSize::Small, FontSize::Medium, FontSize::Large}) {
        if (name == fontSizeName(size)) {
            out = size;
            return true;
        }
    }
    return false;
}

bool parseRubyMode(std::string_view name, RubyMode& out) {
    for (RubyMode mode : {RubyMode::Above, RubyMode::Hidden, RubyMode::Inline}) {
        if (name == rubyModeName(mode)) {
            out = mode;
            return true;
        }
    }
    return false;
}

const char* themeName(ThemeChoice theme) {
    constexpr const char* kNames[] = {"auto", "light", "dark", "sepia", "gray", "high-contrast"};
    return kNames[static_cast<int>(theme)];
}

bool parseTheme(std::string_view name, ThemeChoice& out) {
    for (const ThemeChoice theme : {ThemeChoice::Auto, ThemeChoice::Light, ThemeChoice::Dark, ThemeChoice::Sepia,
                                    ThemeChoice::Gray, ThemeChoice::HighContrast}) {
        if (name != themeName(theme)) continue;
        out = theme;
        return true;
    }
    return false;
}

namespace {

std::string number(float value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.3f", static_cast<double>(value));
    return text;
}

// A number within [min, max], else the default stays.
void parseNumber(std::string_view value, float min, float max, float& out) {
    const double parsed = std::strtod(std::string(value).c_str(), nullptr);
    if (parsed >= min && parsed <= max) out = static_cast<float>(parsed);
}

}  // namespace

const char* toneColorsName(ToneColors colors) {
    constexpr const char* kNames[] = {"none", "pleco", "mdbg"};
    return kNames[static_cast<int>(colors)];
}

bool parseToneColors(std::string_view name, ToneColors& out) {
    for (const ToneColors colors : {ToneColors::None, ToneColors::Pleco, ToneColors::Mdbg}) {
        if (name != toneColorsName(colors)) continue;
        out = colors;
        return true;
    }
    return false;
}

std::string serializeSettings(const Settings& settings) {
    return std::string("fontSize=") + fontSizeName(settings.fontSize) + "\nrubyMode=" + rubyModeName(settings.rubyMode) +
           "\nzoom=" + number(settings.zoom) + "\ntheme=" + themeName(settings.theme) + "\nscript=" + scriptName(settings.script) +
           "\nlineHeight=" + number(settings.lineHeight) + "\ncontentWidth=" + number(settings.contentWidth) +
           "\nletterSpacing=" + number(settings.letterSpacing) + "\njustify=" + (settings.justify ? "1" : "0") + "\nspeechRate=" + number(settings.speechRate) +
           "\nrubyOnDemand=" + (settings.rubyOnDemand ? "1" : "0") + "\ntoneColors=" + toneColorsName(settings.toneColors) +
           "\nserif=" + (settings.serif ? "1" : "0") + "\n";
}

Settings parseSettings(std::string_view text) {
    Settings settings;
    while (!text.empty()) {
        const size_t end = std::min(text.find('\n'), text.size());
        const std::string_view line = text.substr(0, end);
        text.remove_prefix(std::min(end + 1, text.size()));
        const size_t eq = line.find('=');
        if (eq == std::string_view::npos) continue;
        const std::string_view key = line.substr(0, eq);
        const std::string_view value = line.substr(eq + 1);
        if (key == "fontSize") parseFontSize(value, settings.fontSize);
        if (key == "rubyMode") parseRubyMode(value, settings.rubyMode);
        if (key == "theme") parseTheme(value, settings.theme);
        if (key == "script") parseScript(value, settings.script);
        if (key == "zoom") parseNumber(value, kMinZoom, kMaxZoom, settings.zoom);
        if (key == "lineHeight") parseNumber(value, kMinLineHeight, kMaxLineHeight, settings.lineHeight);
        if (key == "contentWidth") parseNumber(value, kMinContentWidth, kMaxContentWidth, settings.contentWidth);
        if (key == "letterSpacing") parseNumber(value, kMinLetterSpacing, kMaxLetterSpacing, settings.letterSpacing);
        if (key == "justify" && (value == "0" || value == "1")) settings.justify = value == "1";
        if (key == "speechRate") parseNumber(value, kMinSpeechRate, kMaxSpeechRate, settings.speechRate);
        if (key == "rubyOnDemand" && (value == "0" || value == "1")) settings.rubyOnDemand = value == "1";
        if (key == "toneColors") parseToneColors(value, settings.toneColors);
        if (key == "serif" && (value == "0" || value == "1")) settings.serif = value == "1";
    }
    return settings;
}

}  // namespace reader::core
