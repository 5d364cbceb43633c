// Offline on a publisher's own site (docs/offline.md, "On your own site"): the reader's files on a
// CDN (another origin, with CORS), the publisher's service worker imports reader-sw.js from there,
// which precaches the reader's files and caches the publisher's bundles; the publisher's worker
// caches its own page. After one visit, with both servers gone, the page reloads and the reader
// shows the bundle. reader-sw.js caches nothing of the publisher's but its bundles.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { makePackage } from '../../scripts/make-package.mjs';
import { collectErrors, launchChromium, screenshotPath, serveBuild, webDir } from './lib/browser.mjs';

const VERSION = fs.readFileSync(new URL('../../VERSION', import.meta.url), 'utf8').trim();

const page = (cdn) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Publisher</title></head>
<body><main><h1>News</h1><div id="reader" style="height:600px"></div></main>
<script type="module">
  import { mount } from '${cdn}reader.js';
  window.reader = mount(document.getElementById('reader'), { bundle: '/news/bundle.json' });
  navigator.serviceWorker.register('/sw.js');
</script></body></html>`;

// The publisher's worker: the reader's part from the CDN, then its own (its page, cache first).
const worker = (cdn) => `importScripts('${cdn}reader-sw.js');
articleReaderOffline({ readerBase: '${cdn}', bundles: (url) => url.origin === self.location.origin && url.pathname.startsWith('/news/') });
self.addEventListener('install', (event) => event.waitUntil(caches.open('publisher-pages').then((c) => c.add('/index.html'))));
self.addEventListener('fetch', (event) => {
  if (event.request.mode === 'navigate') event.respondWith(caches.match('/index.html').then((hit) => hit || fetch(event.request)));
});`;

test('publisher offline: reader-sw.js precaches the reader from its CDN and caches the bundle; reload with no server', async (t) => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'reader-offline-'));
  t.after(() => fs.rmSync(tmp, { recursive: true, force: true }));
  makePackage({ webDir, outDir: path.join(tmp, 'cdn') });
  fs.mkdirSync(path.join(tmp, 'site'));
  const cdn = await serveBuild(path.join(tmp, 'cdn'), { cors: '*' });
  const site = await serveBuild(path.join(tmp, 'site'), {
    extraFiles: { 'index.html': page(cdn.url), 'sw.js': worker(cdn.url), 'news/bundle.json': fs.readFileSync(path.join(webDir, 'sample-bundle.json')) },
  });
  const browser = await launchChromium();
  let closed = false;
  t.after(async () => { await browser.close(); if (!closed) { await site.close(); await cdn.close(); } });
  const tab = await browser.newPage({ viewport: { width: 1000, height: 800 } });
  const errors = collectErrors(tab);
  const ready = async () => {
    await tab.waitForFunction(() => window.reader && window.reader.ready);
    await tab.evaluate(() => window.reader.ready.then(() => true));
  };

  // First visit installs the worker; the second is controlled by it, and its bundle goes through it.
  await tab.goto(`${site.url}index.html`);
  await ready();
  await tab.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  await tab.reload();
  await ready();
  assert.ok(await tab.evaluate(() => Boolean(navigator.serviceWorker.controller)), 'the page is not controlled');
  await tab.waitForFunction(() => caches.open('article-reader-publisher-bundles').then((c) => c.keys()).then((k) => k.length === 1));
  const cached = await tab.evaluate(async (version) => {
    const names = await caches.keys();
    const files = await (await caches.open(`article-reader-files-${version}`)).keys();
    const bundles = await (await caches.open('article-reader-publisher-bundles')).keys();
    return { names: names.sort(), files: files.map((r) => r.url), bundles: bundles.map((r) => new URL(r.url).pathname) };
  }, VERSION);
  assert.deepEqual(cached.names, [`article-reader-files-${VERSION}`, 'article-reader-publisher-bundles', 'publisher-pages']);
  assert.deepEqual(cached.bundles, ['/news/bundle.json']);
  for (const file of ['reader.js', 'mount.js', 'reader-module.js', 'reader-module.wasm', 'fonts/reader-fallback.otf']) {
    assert.ok(cached.files.includes(`${cdn.url}${file}`), `${file} is not precached from the CDN`);
  }
  assert.ok(cached.files.every((url) => url.startsWith(cdn.url)), `reader-sw.js cached a file that is not the reader's: ${cached.files}`);

  // Both servers gone: the page (the publisher's cache), the reader (reader-sw.js's) and the bundle.
  closed = true;
  await site.close();
  await cdn.close();
  await tab.reload();
  await ready();
  assert.equal(await tab.evaluate(() => window.reader.state().error), null);
  assert.ok((await tab.evaluate(() => window.reader.list().length)) > 0, 'no article listed offline');
  fs.writeFileSync(screenshotPath('publisher-offline.png'), await tab.screenshot());
  assert.deepEqual(errors, []);
});
