// The desktop reader: `reader BUNDLE [options]`. Opens the bundle, watches the file and reloads it
// when it changes; --screenshot renders one state to a PNG and exits; --record and --replay save
// and play back a session's input; F12 shows the debug panels. options.cpp lists the flags,
// docs/debugging.md explains them.
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include <imgui.h>

#include "bundle_file.h"
#include "image_loader.h"
#include "core/logger.h"
#include "core/navigation.h"
#include "input_recording.h"
#include "native_window.h"
#include "noto_font_source.h"
#include "open_link.h"
#include "options.h"
#include "run_modes.h"
#include "settings_file.h"
#include "state_line.h"
#include "ui/debug/debug_panels.h"
#include "ui/reader_app.h"
#include "ui/setting_options.h"

using namespace reader;

namespace {

core::CivilDate localToday() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return {local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

// A replay starts where its recording started.
void startLikeRecording(const native::RecordingHeader& header, native::Options& options) {
    options.width = header.width;
    options.height = header.height;
    if (options.dpr == 0.0f) options.dpr = header.dpr;
    options.view = header.view;
    options.settings.push_back({ui::findSettingOption("fontSize"), core::fontSizeName(header.settings.fontSize)});
    options.settings.push_back({ui::findSettingOption("rubyMode"), core::rubyModeName(header.settings.rubyMode)});
    options.today = header.today;
    options.debug = header.debug;
}

ui::PlatformStats platformStats(const native::NativeWindow& window) {
    const native::NativeWindow::Stats& s = window.stats();
    ui::PlatformStats out;
    out.name = "desktop: GLFW + OpenGL 3.3 (" + s.renderer + ")";
    out.framesDrawn = s.framesDrawn;
    out.idleWaits = s.idleWaits;
    out.idleSeconds = s.idleSeconds;
    out.refreshHz = s.refreshHz;
    out.lastFrameMs = s.lastFrameMs;
    return out;
}

// Captures and replays draw the settings and the date they are given, never this user's saved
// settings, positions or today's date, and open no links: the same flags give the same picture.
ui::Ports portsFor(std::function<core::CivilDate()> today, bool fixedSession, const native::BundleFile& bundle) {
    if (fixedSession) return ui::Ports{.today = std::move(today)};
    return ui::Ports{
        .today = std::move(today),
        .loadSettings = native::loadSettingsFile,
        .saveSettings = native::saveSettingsFile,
        .openLink = native::openLink,
        .openAsset = [&bundle](const std::string& path) { bundle.openAsset(path); },
        .loadPositions = native::loadPositionsFile,
        .savePositions = native::savePositionsFile,
        .loadAnnotations = native::loadAnnotationsFile,
        .saveAnnotations = native::saveAnnotationsFile,
        .saveFile = [](const std::string& name, const std::string&, const std::string& text) { return native::saveExportFile(name, text); },
    };
}

// The top bar's date: fixed in captures and replays (--today, the recording's, or kCaptureToday).
std::function<core::CivilDate()> todayFor(const native::Options& options, bool fixedSession) {
    const core::CivilDate fixedToday = options.today.value_or(native::kCaptureToday);
    if (options.today || fixedSession) return [fixedToday] { return fixedToday; };
    return localToday;
}

// Noto Sans CJK from disk, glyphs baked on first use; null (and said on stderr) when it cannot load.
ImFont* installFont(native::NotoFontSource& fonts) {
    ImFont* font = fonts.install(*ImGui::GetIO().Fonts);
    if (!font) std::fprintf(stderr, "reader: cannot load font %s (install fonts-noto-cjk or pass --font)\n", fonts.path().c_str());
    else core::logf(core::LogLevel::Info, "font %s", fonts.path().c_str());
    return font;
}

// The app on its bundle, with the flags' settings, at the flags' place.
// --import-annotations: merged into what is stored, said on stderr (the panel says it too).
void importAnnotations(ui::ReaderApp& app, const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    if (!file) {
        std::fprintf(stderr, "reader: %s: cannot read\n", path.c_str());
        return;
    }
    const std::string text((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    const auto merged = app.importAnnotations(text);
    if (!merged) {
        std::fprintf(stderr, "reader: %s\n", merged.error().describeIn(path).c_str());
        return;
    }
    std::fprintf(stderr, "reader: %s: %zu annotations added, %zu updated, %zu already there\n", path.c_str(), merged->added,
                 merged->updated, merged->unchanged);
}

void startApp(ui::ReaderApp& app, native::BundleFile& bundle, const native::Options& options, bool fixedSession,
              const core::CivilDate& shown) {
    // Annotations belong to the bundle's file, as file: URLs say it (also the deep links' base).
    std::error_code error;
    const std::string fileUrl = "file://" + std::filesystem::absolute(options.bundlePath, error).lexically_normal().string();
    app.setAnnotationSource(fileUrl, fileUrl);
    bundle.load(app);
    // Captures and replays must not depend on how fast this machine builds the index in slices.
    if (fixedSession) app.finishSearchIndex();
    core::Settings settings = app.settings();
    options.applySettings(settings);
    app.setSettings(settings);
    if (!options.importAnnotationsPath.empty()) importAnnotations(app, options.importAnnotationsPath);
    if (!app.go(*core::placeFromSpec(options.view)) && app.bundle()) {
        std::fprintf(stderr, "reader: --view %s: no such place in the bundle\n", options.view.c_str());
    }
    core::logf(core::LogLevel::Debug, "start: view %s, font size %s, ruby %s, zoom %.2f, today %04d-%02d-%02d%s",
               options.view.c_str(), core::fontSizeName(app.settings().fontSize), core::rubyModeName(app.settings().rubyMode),
               app.settings().zoom, shown.year, shown.month, shown.day, fixedSession ? " (fixed)" : "");
}

}  // namespace

int main(int argc, char** argv) {
    // 1. Options; what is wrong with them, and the usage, exit 2. The log level first, so that all
    //    that follows can say what it does.
    native::Options options;
    if (const core::Result<void> parsed = native::parseOptions(argc, argv, options); !parsed) {
        std::fprintf(stderr, "%s\n%s", parsed.error().message.c_str(), native::kUsage);
        return 2;
    }
    core::Logger::setLevel(options.logLevel);

    // 2. A recording to replay decides the window size, the place, the settings and the date.
    native::InputReplayer replay;
    if (options.replaying()) {
        if (const core::Result<void> loaded = replay.load(options.replayPath); !loaded) {
            std::fprintf(stderr, "reader: %s\n", loaded.error().describe().c_str());
            return 2;
        }
        startLikeRecording(replay.header(), options);
    }

    // 3. A window with an ImGui context and its GLFW + OpenGL3 backends; --dpr sizes it in device
    //    pixels and tells ImGui the scale, as a high-DPI screen would.
    const core::Stopwatch windowTime;
    native::NativeWindow window(options.width, options.height, "Article reader", options.dpr);
    if (!window.ok()) return 1;
    core::logf(core::LogLevel::Info, "window %d x %d, OpenGL renderer %s, %.0f ms", options.width, options.height,
               window.stats().renderer.c_str(), windowTime.ms());

    // 4. The font: Noto Sans CJK from disk, glyphs baked on first use.
    native::NotoFontSource fonts(options.fontPath);
    ImFont* font = installFont(fonts);
    if (!font) return 1;

    // 5. The app, on its bundle; captures and replays show a fixed date (--today, the recording's,
    //    or kCaptureToday).
    const bool fixedSession = options.capturing() || options.replaying();
    const std::function<core::CivilDate()> today = todayFor(options, fixedSession);
    native::BundleFile bundle(options.bundlePath);
    ui::ReaderApp app(portsFor(today, fixedSession, bundle));
    app.setFont(font);
    app.setSerifFont(fonts.installSerif(*ImGui::GetIO().Fonts));
    startApp(app, bundle, options, fixedSession, today());

    // 6. The debug panels, closed unless --debug (or the recording) opens them; F12 toggles them.
    ui::DebugPanels panels;
    panels.install(app);
    panels.setPlatformStats([&window] { return platformStats(window); });
    app.setDebug(options.debug);

    // 7. Run: a capture, a replay, or the interactive loop. Before each frame the app's requests
    //    are answered from disk (figures' images decoded on the loader's thread, one uploaded a
    //    frame); --print-state-on-change prints the state after every frame that changed it.
    std::string lastState;
    native::ImageLoader images;
    native::Session session{window, app, bundle, options, today,
                            [&app, &window, &bundle, &images] {
                                bundle.answerRequests(app, images);
                                if (images.uploadOne(app)) window.wake();
                                if (ImGui::IsKeyPressed(ImGuiKey_F12, false)) app.setDebug(!app.debug());
                                app.frame();
                                if (app.busy()) window.wake();  // the search index is built a slice per frame
                            },
                            [&] {
                                if (!options.printStateOnChange) return;
                                const std::string state = native::stateLine(app);
                                if (state == lastState) return;
                                lastState = state;
                                std::printf("%s\n", state.c_str());
                                std::fflush(stdout);
                            }};
    const int status = options.replaying()   ? native::runReplay(session, replay)
                       : options.capturing() ? native::runCapture(session)
                                             : native::runInteractive(session);

    // 8. The final state, for scripts and tests.
    if (options.printState) std::printf("%s\n", native::stateLine(app).c_str());
    return status;
}
