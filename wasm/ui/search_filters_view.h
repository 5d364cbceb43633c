// The search view's filters (issue #17 item 2): rows of choices, category, year and the year's
// months, each with its count; a choice moves to the same search with that filter (a new place,
// in the URL fragment).
#pragma once

#include "core/navigation.h"
#include "core/search_filters.h"
#include "view_context.h"

namespace reader::ui {

void drawSearchFilters(ViewContext& ctx, const core::Place& place, const core::FacetCounts& counts);

}  // namespace reader::ui
