// The one implementation of stb_rect_pack and stb_truetype in the program (see imconfig_reader.h),
// with Dear ImGui's allocator, as imgui_draw.cpp would have compiled them.
#include <imgui.h>
#include <imgui_internal.h>

#define STBRP_ASSERT(x) IM_ASSERT(x)
#define STB_RECT_PACK_IMPLEMENTATION
#include <imstb_rectpack.h>

#define STBTT_malloc(x, u) ((void)(u), IM_ALLOC(x))
#define STBTT_free(x, u) ((void)(u), IM_FREE(x))
#define STBTT_assert(x) IM_ASSERT(x)
#define STB_TRUETYPE_IMPLEMENTATION
#include <imstb_truetype.h>
