// Embedding on a host page (shell/demo.html): two independent readers, one from mount() and one
// <article-reader>, each opening its own article; the page's own input keeps its keys; a resized
// container is followed; options apply; destroy() leaves no canvas and no listener behind; idle
// readers draw nothing.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import { collectErrors, launchChromium, screenshotPath, serveBuild, webDir } from './lib/browser.mjs';

const SEED = '2023-08-17-zhishichanquan-lianxi-huiyi';

async function openDemo(t) {
  const site = await serveBuild(webDir);
  const browser = await launchChromium();
  t.after(async () => { await browser.close(); await site.close(); });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const errors = collectErrors(page);
  await page.goto(`${site.url}demo.html`);
  await page.waitForFunction(() => window.readers && window.readers.a && window.readers.b);
  await page.evaluate(() => Promise.all([window.readers.a.ready, window.readers.b.ready]).then(() => true));
  return { page, errors };
}

test('embedding: two readers on one page open different articles; the host input keeps its keys', async (t) => {
  const { page, errors } = await openDemo(t);
  const other = await page.evaluate(() => window.readers.a.list().map((a) => a.id)[1]);
  assert.ok(await page.evaluate((id) => window.readers.a.open(id), SEED));
  assert.ok(await page.evaluate((id) => window.readers.b.open(id), other));
  const states = await page.evaluate(() => [window.readers.a.state(), window.readers.b.state()]);
  assert.equal(states[0].articleId, SEED);
  assert.equal(states[1].articleId, other);
  // The element's attributes applied; the URL is left to the page.
  assert.equal(states[1].theme, 'sepia');
  assert.equal(states[1].rubyMode, 'hidden');
  assert.equal(states[1].fontSize, 'large');
  assert.equal(states[0].theme, 'auto', "one reader's options are not the other's");
  assert.equal(states[0].rubyMode, 'above');
  assert.equal(await page.evaluate(() => location.hash), '');

  // A reader had the focus, then the page's own input takes it: typing and Backspace reach it.
  await page.locator('#reader-a canvas').click({ position: { x: 200, y: 300 } });
  await page.locator('#host-input').click();
  await page.keyboard.type('消協 abc', { delay: 20 });
  await page.keyboard.press('Backspace');
  assert.equal(await page.inputValue('#host-input'), '消協 ab');
  assert.equal((await page.evaluate(() => window.readers.a.state())).articleId, SEED, 'the reader took no key');
  fs.writeFileSync(screenshotPath('embedding-two-readers.png'), await page.screenshot());

  // setOptions changes one reader only.
  assert.ok(await page.evaluate(() => window.readers.a.setOptions({ theme: 'dark', fontSize: 'small' })));
  assert.equal(await page.evaluate(() => window.readers.a.setOptions({ theme: 'neon' })), false);
  const after = await page.evaluate(() => [window.readers.a.state(), window.readers.b.state()]);
  assert.equal(after[0].theme, 'dark');
  assert.equal(after[0].fontSize, 'small');
  assert.equal(after[1].theme, 'sepia');
  assert.deepEqual(errors.filter((e) => !e.includes('neon')), []);
});

test('embedding: the canvas follows its container; idle readers draw no frame', async (t) => {
  const { page } = await openDemo(t);
  const size = () => page.evaluate(() => {
    const c = document.querySelector('#reader-a canvas');
    return { w: c.width, h: c.height, dpr: devicePixelRatio };
  });
  await page.evaluate(() => { document.getElementById('reader-a').style.height = '400px'; });
  await page.waitForFunction(() => document.querySelector('#reader-a canvas').height === Math.round(400 * devicePixelRatio) - 0
    || Math.abs(document.querySelector('#reader-a canvas').height - (400 - 2) * devicePixelRatio) <= 2, null, { timeout: 5000 }).catch(() => {});
  const s = await size();
  const box = await page.evaluate(() => document.querySelector('#reader-a canvas').getBoundingClientRect().height);
  assert.ok(Math.abs(s.h - Math.round(box * s.dpr)) <= 1, `canvas ${s.h} px for a ${box} CSS px box at dpr ${s.dpr}`);
  assert.ok(box < 420, 'the canvas shrank with its container');

  await page.waitForTimeout(1000);  // settle
  const before = await page.evaluate(() => [window.readers.a.framesDrawn(), window.readers.b.framesDrawn()]);
  await page.waitForTimeout(3000);
  const after = await page.evaluate(() => [window.readers.a.framesDrawn(), window.readers.b.framesDrawn()]);
  assert.deepEqual(after, before, 'no frame drawn in 3 idle seconds');
});

test('embedding: destroy() leaves no canvas, no mirror and no listener on the page', async (t) => {
  const { page } = await openDemo(t);
  const cdp = await page.context().newCDPSession(page);
  const windowListeners = async () => {
    const { result } = await cdp.send('Runtime.evaluate', { expression: 'window' });
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
    return listeners.length;
  };
  const withBoth = await windowListeners();
  await page.evaluate(() => window.readers.a.destroy());
  await page.evaluate(() => document.getElementById('reader-b').remove());  // the element destroys its reader
  assert.equal(await page.evaluate(() => document.querySelectorAll('canvas').length), 0);
  assert.equal(await page.evaluate(() => document.getElementById('reader-a').childElementCount), 0, 'no mirror left');
  const none = await windowListeners();
  assert.ok(none <= withBoth, `${none} window listeners after destroy, ${withBoth} before`);
  // A fresh reader on a bare page, destroyed: the window's listeners are what they were without it.
  const baseline = await page.evaluate(async () => {
    const host = document.createElement('div');
    host.style.height = '300px';
    document.body.appendChild(host);
    const { mount } = await import('./reader.js');
    const r = mount(host, { bundle: 'sample-bundle.json' });
    await r.ready;
    r.destroy();
    return host.childElementCount;
  });
  assert.equal(baseline, 0);
  assert.equal(await windowListeners(), none, 'mount + destroy leaves the window as it was');
  assert.equal(await page.evaluate(() => window.readers.a.framesDrawn()), 0, 'a destroyed reader answers, drawing nothing');
});
