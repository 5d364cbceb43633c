// Figures' images on the web (issue #15 item 2): only figures within about a screen of the view
// are fetched, more as the reader scrolls; an image arriving moves nothing; a 404 or a file that is
// not an image leaves the figure's alt text and says why in the log; images never enter the wasm
// heap; no frame asks WebGL a question; a click on a figure opens the zoom view and Esc closes it.
// The PNGs are made by the test (lib/figures.mjs), served from a figs/ folder beside the bundle.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  clickKey, collectErrors, colourCounts, countGlQueries, decodePng, launchChromium, screenshotPath, serveBuild, waitForReader, waitForState, webDir,
} from './lib/browser.mjs';
import { figureBundle, settleImages as settle } from './lib/figures.mjs';

// Wheel steps until the item's rectangle (clipped to the view) is at least 300 pixels tall.
async function revealWhole(page, key) {
  const box = await page.locator('canvas').first().boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let step = 0; step < 40; step++) {
    const rect = await page.evaluate((k) => window.reader.itemRect(k), key);
    if (rect && rect.h >= 300) return rect;
    await page.mouse.wheel(0, 120);
    await page.waitForTimeout(50);
  }
  assert.fail(`${key} never came whole into view`);
}

// Tall enough that the paragraph after the first figure is on screen below the meta line's two rows.
async function openFigures(browser, site, query = '') {
  const page = await browser.newPage({ viewport: { width: 1000, height: 880 } });
  await page.addInitScript(countGlQueries);
  const errors = collectErrors(page);
  const images = [];
  page.on('request', (req) => { if (/\/figs\//.test(req.url())) images.push(new URL(req.url()).pathname); });
  const logged = [];
  page.on('console', (msg) => { if (msg.type() === 'warning') logged.push(msg.text()); });
  await page.goto(`${site.url}index.html?bundle=figures.json${query}`);
  await waitForReader(page);
  return { page, errors, images, logged };
}

test('images: figures near the view are fetched, the rest as the reader scrolls; nothing moves; no heap, no GPU query', async (t) => {
  const { bundle, files } = figureBundle(12);
  const site = await serveBuild(webDir, { extraFiles: { 'figures.json': JSON.stringify(bundle), ...files } });
  const browser = await launchChromium();
  t.after(async () => { await browser.close(); await site.close(); });
  const { page, errors, images } = await openFigures(browser, site);
  // The first figure is held back until the paragraph after it has been measured.
  let releaseFirst;
  const firstHeld = new Promise((resolve) => { releaseFirst = resolve; });
  await page.route('**/figs/f0.png', async (route) => { await firstHeld; await route.continue(); });

  await page.evaluate(() => window.reader.open('figures'));
  await waitForState(page, { view: 'article', articleId: 'figures' });
  await page.waitForFunction(() => window.reader.imageStats().uploads > 0);
  const heapBefore = (await page.evaluate(() => window.reader.loadStats())).heapBytes;
  const before = await page.evaluate(() => window.reader.itemRect('paragraph:2'));
  assert.ok(before, 'the paragraph after the first figure is on screen');
  // The first figure is held; the others near the view may still be on their way too (a loaded machine).
  assert.ok((await page.evaluate(() => window.reader.imageStats())).pending >= 1, 'the first figure is still on its way');
  await page.evaluate(() => { window.glQueries = {}; });
  releaseFirst();
  await settle(page);
  assert.deepEqual(await page.evaluate(() => window.reader.itemRect('paragraph:2')), before, 'the paragraph after a figure stays where it was');
  await page.screenshot({ path: screenshotPath('images-first-screen.png') });

  const fetchedFirst = new Set(images).size;
  assert.ok(fetchedFirst >= 2 && fetchedFirst < 12, `figures fetched before scrolling: ${fetchedFirst} of 12`);

  // Down to the end: every figure is fetched once it comes within a screen.
  const box = await page.locator('canvas').first().boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let i = 0; i < 60; i++) {
    await page.mouse.wheel(0, 200);
    await page.waitForTimeout(30);
  }
  const stats = await settle(page);
  assert.equal(new Set(images).size, 12, 'every figure fetched after scrolling to the end');
  assert.ok(stats.bytes <= stats.budget, `texture bytes ${stats.bytes} within the budget ${stats.budget}`);
  assert.equal(stats.textures, 12);
  await page.screenshot({ path: screenshotPath('images-scrolled.png') });

  const heapAfter = (await page.evaluate(() => window.reader.loadStats())).heapBytes;
  assert.ok(Math.abs(heapAfter - heapBefore) <= 1024 * 1024, `wasm heap ${heapBefore} -> ${heapAfter} bytes`);
  assert.deepEqual(await page.evaluate(() => window.glQueries), {}, 'no WebGL query while images arrive and the article scrolls');
  assert.deepEqual(errors, []);
});

// The first bytes of a WebP file in its extended form (a VP8X chunk), whose canvas is
// width x height: all a reader needs to refuse it; nothing after them is a real image.
function webpHeader(width, height) {
  const b = Buffer.alloc(64);
  b.write('RIFF', 0, 'latin1');
  b.writeUInt32LE(b.length - 8, 4);
  b.write('WEBPVP8X', 8, 'latin1');
  b.writeUInt32LE(10, 16);
  b.writeUIntLE(width - 1, 24, 3);
  b.writeUIntLE(height - 1, 27, 3);
  return b;
}

test('images: a 404, a file that is not an image and 30000x30000 PNG and WebP files keep their alt text and are logged with their src', async (t) => {
  const srcOf = (n) => ['figs/f0.png', 'figs/missing.png', 'figs/notes.png', 'figs/huge.png', 'figs/huge.webp'][n];
  const { bundle, files } = figureBundle(5, { srcOf });
  files['figs/huge.webp'] = webpHeader(30000, 30000);
  files['figs/notes.png'] = 'this is not an image\n';
  // A PNG whose header says 30000x30000: refused from its header, never decoded.
  const huge = Buffer.from(files['figs/f3.png']);
  huge.writeUInt32BE(30000, 16);
  huge.writeUInt32BE(30000, 20);
  files['figs/huge.png'] = huge;
  const site = await serveBuild(webDir, { extraFiles: { 'figures.json': JSON.stringify(bundle), ...files } });
  const browser = await launchChromium();
  t.after(async () => { await browser.close(); await site.close(); });
  const { page, errors, logged } = await openFigures(browser, site, '&log=warn');
  await page.evaluate(() => window.reader.open('figures'));
  await waitForState(page, { view: 'article', articleId: 'figures' });
  await settle(page);
  const good = await page.evaluate(() => window.reader.itemRect('figure:1'));
  assert.ok(good && good.h > 300, 'the good figure is whole on screen');
  const shot = (rect) => page.screenshot({ clip: { x: rect.x + 4, y: rect.y + 4, width: rect.w - 8, height: Math.min(rect.h, 300) - 8 } });
  assert.ok((colourCounts(await shot(good)).get('200,60,60') || 0) > 1000, 'the good figure shows its image');
  const broken = await revealWhole(page, 'figure:5');  // not an image; figure 7 is then within a screen too
  await settle(page);
  // The broken figure shows its placeholder with the alt text, none of the good image's colour.
  const brokenColours = colourCounts(await shot(broken));
  await revealWhole(page, 'figure:9');  // the WebP
  const stats = await settle(page);
  assert.equal(stats.textures, 1, 'only the good image became a texture');
  assert.deepEqual(logged.filter((line) => line.includes('image ')).sort(), [
    'reader: image figs/huge.png: 30000×30000 pixels is over 16384 a side (its alt text is shown)',
    'reader: image figs/huge.webp: 30000×30000 pixels is over 16384 a side (its alt text is shown)',
    'reader: image figs/missing.png: HTTP 404 (its alt text is shown)',
    'reader: image figs/notes.png: not an image, or damaged: The source image could not be decoded. (its alt text is shown)',
  ]);
  assert.equal(brokenColours.get('200,60,60') || 0, 0);
  assert.ok(brokenColours.size > 2, 'the broken figure shows its alt text');
  await page.screenshot({ path: screenshotPath('images-broken.png') });
  // The browser's own line for the 404 is expected; nothing else.
  assert.deepEqual(errors.filter((e) => !e.includes('status of 404')), []);
});

test('images: a click on a figure opens the zoom view, a larger size is fetched, Esc closes it', async (t) => {
  const { bundle, files } = figureBundle(2);
  const site = await serveBuild(webDir, { extraFiles: { 'figures.json': JSON.stringify(bundle), ...files } });
  const browser = await launchChromium();
  t.after(async () => { await browser.close(); await site.close(); });
  const { page, errors, images } = await openFigures(browser, site);
  await page.evaluate(() => window.reader.open('figures'));
  await waitForState(page, { view: 'article', articleId: 'figures' });
  await settle(page);
  const uploads = (await page.evaluate(() => window.reader.imageStats())).uploads;
  await clickKey(page, 'figure:1');
  await page.waitForFunction(() => window.reader.imageStats().zoom);
  const zoomed = await settle(page);
  assert.equal(zoomed.uploads, uploads + 1, 'the zoom view asked for the figure at a larger size');
  assert.equal(images.filter((p) => p.endsWith('/figs/f0.png')).length, 2);
  await page.screenshot({ path: screenshotPath('images-zoom.png') });
  // The larger image (800x400: two bands of rows, uploaded in two frames) is whole and in order: its
  // dark diagonal starts, row after row, a step further right, with no jump where the bands meet.
  const box = await page.evaluate(() => window.reader.itemRect('zoom:image'));
  const image = decodePng(await page.screenshot({ clip: { x: box.x + 2, y: box.y + 2, width: box.w - 4, height: box.h - 4 } }));
  const step = image.pixels.length / (image.width * image.height);
  let previous = -1;
  for (let y = 0; y < image.height; y++) {
    let first = 0;
    while (first < image.width && image.pixels[(y * image.width + first) * step] >= 100) first++;
    if (previous >= 0) assert.ok(Math.abs(first - previous) <= 4, `row ${y}: the diagonal jumps from x ${previous} to ${first}`);
    previous = first;
  }
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !window.reader.imageStats().zoom);
  assert.equal((await page.evaluate(() => window.reader.state())).view, 'article', 'Esc closed the zoom view, not the article');
  assert.deepEqual(errors, []);
});
