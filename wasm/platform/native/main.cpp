// The desktop reader: `reader BUNDLE [--screenshot OUT.png] [--width W] [--height H] [--font PATH]`.
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <sstream>
#include <optional>
#include <string>

#include <imgui.h>

#include "native_window.h"
#include "noto_font_source.h"
#include "png_writer.h"
#include "settings_file.h"
#include "core/navigation.h"
#include "core/settings.h"
#include "ui/reader_app.h"

namespace {

struct Options {
    std::string bundlePath;
    std::string screenshotPath;
    std::string fontPath;
    std::string view = "list";  // list | category:<id> | article:<id>
    int width = 1280;           // logical pixels
    int height = 800;
    float dpr = 0.0f;           // device pixels per logical pixel; 0: the monitor's
    std::optional<reader::core::FontSize> fontSize;
    std::optional<reader::core::RubyMode> rubyMode;
};

constexpr const char* kUsage =
    "usage: reader BUNDLE [--screenshot OUT.png] [--width W] [--height H] [--dpr N]\n"
    "              [--view list|category:ID|article:ID] [--font-size small|medium|large]\n"
    "              [--ruby above|hidden|inline] [--font PATH]\n";

bool parseArgs(int argc, char** argv, Options& options) {
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        const bool hasValue = i + 1 < argc;
        reader::core::FontSize size;
        reader::core::RubyMode mode;
        if (arg == "--screenshot" && hasValue) options.screenshotPath = argv[++i];
        else if (arg == "--width" && hasValue) options.width = std::atoi(argv[++i]);
        else if (arg == "--height" && hasValue) options.height = std::atoi(argv[++i]);
        else if (arg == "--dpr" && hasValue) options.dpr = std::strtof(argv[++i], nullptr);
        else if (arg == "--view" && hasValue) options.view = argv[++i];
        else if (arg == "--font-size" && hasValue && reader::core::parseFontSize(argv[i + 1], size)) options.fontSize = size, ++i;
        else if (arg == "--ruby" && hasValue && reader::core::parseRubyMode(argv[i + 1], mode)) options.rubyMode = mode, ++i;
        else if (arg == "--font" && hasValue) options.fontPath = argv[++i];
        else if (!arg.starts_with("--") && options.bundlePath.empty()) options.bundlePath = arg;
        else return false;
    }
    return !options.bundlePath.empty() && options.width > 0 && options.height > 0 && options.dpr >= 0.0f &&
           reader::core::placeFromSpec(options.view).has_value();
}

reader::core::CivilDate localToday() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return {local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

void loadBundleFile(reader::ui::ReaderApp& app, const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    if (!file) {
        app.showLoadFailure(path + ": cannot open: " + std::strerror(errno));
        return;
    }
    std::ostringstream text;
    text << file.rdbuf();
    const std::string error = app.loadBundle(text.str());
    if (!error.empty()) std::fprintf(stderr, "%s: %s\n", path.c_str(), error.c_str());
}

}  // namespace

int main(int argc, char** argv) {
    Options options;
    if (!parseArgs(argc, argv, options)) {
        std::fputs(kUsage, stderr);
        return 2;
    }
    // 1. A window with an ImGui context and its GLFW + OpenGL3 backends; --dpr sizes it in device
    //    pixels and tells ImGui the scale, as a high-DPI screen would.
    reader::native::NativeWindow window(options.width, options.height, "Article reader", options.dpr);
    if (!window.ok()) return 1;

    // 2. The font: Noto Sans CJK from disk, glyphs baked on first use.
    reader::native::NotoFontSource fonts(options.fontPath);
    ImFont* font = fonts.install(*ImGui::GetIO().Fonts);
    if (!font) {
        std::fprintf(stderr, "reader: cannot load font %s (install fonts-noto-cjk or pass --font)\n", fonts.path().c_str());
        return 1;
    }

    // 3. The app, on its bundle. A screenshot renders the defaults, not this user's settings, so
    //    the same flags give the same picture on any machine.
    const bool capture = !options.screenshotPath.empty();
    reader::ui::ReaderApp app(capture ? reader::core::Ports{localToday}
                                      : reader::core::Ports{localToday, reader::native::loadSettingsFile,
                                                            reader::native::saveSettingsFile});
    app.setFont(font);
    loadBundleFile(app, options.bundlePath);
    reader::core::Settings settings = app.settings();
    if (options.fontSize) settings.fontSize = *options.fontSize;
    if (options.rubyMode) settings.rubyMode = *options.rubyMode;
    app.setSettings(settings);
    if (!app.go(*reader::core::placeFromSpec(options.view)) && app.bundle()) {
        std::fprintf(stderr, "reader: --view %s: no such place in the bundle\n", options.view.c_str());
    }

    // 4. Screenshot mode: a few frames so glyphs are baked and layout settles, then capture the last.
    if (capture) {
        constexpr int kSettleFrames = 4;
        reader::native::NativeWindow::Capture shot;
        for (int i = 0; i < kSettleFrames; ++i) window.frame([&] { app.frame(); }, i + 1 == kSettleFrames ? &shot : nullptr);
        if (!reader::native::writePng(options.screenshotPath, shot.width, shot.height, shot.rgba)) {
            std::fprintf(stderr, "reader: cannot write %s\n", options.screenshotPath.c_str());
            return 1;
        }
        return 0;
    }

    // 5. Interactive: draw while something changes, sleep otherwise.
    while (!window.shouldClose()) {
        window.waitOrPoll();
        window.frame([&] { app.frame(); });
    }
    return 0;
}
