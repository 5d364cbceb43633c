// Figures' images: requests to the page, one bitmap uploaded a frame, failures back to the app
// (web_images.h).
#include "web_images.h"

#include <emscripten.h>

#include <cstdio>
#include <cstdlib>
#include <map>
#include <utility>

#include "ui/reader_app.h"
#include "web_platform.h"

namespace reader::web {

namespace {

ui::ReaderApp* g_app = nullptr;
WebPlatform* g_platform = nullptr;
int g_nextId = 1;                            // the page knows a request by this number
std::map<int, core::ImageKey> g_requested;   // asked for, not answered yet
unsigned g_uploads = 0;                      // textures made so far

// The page fetches `src` (relative to the bundle's URL) and decodes it to width x height.
EM_JS(void, js_request_image, (int id, const char* src, int width, int height), {
    if (Module["onImageRequest"]) Module["onImageRequest"](id, UTF8ToString(src), width, height);
});

// The request number of the first decoded bitmap waiting, or 0.
EM_JS(int, js_next_image, (), {
    const queue = Module["imageQueue"];
    return queue && queue.length ? queue[0].id : 0;
});

// The first bitmap into the texture bound now (WebGLRenderer::createBoundTexture), then closed.
// Returns "" or why it could not be uploaded (a pointer the caller frees).
EM_JS(char*, js_upload_image, (), {
    const item = Module["imageQueue"].shift();
    let error = "";
    try {
        GLctx.texImage2D(GLctx.TEXTURE_2D, 0, GLctx.RGBA, GLctx.RGBA, GLctx.UNSIGNED_BYTE, item.bitmap);
    } catch (err) {
        error = "the texture upload failed: " + err.message;
    }
    item.bitmap.close();
    const size = lengthBytesUTF8(error) + 1;
    const ptr = _malloc(size);
    stringToUTF8(error, ptr, size);
    return ptr;
});

}  // namespace

void bindImages(ui::ReaderApp& app, WebPlatform& platform) {
    g_app = &app;
    g_platform = &platform;
}

void requestImage(const core::ImageKey& key, const std::string& src) {
    const int id = g_nextId++;
    g_requested[id] = key;
    js_request_image(id, src.c_str(), static_cast<int>(key.width), static_cast<int>(key.height));
}

void uploadOneImage() {
    const int id = js_next_image();
    if (id == 0) return;
    WebGLRenderer& renderer = g_platform->renderer();
    const ImTextureID texture = renderer.createBoundTexture();
    char* error = js_upload_image();
    const std::string message(error);
    free(error);
    const auto it = g_requested.find(id);
    const core::ImageKey key = it != g_requested.end() ? it->second : core::ImageKey{};
    if (it != g_requested.end()) g_requested.erase(it);
    if (!message.empty()) {
        renderer.destroyTexture(texture);
        g_app->imageFailed(key, message);
    } else {
        ++g_uploads;
        g_app->imageArrived(key, static_cast<uint64_t>(texture));
    }
    if (js_next_image() != 0) g_platform->requestFrames();  // the next one in the next frame
}

void releaseImage(uint64_t texture) { g_platform->renderer().destroyTexture(static_cast<ImTextureID>(texture)); }

}  // namespace reader::web

extern "C" {

// The page could not fetch or decode request `id`: `message` says why.
EMSCRIPTEN_KEEPALIVE void reader_image_failed(int id, const char* message) {
    const auto it = reader::web::g_requested.find(id);
    if (it == reader::web::g_requested.end()) return;
    reader::web::g_app->imageFailed(it->second, message);
    reader::web::g_requested.erase(it);
    reader::web::g_platform->requestFrames();
}

// {textures, bytes, budget, pending, uploads, zoom}: what the image cache keeps now (benchmarks, tests).
EMSCRIPTEN_KEEPALIVE const char* reader_image_stats() {
    static char text[200];
    const reader::core::ImageCache& cache = reader::web::g_app->images();
    std::snprintf(text, sizeof text, "{\"textures\":%zu,\"bytes\":%llu,\"budget\":%llu,\"pending\":%zu,\"uploads\":%u,\"zoom\":%s}",
                  cache.textures(), static_cast<unsigned long long>(cache.bytes()), static_cast<unsigned long long>(cache.budget()),
                  reader::web::g_requested.size(), reader::web::g_uploads, reader::web::g_app->imageZoom().isOpen() ? "true" : "false");
    return text;
}

}
