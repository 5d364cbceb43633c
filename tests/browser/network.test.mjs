// A flaky network and bad files: a 500 then 200 loads after a retry, a 404 fails at once with a
// message and the retry button loads it once it is there, a truncated bundle shows its error and
// keeps the bundle being read, and all of it runs under the demo page's strict CSP. Without the
// service worker (?offline=0): page.route() does not see requests a service worker makes.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import {
  clickKey, decodePng, launchChromium, serveBuild, waitForReader, waitForState, webDir,
} from './lib/browser.mjs';

const sample = fs.readFileSync(path.join(webDir, 'sample-bundle.json'), 'utf8');

async function setup(t) {
  const site = await serveBuild(webDir);
  const browser = await launchChromium();
  t.after(async () => { await browser.close(); await site.close(); });
  const page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
  const violations = [];
  await page.exposeFunction('reportViolation', (v) => violations.push(v));
  await page.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => window.reportViolation(`${e.violatedDirective} ${e.blockedURI}`)));
  return { site, page, violations };
}

test('network: a bundle answering 500 then 200 loads after a retry', async (t) => {
  const { site, page, violations } = await setup(t);
  let requests = 0;
  await page.route('**/flaky.json', (route) => {
    requests += 1;
    return requests === 1 ? route.fulfill({ status: 500, body: 'oops' }) : route.fulfill({ status: 200, contentType: 'application/json', body: sample });
  });
  await page.goto(`${site.url}index.html?bundle=flaky.json&offline=0`);
  await waitForReader(page);
  await waitForState(page, { view: 'list', error: null });
  assert.equal(requests, 2);
  assert.ok((await page.evaluate(() => window.reader.list())).length > 5);
  assert.deepEqual(violations, [], 'no Content-Security-Policy violation');
  assert.ok(await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]').content.includes("script-src 'self' 'wasm-unsafe-eval'")));
});

test('network: a 404 fails at once with a message; the retry button loads the bundle once it is there', async (t) => {
  const { site, page } = await setup(t);
  let requests = 0;
  let available = false;
  await page.route('**/later.json', (route) => {
    requests += 1;
    return available ? route.fulfill({ status: 200, contentType: 'application/json', body: sample }) : route.fulfill({ status: 404, body: 'no' });
  });
  await page.goto(`${site.url}index.html?bundle=later.json&offline=0`);
  await waitForReader(page);
  const failed = await waitForState(page, { error: (e) => Boolean(e) });
  assert.match(failed.error, /later\.json: HTTP 404/);
  assert.equal(requests, 1, 'a 404 is not retried');
  // The button holds its whole label: its two bottom rows are the button's colour alone (CJK
  // glyphs reach below ImGui's font-size box; 重試's bottom was cut off there).
  const canvasBox = await page.locator('canvas').first().boundingBox();
  const button = await page.evaluate(() => window.reader.itemRect('retry'));
  const bottom = decodePng(await page.screenshot({ clip: {
    x: canvasBox.x + button.x + 4, y: canvasBox.y + button.y + button.h - 2, width: button.w - 8, height: 2 } }));
  const step = bottom.pixels.length / (bottom.width * bottom.height);
  const colours = new Set();
  for (let i = 0; i < bottom.pixels.length; i += step) colours.add(`${bottom.pixels[i]},${bottom.pixels[i + 1]},${bottom.pixels[i + 2]}`);
  assert.deepEqual([...colours], ['23,82,160'], 'no glyph reaches the button\'s bottom edge');
  available = true;
  await clickKey(page, 'retry');
  await page.waitForFunction(() => window.reader.list().length > 5);
  assert.equal((await page.evaluate(() => window.reader.state())).error, null);
  assert.equal(requests, 2);
});

test('network: a truncated bundle shows its error and keeps the bundle being read', async (t) => {
  const { site, page } = await setup(t);
  await page.route('**/truncated.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: sample.slice(0, sample.length / 2) }));
  await page.goto(`${site.url}index.html?offline=0`);
  await waitForReader(page);
  const seed = (await page.evaluate(() => window.reader.list())).find((a) => a.title.startsWith('2023年(nián)第一(yī)次'));
  await page.evaluate((id) => window.reader.open(id), seed.id);
  await waitForState(page, { view: 'article', articleId: seed.id });
  const error = await page.evaluate(() => window.reader.load('truncated.json'));
  assert.match(error, /line \d+, column \d+/);
  const state = await waitForState(page, { error: (e) => Boolean(e) });
  assert.equal(state.view, 'article', 'still reading');
  assert.equal(state.articleId, seed.id);
  assert.ok(await page.evaluate(() => window.reader.itemRect('crumb:home')), 'the previous bundle is still drawn');
});
