// The desktop reader's run modes: capture, replay, interactive (run_modes.h).
#include "run_modes.h"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <optional>
#include <thread>

#include "core/logger.h"
#include "file_watcher.h"
#include "png_writer.h"
#include "state_line.h"
#include "ui/reader_app.h"

namespace reader::native {

namespace {

// Enough for glyphs to be baked and uploaded and for layout to settle (content sizes are known one
// frame after they are drawn).
constexpr int kSettleFrames = 4;
constexpr int kImageWaitFrames = 2000;  // 10 s at most for the images in view to be decoded

void frame(Session& s, NativeWindow::Capture* capture = nullptr) {
    s.window.frame(s.drawFrame, capture);
    if (s.afterFrame) s.afterFrame();
}

}  // namespace

int runCapture(Session& s) {
    // The real mouse and keyboard play no part (a pointer resting over the window would hover
    // something) and time advances by 1/60 s a frame, so the same flags give the same pixels.
    // After a replay its own hook stays: it does the same once the recording has ended.
    if (!s.options.replaying()) s.window.setInputHook(ignoreInputFixedStep);
    NativeWindow::Capture shot;
    for (int i = 0; i + 1 < kSettleFrames; ++i) frame(s);
    // Figures' images decode on a worker thread: the shot waits for every one asked for, so that
    // the same flags give the same pixels however fast the decoder was.
    for (int i = 0; i < kImageWaitFrames && s.app.images().pending() > 0; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
        frame(s);
    }
    frame(s, &shot);
    if (!writePng(s.options.screenshotPath, shot.width, shot.height, shot.rgba)) {
        std::fprintf(stderr, "reader: cannot write %s\n", s.options.screenshotPath.c_str());
        return 1;
    }
    core::logf(core::LogLevel::Info, "wrote %s (%d x %d pixels)", s.options.screenshotPath.c_str(), shot.width, shot.height);
    return 0;
}

int runReplay(Session& s, InputReplayer& replay) {
    s.window.setInputHook([&replay](long index) { replay.feedFrame(index); });
    replay.setResizeHandler([&s](int width, int height) { s.window.resize(width, height); });
    const core::Stopwatch timer;
    for (long i = 0; i < replay.frameCount() && !s.window.shouldClose(); ++i) {
        s.window.pollEvents();  // the window stays responsive; its input is dropped by the hook
        frame(s);
    }
    core::logf(core::LogLevel::Info, "replayed %ld frames in %.0f ms", replay.frameCount(), timer.ms());
    if (s.options.capturing()) return runCapture(s);
    // The recording has reached its end: from here on the session is the user's.
    s.window.setInputHook(nullptr);
    return runInteractive(s);
}

int runInteractive(Session& s) {
    // Live reload: the watcher's thread only raises a flag and wakes the loop; the reload happens
    // here, between frames.
    std::atomic<bool> changed{false};
    std::optional<FileWatcher> watcher;
    if (s.options.watch != Options::Watch::Off) {
        watcher.emplace(s.bundle.path(), s.options.watch == Options::Watch::Poll ? FileWatcher::Mode::Poll : FileWatcher::Mode::Auto,
                        [&changed] {
                            changed = true;
                            NativeWindow::wake();
                        });
    }
    std::optional<InputRecorder> recorder;
    if (!s.options.recordPath.empty()) {
        recorder.emplace(s.options.recordPath);
        if (!recorder->ok()) {
            std::fprintf(stderr, "reader: cannot write %s\n", s.options.recordPath.c_str());
            return 1;
        }
        RecordingHeader header;
        header.width = s.options.width;
        header.height = s.options.height;
        header.dpr = s.options.dpr > 0.0f ? s.options.dpr : 1.0f;
        header.view = placeSpec(s.app.navigator().current());
        header.settings = s.app.settings();
        header.today = s.today();
        header.debug = s.app.debug();
        header.bundle = s.bundle.path();
        recorder->writeHeader(header);
        s.window.setInputHook([&recorder](long index) { recorder->captureFrame(index); });
        core::logf(core::LogLevel::Info, "recording input to %s", s.options.recordPath.c_str());
    }
    s.window.setTitle(s.bundle.windowTitle(s.app));
    while (!s.window.shouldClose()) {
        s.window.waitOrPoll();
        if (changed.exchange(false)) {
            const core::Stopwatch reload;
            s.bundle.load(s.app);
            s.window.setTitle(s.bundle.windowTitle(s.app));
            core::logf(core::LogLevel::Info, "reloaded %s in %.1f ms%s", s.bundle.path().c_str(), reload.ms(),
                       s.app.error().empty() ? "" : " (error shown, previous bundle kept)");
        }
        frame(s);
    }
    return 0;
}

}  // namespace reader::native
