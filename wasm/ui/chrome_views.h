// The page's frame around the content: the top bar (date, search box, hotlines), the breadcrumb,
// the footer, and the message, progress and retry panels the content shows while loading or failing.
#pragma once

#include <cstddef>
#include <string>

#include "search_view.h"
#include "view_context.h"

namespace reader::ui {

// A hotline clicked comes back as the link to open.
ViewResult drawTopBar(ViewContext& ctx, const std::string& today, SearchState& search);
// The article's title clicked comes back as scrollToTop.
ViewResult drawBreadcrumb(ViewContext& ctx);
void drawFooter(ViewContext& ctx);
float footerHeight(const ViewContext& ctx);
void drawMessage(ViewContext& ctx, const std::string& heading, const std::string& detail, bool isError);
// "正在載入… 1.2 MB / 3.4 MB" with a bar; total 0 when unknown.
void drawProgress(ViewContext& ctx, size_t received, size_t total);
void drawProgressBar(ViewContext& ctx, float fraction);  // 0 to 1, the column wide
// The error view's 重試 button; true when clicked.
bool drawRetryButton(ViewContext& ctx);

}  // namespace reader::ui
