// Figures' images for one reader, never through its WebAssembly memory: the module asks for image
// N at a size (onImageRequest); this fetches it, decodes it with createImageBitmap straight to
// that size (displayed size x devicePixelRatio, computed by the module), and queues the bitmap.
// The module takes one bitmap a frame from `queue`, uploads it into a texture of its own WebGL2
// context and closes it (wasm/platform/web/web_images.cpp). What fails is told to the module with
// the reason, which logs it with the src; the figure keeps its alt text.
import { callWithString } from './module_memory.js';

const MAX_SIDE = 16384;  // pixels: no texture or bitmap larger than this is asked for

// Why an image could not be had, in words for the log.
function reason(err) {
  if (err instanceof TypeError && /fetch/i.test(err.message)) return `could not be fetched (network or CORS): ${err.message}`;
  if (err && err.name === 'InvalidStateError') return `not an image, or damaged: ${err.message}`;
  return err && err.message ? err.message : String(err);
}

// `fileUrl(src)`: a src (relative to the bundle, or https:) as a URL.
export function createImages(session, fileUrl) {
  const queue = [];  // {id, bitmap}: decoded, waiting for the module's upload
  let stopped = false;

  function fail(id, err) {
    const module = session.module;
    if (module && !stopped) callWithString(module, (ptr) => module._reader_image_failed(id, ptr), reason(err));
  }

  async function request(id, src, width, height) {
    try {
      if (width > MAX_SIDE || height > MAX_SIDE) throw new Error(`${width}×${height} pixels is over ${MAX_SIDE} a side`);
      const response = await fetch(fileUrl(src));
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const blob = await response.blob();
      const bitmap = await createImageBitmap(blob, {resizeWidth: width, resizeHeight: height, resizeQuality: 'high'});
      if (stopped || !session.module) { bitmap.close(); return; }
      queue.push({id, bitmap});
      session.module._reader_request_frame();
    } catch (err) {
      fail(id, err);
    }
  }

  return {
    queue,
    request,
    // The reader goes away: bitmaps not uploaded are closed now, late ones as they arrive.
    stop() {
      stopped = true;
      for (const item of queue.splice(0)) item.bitmap.close();
    },
  };
}
