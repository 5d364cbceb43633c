// TouchGestures: taps, long presses, drags with inertia and pinches from timed touches.
#include "ui/touch_gestures.h"

#include <doctest/doctest.h>

#include <cmath>

using reader::ui::TouchGestures;
using Action = TouchGestures::Action;
using Points = std::vector<TouchGestures::Point>;

TEST_CASE("touch: a short touch that stays put is a tap where it went down") {
    TouchGestures g;
    CHECK(g.update({{1, 100, 200}}, 0).empty());
    CHECK(g.update({{1, 103, 204}}, 50).empty());  // within the slop
    const auto out = g.update({}, 120);
    REQUIRE(out.size() == 1);
    CHECK(out[0].kind == Action::Tap);
    CHECK(out[0].x == 100);
    CHECK(out[0].y == 200);
}

TEST_CASE("touch: held still for half a second it is a long press") {
    TouchGestures g;
    g.update({{1, 10, 10}}, 0);
    const auto out = g.update({}, 600);
    REQUIRE(out.size() == 1);
    CHECK(out[0].kind == Action::LongPress);
}

TEST_CASE("touch: a drag scrolls by the finger's movement (content follows the finger), no tap") {
    TouchGestures g;
    g.update({{1, 50, 300}}, 0);
    auto out = g.update({{1, 50, 280}}, 16);  // beyond the slop: scrolling from where it went down
    REQUIRE(out.size() == 1);
    CHECK(out[0].kind == Action::Scroll);
    CHECK(out[0].amount == 20);  // finger up 20 px: content scrolls down 20 px
    out = g.update({{1, 50, 290}}, 32);
    REQUIRE(out.size() == 1);
    CHECK(out[0].amount == -10);
    g.update({{1, 50, 290}}, 400);
    CHECK(g.update({}, 700).empty());  // let go after resting: no tap, no fling
    CHECK_FALSE(g.animating());
}

TEST_CASE("touch: let go while moving, the content keeps scrolling, slower and slower, then stops") {
    TouchGestures g;
    g.update({{1, 50, 600}}, 0);
    for (int i = 1; i <= 10; ++i) g.update({{1, 50, 600.0f - 30.0f * i}}, 16.0 * i);  // ~1.9 px/ms upwards
    CHECK(g.update({}, 165).empty());
    REQUIRE(g.animating());
    float total = 0, previous = 1e9f;
    int steps = 0;
    for (double t = 181; g.animating() && steps < 1000; t += 16, ++steps) {
        const auto out = g.step(t);
        REQUIRE(out.size() == 1);
        CHECK(out[0].amount > 0);
        CHECK(out[0].amount <= previous);
        previous = out[0].amount;
        total += out[0].amount;
    }
    CHECK_FALSE(g.animating());
    CHECK(total > 300);   // a fling carries on well past the finger
    CHECK(total < 1000);  // v / friction bounds it
    g.update({{1, 0, 0}}, 5000);
    CHECK_FALSE(g.animating());  // and a new touch stops any fling
}

TEST_CASE("touch: two fingers pinch the zoom by the ratio of their spans; no tap after") {
    TouchGestures g;
    g.update({{1, 100, 100}}, 0);
    CHECK(g.update({{1, 100, 100}, {2, 200, 100}}, 10).empty());
    const auto out = g.update({{1, 90, 100}, {2, 240, 100}}, 30);
    REQUIRE(out.size() == 1);
    CHECK(out[0].kind == Action::Zoom);
    CHECK(out[0].amount == doctest::Approx(1.5));
    CHECK(g.update({{2, 240, 100}}, 40).empty());  // one finger lifted first
    CHECK(g.update({}, 50).empty());
}
