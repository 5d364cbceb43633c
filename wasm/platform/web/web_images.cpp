// Figures' images: requests to the page, one bitmap uploaded a frame, failures back to the app
// (web_images.h).
#include "web_images.h"

#include <emscripten.h>

#include <cstdio>
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

// Pixels uploaded a frame at most: 256 KiB of RGBA, 90 rows of a figure 728 pixels wide. In
// SwiftShader one texImage2D of a whole 728 x 364 figure cost a frame 10-35 ms, a band of 90 rows
// 1-5 ms (docs/benchmarks.md, "Figures' images").
constexpr int kBandPixels = 64 * 1024;

struct Upload {
    int id = 0;  // the request being uploaded, 0 for none
    ImTextureID texture = ImTextureID_Invalid;
};
Upload g_upload;

// The next band of rows of the first bitmap into the texture bound now (WebGLRenderer), its storage
// made at the first band. Returns 1 while rows are left, else 0: the bitmap is whole, or failed and
// `error` (of `capacity` bytes) says why; either way it is closed.
EM_JS(int, js_upload_band, (int maxPixels, char* error, int capacity), {
    const item = Module["imageQueue"][0];
    let why = "";
    try {
        const gl = GLctx, width = item.bitmap.width, height = item.bitmap.height;
        if (item.row === undefined) {
            gl.texStorage2D(gl.TEXTURE_2D, 1, gl.RGBA8, width, height);
            item.row = 0;
        }
        const rows = Math.max(1, Math.min(height - item.row, Math.floor(maxPixels / width)));
        gl.pixelStorei(gl.UNPACK_SKIP_ROWS, item.row);
        gl.texSubImage2D(gl.TEXTURE_2D, 0, 0, item.row, width, rows, gl.RGBA, gl.UNSIGNED_BYTE, item.bitmap);
        gl.pixelStorei(gl.UNPACK_SKIP_ROWS, 0);
        item.row += rows;
        if (item.row < height) return 1;
    } catch (err) {
        GLctx.pixelStorei(GLctx.UNPACK_SKIP_ROWS, 0);
        why = "the texture upload failed: " + err.message;
    }
    Module["imageQueue"].shift();
    item.bitmap.close();
    stringToUTF8(why, error, capacity);
    return 0;
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
    WebGLRenderer& renderer = g_platform->renderer();
    if (g_upload.id == 0) {
        g_upload.id = js_next_image();
        if (g_upload.id == 0) return;
        g_upload.texture = renderer.createBoundTexture();
    } else {
        renderer.bindForUpload(g_upload.texture);
    }
    char error[256] = {};
    if (js_upload_band(kBandPixels, error, sizeof error)) {  // rows left: the next band in the next frame
        g_platform->requestFrames();
        return;
    }
    const std::string message(error);
    const Upload done = std::exchange(g_upload, Upload{});
    const auto it = g_requested.find(done.id);
    const core::ImageKey key = it != g_requested.end() ? it->second : core::ImageKey{};
    if (it != g_requested.end()) g_requested.erase(it);
    if (!message.empty()) {
        renderer.destroyTexture(done.texture);
        g_app->imageFailed(key, message);
    } else {
        ++g_uploads;
        g_app->imageArrived(key, static_cast<uint64_t>(done.texture));
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
