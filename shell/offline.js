// Offline reading for a page that wants it: registers the reader's service worker (sw.js, built by
// Workbox beside this file; docs/offline.md). reader.js never calls this: whether a page gets a
// service worker is the page's decision. The demo page (page.js) calls it once the reader is ready,
// so that the precache download does not compete with the first view.
//   import {registerOffline} from './offline.js';
//   reader.ready.then(() => registerOffline());
export async function registerOffline({ url = new URL('sw.js', import.meta.url), scope } = {}) {
  if (!('serviceWorker' in navigator)) return null;  // old browsers, private modes, http: pages
  const hadController = Boolean(navigator.serviceWorker.controller);
  const registration = await navigator.serviceWorker.register(url, scope ? { scope } : undefined);
  if (!hadController) {
    // A first visit: the bundles (and a split bundle's search index files) this page fetched went
    // past the worker, which did not exist yet. Once it controls the page, ask for them again
    // through it, so that they are in its cache.
    navigator.serviceWorker.addEventListener('controllerchange', () => {
      for (const entry of performance.getEntriesByType('resource')) {
        if (/\.json$|\/search\/[0-9a-f]{8}\/[^/]+\.bin$/.test(new URL(entry.name).pathname)) fetch(entry.name).catch(() => {});
      }
    }, { once: true });
  }
  return registration;
}
