// The split form in the browser: the reader loads index.json, lists every article without any
// shard, fetches exactly one shard when an article opens (none for a second article of that shard),
// shows the body, and a shard that fails shows an error with a retry button.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import {
  clickKey, collectErrors, launchChromium, revealKey, screenshotPath, serveBuild, waitForReader, waitForState, webDir,
} from './lib/browser.mjs';
import { SEED, shardOf, splitSample } from './lib/split_sample.mjs';

test('split bundle: the list needs no shard, opening an article fetches exactly its one shard', async (t) => {
  const files = splitSample();
  const site = await serveBuild(webDir, { extraFiles: files });
  const browser = await launchChromium();
  t.after(async () => { await browser.close(); await site.close(); });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = collectErrors(page);
  const shardRequests = [];
  page.on('request', (req) => { if (req.url().includes('/shards/')) shardRequests.push(new URL(req.url()).pathname); });

  await page.goto(`${site.url}index.html?offline=0&bundle=split/index.json`);
  await waitForReader(page);
  const listed = await page.evaluate(() => window.reader.list().map((a) => a.id));
  assert.equal(listed.length, JSON.parse(files['split/index.json']).articles.length);
  assert.deepEqual(shardRequests, [], 'the list is drawn from the index alone');

  await revealKey(page, `article:${SEED}`);
  await clickKey(page, `article:${SEED}`);
  await waitForState(page, { view: 'article', articleId: SEED });
  const { shard, neighbours } = shardOf(files, SEED);
  await page.waitForFunction(() => window.reader.search('知識產權戰略').length > 0, null, { timeout: 10000 });
  assert.deepEqual(shardRequests, [`/split/${shard}`]);
  fs.writeFileSync(screenshotPath('split-bundle-article.png'), await page.locator('canvas').first().screenshot());

  // Another article of the same shard: its body is there already.
  assert.ok(neighbours.length > 0);
  assert.ok(await page.evaluate((id) => window.reader.open(id), neighbours[0]));
  await waitForState(page, { view: 'article', articleId: neighbours[0] });
  await page.waitForTimeout(300);
  assert.equal(shardRequests.length, 1);
  assert.deepEqual(errors, []);
});

test('split bundle: a shard that is missing shows the error and a retry button', async (t) => {
  const files = splitSample();
  const { shard } = shardOf(files, SEED);
  delete files[`split/${shard}`];
  const site = await serveBuild(webDir, { extraFiles: files });
  const browser = await launchChromium();
  t.after(async () => { await browser.close(); await site.close(); });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  let requests = 0;
  page.on('request', (req) => { if (req.url().endsWith(shard)) requests += 1; });
  await page.goto(`${site.url}index.html?offline=0&bundle=split/index.json#/article/${SEED}`);
  await waitForReader(page);
  await waitForState(page, { view: 'article', articleId: SEED });
  await clickKey(page, 'retry', { timeout: 10000 });  // a 404 is not retried by itself: one request, then the button
  await page.waitForFunction(() => true);
  await page.waitForTimeout(500);
  assert.equal(requests, 2, 'one request, then one more for the retry button');
});

// The split form's prebuilt search index (data/README.md, "The split form's search index"): a word
// that is only in a body whose shard was never fetched is found from the index shards alone; the
// manifest comes with the bundle, each index shard once, and no body shard is fetched.
const BODY_ONLY = '會議深入';  // in the seed article's body only, not in any title

test('split bundle: a word in a body never fetched is found from the index shards it needs', async (t) => {
  const files = splitSample();
  const site = await serveBuild(webDir, { extraFiles: files });
  const browser = await launchChromium();
  t.after(async () => { await browser.close(); await site.close(); });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = collectErrors(page);
  const bodyShards = [];
  const indexFiles = [];
  page.on('request', (req) => {
    const { pathname } = new URL(req.url());
    if (pathname.includes('/shards/')) bodyShards.push(pathname);
    if (pathname.includes('/search/')) indexFiles.push(pathname.replace(/^.*\/search\/[0-9a-f]{8}\//, ''));
  });
  // Index shards answer late, so that the search view is seen waiting for them.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(/\/search\/[0-9a-f]{8}\/[0-9]+\.bin$/, async (route) => { await held; await route.continue(); });

  await page.goto(`${site.url}index.html?offline=0&bundle=split/index.json`);
  await waitForReader(page);
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('manifest.bin')));
  await page.evaluate((q) => { location.hash = `#/search/${encodeURIComponent(q)}`; }, BODY_ONLY);
  await page.waitForFunction(() => window.reader.loadStats().fetchingIndex === true, null, { timeout: 10000 });
  fs.writeFileSync(screenshotPath('split-bundle-fetching-index.png'), await page.locator('canvas').first().screenshot());
  release();
  await page.waitForFunction((q) => window.reader.search(q).length > 0, BODY_ONLY, { timeout: 10000 });
  assert.deepEqual(await page.evaluate((q) => window.reader.search(q), BODY_ONLY), [SEED]);
  assert.equal(await page.evaluate(() => window.reader.loadStats().fetchingIndex), false);
  fs.writeFileSync(screenshotPath('split-bundle-index-search.png'), await page.locator('canvas').first().screenshot());

  const shards = Object.keys(files).filter((f) => /\/search\/[0-9a-f]{8}\/[0-9]+\.bin$/.test(f)).length;
  const fetched = indexFiles.filter((f) => f !== 'manifest.bin');
  assert.equal(indexFiles[0], 'manifest.bin');
  assert.equal(indexFiles.filter((f) => f === 'manifest.bin').length, 1);
  assert.ok(fetched.length >= 1 && fetched.length <= 3, `a 4-character query needs at most its 3 bigrams' shards, fetched ${fetched}`);
  assert.ok(fetched.length < shards, `only the query's shards of ${shards}`);
  assert.equal(new Set(fetched).size, fetched.length, 'each index shard once');
  assert.deepEqual(bodyShards, [], 'found without any body');

  // The same query again, and its other script: nothing more is fetched (kept for the session).
  await page.evaluate(() => window.reader.search('会议深入'));
  await page.waitForTimeout(300);
  assert.deepEqual(await page.evaluate(() => window.reader.search('会议深入')), [SEED]);
  assert.equal(indexFiles.length, fetched.length + 1);
  assert.deepEqual(errors, []);
});

// Offline: the index files a query fetched once are in the service worker's cache (sw.js keeps
// search/<build>/*.bin cache-first), so the same query answers with the network off and the server gone.
test('split bundle: index shards seen once answer offline', async (t) => {
  const site = await serveBuild(webDir, { extraFiles: splitSample() });
  const browser = await launchChromium();
  let serverOpen = true;
  t.after(async () => { await browser.close(); if (serverOpen) await site.close(); });
  const context = await browser.newContext({ viewport: { width: 1000, height: 700 } });
  // Requests of the page and of its worker still under way: going offline in the middle of one
  // would cut a body that a cache is still writing (the same file can be fetched twice, by the
  // reader through the worker and by offline.js's warm-up), which is not what this test is about.
  let inFlight = 0;
  context.on('request', () => { inFlight++; });
  context.on('requestfinished', () => { inFlight--; });
  context.on('requestfailed', () => { inFlight--; });
  const page = await context.newPage();
  await page.goto(`${site.url}index.html?bundle=split/index.json`);
  await waitForReader(page);
  await page.waitForFunction((q) => window.reader.search(q).length > 0, BODY_ONLY, { timeout: 10000 });
  await page.waitForFunction(() => Boolean(navigator.serviceWorker.controller), null, { timeout: 30000 });
  const indexFiles = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((u) => /\/search\/[0-9a-f]{8}\//.test(u)));
  assert.ok(indexFiles.length >= 2, `the manifest and a shard: ${indexFiles}`);
  // The worker fetches them again, with the bundle's index.json, once it controls the page
  // (offline.js); the reload below needs all of them in its cache.
  const bundleUrl = new URL('split/index.json', site.url).href;
  await page.waitForFunction(async (urls) => (await Promise.all(urls.map((u) => caches.match(u)))).every(Boolean), [...indexFiles, bundleUrl], { timeout: 30000, polling: 200 });

  for (let quiet = 0; quiet < 3; quiet = inFlight === 0 ? quiet + 1 : 0) await page.waitForTimeout(100);
  await context.setOffline(true);
  await site.close();
  serverOpen = false;
  await page.reload();
  await waitForReader(page);
  await page.waitForFunction((q) => window.reader.search(q).length > 0, BODY_ONLY, { timeout: 10000 });
  assert.deepEqual(await page.evaluate((q) => window.reader.search(q), BODY_ONLY), [SEED]);
});
