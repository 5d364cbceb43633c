#!/usr/bin/env node
// Writes DIR/sw.js, the web reader's service worker, with Workbox's generateSW (docs/offline.md).
//   node scripts/sw/make-sw.mjs DIR
// Run by the web build (wasm/platform/web/CMakeLists.txt) once the module, the shell and the
// fallback font are in DIR. It fails, rather than writing a service worker that would leave the
// reader broken offline, when any app file is missing or Workbox skips one (its size limit).
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateSW, getManifest } from 'workbox-build';

// Everything the reader needs to start and draw, precached under revision hashes. Not the debug
// module (visitors never load it), not the standalone page, not bundles (runtime cache below).
export const APP_FILES = [
  'index.html', 'page.css', 'page.js', 'offline.js',
  'reader.js', 'mount.js', 'article_reader_element.js', 'bundle_fetch.js', 'fonts.js', 'hash_routing.js', 'images.js', 'keyboard_focus.js',
  'loading.js', 'mirror.js', 'mirror_landmarks.js', 'mirror_marks.js', 'module_memory.js', 'page_signals.js', 'page_theme.js', 'print_style.js', 'reader_api.js',
  'reader_options.js', 'module_start.js', 'session.js', 'speech.js', 'text_input.js', 'annotations.js',
  'reader-module.js', 'reader-module.wasm', 'fonts/reader-fallback.otf',
];
// Workbox's default limit (2 MiB) would skip a larger wasm with only a warning.
const MAX_FILE_BYTES = 32 * 1024 * 1024;

// A Workbox plugin for the bundle cache: a response is stored only when its body is well-formed
// JSON in UTF-8 (what the reader itself would get past its syntax check). A server that answers
// 200 with a truncated or garbled bundle must not replace the last good copy: offline, the reader
// would have nothing left to show. Workbox serialises this object into sw.js, so it uses nothing
// from this file's scope.
const KEEP_ONLY_PARSED_BUNDLES = {
  cacheWillUpdate: async ({ response }) => {
    if (!response || response.status !== 200) return null;
    try {
      const text = new TextDecoder('utf-8', { fatal: true }).decode(await response.clone().arrayBuffer());
      const value = JSON.parse(text);
      return value !== null && typeof value === 'object' && !Array.isArray(value) ? response : null;
    } catch {
      return null;
    }
  },
};

// Images (the figures of bundles, fetched when a reader scrolls to them): kept after their first
// fetch, least recently used dropped first beyond IMAGE_ENTRIES (Workbox's expiration), none larger
// than IMAGE_MAX_BYTES, so that the cache stays under IMAGE_ENTRIES x IMAGE_MAX_BYTES (150 MiB; far
// less with a news site's images of 100-300 KB). Only a 200 is kept: an opaque answer's size cannot
// be known, and browsers charge several MB of quota for each.
export const IMAGE_ENTRIES = 150;
export const IMAGE_MAX_BYTES = 1024 * 1024;
// As KEEP_ONLY_PARSED_BUNDLES, serialised into sw.js: the limit is written into the function.
const KEEP_ONLY_SMALL_IMAGES = {
  cacheWillUpdate: new Function('{ response }', `
    if (!response || response.status !== 200) return null;
    const length = Number(response.headers.get('content-length'));
    if (length > ${IMAGE_MAX_BYTES}) return null;
    return response.clone().arrayBuffer().then((body) => (body.byteLength > ${IMAGE_MAX_BYTES} ? null : response));`),
};

export async function makeServiceWorker(dir) {
  const missing = APP_FILES.filter((f) => !fs.existsSync(path.join(dir, f)));
  if (missing.length) throw new Error(`${dir}: missing app files: ${missing.join(', ')}`);
  const files = { globDirectory: dir, globPatterns: APP_FILES, maximumFileSizeToCacheInBytes: MAX_FILE_BYTES };
  // The manifest first, checked: every app file in it, no warning (a skipped file is only a warning).
  const { manifestEntries, warnings: manifestWarnings } = await getManifest(files);
  const cached = new Set(manifestEntries.map((e) => e.url));
  const skipped = APP_FILES.filter((f) => !cached.has(f));
  if (manifestWarnings.length || skipped.length) {
    throw new Error(`refusing to write a service worker without ${skipped.join(', ') || 'every file'}:\n  ${manifestWarnings.join('\n  ')}`);
  }
  const { count, size, warnings } = await generateSW({
    ...files,
    swDest: path.join(dir, 'sw.js'),
    inlineWorkboxRuntime: true,  // one same-origin file, nothing imported at run time
    mode: 'production',
    sourcemap: false,
    cacheId: 'article-reader',   // caches: article-reader-precache-v2-SCOPE, article-reader-bundles
    cleanupOutdatedCaches: true,
    // A new version waits until no page runs the old one: files never change under an open page.
    skipWaiting: false,
    // The first visit is not controlled by a worker that did not exist yet: claim it once
    // installed, so that its later bundle requests (and offline.js's warm-up) go through the cache.
    clientsClaim: true,
    // index.html?bundle=...&log=... is still index.html.
    ignoreURLParametersMatching: [/.*/],
    directoryIndex: 'index.html',
    runtimeCaching: [{
      // Bundles: any *.json the page fetches, on any path or origin (a split bundle's index.json
      // and shards/NNNN.json included). The cached copy answers at once, the network refreshes it.
      urlPattern: ({ request, url }) => request.method === 'GET' && url.pathname.endsWith('.json'),
      handler: 'StaleWhileRevalidate',
      options: {
        cacheName: 'article-reader-bundles',
        plugins: [KEEP_ONLY_PARSED_BUNDLES],
        expiration: { maxEntries: 2000, purgeOnQuotaError: true },
      },
    }, {
      // A split bundle's search index files (search/<build>/manifest.bin and NNNN.bin): named by
      // their build, so they never change; kept once fetched, so that queries work offline.
      urlPattern: ({ request, url }) => request.method === 'GET' && /\/search\/[0-9a-f]{8}\/(manifest|[0-9]{4,})\.bin$/.test(url.pathname),
      handler: 'CacheFirst',
      options: {
        cacheName: 'article-reader-search-index',
        cacheableResponse: { statuses: [200] },
        expiration: { maxEntries: 4000, purgeOnQuotaError: true },
      },
    }, {
      // The script tables: fetched only by readers who choose another script (t2s.txt 40 KB,
      // s2t.txt 1 MB), then kept for reading offline in it.
      urlPattern: ({ request, url }) => request.method === 'GET' && /\/(t2s|s2t)\.txt$/.test(url.pathname),
      handler: 'StaleWhileRevalidate',
      options: { cacheName: 'article-reader-tables', cacheableResponse: { statuses: [200] } },
    }, {
      // Images: fetched by the reader for figures (a fetch, so known by their address) or by the
      // page's mirror (<img>); the cached copy answers, the network only when there is none. (The
      // function is written into sw.js as it stands: the pattern is inline.)
      urlPattern: ({ request, url }) => request.method === 'GET' && url.protocol !== 'data:' &&
        (request.destination === 'image' || /\.(png|jpe?g|gif|webp)$/i.test(url.pathname)),
      handler: 'CacheFirst',
      options: {
        cacheName: 'article-reader-images',
        plugins: [KEEP_ONLY_SMALL_IMAGES],
        expiration: { maxEntries: IMAGE_ENTRIES, purgeOnQuotaError: true },
      },
    }],
  });
  if (warnings.length || count !== APP_FILES.length) {
    fs.rmSync(path.join(dir, 'sw.js'), { force: true });
    throw new Error(`Workbox precached ${count} of ${APP_FILES.length} files:\n  ${warnings.join('\n  ')}`);
  }
  return { count, size, manifestEntries };
}

async function main() {
  const dir = process.argv[2];
  if (process.argv.length !== 3 || !fs.statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
    throw new Error('usage: node scripts/sw/make-sw.mjs DIR');
  }
  const { count, size } = await makeServiceWorker(dir);
  console.log(`sw.js: ${count} files precached, ${size} bytes`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(fs.realpathSync(process.argv[1])).href) {
  main().catch((err) => {
    console.error(`make-sw: ${err.message}`);
    process.exit(1);
  });
}
