// The desktop reader's three ways to run, on one window and one app:
//   capture      a few frames, the last one written as PNG (--screenshot)
//   replay       a recording's frames, then a capture or the interactive loop (--replay)
//   interactive  frames while something changes; the bundle file watched and reloaded; the
//                session's input recorded when asked (--record)
#pragma once

#include <functional>

#include "bundle_file.h"
#include "input_recording.h"
#include "native_window.h"
#include "options.h"

namespace reader::ui {
class ReaderApp;
}

namespace reader::native {

struct Session {
    NativeWindow& window;
    ui::ReaderApp& app;
    BundleFile& bundle;
    const Options& options;
    std::function<core::CivilDate()> today;  // what the app's top bar shows
    std::function<void()> drawFrame;   // one reader frame, between ImGui::NewFrame and Render
    std::function<void()> afterFrame;  // after each frame (state printing)
};

int runCapture(Session& session);
int runReplay(Session& session, InputReplayer& replay);
int runInteractive(Session& session);

}  // namespace reader::native
