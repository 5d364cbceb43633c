// The web debug module's own export: the debug panels (wasm/ui/debug/). Only reader-module-debug
// links this file and the panels; shell/mount.js loads that module for mount(el, {debug: true})
// (the demo page's ?debug=1) and switches the panels with setOptions({debug}).
#include <emscripten.h>

#include <cstdlib>
#include <string>

#include "exports.h"
#include "ui/debug/debug_panels.h"
#include "ui/reader_app.h"
#include "web_platform.h"

namespace {

EM_JS(char*, js_location_hash, (), {
    const text = String(location.hash || "");
    const size = lengthBytesUTF8(text) + 1;
    const ptr = _malloc(size);
    stringToUTF8(text, ptr, size);
    return ptr;
});

reader::ui::PlatformStats webStats() {
    reader::ui::PlatformStats stats;
    stats.name = "web: WebGL2, html5.h input, frames only after input or data";
    stats.framesDrawn = reader::web::boundPlatform().framesDrawn();
    char* hash = js_location_hash();
    stats.urlFragment = hash;
    std::free(hash);
    return stats;
}

}  // namespace

extern "C" {

// Shows (1) or hides (0) the debug panels; they are created on first use.
EMSCRIPTEN_KEEPALIVE void reader_set_debug(int on) {
    static reader::ui::DebugPanels* panels = nullptr;  // lives as long as the page
    reader::ui::ReaderApp& app = reader::web::boundApp();
    if (!panels) {
        panels = new reader::ui::DebugPanels();
        panels->install(app);
        panels->setPlatformStats(webStats);
    }
    app.setDebug(on != 0);
    reader::web::boundPlatform().requestFrames();
}

}  // extern "C"
