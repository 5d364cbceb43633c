// The bundle's categories as a tree: the sidebar on wide screens, and the narrow screens' menu
// button by the breadcrumb that opens the same tree.
#pragma once

#include "view_context.h"

namespace reader::ui {

void drawCategoryTree(ViewContext& ctx);
void drawCategoryMenuButton(ViewContext& ctx);

}  // namespace reader::ui
