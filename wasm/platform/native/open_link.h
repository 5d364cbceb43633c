// Opens a link (already checked by core/links.h) with the desktop's handler: xdg-open.
#pragma once

#include <string>

namespace reader::native {

void openLink(const std::string& url);

}  // namespace reader::native
