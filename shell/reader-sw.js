// Offline reading on a publisher's own pages (docs/offline.md, "On your own site"): a part of the
// publisher's service worker, which imports it and says where the reader's files are and which
// requests are its bundles:
//   importScripts('https://cdn.example.com/article-reader/1.0.0/reader-sw.js');
//   articleReaderOffline({ readerBase: 'https://cdn.example.com/article-reader/1.0.0/',
//                          bundles: (url) => url.pathname.startsWith('/news/') && url.pathname.endsWith('.json') });
// - installs: the reader's files (READER_FILES, written in by scripts/make-package.mjs from what
//   the reader fetches) into a cache per version, from wherever they live (another origin needs
//   CORS, as for the page itself); the worker does not install if one is missing;
// - activates: drops the caches of other versions of the reader;
// - fetches: the reader's files from that cache (the network if missing); the publisher's bundles
//   stale-while-revalidate (only a 200 of well-formed JSON is kept); t2s.txt and s2t.txt once fetched;
//   a split bundle's search index files (search/<build>/*.bin: named by their build, so they never
//   change) cache-first, once fetched.
// Everything else is left to the publisher's worker (no respondWith). Not the demo's sw.js: it
// caches none of the publisher's pages and claims no client; that is the publisher's choice.
/* eslint-env serviceworker */
(() => {
  const READER_VERSION = '@READER_VERSION@';
  const READER_FILES = ['@READER_FILES@'];
  const FILES_CACHE = `article-reader-files-${READER_VERSION}`;
  const BUNDLES_CACHE = 'article-reader-publisher-bundles';

  // A bundle worth keeping: status 200, UTF-8, JSON with an object at the top.
  async function isBundle(response) {
    if (!response || response.status !== 200) return false;
    try {
      const value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(await response.clone().arrayBuffer()));
      return value !== null && typeof value === 'object' && !Array.isArray(value);
    } catch {
      return false;
    }
  }

  const SEARCH_INDEX_FILE = /\/search\/[0-9a-f]{8}\/(manifest|[0-9]{4,})\.bin$/;

  async function cacheFirst(request, cacheName) {
    const cache = await caches.open(cacheName);
    const cached = await cache.match(request);
    if (cached) return cached;
    const response = await fetch(request);
    if (response.status === 200) await cache.put(request, response.clone());
    return response;
  }

  async function staleWhileRevalidate(event, cacheName, keep) {
    const cache = await caches.open(cacheName);
    const cached = await cache.match(event.request);
    const network = fetch(event.request).then(async (response) => {
      if (await keep(response)) await cache.put(event.request, response.clone());
      return response;
    });
    if (!cached) return network;
    event.waitUntil(network.catch(() => {}));
    return cached;
  }

  self.articleReaderOffline = function articleReaderOffline({ readerBase, bundles = () => false }) {
    if (!readerBase) throw new Error('articleReaderOffline: readerBase (the URL of the folder with reader.js) is missing');
    const base = new URL(readerBase, self.location.href);
    const files = new Set(READER_FILES.map((file) => new URL(file, base).href));
    const tables = new Set(['t2s.txt', 's2t.txt'].map((file) => new URL(file, base).href));

    self.addEventListener('install', (event) => {
      event.waitUntil(caches.open(FILES_CACHE).then((cache) => cache.addAll([...files])));
    });
    self.addEventListener('activate', (event) => {
      event.waitUntil(caches.keys().then((keys) => Promise.all(keys
        .filter((key) => key.startsWith('article-reader-files-') && key !== FILES_CACHE)
        .map((key) => caches.delete(key)))));
    });
    self.addEventListener('fetch', (event) => {
      const { request } = event;
      if (request.method !== 'GET') return;
      const url = new URL(request.url);
      const plain = url.origin + url.pathname;
      if (files.has(plain)) {
        event.respondWith(caches.open(FILES_CACHE)
          .then((cache) => cache.match(plain))
          .then((hit) => hit || fetch(request)));
      } else if (tables.has(plain)) {
        event.respondWith(staleWhileRevalidate(event, FILES_CACHE, async (r) => Boolean(r) && r.status === 200));
      } else if (SEARCH_INDEX_FILE.test(url.pathname)) {
        event.respondWith(cacheFirst(request, BUNDLES_CACHE));
      } else if (bundles(url, request)) {
        event.respondWith(staleWhileRevalidate(event, BUNDLES_CACHE, isBundle));
      }
    });
  };
})();
