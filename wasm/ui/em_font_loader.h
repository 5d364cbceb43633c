// A font from file bytes, glyphs baked on demand by stb_truetype, sized by the em square: a font
// size means what CSS font-size means (Dear ImGui's stock loader sizes by ascent-to-descent height,
// which makes CJK text about 30% smaller at the same size), so every font source of the reader
// agrees with the browser-rasterised one.
#pragma once

#include <cstddef>

struct ImFont;
struct ImFontAtlas;

namespace reader::ui {

// `data` must come from ImGui's allocator (IM_ALLOC, ImFileLoadToMemory): the atlas owns and frees
// it. `faceIndex` picks the face in a collection (.ttc). Returns nullptr when the data is no font.
ImFont* addEmSizedFont(ImFontAtlas& atlas, void* data, size_t size, int faceIndex, const char* name);

}  // namespace reader::ui
