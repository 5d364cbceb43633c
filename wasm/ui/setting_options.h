// The reader's options by name: one table mapping each name to its setting, how its value is read
// and how it is written. The page's mount options and setOptions (platform/web/exports.cpp), the
// page's state() (view_state.cpp) and the desktop's flags (platform/native/options.cpp) all use it.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "core/settings.h"

namespace reader::ui {

struct SettingOption {
    const char* name;     // as the page names it: fontSize, rubyMode, ...
    const char* flag;     // the desktop's command-line flag (--font-size), or null
    const char* choices;  // the values the flag takes, for its error message ("small, medium or large")
    // Sets the setting from `value`; false (and `settings` unchanged) for a value it does not know.
    bool (*parse)(std::string_view value, core::Settings& settings);
    // The setting's value as parse reads it.
    std::string (*print)(const core::Settings& settings);
    bool boolean;  // true / false: a JSON boolean rather than a string
};

// In the order the page's state() lists them.
std::span<const SettingOption> settingOptions();
// By page name or by desktop flag; null when there is none.
const SettingOption* findSettingOption(std::string_view name);
const SettingOption* findSettingFlag(std::string_view flag);

}  // namespace reader::ui
