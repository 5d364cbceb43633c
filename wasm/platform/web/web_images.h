// Figures' images on the web, never through the wasm heap: the page (shell/images.js) fetches each
// requested image, decodes it with createImageBitmap at the requested size, and queues the bitmap;
// each frame uploads one band of rows of the first bitmap in that queue into a texture of the
// reader's own WebGL2 context (WebGLRenderer), and closes the bitmap once it is all there.
//  [x] fetch -> Blob -> ImageBitmap at displayed size x devicePixelRatio -> texture -> ImTextureID
//  [x] at most kBandPixels uploaded a frame (texSubImage2D of a band, UNPACK_SKIP_ROWS into the
//      bitmap): a large image goes up over several frames, none of which waits on all of it; the
//      figure shows it once it is whole
//  [x] more queued bitmaps ask for the next frame
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
// Before a frame: the next band of the first decoded bitmap, if any, into its texture; a texture
// that is whole is handed to the app.
void uploadOneImage();
// A texture the app released.
void releaseImage(uint64_t texture);

}  // namespace reader::web
