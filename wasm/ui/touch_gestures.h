// TouchGestures: a touch screen's fingers -> what the reader does with them. One finger: a tap
// clicks, a long press selects (the platform sends a double click: the phrase under the finger),
// a drag scrolls and, let go while moving, keeps scrolling with inertia. Two fingers pinch the text
// size. Knows nothing of the browser or ImGui: the platform feeds it touches with their times and
// applies what comes out, so the rules are tested natively.
#pragma once

#include <cstdint>
#include <vector>

namespace reader::ui {

class TouchGestures {
public:
    struct Point {
        int id = 0;  // the touch's identifier, stable while the finger is down
        float x = 0.0f, y = 0.0f;
    };
    struct Action {
        enum Kind { Tap, LongPress, Scroll, Zoom } kind;
        float x = 0.0f, y = 0.0f;  // Tap, LongPress: where
        float amount = 0.0f;       // Scroll: content pixels down (finger up); Zoom: a factor
    };

    static constexpr float kSlop = 8.0f;            // pixels a finger may wander and still tap
    static constexpr double kLongPressMs = 500.0;   // held this long without moving: a long press
    static constexpr float kMinFlingSpeed = 0.05f;  // pixels per ms: slower releases just stop
    static constexpr float kFriction = 0.0025f;     // per ms: the fling slows by e^(-kFriction t)

    // The fingers down now (after the event), at time `ms`; what they did since the last call.
    std::vector<Action> update(const std::vector<Point>& touches, double ms);
    // Inertia after a fling: the scroll for the time since the last step. Empty once it has stopped.
    std::vector<Action> step(double ms);
    // True while a fling is still moving: the platform keeps drawing frames.
    bool animating() const { return m_velocity != 0.0f; }

private:
    enum class Mode { Idle, Pending, Dragging, Pinching, Done };
    Mode m_mode = Mode::Idle;
    Point m_start;             // where the one finger went down
    double m_startMs = 0.0;
    float m_lastY = 0.0f;      // the dragging finger's last position
    double m_lastMs = 0.0;
    float m_velocity = 0.0f;   // pixels per ms, content down; the fling's after release
    double m_flingMs = 0.0;    // time of the last inertia step
    float m_pinchDistance = 0.0f;
};

}  // namespace reader::ui
