// The desktop reader's command line: flags into Options, and what is wrong with them.
#include "options.h"

#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "core/navigation.h"

namespace reader::native {

const char* const kUsage =
    "usage: reader BUNDLE [options]\n"
    "  capture:  --screenshot OUT.png [--width W] [--height H] [--dpr N] [--today YYYY-MM-DD]\n"
    "            [--view list|category:ID|article:ID|search:QUERY] [--font-size small|medium|large]\n"
    "            [--ruby above|hidden|inline] [--theme auto|light|dark|sepia] [--font PATH]\n"
    "  keep:     [--import-annotations FILE.json] (highlights, notes, bookmarks as exported)\n"
    "  debug:    [--debug] [--log debug|info|warn|error] [--watch auto|poll|off]\n"
    "            [--record FILE.jsonl | --replay FILE.jsonl] [--print-state] [--print-state-on-change]\n"
    "  docs/debugging.md explains each.\n";

namespace {

bool parseDate(std::string_view text, core::CivilDate& out) {
    int year = 0, month = 0, day = 0;
    char tail = 0;
    const std::string copy(text);
    if (text.size() != 10 || std::sscanf(copy.c_str(), "%4d-%2d-%2d%c", &year, &month, &day, &tail) != 3) return false;
    if (!core::isValidDate(year, month, day)) return false;
    out = {year, month, day};
    return true;
}

bool parsePositiveInt(const char* text, int& out) {
    char* end = nullptr;
    const long value = std::strtol(text, &end, 10);
    if (*text == '\0' || *end != '\0' || value <= 0 || value > 16384) return false;
    out = static_cast<int>(value);
    return true;
}

}  // namespace

core::Result<void> parseOptions(int argc, char** argv, Options& options) {
    std::vector<std::string> startOptions;  // what a recording decides when replaying
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        const bool takesValue = arg.starts_with("--") && arg != "--debug" && arg != "--print-state" && arg != "--print-state-on-change";
        if (takesValue && i + 1 >= argc) return core::Error{.message = "reader: " + arg + " needs a value"};
        const std::string value = takesValue ? argv[++i] : std::string();
        const auto bad = [&](const std::string& why) { return core::Error{.message = "reader: " + arg + " " + value + ": " + why}; };
        if (arg == "--screenshot") {
            options.screenshotPath = value;
        } else if (arg == "--width" || arg == "--height") {
            if (!parsePositiveInt(value.c_str(), arg == "--width" ? options.width : options.height)) return bad("not a size in pixels");
            startOptions.push_back(arg);
        } else if (arg == "--dpr") {
            options.dpr = std::strtof(value.c_str(), nullptr);
            if (!(options.dpr > 0.0f && options.dpr <= 8.0f)) return bad("not a device pixel ratio (0 < N <= 8)");
        } else if (arg == "--view") {
            if (!core::placeFromSpec(value)) return bad("not list, category:ID, article:ID or search:QUERY");
            options.view = value;
            startOptions.push_back(arg);
        } else if (const ui::SettingOption* setting = ui::findSettingFlag(arg)) {
            core::Settings probe;
            if (!setting->parse(value, probe)) return bad(std::string("not ") + setting->choices);
            options.settings.push_back({setting, value});
            // A recording holds the font size and the pinyin mode it started with, not the theme.
            if (std::string_view(setting->name) != "theme") startOptions.push_back(arg);
        } else if (arg == "--today") {
            core::CivilDate date;
            if (!parseDate(value, date)) return bad("not a date (YYYY-MM-DD)");
            options.today = date;
            startOptions.push_back(arg);
        } else if (arg == "--font") {
            options.fontPath = value;
        } else if (arg == "--debug") {
            options.debug = true;
            startOptions.push_back(arg);
        } else if (arg == "--log") {
            if (!core::parseLogLevel(value, options.logLevel)) return bad("not debug, info, warn, error or off");
        } else if (arg == "--import-annotations") {
            options.importAnnotationsPath = value;
        } else if (arg == "--record") {
            options.recordPath = value;
        } else if (arg == "--replay") {
            options.replayPath = value;
        } else if (arg == "--print-state") {
            options.printState = true;
        } else if (arg == "--print-state-on-change") {
            options.printStateOnChange = true;
        } else if (arg == "--watch") {
            if (value == "auto") options.watch = Options::Watch::Auto;
            else if (value == "poll") options.watch = Options::Watch::Poll;
            else if (value == "off") options.watch = Options::Watch::Off;
            else return bad("not auto, poll or off");
        } else if (!arg.starts_with("--") && options.bundlePath.empty()) {
            options.bundlePath = arg;
        } else {
            return core::Error{.message = arg.starts_with("--") ? "reader: unknown option " + arg : "reader: one bundle only (" + arg + "?)"};
        }
    }
    if (options.bundlePath.empty()) return core::Error{.message = "reader: which bundle?"};
    if (!options.recordPath.empty() && (options.replaying() || options.capturing())) {
        return core::Error{.message = "reader: --record records an interactive session: not with --replay or --screenshot"};
    }
    if (options.replaying() && !startOptions.empty()) {
        return core::Error{.message = "reader: " + startOptions.front() + " cannot be used with --replay: the recording says how the session started"};
    }
    return {};
}

}  // namespace reader::native
