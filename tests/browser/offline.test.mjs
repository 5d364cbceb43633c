// Offline reading (docs/offline.md): after one visit the service worker has the app and the bundle,
// so the reader comes back with the network off and the server gone; a new version is installed on
// a later visit, but pages that run the old one keep the files they started with, and the version
// is used from the next visit on.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  collectErrors, isBlank, launchChromium, screenshotPath, screenshotWhen, serveBuild, waitForReader,
  waitForState, webDir,
} from './lib/browser.mjs';

const makeSw = fileURLToPath(new URL('../../scripts/sw/make-sw.mjs', import.meta.url));
const SEED_TITLE = '2023年(nián)第一(yī)次';

// Polls fn() in node until it returns something truthy; the message says what never happened.
async function until(fn, what, { timeout = 30000 } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const controlled = (page) => until(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller)),
  'the service worker to control the page');

test('offline: after one visit the reader opens and reads the same article with the network off', async (t) => {
  const site = await serveBuild(webDir);
  const browser = await launchChromium();
  let serverOpen = true;
  t.after(async () => { await browser.close(); if (serverOpen) await site.close(); });
  const context = await browser.newContext({ viewport: { width: 1000, height: 700 } });
  const page = await context.newPage();
  const errors = collectErrors(page);

  await page.goto(`${site.url}index.html`);
  await waitForReader(page);
  const seed = (await page.evaluate(() => window.reader.list())).find((a) => a.title.startsWith(SEED_TITLE));
  assert.ok(seed, 'the seed article is listed');
  await page.evaluate((id) => window.reader.open(id), seed.id);
  await waitForState(page, { view: 'article', articleId: seed.id });

  // The page registered the worker after its first view; once it controls the page, the bundle
  // fetched before that is asked for again through it and lands in its cache.
  await controlled(page);
  await until(() => page.evaluate(async () => Boolean(await caches.match('sample-bundle.json'))), 'the bundle in the cache');
  const cacheNames = await page.evaluate(() => caches.keys());
  assert.ok(cacheNames.some((n) => /^article-reader-precache-v2-/.test(n)), `precache: ${cacheNames}`);
  assert.ok(cacheNames.includes('article-reader-bundles'), `bundle cache: ${cacheNames}`);
  const precached = await page.evaluate(async () => {
    const name = (await caches.keys()).find((n) => n.startsWith('article-reader-precache'));
    return (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname.slice(1).replace(/\?.*/, ''));
  });
  for (const file of ['index.html', 'reader.js', 'reader-module.js', 'reader-module.wasm', 'page.css', 'fonts/reader-fallback.otf']) {
    assert.ok(precached.includes(file), `${file} is precached (${precached.join(', ')})`);
  }

  // The network off, and the server gone too: nothing can come from anywhere but the caches.
  await context.setOffline(true);
  await site.close();
  serverOpen = false;
  const fromWorker = [];
  const failed = [];
  page.on('response', (r) => { if (r.url().endsWith('.json') || r.url().includes('reader-module')) fromWorker.push([r.url(), r.fromServiceWorker()]); });
  page.on('requestfailed', (r) => failed.push(r.url()));
  await page.reload();
  await waitForReader(page);
  // The URL still says #/article/<id>: the reader reopens the article, from the cached bundle.
  await waitForState(page, { view: 'article', articleId: seed.id, error: null });
  assert.ok(fromWorker.length >= 3, `responses seen: ${JSON.stringify(fromWorker)}`);
  for (const [url, worker] of fromWorker) assert.ok(worker, `${url} came from the service worker`);
  assert.deepEqual(failed, [], 'no request failed');
  const shot = await screenshotWhen(page, (png) => !isBlank(png));
  fs.writeFileSync(screenshotPath('offline-article.png'), shot);
  assert.ok(!isBlank(shot), 'the article is drawn');

  // Another article of the bundle, still offline.
  assert.ok(await page.evaluate(() => window.reader.back()));
  const other = (await page.evaluate(() => window.reader.list())).find((a) => a.id !== seed.id);
  await page.evaluate((id) => window.reader.open(id), other.id);
  await waitForState(page, { view: 'article', articleId: other.id, error: null });
  // Its figures' images were never fetched online, so they are in no cache: the browser says so on
  // the console, and the reader shows their alt text. Nothing else may fail.
  assert.deepEqual(errors.filter((e) => !/net::ERR_FAILED \(http:[^)]*\/sample-assets\/[^)]*\.png\)$/.test(e)), []);
});

test('offline: a new version is used from the next visit on; open pages keep the version they started with', async (t) => {
  // A copy of the build, so that a new version can be published into it.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reader-offline-'));
  fs.cpSync(webDir, dir, { recursive: true });
  const site = await serveBuild(dir);
  const browser = await launchChromium();
  t.after(async () => { await browser.close(); await site.close(); fs.rmSync(dir, { recursive: true, force: true }); });
  const context = await browser.newContext({ viewport: { width: 1000, height: 700 } });
  const version = (page) => page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--reader-version').trim());
  const cssNow = (page) => page.evaluate(() => fetch('page.css').then((r) => r.text()));

  const first = await context.newPage();
  const errors = collectErrors(first);
  await first.goto(`${site.url}index.html`);
  await waitForReader(first);
  await controlled(first);
  assert.equal(await version(first), '');

  // Version 2: a precached file changes, and the build makes the service worker for it.
  fs.appendFileSync(path.join(dir, 'page.css'), 'html { --reader-version: 2; }\n');
  execFileSync(process.execPath, [makeSw, dir], { stdio: 'pipe' });

  // A second page finds the new worker, which installs and waits: both pages run version 1.
  const second = await context.newPage();
  await second.goto(`${site.url}index.html`);
  await waitForReader(second);
  await second.evaluate(async () => { await (await navigator.serviceWorker.getRegistration()).update(); });
  await until(() => second.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration()).waiting)),
    'the new version to be installed and waiting');
  assert.equal(await version(second), '', 'a page opened while the old version runs gets the old files');
  for (const page of [first, second]) {
    assert.ok(!(await cssNow(page)).includes('--reader-version'), 'an open page keeps getting the files of its version');
  }
  // The open page goes on working.
  const list = await first.evaluate(() => window.reader.list());
  await first.evaluate((id) => window.reader.open(id), list[1].id);
  await waitForState(first, { view: 'article', articleId: list[1].id, error: null });
  assert.deepEqual(errors, []);

  // Every page of the old version closed: the next visit gets version 2. (The waiting worker takes
  // over once no page uses the old one; a visit that comes too early is still version 1, so look
  // again a few times.)
  await first.close();
  await second.close();
  let next;
  let attempts = 0;
  for (;;) {
    attempts += 1;
    next = await context.newPage();
    await next.goto(`${site.url}index.html`);
    if (await version(next) === '2' || attempts >= 10) break;
    await next.close();
    await new Promise((r) => setTimeout(r, 300));
  }
  assert.equal(await version(next), '2', `the next visit uses the new version (after ${attempts} visits)`);
  await waitForReader(next);
  assert.ok((await next.evaluate(() => window.reader.list())).length > 5, 'and the reader works');
  assert.ok((await cssNow(next)).includes('--reader-version'));
});

test('offline: a bundle the server garbles is never cached over the last good copy', async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reader-offline-'));
  fs.cpSync(webDir, dir, { recursive: true });
  const site = await serveBuild(dir);
  const browser = await launchChromium();
  let serverOpen = true;
  t.after(async () => {
    await browser.close();
    if (serverOpen) await site.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const context = await browser.newContext({ viewport: { width: 1000, height: 700 } });
  const page = await context.newPage();
  const cachedBundle = () => page.evaluate(async () => {
    const hit = await caches.match('sample-bundle.json');
    return hit ? hit.text() : null;
  });

  // A first visit puts the good bundle in the worker's cache.
  await page.goto(`${site.url}index.html`);
  await waitForReader(page);
  await controlled(page);
  const good = fs.readFileSync(path.join(dir, 'sample-bundle.json'), 'utf8');
  await until(async () => (await cachedBundle()) === good, 'the good bundle in the cache');
  const articles = (await page.evaluate(() => window.reader.list())).length;

  // The server now answers 200 with half the bundle, then with bytes that are not UTF-8. Each visit
  // is answered from the cache at once and revalidates in the background; neither answer may
  // replace the cached copy.
  const bundlePath = path.join(dir, 'sample-bundle.json');
  for (const broken of [Buffer.from(good.slice(0, good.length >> 1)), Buffer.from([0x7b, 0xff, 0xfe, 0x7d])]) {
    fs.writeFileSync(bundlePath, broken);
    // The worker's own request (Chromium reports it on the context, not on the page).
    const revalidated = context.waitForEvent('requestfinished', {
      predicate: (r) => r.url().endsWith('sample-bundle.json') && Boolean(r.serviceWorker()),
      timeout: 15000,
    });
    await page.reload();
    await waitForReader(page);
    await revalidated;
    // The cache write, had there been one, follows the response: give it time to happen.
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(await cachedBundle(), good, `the cache kept the good copy (server sent ${broken.length} bad bytes)`);
  }

  // Offline, the reader shows what it showed before.
  await context.setOffline(true);
  await site.close();
  serverOpen = false;
  await page.reload();
  await waitForReader(page);
  await waitForState(page, { error: null });
  assert.equal((await page.evaluate(() => window.reader.list())).length, articles, 'offline, every article is listed');
});

test('offline: an image fetched once is served from the image cache with the network off', async (t) => {
  const site = await serveBuild(webDir);
  const browser = await launchChromium();
  let serverOpen = true;
  t.after(async () => { await browser.close(); if (serverOpen) await site.close(); });
  const context = await browser.newContext({ viewport: { width: 1000, height: 700 } });
  const page = await context.newPage();
  const errors = collectErrors(page);
  await page.goto(`${site.url}index.html`);
  await waitForReader(page);
  await controlled(page);

  // The sample's photo, as the reader fetches a figure (by its address, relative to the bundle).
  const fetchImage = (file) => page.evaluate(async (f) => {
    try {
      const response = await fetch(`sample-assets/${f}`);
      return { status: response.status, bytes: (await response.arrayBuffer()).byteLength, type: response.headers.get('content-type') };
    } catch (err) {
      return { failed: String(err) };
    }
  }, file);
  const online = await fetchImage('grassland.png');
  assert.equal(online.status, 200, JSON.stringify(online));
  assert.ok(online.bytes > 1000, JSON.stringify(online));
  await until(() => page.evaluate(async () => Boolean(await (await caches.open('article-reader-images')).match('sample-assets/grassland.png'))),
    'the image in the image cache');

  await context.setOffline(true);
  await site.close();
  serverOpen = false;
  const served = [];
  page.on('response', (r) => { if (r.url().endsWith('.png')) served.push([r.url().replace(/.*\//, ''), r.fromServiceWorker()]); });
  assert.deepEqual(await fetchImage('grassland.png'), online, 'the same bytes offline');
  assert.deepEqual(served, [['grassland.png', true]], 'answered by the service worker');
  // An image never fetched is not there: only what was seen is kept.
  const never = await fetchImage('complaints-chart.png');
  assert.ok(never.failed, `an image never fetched came from somewhere: ${JSON.stringify(never)}`);
  assert.deepEqual(errors.filter((e) => !/Failed to fetch|ERR_INTERNET_DISCONNECTED|net::/.test(e)), []);
});
