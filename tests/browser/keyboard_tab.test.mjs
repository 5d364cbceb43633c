// Tab moves between the reader's own controls as between a page's (#13 item 2, docs/accessibility.md
// "Keyboard and focus"): in the documented order, each showing a 2 px ring in the link colour while
// it has the keyboard's focus; Enter and Space activate it; at the last control Tab moves on through
// the page (the text mirror's links, each showing its item in the canvas), at the first Shift+Tab
// leaves for the page's previous element.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import { collectErrors, decodePng, launchChromium, screenshotPath, serveBuild, waitForState } from './lib/browser.mjs';

const HOST_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Tab through a reader</title></head>
<body style="margin:0">
<p><button id="before">before</button></p>
<div id="reader" style="width:1100px;height:640px"></div>
<p><button id="after">after</button></p>
<script type="module">
  import { mount } from './reader.js';
  const params = new URLSearchParams(location.search);
  window.reader = mount(document.getElementById('reader'), { bundle: 'sample-bundle.json', mirror: params.get('mirror') !== 'off' });
</script>
</body></html>`;

const LINK = [23, 82, 160];  // the light theme's link colour, which the ring is drawn in

// How many of an item's four sides have a ring's line in the link colour that was not there before:
// along the middle half of each side, in the band from 2 px inside to 6 px outside its edge (where
// ImGui's ring and the list row's ring are drawn), every position has such a pixel. A focused item
// has four, or two where the active option's box (大/中/小, 拼音) was already there on its left and
// right; a neighbour's ring reaches one side at most.
function ringSides(now, before, rect) {
  const step = now.pixels.length / (now.width * now.height);
  const isLink = (image, x, y) => {
    const i = (y * image.width + x) * step;
    return image.pixels[i] === LINK[0] && image.pixels[i + 1] === LINK[1] && image.pixels[i + 2] === LINK[2];
  };
  const fresh = (x, y) => x >= 0 && y >= 0 && x < now.width && y < now.height && isLink(now, x, y) && !isLink(before, x, y);
  const x0 = Math.round(rect.x), x1 = Math.round(rect.x + rect.w), y0 = Math.round(rect.y), y1 = Math.round(rect.y + rect.h);
  const along = (from, to, hit) => {
    const a = Math.round(from + (to - from) / 4), b = Math.round(to - (to - from) / 4);
    for (let t = a; t <= b; t++) if (!hit(t)) return 0;
    return 1;
  };
  const band = (edge, outward, probe) => { for (let d = -2; d <= 6; d++) if (probe(edge + outward * d)) return true; return false; };
  return along(x0, x1, (x) => band(y0, -1, (y) => fresh(x, y))) + along(x0, x1, (x) => band(y1, 1, (y) => fresh(x, y))) +
    along(y0, y1, (y) => band(x0, -1, (x) => fresh(x, y))) + along(y0, y1, (y) => band(x1, 1, (x) => fresh(x, y)));
}

async function openHost(t, query = '') {
  const site = await serveBuild(process.env.READER_WEB_DIR || 'build/web', { extraFiles: { 'tab-host.html': HOST_PAGE } });
  const browser = await launchChromium();
  t.after(async () => { await browser.close(); await site.close(); });
  const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
  const errors = collectErrors(page);
  await page.goto(`${site.url}tab-host.html${query}`);
  await page.waitForFunction(() => window.reader && window.reader.ready);
  await page.evaluate(() => window.reader.ready.then(() => true));
  await page.mouse.move(1190, 790);  // the pointer hovers nothing of the reader's
  return { page, errors };
}

const focused = (page) => page.evaluate(() => {
  const e = document.activeElement;
  return e.id || e.tagName.toLowerCase() + (e.closest('[data-reader-mirror]') ? ':mirror' : '');
});
// A person's Tab: the frame that shows it comes before the next key.
async function press(page, key) {
  await page.keyboard.press(key);
  await page.waitForTimeout(150);
}
const shot = async (page) => decodePng(await page.screenshot());
const rectOf = (page, key) => page.evaluate((k) => window.reader.itemRect(k), key);

test('keyboard: Tab goes through the list view\'s controls in order, each with a ring, then on; Shift+Tab comes back and out', async (t) => {
  const { page, errors } = await openHost(t);
  const list = await page.evaluate(() => window.reader.list());
  const hotlines = await page.evaluate(() => [...document.querySelectorAll('[data-reader-mirror] a[href^="tel:"]')].length);
  const categories = await page.evaluate(() => [...document.querySelectorAll('[data-reader-mirror] nav a[href^="#/category/"]')]
    .filter((a) => !a.closest('nav').nextElementSibling || a.closest('nav').nextElementSibling.tagName !== 'SECTION')
    .map((a) => decodeURIComponent(a.getAttribute('href').slice('#/category/'.length))));
  // The documented order: search box, hotlines (top bar), categories (sidebar), breadcrumb, the list.
  const order = ['search', ...Array.from({ length: hotlines }, (_, i) => `hotline:${i}`), 'category:',
    ...categories.map((id) => `category:${id}`), 'crumb:home', 'annotations', 'browse:dates', `article:${list[0].id}`];
  const before = await shot(page);
  await page.focus('#before');
  let previous = null;
  for (const key of order) {
    await press(page, 'Tab');
    assert.match(await focused(page), /^(canvas|input)$/, `${key}: the focus is in the reader`);
    const now = await shot(page);
    const rect = await rectOf(page, key);
    assert.ok(rect, `${key} is on screen`);
    assert.equal(ringSides(now, before, rect), 4, `${key} wears a ring around ${JSON.stringify(rect)}`);
    if (previous) assert.ok(ringSides(now, before, previous.rect) <= 1, `${previous.key} no longer does`);
    previous = { key, rect };
  }
  fs.writeFileSync(screenshotPath('keyboard-tab-last.png'), await page.screenshot({ clip: { x: 0, y: 0, width: 1100, height: 700 } }));
  // Past the last control: the text mirror's first link, which shows its item (首頁) in the canvas.
  await press(page, 'Tab');
  assert.equal(await focused(page), 'a:mirror');
  const crumb = await rectOf(page, 'crumb:home');
  assert.equal(ringSides(await shot(page), before, crumb), 4, 'the mirror link\'s item wears the ring');
  // Back: Shift+Tab into the canvas lands on its last control, and on to the first and out.
  await press(page, 'Shift+Tab');
  assert.equal(await focused(page), 'canvas');
  for (let i = 0; i < order.length - 1; i++) await press(page, 'Shift+Tab');
  const search = await rectOf(page, 'search');
  assert.equal(ringSides(await shot(page), before, search), 4, 'back at the search box');
  await press(page, 'Shift+Tab');
  assert.equal(await focused(page), 'before', 'Shift+Tab at the first control leaves for the page\'s previous element');
  assert.equal(ringSides(await shot(page), before, search), 0, 'and no ring is left in the canvas');
  assert.deepEqual(errors, []);
});

test('keyboard: in an article Tab reaches 大/中/小, 拼音, 設定 and Enter or Space activates them; without a mirror Tab leaves for the next element', async (t) => {
  const { page, errors } = await openHost(t, '?mirror=off');
  const list = await page.evaluate(() => window.reader.list());
  await page.evaluate((id) => window.reader.open(id), list[0].id);
  await waitForState(page, { view: 'article' });
  await page.waitForTimeout(300);
  const before = await shot(page);
  await page.focus('#after');
  await press(page, 'Shift+Tab');  // from after the reader: its last control
  assert.equal(await focused(page), 'canvas');
  const stops = [];
  for (let i = 0; i < 40; i++) {
    const now = await shot(page);
    for (const key of ['font:large', 'font:medium', 'font:small', 'ruby:above', 'ruby:hidden', 'ruby:inline', 'settings', 'crumb:home']) {
      const rect = await rectOf(page, key);
      if (rect && ringSides(now, before, rect) >= 2) stops.push(key);
    }
    if (stops.at(-1) === 'font:large') break;
    await press(page, 'Shift+Tab');
  }
  assert.deepEqual(stops.filter((k) => k.startsWith('font:') || k.startsWith('ruby:') || k === 'settings'),
    ['settings', 'ruby:inline', 'ruby:hidden', 'ruby:above', 'font:small', 'font:medium', 'font:large']);
  await press(page, 'Enter');  // 大
  await waitForState(page, { fontSize: 'large' });
  await press(page, 'Tab');
  await press(page, 'Space');  // 中
  await waitForState(page, { fontSize: 'medium' });
  // Forward to the last control, and Tab leaves for the page's next element.
  let steps = 0;
  while ((await focused(page)) !== 'after' && steps++ < 40) await press(page, 'Tab');
  assert.equal(await focused(page), 'after');
  assert.deepEqual(errors, []);
});
