// Figures' images for one reader, never through its WebAssembly memory: the module asks for image
// N at a size (onImageRequest); this fetches it, decodes it with createImageBitmap straight to
// that size (displayed size x devicePixelRatio, computed by the module), and queues the bitmap.
// The module takes one bitmap a frame from `queue`, uploads it into a texture of its own WebGL2
// context and closes it (wasm/platform/web/web_images.cpp). What fails is told to the module with
// the reason, which logs it with the src; the figure keeps its alt text.
import { callWithString } from './module_memory.js';

const MAX_SIDE = 16384;  // pixels a side: no texture asked for, and no source decoded, is larger

// The pixel size a WebP file says it has (RIFF....WEBP, then a VP8, VP8L or VP8X chunk), or null.
// Only VP8X, the extended form, can say more than 16383 a side: 24 bits each.
function webpSize(b) {
  const tag = (at) => String.fromCharCode(b[at], b[at + 1], b[at + 2], b[at + 3]);
  if (b.length < 30 || tag(0) !== 'RIFF' || tag(8) !== 'WEBP') return null;
  const u24 = (at) => b[at] | (b[at + 1] << 8) | (b[at + 2] << 16);
  switch (tag(12)) {
    case 'VP8X': return [u24(24) + 1, u24(27) + 1];
    case 'VP8 ': return [(b[26] | (b[27] << 8)) & 0x3fff, (b[28] | (b[29] << 8)) & 0x3fff];
    case 'VP8L': {
      const bits = (b[21] | (b[22] << 8) | (b[23] << 16) | (b[24] << 24)) >>> 0;
      return [(bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1];
    }
    default: return null;
  }
}

// The pixel size a PNG, GIF, WebP or JPEG file says it has, from its first bytes, or null (another
// format, or no size found there): a huge image is refused before anything decodes it.
function headerSize(b) {
  const u32 = (at) => ((b[at] << 24) | (b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3]) >>> 0;
  if (b.length >= 24 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return [u32(16), u32(20)];
  if (b.length >= 10 && b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46) return [b[6] | (b[7] << 8), b[8] | (b[9] << 8)];
  const webp = webpSize(b);
  if (webp) return webp;
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) return null;
  for (let at = 2; at + 9 < b.length && b[at] === 0xff;) {  // JPEG: segments up to a start of frame
    const marker = b[at + 1];
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return [(b[at + 7] << 8) | b[at + 8], (b[at + 5] << 8) | b[at + 6]];
    }
    at += 2 + ((b[at + 2] << 8) | b[at + 3]);
  }
  return null;
}

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
      const size = headerSize(new Uint8Array(await blob.slice(0, 65536).arrayBuffer()));
      if (size && (size[0] > MAX_SIDE || size[1] > MAX_SIDE)) throw new Error(`${size[0]}×${size[1]} pixels is over ${MAX_SIDE} a side`);
      // The browser's own alpha form ('default', premultiplied in Chromium): measured, its bands
      // went up several times faster than an unpremultiplied bitmap's (0.1 against 1-2 ms for 90
      // rows of 728 pixels in SwiftShader), the browser dividing alpha back as WebGL's default asks.
      const bitmap = await createImageBitmap(blob, {resizeWidth: width, resizeHeight: height, resizeQuality: 'high', premultiplyAlpha: 'default'});
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
