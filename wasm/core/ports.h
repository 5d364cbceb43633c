// Ports: what core and the UI need from the world, supplied by each platform's main as callbacks
// (no #ifdef in core or ui: the web and native builds hand in their own implementations).
#pragma once

#include <functional>

#include "calendar.h"

namespace reader::core {

struct Ports {
    std::function<CivilDate()> today;  // the reader's local date, for the top bar
};

}  // namespace reader::core
