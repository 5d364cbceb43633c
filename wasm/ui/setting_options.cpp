// The option table: each option's name, flag, parse and print.
#include "setting_options.h"

#include <array>

namespace reader::ui {

namespace {

bool parseFontSize(std::string_view value, core::Settings& s) { return core::parseFontSize(value, s.fontSize); }
std::string printFontSize(const core::Settings& s) { return core::fontSizeName(s.fontSize); }

// On demand is laid out as hidden (Settings::rubyOnDemand).
bool parseRubyMode(std::string_view value, core::Settings& s) {
    core::Settings next = s;
    next.rubyOnDemand = value == "on-demand";
    if (next.rubyOnDemand) next.rubyMode = core::RubyMode::Hidden;
    if (!next.rubyOnDemand && !core::parseRubyMode(value, next.rubyMode)) return false;
    s = next;
    return true;
}
std::string printRubyMode(const core::Settings& s) {
    const bool onDemand = s.rubyOnDemand && s.rubyMode == core::RubyMode::Hidden;
    return onDemand ? "on-demand" : core::rubyModeName(s.rubyMode);
}

bool parseToneColors(std::string_view value, core::Settings& s) { return core::parseToneColors(value, s.toneColors); }
std::string printToneColors(const core::Settings& s) { return core::toneColorsName(s.toneColors); }

bool parseTheme(std::string_view value, core::Settings& s) { return core::parseTheme(value, s.theme); }
std::string printTheme(const core::Settings& s) { return core::themeName(s.theme); }

bool parseScript(std::string_view value, core::Settings& s) { return core::parseScript(value, s.script); }
std::string printScript(const core::Settings& s) { return core::scriptName(s.script); }

bool parseSerif(std::string_view value, core::Settings& s) {
    if (value != "true" && value != "false") return false;
    s.serif = value == "true";
    return true;
}
std::string printSerif(const core::Settings& s) { return s.serif ? "true" : "false"; }

constexpr std::array<SettingOption, 6> kOptions{{
    {"fontSize", "--font-size", "small, medium or large", parseFontSize, printFontSize, false},
    {"rubyMode", "--ruby", "above, hidden or inline", parseRubyMode, printRubyMode, false},
    {"toneColors", nullptr, "none, pleco or mdbg", parseToneColors, printToneColors, false},
    {"theme", "--theme", "auto, light, dark or sepia", parseTheme, printTheme, false},
    {"script", nullptr, "original, traditional or simplified", parseScript, printScript, false},
    {"serif", nullptr, "true or false", parseSerif, printSerif, true},
}};

}  // namespace

std::span<const SettingOption> settingOptions() { return kOptions; }

const SettingOption* findSettingOption(std::string_view name) {
    for (const SettingOption& option : kOptions) {
        if (name == option.name) return &option;
    }
    return nullptr;
}

const SettingOption* findSettingFlag(std::string_view flag) {
    for (const SettingOption& option : kOptions) {
        if (option.flag && flag == option.flag) return &option;
    }
    return nullptr;
}

}  // namespace reader::ui
