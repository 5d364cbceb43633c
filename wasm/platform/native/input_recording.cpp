// Recordings are JSON lines read and written with nlohmann_json: a file format at the edge of the
// desktop app, like the bundle; nothing of it leaves this file.
#include "input_recording.h"

#include <cfloat>
#include <cmath>
#include <cstdio>
#include <fstream>

#include <imgui_internal.h>
#include <nlohmann/json.hpp>

#include "core/logger.h"

namespace reader::native {

namespace {

using Json = nlohmann::ordered_json;

constexpr const char* kFormat = "article-reader-recording";
constexpr int kVersion = 1;
constexpr float kFixedStep = 1.0f / 60.0f;

// Seconds rounded to the microsecond: enough for any timing ImGui looks at, short to read.
double roundedSeconds(double seconds) { return std::round(seconds * 1e6) / 1e6; }

const char* mouseSourceName(ImGuiMouseSource source) {
    switch (source) {
        case ImGuiMouseSource_TouchScreen: return "touch";
        case ImGuiMouseSource_Pen: return "pen";
        default: return "mouse";
    }
}

ImGuiMouseSource mouseSourceFrom(const std::string& name) {
    if (name == "touch") return ImGuiMouseSource_TouchScreen;
    if (name == "pen") return ImGuiMouseSource_Pen;
    return ImGuiMouseSource_Mouse;
}

// Key names are Dear ImGui's (GetKeyName): "A", "LeftArrow", "F12"; modifiers are "ModCtrl",
// "ModShift", "ModAlt", "ModSuper", as the backends send them.
constexpr struct {
    ImGuiKey key;
    const char* name;
} kModifiers[] = {{ImGuiMod_Ctrl, "ModCtrl"}, {ImGuiMod_Shift, "ModShift"}, {ImGuiMod_Alt, "ModAlt"}, {ImGuiMod_Super, "ModSuper"}};

std::string keyName(ImGuiKey key) {
    for (const auto& modifier : kModifiers) {
        if (key == modifier.key) return modifier.name;
    }
    return ImGui::GetKeyName(key);
}

ImGuiKey keyFrom(const std::string& name) {
    for (const auto& modifier : kModifiers) {
        if (name == modifier.name) return modifier.key;
    }
    for (int key = ImGuiKey_NamedKey_BEGIN; key < ImGuiKey_NamedKey_END; ++key) {
        if (name == ImGui::GetKeyName(static_cast<ImGuiKey>(key))) return static_cast<ImGuiKey>(key);
    }
    return ImGuiKey_None;
}

std::string dateText(const core::CivilDate& date) {
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02d-%02d", date.year, date.month, date.day);
    return text;
}

}  // namespace

// [SECTION] Recording

InputRecorder::InputRecorder(const std::string& path) : m_file(std::fopen(path.c_str(), "w")) {}

InputRecorder::~InputRecorder() {
    if (m_file) std::fclose(m_file);
}

void InputRecorder::writeHeader(const RecordingHeader& header) {
    const Json line = {{"type", "header"},
                       {"format", kFormat},
                       {"version", kVersion},
                       {"width", header.width},
                       {"height", header.height},
                       {"dpr", header.dpr},
                       {"view", header.view},
                       {"fontSize", core::fontSizeName(header.settings.fontSize)},
                       {"ruby", core::rubyModeName(header.settings.rubyMode)},
                       {"zoom", header.settings.zoom},
                       {"today", dateText(header.today)},
                       {"debug", header.debug},
                       {"bundle", header.bundle}};
    std::fprintf(m_file, "%s\n", line.dump().c_str());
    std::fflush(m_file);
}

void InputRecorder::captureFrame(long frame) {
    const ImGuiContext& g = *GImGui;
    const ImGuiIO& io = g.IO;
    m_time += io.DeltaTime;
    const double t = roundedSeconds(m_time);
    const auto write = [&](Json line) { std::fprintf(m_file, "%s\n", line.dump().c_str()); };
    write({{"type", "frame"}, {"frame", frame}, {"t", t}, {"dt", roundedSeconds(io.DeltaTime)}});
    if (io.DisplaySize.x != m_displaySize.x || io.DisplaySize.y != m_displaySize.y) {
        m_displaySize = io.DisplaySize;
        write({{"type", "resize"}, {"frame", frame}, {"t", t}, {"width", io.DisplaySize.x}, {"height", io.DisplaySize.y}});
    }
    for (const ImGuiInputEvent& e : g.InputEventsQueue) {
        if (e.EventId <= m_seenEvent) continue;  // left in the queue by trickling: written already
        Json line = {{"type", ""}, {"frame", frame}, {"t", t}};
        switch (e.Type) {
            case ImGuiInputEventType_MousePos:
                line["type"] = "mouse-pos";
                // -FLT_MAX: the mouse left the window.
                line["x"] = e.MousePos.PosX > -FLT_MAX ? Json(e.MousePos.PosX) : Json(nullptr);
                line["y"] = e.MousePos.PosY > -FLT_MAX ? Json(e.MousePos.PosY) : Json(nullptr);
                if (e.MousePos.MouseSource != ImGuiMouseSource_Mouse) line["source"] = mouseSourceName(e.MousePos.MouseSource);
                break;
            case ImGuiInputEventType_MouseButton:
                line["type"] = "mouse-button";
                line["button"] = e.MouseButton.Button;
                line["down"] = e.MouseButton.Down;
                if (e.MouseButton.MouseSource != ImGuiMouseSource_Mouse) line["source"] = mouseSourceName(e.MouseButton.MouseSource);
                break;
            case ImGuiInputEventType_MouseWheel:
                line["type"] = "wheel";
                line["x"] = e.MouseWheel.WheelX;
                line["y"] = e.MouseWheel.WheelY;
                if (e.MouseWheel.MouseSource != ImGuiMouseSource_Mouse) line["source"] = mouseSourceName(e.MouseWheel.MouseSource);
                break;
            case ImGuiInputEventType_Key:
                line["type"] = "key";
                line["key"] = keyName(e.Key.Key);
                line["down"] = e.Key.Down;
                break;
            case ImGuiInputEventType_Text:
                line["type"] = "text";
                line["char"] = e.Text.Char;
                break;
            case ImGuiInputEventType_Focus:
                line["type"] = "focus";
                line["focused"] = e.AppFocused.Focused;
                break;
            default: continue;
        }
        write(std::move(line));
    }
    m_seenEvent = g.InputEventsNextEventId - 1;
    std::fflush(m_file);
}

// [SECTION] Replaying

namespace {

// The header line into `header`, or what is wrong with it.
core::Result<void> readHeader(const Json& line, RecordingHeader& header) {
    if (line.value("type", "") != "header" || line.value("format", "") != kFormat) return core::Error{.message = "not a reader recording (no header line)"};
    if (line.value("version", 0) != kVersion) return core::Error{.message = "recording version " + line.value("version", Json()).dump() + " (this reader reads version 1)"};
    header.width = line.value("width", header.width);
    header.height = line.value("height", header.height);
    header.dpr = line.value("dpr", header.dpr);
    header.view = line.value("view", header.view);
    if (!core::parseFontSize(line.value("fontSize", ""), header.settings.fontSize)) return core::Error{.message = "bad fontSize"};
    if (!core::parseRubyMode(line.value("ruby", ""), header.settings.rubyMode)) return core::Error{.message = "bad ruby"};
    header.settings.zoom = line.value("zoom", 1.0f);
    const std::string today = line.value("today", "");
    if (std::sscanf(today.c_str(), "%d-%d-%d", &header.today.year, &header.today.month, &header.today.day) != 3 ||
        !core::isValidDate(header.today.year, header.today.month, header.today.day)) {
        return core::Error{.message = "bad today \"" + today + "\""};
    }
    header.debug = line.value("debug", false);
    header.bundle = line.value("bundle", "");
    return {};
}

}  // namespace

// One line after the header into its frame, or what is wrong with it.
core::Result<void> InputReplayer::readLine(const Json& line) {
    const std::string type = line.value("type", "");
    const long frame = line.value("frame", -1L);
    if (frame < 0 || frame > 10'000'000) return core::Error{.message = "missing or bad frame number"};
    if (static_cast<size_t>(frame) >= m_frames.size()) m_frames.resize(static_cast<size_t>(frame) + 1);
    Frame& f = m_frames[static_cast<size_t>(frame)];
    const auto position = [&](const char* key) {
        const Json& value = line.contains(key) ? line[key] : Json(nullptr);
        return value.is_number() ? value.get<float>() : -FLT_MAX;
    };
    Event e{};
    e.source = mouseSourceFrom(line.value("source", "mouse"));
    if (type == "frame") {
        f.dt = line.value("dt", kFixedStep);
        return {};
    } else if (type == "resize") {
        f.resize = ImVec2(line.value("width", 0.0f), line.value("height", 0.0f));
        return {};
    } else if (type == "mouse-pos") {
        e.type = Event::Type::MousePos;
        e.x = position("x");
        e.y = position("y");
    } else if (type == "mouse-button") {
        e.type = Event::Type::MouseButton;
        e.button = line.value("button", 0);
        e.down = line.value("down", false);
    } else if (type == "wheel") {
        e.type = Event::Type::Wheel;
        e.x = line.value("x", 0.0f);
        e.y = line.value("y", 0.0f);
    } else if (type == "key") {
        e.type = Event::Type::Key;
        e.key = keyFrom(line.value("key", ""));
        e.down = line.value("down", false);
        if (e.key == ImGuiKey_None) return core::Error{.message = "unknown key \"" + line.value("key", "") + "\""};
    } else if (type == "text") {
        e.type = Event::Type::Text;
        e.character = line.value("char", 0u);
    } else if (type == "focus") {
        e.type = Event::Type::Focus;
        e.down = line.value("focused", true);
    } else {
        return core::Error{.message = "unknown line type \"" + type + "\""};
    }
    f.events.push_back(e);
    return {};
}

core::Result<void> InputReplayer::load(const std::string& path) {
    std::ifstream file(path);
    if (!file) return core::Error{.message = path + ": cannot open"};
    std::string text;
    int lineNumber = 0;
    bool haveHeader = false;
    const auto fail = [&](const std::string& message) {
        return core::Error{.message = path + ":" + std::to_string(lineNumber) + ": " + message};
    };
    while (std::getline(file, text)) {
        ++lineNumber;
        if (text.empty()) continue;
        const Json line = Json::parse(text, nullptr, false);
        if (line.is_discarded() || !line.is_object()) {
            // A session killed in the middle of a write leaves half a last line: the rest is usable.
            if (file.peek() == EOF) {
                core::logf(core::LogLevel::Warn, "%s:%d: incomplete last line ignored", path.c_str(), lineNumber);
                break;
            }
            return fail("not a JSON object");
        }
        const core::Result<void> read = haveHeader ? readLine(line) : readHeader(line, m_header);
        if (!read) return fail(read.error().message);
        haveHeader = true;
    }
    if (!haveHeader) return fail("empty recording");
    m_displaySize = ImVec2(static_cast<float>(m_header.width), static_cast<float>(m_header.height));
    return {};
}

void InputReplayer::feedFrame(long frame) {
    ImGuiContext& g = *GImGui;
    ImGuiIO& io = g.IO;
    // What the window queued is not part of the replay; what the replay queued and ImGui has not
    // taken yet (trickling) stays, as it stayed in the recorded session.
    for (int i = g.InputEventsQueue.Size - 1; i >= 0; --i) {
        if (g.InputEventsQueue[i].EventId > m_seenEvent) g.InputEventsQueue.erase(g.InputEventsQueue.Data + i);
    }
    const Frame* f = frame >= 0 && frame < frameCount() ? &m_frames[static_cast<size_t>(frame)] : nullptr;
    if (f && f->resize) {
        m_displaySize = *f->resize;
        if (m_onResize) m_onResize(static_cast<int>(m_displaySize.x), static_cast<int>(m_displaySize.y));
    }
    io.DisplaySize = m_displaySize;
    io.DeltaTime = f ? f->dt : kFixedStep;
    if (f) {
        for (const Event& e : f->events) {
            switch (e.type) {
                case Event::Type::MousePos:
                    io.AddMouseSourceEvent(e.source);
                    io.AddMousePosEvent(e.x, e.y);
                    break;
                case Event::Type::MouseButton:
                    io.AddMouseSourceEvent(e.source);
                    io.AddMouseButtonEvent(e.button, e.down);
                    break;
                case Event::Type::Wheel:
                    io.AddMouseSourceEvent(e.source);
                    io.AddMouseWheelEvent(e.x, e.y);
                    break;
                case Event::Type::Key: io.AddKeyEvent(e.key, e.down); break;
                case Event::Type::Text: io.AddInputCharacter(e.character); break;
                case Event::Type::Focus: io.AddFocusEvent(e.down); break;
            }
        }
    }
    m_seenEvent = g.InputEventsNextEventId - 1;
}

void ignoreInputFixedStep(long) {
    ImGuiContext& g = *GImGui;
    g.InputEventsQueue.clear();
    g.IO.DeltaTime = kFixedStep;
}

}  // namespace reader::native
