// Loads that cannot overtake each other (#19): load(A) slow then load(B) fast ends on B; a failed
// load leaves the shard folder where the shown bundle's is, and a shard in flight still arrives.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { collectErrors, launchChromium, serveBuild, waitForReader, waitForState, webDir } from './lib/browser.mjs';
import { SEED, shardOf, splitSample } from './lib/split_sample.mjs';

const sample = fs.readFileSync(path.join(webDir, 'sample-bundle.json'), 'utf8');

// Opens the demo page (no service worker: page.route() must see every request) on `bundle`.
async function openPage(t, files, bundle) {
  const site = await serveBuild(webDir, { extraFiles: files });
  const browser = await launchChromium();
  t.after(async () => { await browser.close(); await site.close(); });
  const page = await browser.newPage({ viewport: { width: 1100, height: 800 } });
  await page.goto(`${site.url}index.html?offline=0&bundle=${bundle}`);
  await waitForReader(page);
  return page;
}

test('load order: load(A) slow then load(B) fast ends on B; A is dropped as overtaken', async (t) => {
  // A: the sample with one article only, answered after B.
  const one = JSON.parse(sample);
  one.articles = one.articles.slice(0, 1);
  const page = await openPage(t, { 'b.json': sample }, 'b.json');
  const errors = collectErrors(page);
  let releaseA;
  const aHeld = new Promise((resolve) => { releaseA = resolve; });
  await page.route('**/a.json', async (route) => {
    await aHeld;
    await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(one) });
  });
  await page.evaluate(() => {
    window.errorEvents = [];
    window.reader.on('error', (message) => window.errorEvents.push(message));
    window.loadA = window.reader.load('a.json');
  });
  assert.equal(await page.evaluate(() => window.reader.load('b.json')), null, 'B loads');
  const articles = JSON.parse(sample).articles.length;
  assert.equal(await page.evaluate(() => window.reader.list().length), articles);
  releaseA();
  assert.equal(await page.evaluate(() => window.loadA), 'overtaken by a later load()');
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.reader.list().length), articles, 'B is still shown once A arrived');
  assert.deepEqual(await page.evaluate(() => window.errorEvents), [], 'an overtaken load is no error');
  assert.deepEqual(errors, []);
});

test('load order: a failed load keeps the shard folder, and a shard in flight still arrives', async (t) => {
  const files = splitSample('news');
  const page = await openPage(t, files, 'news/index.json');
  const { shard } = shardOf(files, SEED, 'news');
  const shardRequests = [];
  page.on('request', (req) => { if (req.url().includes('/shards/')) shardRequests.push(new URL(req.url()).pathname); });
  let releaseShard;
  const shardHeld = new Promise((resolve) => { releaseShard = resolve; });
  await page.route(`**/news/${shard}`, async (route) => { await shardHeld; await route.continue(); });

  // The article opens and asks for its shard; while it is on its way, a load from another folder fails.
  assert.ok(await page.evaluate((id) => window.reader.open(id), SEED));
  await waitForState(page, { view: 'article', articleId: SEED });
  const failed = await page.evaluate(() => window.reader.load('elsewhere/missing.json'));
  assert.match(failed, /404/);
  releaseShard();
  await page.waitForFunction(() => window.reader.search('知識產權戰略').length > 0, null, { timeout: 10000 });
  assert.deepEqual(shardRequests, [`/news/${shard}`], 'the shard was asked for once, from the bundle\'s folder');

  // Another article in another shard: fetched from news/, not from elsewhere/.
  const index = JSON.parse(files['news/index.json']);
  const other = index.articles.find((a) => a.shard !== shard);
  assert.ok(await page.evaluate((id) => window.reader.open(id), other.id));
  await page.waitForFunction((n) => performance.getEntriesByType('resource').some((e) => e.name.endsWith(n)), other.shard, { timeout: 10000 });
  assert.deepEqual(shardRequests, [`/news/${shard}`, `/news/${other.shard}`]);
});
