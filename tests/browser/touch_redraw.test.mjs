// Every input path draws the frame that shows its effect: a reader that draws nothing while idle
// must still wake for a tap on a phone (touch), a mouse click, a key and a page's open(). Each
// case takes a screenshot of the canvas a couple of animation frames after the input and compares
// it with one taken after the reader has settled: they must be the same picture (but for figures,
// whose images arrive when they arrive, over their placeholders of the same size), and not the list.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import {
  collectErrors, decodePng, launchChromium, pixelDiff, screenshotPath, serveBuild, waitForReader, waitForState, webDir,
} from './lib/browser.mjs';

// The newest article: at the top of the list, on screen at phone size.
const FIRST = '2026-01-16-2025-niandu-tousu-fenxi';

// A publisher's page as a phone shows it: its own header and input, the reader in 70 % of the
// screen, a long body below, and no viewport meta tag (the page is laid out 980 px wide and scaled).
const HOST_PAGE = `<!doctype html><html lang="en"><head><title>Publisher</title>
<style>body { font: 16px serif; margin: 0 } header { height: 80px; background: #eee } #news { height: 70vh; margin: 10px }</style>
</head><body><header>Publisher</header><input id="q" aria-label="Site search"><div id="news"></div><p style="height: 3000px">Body</p>
<script type="module">import { mount } from './reader.js'; window.reader = mount(document.getElementById('news'), { bundle: 'sample-bundle.json' });</script>
</body></html>`;

async function phonePage(t, dpr) {
  const site = await serveBuild(webDir, { extraFiles: { 'host.html': HOST_PAGE } });
  const browser = await launchChromium();
  t.after(async () => { await browser.close(); await site.close(); });
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: dpr, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  const errors = collectErrors(page);
  await page.goto(`${site.url}host.html`);
  await waitForReader(page);
  return { page, errors };
}

// Two animation frames of the page: the reader's frame after the input, and one to present it.
const afterFrames = (page, n = 2) => page.evaluate((count) => new Promise((resolve) => {
  const step = (left) => (left ? requestAnimationFrame(() => step(left - 1)) : resolve());
  step(count);
}), n);

// Waits until the reader draws no more frames (idle).
async function waitIdle(page) {
  let frames = -1;
  for (;;) {
    const now = await page.evaluate(() => window.reader.framesDrawn());
    if (now === frames) break;
    frames = now;
    await page.waitForTimeout(300);
  }
}

// The item's rectangle once the reader has drawn it and gone idle.
async function settledRect(page, key) {
  await page.waitForFunction((k) => window.reader.itemRect(k), key);
  await waitIdle(page);
  return page.evaluate((k) => window.reader.itemRect(k), key);
}

// The canvas as the page shows it. A page screenshot with a clip: an element's screenshot resizes
// the view on a phone, which wakes the reader and would hide a missing frame.
async function shootCanvas(page) {
  const clip = await page.locator('canvas').first().boundingBox();
  return page.screenshot({ clip });
}

// The figures on screen (their itemRects), in CSS pixels from the canvas's top left corner, and
// the canvas's width in CSS pixels.
async function figureBoxes(page) {
  return page.evaluate(() => {
    const canvas = document.querySelector('canvas').getBoundingClientRect();
    const boxes = [];
    for (let k = 0; k < 200; k++) {
      const r = window.reader.itemRect(`figure:${k}`);
      if (r) boxes.push({ x: r.x - canvas.x, y: r.y - canvas.y, w: r.w, h: r.h });
    }
    return { boxes, canvasWidth: canvas.width };
  });
}

// The share of pixels that differ between two shots, outside the figures. A shot's pixels per CSS
// pixel are its width over the canvas's: on a phone page without a viewport tag that is the device
// pixel ratio times the page's zoom-out (390 / 980), not the ratio alone.
function differenceOutside(pngA, pngB, figures) {
  const a = decodePng(pngA), b = decodePng(pngB);
  if (a.width !== b.width || a.height !== b.height || a.channels !== b.channels) return 1;
  const scale = a.width / figures.canvasWidth;
  const boxes = figures.boxes.map((r) => ({ x: r.x * scale, y: r.y * scale, w: r.w * scale, h: r.h * scale }));
  const inside = (x, y) => boxes.some((r) => x >= r.x && x < r.x + r.w && y >= r.y && y < r.y + r.h);
  let differing = 0, counted = 0;
  for (let y = 0; y < a.height; y++) {
    for (let x = 0; x < a.width; x++) {
      if (inside(x, y)) continue;
      counted++;
      const i = (y * a.width + x) * a.channels;
      for (let k = 0; k < a.channels; k++) if (a.pixels[i + k] !== b.pixels[i + k]) { differing++; break; }
    }
  }
  return counted ? differing / counted : 0;
}

// Shoots the canvas two animation frames after `act` and again after a second, and says how much
// the two differ outside the figures. No screenshot before `act`: the picture before is taken
// afterwards (assertNotList).
async function drawnAtOnce(page, name, act) {
  await act();
  await afterFrames(page);
  const soon = await shootCanvas(page);
  await page.waitForTimeout(1000);
  const settled = await shootCanvas(page);
  fs.writeFileSync(screenshotPath(`${name}-soon.png`), soon);
  fs.writeFileSync(screenshotPath(`${name}-settled.png`), settled);
  const late = differenceOutside(soon, settled, await figureBoxes(page));
  assert.ok(late < 0.01, `${name}: two frames after the input the canvas already shows the new view (${(late * 100).toFixed(1)} % of pixels outside figures differ from the settled one)`);
  return settled;
}

// The list, shot once the reader is back on it and idle: what the shots above must not show.
async function assertNotList(page, name, shot) {
  await page.evaluate(() => window.reader.back());
  await waitIdle(page);
  const list = await shootCanvas(page);
  const changed = pixelDiff(list, shot);
  assert.ok(changed > 0.05, `${name}: the view changed on screen (${(changed * 100).toFixed(1)} % of pixels differ from the list)`);
}

for (const dpr of [1, 3]) {
  test(`input redraw: a tap on a phone (390x844, touch, DPR ${dpr}) draws the article at once`, async (t) => {
    const { page, errors } = await phonePage(t, dpr);
    const rect = await settledRect(page, `article:${FIRST}`);
    assert.ok(rect, 'the newest article is listed on screen');
    const shot = await drawnAtOnce(page, `touch-tap-dpr${dpr}`, () => page.touchscreen.tap(rect.x + rect.w / 2, rect.y + rect.h / 2));
    await waitForState(page, { view: 'article', articleId: FIRST });
    await assertNotList(page, `touch-tap-dpr${dpr}`, shot);
    assert.deepEqual(errors, []);
  });
}

test('input redraw: a mouse click, a key and open() each draw their effect at once', async (t) => {
  const { page, errors } = await phonePage(t, 1);
  const rect = await settledRect(page, `article:${FIRST}`);
  let shot = await drawnAtOnce(page, 'mouse-click', () => page.mouse.click(rect.x + rect.w / 2, rect.y + rect.h / 2));
  await waitForState(page, { view: 'article' });
  await assertNotList(page, 'mouse-click', shot);
  await page.evaluate((id) => window.reader.open(id), FIRST);
  await settledRect(page, 'crumb:home');
  await page.locator('canvas').first().focus();
  await waitIdle(page);
  const article = await shootCanvas(page);
  shot = await drawnAtOnce(page, 'key-escape', () => page.keyboard.press('Escape'));
  await waitForState(page, { view: 'list' });
  assert.ok(pixelDiff(article, shot) > 0.05, 'Escape: the list is drawn instead of the article');
  await waitIdle(page);
  shot = await drawnAtOnce(page, 'open-call', () => page.evaluate((id) => window.reader.open(id), FIRST));
  await waitForState(page, { view: 'article', articleId: FIRST });
  await assertNotList(page, 'open-call', shot);
  assert.deepEqual(errors, []);
});
