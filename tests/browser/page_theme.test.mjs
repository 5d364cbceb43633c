// Theming from the host page (#13 item 6, docs/embedding.md "Theming"): CSS custom properties on
// the reader's element (--reader-background, --reader-text, --reader-link, --reader-muted) colour
// the canvas, read when the reader starts and again whenever they change (a class on an ancestor,
// an inline style), with no frames drawn while nothing changes; --reader-font-size and
// --reader-font-family set the article text's size (at 中) and face the same way.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import {
  collectErrors, colourCounts, launchChromium, pixelDiff, screenshotPath, serveBuild, waitForReader, waitForState, webDir,
} from './lib/browser.mjs';

const HOST = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Themed</title>
<style>
  body { margin: 0 }
  #news { height: 600px; --reader-background: rgb(250, 240, 200); --reader-text: #202020; --reader-link: #a01010; }
  body.night #news { --reader-background: #102030; --reader-text: #e0e0e0; }
</style></head>
<body><div id="news"></div>
<script type="module">import { mount } from './reader.js';
window.reader = mount(document.getElementById('news'), { bundle: 'sample-bundle.json', theme: 'light' });</script>
</body></html>`;

// The model article, whose first paragraph is long enough to wrap.
const sample = JSON.parse(fs.readFileSync(path.join(webDir, 'sample-bundle.json'), 'utf8'));
const seedId = sample.articles.find((a) => a.title.startsWith('2023年(nián)第一(yī)次')).id;

// The colour most pixels of a square have, "r,g,b".
function commonColor(png) {
  return [...colourCounts(png)].sort((a, b) => b[1] - a[1])[0][0];
}

// Pixels of exactly one colour in a rectangle.
const countColor = (png, rgb) => colourCounts(png).get(rgb.join(',')) || 0;

test('theme: CSS custom properties on the element colour the canvas, and changes to them apply', async (t) => {
  const site = await serveBuild(webDir, { extraFiles: { 'themed.html': HOST } });
  const browser = await launchChromium();
  t.after(async () => { await browser.close(); await site.close(); });
  const page = await browser.newPage({ viewport: { width: 1100, height: 700 } });
  const errors = collectErrors(page);
  await page.goto(`${site.url}themed.html`);
  await waitForReader(page);
  await page.mouse.move(1090, 690);
  await page.waitForTimeout(300);
  const box = await page.locator('canvas').first().boundingBox();
  // A patch of the content's right margin (no text, no scrollbar), and the breadcrumb's 首頁 link.
  const margin = { x: box.x + box.width - 40, y: box.y + box.height - 200, width: 16, height: 16 };
  const background = async () => commonColor(await page.screenshot({ clip: margin }));
  assert.equal(await background(), '250,240,200', 'the page\'s --reader-background');
  const crumb = await page.evaluate(() => window.reader.itemRect('crumb:home'));
  const crumbShot = await page.screenshot({ clip: { x: crumb.x, y: crumb.y, width: crumb.w, height: crumb.h } });
  assert.ok(countColor(crumbShot, [160, 16, 16]) > 5, 'the links in --reader-link');
  assert.equal(countColor(crumbShot, [23, 82, 160]), 0, 'not in the light theme\'s link colour');
  fs.writeFileSync(screenshotPath('page-theme.png'), await page.screenshot({ clip: { x: box.x, y: box.y, width: box.width, height: 300 } }));

  // A class on an ancestor changes them: the reader follows without being told.
  const framesBefore = await page.evaluate(() => window.reader.framesDrawn());
  await page.evaluate(() => document.body.classList.add('night'));
  await page.waitForTimeout(300);
  assert.equal(await background(), '16,32,48', 'a class on <body> changed --reader-background');
  assert.ok(await page.evaluate(() => window.reader.framesDrawn()) > framesBefore, 'the change was drawn');
  // An inline style on the element wins, and going back restores the stylesheet's.
  await page.evaluate(() => document.getElementById('news').style.setProperty('--reader-background', 'rgb(1, 2, 3)'));
  await page.waitForTimeout(300);
  assert.equal(await background(), '1,2,3');
  await page.evaluate(() => { document.getElementById('news').style.removeProperty('--reader-background'); document.body.classList.remove('night'); });
  await page.waitForTimeout(300);
  assert.equal(await background(), '250,240,200');
  // Nothing is polled: an idle reader draws no frame.
  const idle = await page.evaluate(() => window.reader.framesDrawn());
  await page.waitForTimeout(1000);
  assert.equal(await page.evaluate(() => window.reader.framesDrawn()), idle, 'frames drawn while idle');
  assert.deepEqual(errors, []);
});

test('theme: --reader-font-size and --reader-font-family set the article text\'s size and face', async (t) => {
  const site = await serveBuild(webDir, { extraFiles: { 'themed.html': HOST.replace('height: 600px', 'height: 1500px') } });
  const browser = await launchChromium();
  t.after(async () => { await browser.close(); await site.close(); });
  const page = await browser.newPage({ viewport: { width: 1100, height: 1600 } });
  const errors = collectErrors(page);
  await page.goto(`${site.url}themed.html`);
  await waitForReader(page);
  await page.evaluate((id) => window.reader.open(id), seedId);
  await waitForState(page, { view: 'article', articleId: seedId });
  const paragraph = () => page.evaluate(() => window.reader.itemRect('paragraph:0'));
  const shot = async () => { const r = await paragraph(); return page.screenshot({ clip: { x: r.x, y: r.y, width: 300, height: 60 } }); };
  const before = await paragraph();
  const pixelsBefore = await shot();
  const setStyle = async (name, value) => {
    await page.evaluate(([n, v]) => document.getElementById('news').style.setProperty(n, v), [name, value]);
    await page.waitForTimeout(400);
  };

  // 中 is 18 px: the page's 27 px makes the paragraph half as tall again at the same width.
  await setStyle('--reader-font-size', '27px');
  const larger = await paragraph();
  assert.ok(larger.h > before.h * 1.35, `paragraph ${before.h} px tall at 18 px, ${larger.h} px at 27 px`);
  // 大 keeps its step over the page's size (22/18 of it).
  await page.evaluate(() => window.reader.setOptions({ fontSize: 'large' }));
  await page.waitForTimeout(300);
  assert.ok((await paragraph()).h > larger.h * 1.15, '大 is larger than the page\'s 中');
  await page.evaluate(() => window.reader.setOptions({ fontSize: 'medium' }));
  await setStyle('--reader-font-size', 'not a length');
  assert.equal((await paragraph()).h, before.h, 'a value that is not a length leaves the reader\'s size');

  // Another face draws other glyphs; taking it away draws the reader's own again, pixel for pixel.
  await setStyle('--reader-font-family', '"Noto Serif CJK TC", serif');
  const serif = await shot();
  fs.writeFileSync(screenshotPath('page-font-family.png'), serif);
  assert.ok(pixelDiff(pixelsBefore, serif) > 0.02, 'the page\'s face is drawn');
  await setStyle('--reader-font-family', '');
  // Its glyphs are baked again, maybe elsewhere in the atlas when other glyphs came first, and the
  // GPU's texture sampling there may round a channel one level the other way.
  assert.equal(pixelDiff(pixelsBefore, await shot(), 1), 0, 'the reader\'s face is back');
  assert.deepEqual(errors, []);
});
