// What the system and the browser decide about display: forced colours (the reader draws with the
// system's colours, whatever theme was picked) and page zoom (the browser's: Ctrl+=/-/0 and
// Ctrl+wheel are left to it). The redraw at a new devicePixelRatio that follows a page zoom is not
// tested here: headless Chromium's emulated ratio never fires the resolution query's change event.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import {
  collectErrors, colourCounts, launchChromium, screenshotPath, screenshotWhen, serveBuild, waitForReader, waitForState, webDir,
} from './lib/browser.mjs';

const SEED = '2023-08-17-zhishichanquan-lianxi-huiyi';

const rgbOf = (text) => text.match(/\d+/g).slice(0, 3).map(Number);

test('forced colours: the canvas takes the system colours over the picked theme, and gives them back', async (t) => {
  const site = await serveBuild(webDir);
  const browser = await launchChromium();
  t.after(async () => { await browser.close(); await site.close(); });
  const page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
  const errors = collectErrors(page);
  await page.goto(`${site.url}index.html?offline=0#/article/${SEED}`);
  await waitForReader(page);
  assert.ok(await page.evaluate(() => window.reader.setOptions({ theme: 'sepia' })));
  await waitForState(page, { theme: 'sepia' });
  const canvas = page.locator('canvas').first();
  const box = await canvas.boundingBox();
  const corner = { x: box.x + box.width - 20, y: box.y + box.height - 20, width: 4, height: 4 };
  const sepia = await screenshotWhen(page, (png) => colourCounts(png).has('248,241,227'), { clip: corner });
  assert.ok(colourCounts(sepia).has('248,241,227'), 'sepia paper before');

  await page.emulateMedia({ forcedColors: 'active' });
  const system = await page.evaluate(() => {
    const probe = document.createElement('span');
    document.body.appendChild(probe);
    const read = (name) => { probe.style.color = name; return getComputedStyle(probe).color; };
    const colours = { canvas: read('Canvas'), text: read('CanvasText') };
    probe.remove();
    return colours;
  });
  const canvasColour = rgbOf(system.canvas).join(',');
  const textColour = rgbOf(system.text).join(',');
  assert.notEqual(canvasColour, textColour);
  const forcedCorner = await screenshotWhen(page, (png) => colourCounts(png).has(canvasColour), { clip: corner, timeout: 10000 });
  assert.deepEqual([...colourCounts(forcedCorner).keys()], [canvasColour], `the page is Canvas (${system.canvas})`);
  // The first paragraph: text pixels in CanvasText, no colour of the sepia theme anywhere.
  const title = await page.evaluate(() => window.reader.itemRect('paragraph:0'));
  const titleShot = await page.screenshot({ clip: { x: box.x + title.x, y: box.y + title.y, width: title.w, height: title.h } });
  const counts = colourCounts(titleShot);
  assert.ok((counts.get(textColour) || 0) > 50, `paragraph glyphs drawn in CanvasText (${system.text}): ${[...counts.keys()].slice(0, 8)}`);
  assert.ok(!counts.has('67,52,36') && !counts.has('248,241,227'), 'no sepia ink or paper left');
  fs.writeFileSync(screenshotPath('forced-colours.png'), await canvas.screenshot());

  await page.emulateMedia({ forcedColors: 'none' });
  const back = await screenshotWhen(page, (png) => colourCounts(png).has('248,241,227'), { clip: corner, timeout: 10000 });
  assert.ok(colourCounts(back).has('248,241,227'), 'the picked theme returns when forced colours end');
  assert.deepEqual(errors, []);
});

test('page zoom: Ctrl+=, Ctrl+- and Ctrl+wheel stay the browser\'s; the reader does not zoom a second time', async (t) => {
  const site = await serveBuild(webDir);
  const browser = await launchChromium();
  t.after(async () => { await browser.close(); await site.close(); });
  const page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
  const errors = collectErrors(page);
  await page.goto(`${site.url}index.html?offline=0#/article/${SEED}`);
  await waitForReader(page);
  await waitForState(page, { view: 'article', articleId: SEED });
  await page.evaluate(() => {
    window.zoomEvents = [];
    for (const type of ['keydown', 'wheel']) {
      window.addEventListener(type, (e) => { if (e.ctrlKey && e.key !== 'Control') window.zoomEvents.push(`${type}:${e.defaultPrevented}`); });
    }
  });
  const canvas = page.locator('canvas').first();
  let previous = null;
  const settle = () => screenshotWhen(canvas, (png) => { const same = previous && png.equals(previous); previous = png; return same; });
  const before = await settle();
  const box = await canvas.boundingBox();
  await page.mouse.click(box.x + 600, box.y + 400);
  await page.keyboard.press('Control+Equal');
  await page.keyboard.press('Control+Minus');
  await page.keyboard.press('Control+Equal');
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -300);
  await page.keyboard.up('Control');
  await new Promise((r) => setTimeout(r, 500));
  previous = null;
  const after = await settle();
  assert.deepEqual(await page.evaluate(() => window.zoomEvents),
    ['keydown:false', 'keydown:false', 'keydown:false', 'wheel:false'],
    '=, -, = and the wheel: none taken from the browser');
  assert.ok(after.equals(before), 'the reader did not zoom its text a second time');

  assert.deepEqual(errors, []);
});
