// The reader's only Dear ImGui customisation (IMGUI_USER_CONFIG).
#pragma once

// The reader draws with its own views; the demo window is not shipped.
#define IMGUI_DISABLE_DEMO_WINDOWS
// Old names removed in 1.92 stay removed: we write against the current API only.
#define IMGUI_DISABLE_OBSOLETE_FUNCTIONS
// Chinese text reaches beyond the Basic Multilingual Plane (CJK Extension B and later).
#define IMGUI_USE_WCHAR32
// One shared copy of stb_truetype and stb_rect_pack (imgui_stb.cpp, in the imgui library), used by
// Dear ImGui and by the reader's own em-sized font loader (ui/em_font_loader.cpp).
#define IMGUI_DISABLE_STB_TRUETYPE_IMPLEMENTATION
#define IMGUI_DISABLE_STB_RECT_PACK_IMPLEMENTATION
