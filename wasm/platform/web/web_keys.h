// DOM KeyboardEvent.code -> ImGuiKey.
#pragma once

#include <imgui.h>

namespace reader::web {

ImGuiKey imguiKeyForCode(const char* code);

}  // namespace reader::web
