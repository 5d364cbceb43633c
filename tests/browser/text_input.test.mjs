// Text into the reader's search box the ways people type Chinese: an IME composition (driven through
// CDP as an IME drives the browser), plain typing, Backspace, and paste from the system clipboard.
// The page's hidden input sits at the caret while the box is active, and gives the focus back after.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clickKey, collectErrors, decodePng, launchChromium, serveBuild, waitForReader, waitForState, webDir } from './lib/browser.mjs';

async function openReader(t) {
  const site = await serveBuild(webDir);
  const browser = await launchChromium();
  t.after(async () => { await browser.close(); await site.close(); });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url });
  const page = await context.newPage();
  const errors = collectErrors(page);
  await page.goto(`${site.url}index.html?offline=0`);
  await waitForReader(page);
  return { page, errors };
}

test('text input: an IME composition ends up as the search query', async (t) => {
  const { page, errors } = await openReader(t);
  await clickKey(page, 'search');
  await page.waitForFunction(() => document.activeElement && document.activeElement.tagName === 'INPUT');
  // The input sits at the search box's caret, inside the canvas.
  const where = await page.evaluate(() => {
    const input = document.activeElement.getBoundingClientRect();
    const box = window.reader.itemRect('search');
    return { x: input.left, y: input.top, box };
  });
  assert.ok(where.x >= where.box.x && where.x <= where.box.x + where.box.w, `input at x ${where.x}, box ${JSON.stringify(where.box)}`);
  assert.ok(where.y >= where.box.y - 4 && where.y <= where.box.y + where.box.h, `input at y ${where.y}`);

  // The box's hint, right of the caret: glyphs there before the composition, none while it lasts
  // (the page's input shows the composed text; it is made transparent here to see the canvas).
  const hintStrip = { x: where.box.x + 20, y: where.box.y + 4, width: 60, height: where.box.h - 8 };
  const colours = async () => {
    const image = decodePng(await page.screenshot({ clip: hintStrip }));
    const step = image.pixels.length / (image.width * image.height);
    const seen = new Set();
    for (let i = 0; i < image.pixels.length; i += step) seen.add(`${image.pixels[i]},${image.pixels[i + 1]},${image.pixels[i + 2]}`);
    return seen.size;
  };
  assert.ok(await colours() > 5, 'the hint shows before composing');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.imeSetComposition', { text: 'xie', selectionStart: 3, selectionEnd: 3 });
  await cdp.send('Input.imeSetComposition', { text: '消協', selectionStart: 2, selectionEnd: 2 });
  assert.equal((await page.evaluate(() => window.reader.state())).view, 'list', 'nothing searched while composing');
  await page.evaluate(() => { document.activeElement.style.opacity = '0'; });
  await page.waitForTimeout(300);
  assert.equal(await colours(), 1, 'no hint under the composed text');
  await cdp.send('Input.insertText', { text: '消協' });
  await waitForState(page, { view: 'search', query: '消協' });
  // Then plain typing and Backspace in the same box.
  await page.keyboard.type('動態x', { delay: 20 });
  await page.keyboard.press('Backspace');
  await waitForState(page, { view: 'search', query: '消協動態' });
  assert.ok((await page.evaluate(() => window.reader.search('消協動態'))).length > 0);
  // Escape leaves the box: the focus goes back to the canvas.
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => document.activeElement && document.activeElement.tagName === 'CANVAS');
  assert.deepEqual(errors, []);
});

test('text input: Ctrl+V pastes the system clipboard into the search box', async (t) => {
  const { page, errors } = await openReader(t);
  await page.evaluate(() => navigator.clipboard.writeText('12315'));
  await clickKey(page, 'search');
  await page.waitForFunction(() => document.activeElement && document.activeElement.tagName === 'INPUT');
  await page.keyboard.press('Control+V');
  await waitForState(page, { view: 'search', query: '12315' });
  assert.deepEqual(errors, []);
});
