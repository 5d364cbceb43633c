// Figures' images on the web, never through the wasm heap: the page (shell/images.js) fetches each
// requested image, decodes it with createImageBitmap at the requested size, and queues the bitmap;
// each frame takes at most one bitmap from that queue and hands it to texImage2D into a texture of
// the reader's own WebGL2 context (WebGLRenderer), then closes it.
//  [x] fetch -> Blob -> ImageBitmap at displayed size x devicePixelRatio -> texture -> ImTextureID
//  [x] one upload a frame; more queued bitmaps ask for the next frame
//  [x] failures (HTTP status, not an image, CORS, too large) logged with the src; the figure keeps its alt
//  [x] textures deleted when the cache releases them (ReaderApp::takeRequests)
#pragma once

#include <cstdint>
#include <string>

#include "core/image_cache.h"

namespace reader::ui {
class ReaderApp;
}

namespace reader::web {

class WebGLRenderer;
class WebPlatform;

// Binds the image exports (reader_image_failed, reader_image_stats) to this app; once, at start.
void bindImages(ui::ReaderApp& app, WebPlatform& platform);
// Asks the page for an image (PlatformRequest::Image).
void requestImage(const core::ImageKey& key, const std::string& src);
// Before a frame: the next decoded bitmap, if any, into a texture, handed to the app.
void uploadOneImage();
// A texture the app released.
void releaseImage(uint64_t texture);

}  // namespace reader::web
