// The focused reader shows it when the focus came from the keyboard, as a page's own controls do:
// a ring just inside the canvas's edge after Tab or Shift+Tab, none after a click.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import { collectErrors, decodePng, launchChromium, screenshotPath, serveBuild, waitForReader, webDir } from './lib/browser.mjs';

// Whether a strip has a ring's line: a column dark from top to bottom (the reader's margin is light).
function hasDarkColumn(png) {
  const image = decodePng(png);
  const step = image.pixels.length / (image.width * image.height);
  for (let x = 0; x < image.width; x++) {
    let dark = true;
    for (let y = 0; y < image.height && dark; y++) {
      const i = (y * image.width + x) * step;
      dark = image.pixels[i] + image.pixels[i + 1] + image.pixels[i + 2] < 3 * 100;
    }
    if (dark) return true;
  }
  return false;
}

test('focus: Tab onto the reader draws a focus ring at its edge; a click focuses it without one', async (t) => {
  const site = await serveBuild(webDir);
  const browser = await launchChromium();
  t.after(async () => { await browser.close(); await site.close(); });
  const page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
  const errors = collectErrors(page);
  await page.goto(`${site.url}index.html?offline=0`);
  await waitForReader(page);
  const canvas = page.locator('canvas').first();
  const box = await canvas.boundingBox();
  // The canvas's left edge, a strip 6 px wide, where the ring is drawn (3 px inside the edge).
  const edge = { x: box.x, y: box.y + 100, width: 6, height: 200 };
  const focused = () => page.evaluate(() => document.activeElement.tagName);
  await page.mouse.click(box.x + box.width - 30, box.y + box.height - 30);  // the reader's own margin
  assert.equal(await focused(), 'CANVAS');
  await page.waitForTimeout(300);
  const clicked = await page.screenshot({ clip: edge });
  await page.evaluate(() => document.activeElement.blur());
  const unfocused = await page.screenshot({ clip: edge });
  assert.ok(!hasDarkColumn(clicked) && !hasDarkColumn(unfocused), 'a click shows no ring');

  // Shift+Tab from the mirror's first link (the next Tab stop after the canvas) comes back by keyboard.
  await page.locator('[data-reader-mirror] a').first().focus();
  await page.keyboard.press('Shift+Tab');
  assert.equal(await focused(), 'CANVAS');
  await page.waitForTimeout(300);
  const tabbed = await page.screenshot({ clip: edge });
  fs.writeFileSync(screenshotPath('focus-ring.png'), await page.screenshot({ clip: { x: box.x, y: box.y, width: 300, height: 200 } }));
  assert.ok(hasDarkColumn(tabbed), 'the keyboard focus shows a ring');
  await page.keyboard.press('Tab');
  assert.notEqual(await focused(), 'CANVAS');
  await page.waitForTimeout(300);
  assert.ok(!hasDarkColumn(await page.screenshot({ clip: edge })), 'and the ring goes with the focus');
  assert.deepEqual(errors, []);
});

test('focus: the row the arrow keys move to wears a ring in the link colour, not only a pale fill', async (t) => {
  const site = await serveBuild(webDir);
  const browser = await launchChromium();
  t.after(async () => { await browser.close(); await site.close(); });
  const page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
  const errors = collectErrors(page);
  await page.goto(`${site.url}index.html?offline=0`);
  await waitForReader(page);
  const box = await page.locator('canvas').first().boundingBox();
  const list = await page.evaluate(() => window.reader.list());
  await page.locator('[data-reader-mirror] a').first().focus();
  await page.keyboard.press('Shift+Tab');
  await page.mouse.move(box.x + 5, box.y + box.height - 5);  // the pointer hovers no row
  const linkPixels = async (id) => {
    const row = await page.evaluate((key) => window.reader.itemRect(key), `article:${id}`);
    const image = decodePng(await page.screenshot({ clip: { x: box.x + row.x, y: box.y + row.y, width: row.w, height: row.h } }));
    const step = image.pixels.length / (image.width * image.height);
    let count = 0;
    for (let i = 0; i < image.pixels.length; i += step) {
      if (image.pixels[i] === 23 && image.pixels[i + 1] === 82 && image.pixels[i + 2] === 160) count++;
    }
    return count;
  };
  assert.equal(await linkPixels(list[2].id), 0, 'no ring before a key is pressed');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.waitForTimeout(300);
  const ring = await linkPixels(list[2].id);  // two steps down from the first row
  fs.writeFileSync(screenshotPath('focus-row.png'), await page.screenshot({ clip: { x: box.x, y: box.y, width: box.width, height: 300 } }));
  assert.ok(ring > 400, `the selected row's ring: ${ring} pixels in the link colour`);
  assert.equal(await linkPixels(list[1].id), 0, 'the row passed on the way wears none');
  assert.deepEqual(errors, []);
});
