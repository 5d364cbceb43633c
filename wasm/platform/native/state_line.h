// The reader's state as one line of text, for `--print-state` and `--print-state-on-change`
// (tests and scripts read it):
//   view=article category=xiaoxie-dongtai article=ID fontSize=large ruby=above zoom=1.00 scrollY=0
//   debug=off title="..." error="..."
// title is the open article's (empty in a list), error the load error shown (empty when none);
// both are JSON strings. A search view adds query="...".
#pragma once

#include <string>

#include "core/navigation.h"

namespace reader::ui {
class ReaderApp;
}

namespace reader::native {

std::string stateLine(const ui::ReaderApp& app);

// A place in `reader --view` notation: list, category:ID, article:ID, search:QUERY.
std::string placeSpec(const core::Place& place);

}  // namespace reader::native
