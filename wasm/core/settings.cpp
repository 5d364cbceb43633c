// Reader settings as key=value text, and the names of their choices (settings.h).
#include "settings.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>

#include "enum_names.h"

namespace reader::core {

namespace {

// The names of each enum, in the order of its enumerators (enum_names.h).
constexpr std::array kFontSizeNames{"small", "medium", "large"};
constexpr std::array kRubyModeNames{"above", "hidden", "inline"};
constexpr std::array kThemeNames{"auto", "light", "dark", "sepia", "gray", "high-contrast"};
constexpr std::array kToneColorsNames{"none", "pleco", "mdbg"};
constexpr std::array kSearchOrderNames{"newest", "relevance"};

}  // namespace

const char* fontSizeName(FontSize size) { return nameOf(size, kFontSizeNames); }
const char* rubyModeName(RubyMode mode) { return nameOf(mode, kRubyModeNames); }
const char* themeName(ThemeChoice theme) { return nameOf(theme, kThemeNames); }
const char* toneColorsName(ToneColors colors) { return nameOf(colors, kToneColorsNames); }
bool parseFontSize(std::string_view name, FontSize& out) { return parseName(name, kFontSizeNames, out); }
bool parseRubyMode(std::string_view name, RubyMode& out) { return parseName(name, kRubyModeNames, out); }
bool parseTheme(std::string_view name, ThemeChoice& out) { return parseName(name, kThemeNames, out); }
bool parseToneColors(std::string_view name, ToneColors& out) { return parseName(name, kToneColorsNames, out); }
const char* searchOrderName(SearchOrder order) { return nameOf(order, kSearchOrderNames); }
bool parseSearchOrder(std::string_view name, SearchOrder& out) { return parseName(name, kSearchOrderNames, out); }

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

std::string serializeSettings(const Settings& settings) {
    return std::string("fontSize=") + fontSizeName(settings.fontSize) + "\nrubyMode=" + rubyModeName(settings.rubyMode) +
           "\nzoom=" + number(settings.zoom) + "\ntheme=" + themeName(settings.theme) + "\nscript=" + scriptName(settings.script) +
           "\nlineHeight=" + number(settings.lineHeight) + "\ncontentWidth=" + number(settings.contentWidth) +
           "\nletterSpacing=" + number(settings.letterSpacing) + "\njustify=" + (settings.justify ? "1" : "0") + "\nspeechRate=" + number(settings.speechRate) +
           "\nrubyOnDemand=" + (settings.rubyOnDemand ? "1" : "0") + "\ntoneColors=" + toneColorsName(settings.toneColors) +
           "\nserif=" + (settings.serif ? "1" : "0") + "\nsearchOrder=" + searchOrderName(settings.searchOrder) + "\n";
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
        if (key == "searchOrder") parseSearchOrder(value, settings.searchOrder);
    }
    return settings;
}

Settings withChanges(const Settings& base, const Settings& before, const Settings& after) {
    // serializeSettings writes the same keys in the same order; parseSettings keeps a key's last line.
    std::string text = serializeSettings(base);
    const std::string was = serializeSettings(before), now = serializeSettings(after);
    for (size_t at = 0, wasAt = 0; at < now.size() && wasAt < was.size();) {
        const size_t end = now.find('\n', at), wasEnd = was.find('\n', wasAt);
        if (now.compare(at, end - at, was, wasAt, wasEnd - wasAt) != 0) text += now.substr(at, end - at + 1);
        at = end + 1;
        wasAt = wasEnd + 1;
    }
    return parseSettings(text);
}

}  // namespace reader::core
