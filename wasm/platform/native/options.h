// The desktop reader's command line.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/calendar.h"
#include "core/error.h"
#include "core/logger.h"
#include "core/settings.h"
#include "ui/setting_options.h"

namespace reader::native {

// A setting given by its flag (--font-size large, ui/setting_options.h), applied over the saved ones.
struct SettingFlag {
    const ui::SettingOption* option;
    std::string value;  // one the option parses
};

struct Options {
    std::string bundlePath;
    std::string fontPath;
    // Reproducible captures.
    std::string screenshotPath;
    std::string view = "list";  // list | category:<id> | article:<id> | search:<query>
    int width = 1280;           // logical pixels
    int height = 800;
    float dpr = 0.0f;           // device pixels per logical pixel; 0: the monitor's
    std::vector<SettingFlag> settings;  // in the order given; the rest: the saved settings (captures: the defaults)
    // The date in the top bar: --today, else the recording's when replaying, else kCaptureToday
    // when capturing, else the local date.
    std::optional<core::CivilDate> today;
    // Annotations to merge into the stored ones at start (an export of the reader's, web or desktop).
    std::string importAnnotationsPath;
    // Debugging.
    bool debug = false;                    // start with the debug panels open (F12 toggles them)
    core::LogLevel logLevel = core::LogLevel::Off;
    std::string recordPath;
    std::string replayPath;
    bool printState = false;               // the final state line on stdout at exit
    bool printStateOnChange = false;       // a state line on stdout whenever it changes
    enum class Watch { Auto, Poll, Off } watch = Watch::Auto;

    bool capturing() const { return !screenshotPath.empty(); }
    void applySettings(core::Settings& out) const {
        for (const SettingFlag& flag : settings) flag.option->parse(flag.value, out);
    }
    bool replaying() const { return !replayPath.empty(); }
};

// The date captures show unless --today says otherwise: fixed, so that a golden image made today
// still matches tomorrow. (A Thursday; the top bar reads 今天是：2026年1月1日 星期四.)
inline constexpr core::CivilDate kCaptureToday{2026, 1, 1};

// Parses argv into `options`, or says what is wrong (a "reader: ..." line).
core::Result<void> parseOptions(int argc, char** argv, Options& options);

extern const char* const kUsage;

}  // namespace reader::native
