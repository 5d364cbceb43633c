// Recording and replaying a session's input, so that a bug report is a bundle plus a recording.
//
// What is recorded is what Dear ImGui receives: each frame's time step and the events the
// backends queued for it (mouse position, buttons, wheel, keys, text, window focus) plus the display
// size, read from ImGui's input queue between the backends and ImGui::NewFrame (NativeWindow's
// input hook). The file is JSON lines (docs/debugging.md has the format): a header with where the
// session started (window size, place, settings, date), then per frame one "frame" line and one
// line per event.
//
// A replay is frame-indexed: frame N of the replay gets exactly the events of frame N of the
// recording and the time step the recording measured for it (so double-clicks and key repeats
// behave as they did); nothing is read from the clock or the real mouse and keyboard. Frames after
// the recording's last advance by a fixed 1/60 s.
#pragma once

#include <cstdio>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <imgui.h>
#include <nlohmann/json_fwd.hpp>

#include "core/calendar.h"
#include "core/error.h"
#include "core/settings.h"

namespace reader::native {

// Where a recorded session started.
struct RecordingHeader {
    int width = 1280;   // logical pixels
    int height = 800;
    float dpr = 1.0f;
    std::string view = "list";  // `reader --view` notation
    core::Settings settings;
    core::CivilDate today;
    bool debug = false;  // the debug panels were open
    std::string bundle;  // the bundle's path, for people reading the file
};

class InputRecorder {
public:
    // Opens (truncates) `path`; ok() says whether that worked.
    explicit InputRecorder(const std::string& path);
    ~InputRecorder();
    InputRecorder(const InputRecorder&) = delete;
    InputRecorder& operator=(const InputRecorder&) = delete;

    bool ok() const { return m_file != nullptr; }
    void writeHeader(const RecordingHeader& header);
    // The input hook: writes the frame's time and the events ImGui has not seen yet; flushed, so a
    // session ended by a signal still leaves a whole recording.
    void captureFrame(long frame);

private:
    std::FILE* m_file = nullptr;
    double m_time = 0.0;      // seconds since the first frame
    unsigned m_seenEvent = 0; // ImGui input event ids up to this one are written
    ImVec2 m_displaySize{-1, -1};
};

class InputReplayer {
public:
    // Reads a recording, or says where it is not one ("FILE:LINE: ...", no column: a line is one event).
    core::Result<void> load(const std::string& path);
    const RecordingHeader& header() const { return m_header; }
    long frameCount() const { return static_cast<long>(m_frames.size()); }
    // Called when the recording resizes the display (logical pixels), to resize the window too.
    void setResizeHandler(std::function<void(int width, int height)> handler) { m_onResize = std::move(handler); }

    // The input hook: drops what the real window queued and queues the recorded frame's events.
    void feedFrame(long frame);

private:
    struct Event {
        enum class Type { MousePos, MouseButton, Wheel, Key, Text, Focus } type;
        float x = 0.0f, y = 0.0f;  // position (-FLT_MAX: no mouse) or wheel steps
        int button = 0;
        bool down = false;  // also: focused
        ImGuiKey key = ImGuiKey_None;
        unsigned character = 0;
        ImGuiMouseSource source = ImGuiMouseSource_Mouse;
    };
    struct Frame {
        float dt = 1.0f / 60.0f;
        std::optional<ImVec2> resize;
        std::vector<Event> events;
    };

    core::Result<void> readLine(const nlohmann::ordered_json& line);

    RecordingHeader m_header;
    std::vector<Frame> m_frames;
    ImVec2 m_displaySize;
    unsigned m_seenEvent = 0;
    std::function<void(int, int)> m_onResize;
};

// The input hook of a capture: the real mouse and keyboard are ignored (a pointer resting over the
// window would otherwise hover something) and time advances by a fixed 1/60 s per frame.
void ignoreInputFixedStep(long frame);

}  // namespace reader::native
