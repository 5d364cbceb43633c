// TouchGestures: fingers over time into taps, scrolls, flings and pinches (touch_gestures.h).
#include "touch_gestures.h"

#include <cmath>

namespace reader::ui {

namespace {

float distance(const TouchGestures::Point& a, const TouchGestures::Point& b) { return std::hypot(a.x - b.x, a.y - b.y); }

}  // namespace

std::vector<TouchGestures::Action> TouchGestures::update(const std::vector<Point>& touches, double ms) {
    std::vector<Action> out;
    if (touches.size() >= 2) {  // a pinch, whatever one finger was doing
        const float span = distance(touches[0], touches[1]);
        if (m_mode == Mode::Pinching && m_pinchDistance > 0.0f && span > 0.0f) {
            out.push_back({Action::Zoom, (touches[0].x + touches[1].x) / 2, (touches[0].y + touches[1].y) / 2, span / m_pinchDistance});
        }
        m_mode = Mode::Pinching;
        m_pinchDistance = span;
        m_velocity = 0.0f;
        return out;
    }
    if (touches.empty()) {  // the last finger up
        if (m_mode == Mode::Pending) {
            const Action::Kind kind = ms - m_startMs >= kLongPressMs ? Action::LongPress : Action::Tap;
            out.push_back({kind, m_start.x, m_start.y, 0.0f});
        } else if (m_mode == Mode::Dragging && ms - m_lastMs < 100.0 && std::fabs(m_velocity) >= kMinFlingSpeed) {
            m_flingMs = ms;  // let go while moving: inertia
        } else {
            m_velocity = 0.0f;
        }
        m_mode = Mode::Idle;
        return out;
    }
    const Point& finger = touches[0];
    switch (m_mode) {
        case Mode::Idle:
            m_mode = Mode::Pending;
            m_start = finger;
            m_startMs = m_lastMs = ms;
            m_lastY = finger.y;
            m_velocity = 0.0f;  // a touch stops a fling
            break;
        case Mode::Pending:
            if (distance(finger, m_start) <= kSlop) break;
            m_mode = Mode::Dragging;
            [[fallthrough]];
        case Mode::Dragging: {
            const float dy = m_lastY - finger.y;
            if (dy != 0.0f) out.push_back({Action::Scroll, finger.x, finger.y, dy});
            const double dt = ms - m_lastMs;
            if (dt > 0.0) m_velocity = 0.6f * static_cast<float>(dy / dt) + 0.4f * m_velocity;  // smoothed
            m_lastY = finger.y;
            m_lastMs = ms;
            break;
        }
        case Mode::Pinching:  // one finger left of a pinch does nothing until all are up
        case Mode::Done: m_mode = Mode::Done; break;
    }
    return out;
}

std::vector<TouchGestures::Action> TouchGestures::step(double ms) {
    std::vector<Action> out;
    if (m_velocity == 0.0f || m_mode != Mode::Idle) return out;
    const double dt = ms - m_flingMs;
    m_flingMs = ms;
    if (dt <= 0.0) return out;
    // Exponential decay: the distance covered over dt is v (1 - e^(-k dt)) / k.
    const float decay = static_cast<float>(std::exp(-kFriction * dt));
    out.push_back({Action::Scroll, 0.0f, 0.0f, m_velocity * (1.0f - decay) / kFriction});
    m_velocity *= decay;
    if (std::fabs(m_velocity) < kMinFlingSpeed / 4) m_velocity = 0.0f;
    return out;
}

}  // namespace reader::ui
