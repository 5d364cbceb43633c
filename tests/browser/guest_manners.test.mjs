// A good guest on a publisher's page (#13): a module that cannot start says why; defaults that take
// nothing unasked (no URL, nothing saved from the page's options); the wheel passes to the page at
// the reader's ends; <article-reader> follows the platform's conventions; the API's small promises.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { clickKey, collectErrors, launchChromium, screenshotPath, serveBuild, waitForReader, waitForState, webDir } from './lib/browser.mjs';

const HOST = (body) => `<!doctype html><html lang="en"><head><meta name="viewport" content="width=device-width">
<title>Publisher</title><style>body { margin: 0; font: 16px serif } #news { height: 500px; margin: 20px }</style></head>
<body><h1>Publisher</h1>${body}</body></html>`;
const MOUNT = (options) => `<div id="news"></div><p style="height: 2000px">Body</p>
<script type="module">import { mount } from './reader.js';
window.errors = [];
window.reader = mount(document.getElementById('news'), ${options});
window.reader.on('error', (message) => window.errors.push(message));</script>`;

async function open(t, file, pages, { dir = webDir, viewport = { width: 900, height: 700 } } = {}) {
  const site = await serveBuild(dir, { extraFiles: pages });
  const browser = await launchChromium();
  t.after(async () => { await browser.close(); await site.close(); });
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const errors = collectErrors(page);
  await page.goto(`${site.url}${file}`);
  return { page, errors, context, site };
}

test('guest: without reader-module.wasm, ready rejects naming the file and the 404; the box says so with a retry', async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reader-no-wasm-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  fs.cpSync(webDir, dir, { recursive: true, filter: (src) => path.basename(src) !== 'reader-module.wasm' });
  const { page } = await open(t, 'host.html', { 'host.html': HOST(MOUNT("{ bundle: 'sample-bundle.json' }")) }, { dir });
  await page.waitForFunction(() => window.reader);
  const result = await page.evaluate(() => new Promise((resolve) => {
    window.reader.ready.then(() => resolve({ resolved: true }), (err) => setTimeout(() => resolve({ rejected: err.message, event: window.errors[0] }), 50));
    setTimeout(() => resolve({ pending: true }), 15000);
  }));
  assert.ok(result.rejected, `ready rejects: ${JSON.stringify(result)}`);
  assert.match(result.rejected, /^reader-module\.wasm: HTTP 404 Not Found at http:\/\/127\.0\.0\.1:\d+\/reader-module\.wasm$/);
  assert.equal(result.event, result.rejected, 'the error event says the same');
  const box = await page.evaluate(() => {
    const alert = document.querySelector('#news [role=alert]');
    return alert && { text: alert.querySelector('p').textContent, button: alert.querySelector('button').textContent };
  });
  assert.deepEqual(box, { text: result.rejected, button: '重試' });
  fs.writeFileSync(screenshotPath('guest-missing-wasm.png'), await page.screenshot());
  // The file is back: the retry button starts the reader, which loads its bundle and draws.
  fs.copyFileSync(path.join(webDir, 'reader-module.wasm'), path.join(dir, 'reader-module.wasm'));
  await page.evaluate(() => { window.readyAgain = new Promise((resolve) => window.reader.on('ready', resolve)); });
  await page.click('#news [role=alert] button');
  await page.evaluate(() => window.readyAgain.then(() => true));
  assert.ok((await page.evaluate(() => window.reader.list())).length > 1, 'the bundle is listed after the retry');
  assert.equal(await page.evaluate(() => document.querySelector('#news [role=alert]')), null, 'the box is gone');
});

test('guest: hash routing is off by default (mount and element); page options are never saved', async (t) => {
  const pages = {
    'host.html': HOST(MOUNT("{ bundle: 'sample-bundle.json', theme: 'dark' }")),
    'plain.html': HOST(MOUNT("{ bundle: 'sample-bundle.json' }")),
    'element.html': HOST(`<script type="module" src="reader.js"></script>
<article-reader id="el" src="sample-bundle.json" theme="sepia" style="height: 400px"></article-reader>`),
  };
  const { page, errors, site } = await open(t, 'host.html', pages);
  await waitForReader(page);
  const first = await page.evaluate(() => window.reader.list()[0].id);
  await page.evaluate((id) => window.reader.open(id), first);
  await waitForState(page, { view: 'article', theme: 'dark' });
  assert.equal(await page.evaluate(() => location.hash), '', 'mount() leaves the URL alone');
  // The reader's own switch is saved; the page's theme is not.
  await clickKey(page, 'font:large');
  await waitForState(page, { fontSize: 'large' });
  const saved = await page.evaluate(() => localStorage.getItem('article-reader:settings'));
  assert.match(saved, /^fontSize=large$/m);
  assert.match(saved, /^theme=auto$/m, `the mount option theme=dark is not saved: ${saved}`);

  await page.goto(`${site.url}element.html`);
  await page.waitForFunction(() => document.getElementById('el').reader);
  await page.evaluate(() => document.getElementById('el').reader.ready.then(() => true));
  await page.evaluate((id) => document.getElementById('el').reader.open(id), first);
  await page.evaluate(() => { document.getElementById('el').theme = 'dark'; });
  assert.equal(await page.evaluate(() => document.getElementById('el').reader.state().theme), 'dark');
  assert.equal(await page.evaluate(() => location.hash), '', 'the element leaves the URL alone');

  await page.goto(`${site.url}plain.html`);
  await waitForReader(page);
  const state = await page.evaluate(() => window.reader.state());
  assert.equal(state.theme, 'auto', 'neither the mount option nor the attribute came back');
  assert.equal(state.fontSize, 'large', 'the reader\'s own choice did');
  assert.deepEqual(errors, []);
});

// The page's scroll position after `steps` wheel notches over the reader.
async function wheelOver(page, steps, dy) {
  const box = await page.locator('#news canvas').boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let i = 0; i < steps; i++) {
    await page.mouse.wheel(0, dy);
    await page.waitForTimeout(60);
  }
  await page.waitForTimeout(200);
  return page.evaluate(() => window.scrollY);
}

for (const mode of ['auto', 'contain']) {
  test(`guest: overscroll '${mode}': the wheel ${mode === 'auto' ? 'scrolls the page at the reader\'s end' : 'never scrolls the page'}`, async (t) => {
    const { page, errors } = await open(t, 'host.html', { 'host.html': HOST(MOUNT(`{ bundle: 'sample-bundle.json', overscroll: '${mode}' }`)) });
    await waitForReader(page);
    await page.waitForTimeout(500);
    const top = () => page.evaluate(() => window.reader.itemRect(`article:${window.reader.list()[0].id}`)?.y ?? -1e6);
    const before = await top();
    assert.equal(await wheelOver(page, 2, 100), 0, 'inside the content the page does not move');
    assert.ok(await top() < before, 'the reader scrolled instead');
    // On to the end of the list, then further.
    const after = await wheelOver(page, 30, 300);
    if (mode === 'auto') assert.ok(after > 0, `at the reader's end the page scrolls (scrollY ${after})`);
    else assert.equal(after, 0, 'contain: the page never moves');
    assert.deepEqual(errors, []);
  });
}

test('guest: <article-reader> reflects, mirrors, dispatches, survives a move; mount() refuses null and mounts once', async (t) => {
  const { page, errors } = await open(t, 'element.html', { 'element.html': HOST(`<script type="module" src="reader.js"></script>
<div id="a"></div><div id="b"></div>
<article-reader id="el" src="sample-bundle.json" style="height: 400px"></article-reader>
<script>window.seen = []; document.getElementById('el').addEventListener('reader-ready', (e) => window.seen.push(['reader-ready', e instanceof CustomEvent]));</script>`) });
  await page.waitForFunction(() => document.getElementById('el')?.reader);
  const events = await page.evaluate(async () => {
    const el = document.getElementById('el');
    const seen = window.seen;
    el.addEventListener('articleopen', (e) => seen.push(['articleopen', e.detail]));
    await el.reader.ready;
    const onOpen = (id) => seen.push(['on', id]);
    el.reader.on('articleopen', onOpen);
    el.reader.open(el.reader.list()[0].id);
    await new Promise((r) => setTimeout(r, 300));
    el.reader.off('articleopen', onOpen);
    el.reader.back();
    el.reader.open(el.reader.list()[1].id);
    await new Promise((r) => setTimeout(r, 300));
    return seen;
  });
  assert.equal(events[0][0], 'reader-ready');
  assert.equal(events[0][1], true, 'a CustomEvent');
  assert.deepEqual(events.filter((e) => e[0] !== 'reader-ready').map((e) => e[0]), ['on', 'articleopen', 'articleopen'], 'on() listeners, then the element; off() removed one');

  const reflect = await page.evaluate(async () => {
    const el = document.getElementById('el');
    const out = {};
    el.theme = 'dark';
    out.attribute = el.getAttribute('theme');
    out.applied = el.reader.state().theme;
    el.setAttribute('font-size', 'large');
    out.fontSize = [el.fontSize, el.reader.state().fontSize];
    el.removeAttribute('theme');
    out.restored = [el.theme, el.reader.state().theme];
    out.flags = [el.hashRouting, el.mirror];
    el.mirror = false;
    out.mirrorOff = [el.getAttribute('mirror'), el.querySelector('[data-reader-mirror]') === null];
    el.mirror = true;
    out.mirrorOn = el.querySelector('[data-reader-mirror]') !== null;
    const reader = el.reader;
    const place = reader.state().view;
    document.getElementById('b').append(el);  // a move
    await new Promise((r) => setTimeout(r, 100));
    out.moved = [el.reader === reader, reader.state().view === place, el.querySelectorAll('canvas').length, reader.framesDrawn() > 0];
    const { mount } = await import('./reader.js');
    out.same = mount(el) === reader;
    try { mount(null); } catch (err) { out.nullError = `${err.name}: ${err.message}`; }
    out.locale = await reader.setOptions({ locale: 'fr' });
    return out;
  });
  assert.deepEqual(reflect, {
    attribute: 'dark', applied: 'dark', fontSize: ['large', 'large'], restored: [null, 'auto'], flags: [false, true],
    mirrorOff: ['false', true], mirrorOn: true, moved: [true, true, 1, true], same: true,
    nullError: 'TypeError: mount(): the container element is missing (got null); pass the element the reader should fill',
    locale: false,
  });
  assert.deepEqual(errors.filter((e) => !e.includes('"fr" is not a value')), []);
});

test('guest: list() in the search view is its results; state() before the module starts has every field', async (t) => {
  const { page, errors } = await open(t, 'host.html', { 'host.html': HOST(MOUNT("{ bundle: 'sample-bundle.json', hashRouting: true }")) });
  await page.waitForFunction(() => window.reader);
  const early = await page.evaluate(() => Object.keys(window.reader.state()).sort());
  await waitForReader(page);
  const late = await page.evaluate(() => Object.keys(window.reader.state()).sort());
  assert.deepEqual(early, late, 'state() has the same fields before the module has started');
  await page.evaluate(() => { location.hash = `#/search/${encodeURIComponent('消協')}`; });
  await waitForState(page, { view: 'search', query: '消協' });
  const shown = await page.evaluate(() => window.reader.list().map((a) => a.id));
  const found = await page.evaluate(() => window.reader.search('消協'));
  assert.ok(found.length > 1, 'the query finds articles');
  assert.deepEqual(shown, found, 'list() is the results shown');
  assert.deepEqual(errors, []);
});
