// The reader's files on another origin, as from a CDN (docs/embedding.md, "Another origin"): two
// local servers on different ports. With Access-Control-Allow-Origin on the files, a page of the
// other origin mounts a reader from them; without it, a bundle fetch that CORS refuses is reported
// as a CORS refusal naming the URL, at once, not as a network error after four attempts.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { collectErrors, launchChromium, screenshotPath, serveBuild, webDir } from './lib/browser.mjs';

// A publisher's page that imports the reader from `readerBase` and reads `bundle`.
const hostPage = (readerBase, bundle) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Publisher</title></head>
<body><h1>Publisher</h1><div id="reader" style="height:600px"></div>
<script type="module">
  import { mount } from '${readerBase}reader.js';
  window.errors = [];
  window.reader = mount(document.getElementById('reader'), { bundle: '${bundle}' });
  window.reader.on('error', (message) => window.errors.push(message));
</script></body></html>`;

// A server with nothing but the given pages in memory (an empty folder under them).
async function pagesOnly(t, files) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reader-host-'));
  const site = await serveBuild(dir, { extraFiles: files });
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  return site;
}

test('cross origin: reader files and bundle from another origin that sends CORS headers', async (t) => {
  const cdn = await serveBuild(webDir, { cors: '*' });
  const host = await pagesOnly(t, { 'host.html': hostPage(cdn.url, `${cdn.url}sample-bundle.json`) });
  const browser = await launchChromium();
  t.after(async () => { await browser.close(); await host.close(); await cdn.close(); });
  const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
  const errors = collectErrors(page);
  await page.goto(`${host.url}host.html`);
  await page.waitForFunction(() => window.reader && window.reader.ready);
  await page.evaluate(() => window.reader.ready.then(() => true));
  assert.equal(new URL(host.url).hostname, new URL(cdn.url).hostname);
  assert.notEqual(new URL(host.url).origin, new URL(cdn.url).origin);
  const state = await page.evaluate(() => window.reader.state());
  assert.equal(state.error, null);
  assert.ok((await page.evaluate(() => window.reader.list().length)) > 0, 'no article listed');
  fs.writeFileSync(screenshotPath('cross-origin-cors.png'), await page.screenshot());
  assert.deepEqual(errors, []);
});

test('cross origin: a bundle refused by CORS says so, naming the URL, after one attempt', async (t) => {
  const cdn = await serveBuild(webDir);  // no Access-Control-Allow-Origin
  const bundle = `${cdn.url}sample-bundle.json`;
  const host = await serveBuild(webDir, { extraFiles: { 'host.html': hostPage('./', bundle) } });
  const browser = await launchChromium();
  t.after(async () => { await browser.close(); await host.close(); await cdn.close(); });
  const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
  const errors = collectErrors(page);
  const requests = [];
  page.on('request', (request) => { if (request.url() === bundle) requests.push(request.url()); });
  await page.goto(`${host.url}host.html`);
  await page.waitForFunction(() => window.reader && window.reader.ready);
  await page.evaluate(() => window.reader.ready.then(() => true));
  await page.waitForFunction(() => window.errors.length > 0);
  const origin = new URL(host.url).origin;
  const want = `${bundle}: blocked by CORS: the server answered without an Access-Control-Allow-Origin header that lets ${origin} read it`;
  assert.deepEqual(await page.evaluate(() => window.errors), [want]);
  assert.ok((await page.evaluate(() => window.reader.state().error)).startsWith(want));
  // One request that CORS refused, and the no-cors probe that found the server there: no retries.
  assert.equal(requests.length, 2, `requests for the bundle: ${requests.length}`);
  fs.writeFileSync(screenshotPath('cross-origin-no-cors.png'), await page.screenshot());
  // Chromium's own console line about the refused request is expected; nothing else.
  assert.deepEqual(errors.filter((e) => !e.includes('has been blocked by CORS policy') && !e.includes('net::ERR_FAILED')), []);
});

test('cross origin: a wasm that CORS refuses, beside modules it lets through, is named as a CORS refusal', async (t) => {
  // A CDN set up for scripts only: the wasm comes without Access-Control-Allow-Origin.
  const cdn = await serveBuild(webDir, { cors: (urlPath) => (urlPath.endsWith('.wasm') ? null : '*') });
  const host = await pagesOnly(t, { 'host.html': hostPage(cdn.url, `${cdn.url}sample-bundle.json`) });
  const browser = await launchChromium();
  t.after(async () => { await browser.close(); await host.close(); await cdn.close(); });
  const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
  const errors = collectErrors(page);
  const wasm = `${cdn.url}reader-module.wasm`;
  await page.goto(`${host.url}host.html`);
  await page.waitForFunction(() => Boolean(window.reader && window.reader.ready));
  const message = await page.evaluate(() => window.reader.ready.then(() => 'resolved', (err) => err.message));
  const origin = new URL(host.url).origin;
  assert.equal(message, `reader-module.wasm at ${wasm}: blocked by CORS: the server answered without an Access-Control-Allow-Origin header that lets ${origin} read it`);
  assert.deepEqual(errors.filter((e) => !e.includes('has been blocked by CORS policy') && !e.includes('net::ERR_FAILED')
    && !e.includes('reader-module.wasm')), []);
});
