// FallbackFontSource: the subset font the page fetched, where the browser draws no Chinese (fallback_font_source.h).
#include "fallback_font_source.h"

#include <emscripten.h>

#include <imgui.h>

#include "ui/em_font_loader.h"

namespace reader::web {

namespace {

EM_JS(int, js_fallback_font_size, (), {
    return Module["fallbackFont"] ? Module["fallbackFont"].length : 0;
});

// Copies the bytes into wasm memory and lets go of the JavaScript copy.
EM_JS(void, js_take_fallback_font, (unsigned char* dst), {
    HEAPU8.set(Module["fallbackFont"], dst);
    Module["fallbackFont"] = null;
});

}  // namespace

bool FallbackFontSource::available() { return js_fallback_font_size() > 0; }

ImFont* FallbackFontSource::install(ImFontAtlas& atlas) {
    const int size = js_fallback_font_size();
    if (size <= 0) return nullptr;
    auto* data = static_cast<unsigned char*>(IM_ALLOC(static_cast<size_t>(size)));  // the atlas frees it
    js_take_fallback_font(data);
    return ui::addEmSizedFont(atlas, data, static_cast<size_t>(size), 0, name());
}

}  // namespace reader::web
