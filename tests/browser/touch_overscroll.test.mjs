// Swipes pass on to the page at the reader's ends, as the wheel does (#13 item 3, docs/embedding.md
// "Scrolling"): inside its content a swipe scrolls the reader only; past its bottom the rest of the
// swipe scrolls the page; with overscroll 'contain' the page never moves. Real touch events
// (CDP Input.dispatchTouchEvent) on a phone-sized page.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectErrors, launchChromium, serveBuild, waitForReader, webDir } from './lib/browser.mjs';

const HOST = (overscroll) => `<!doctype html><html lang="en"><head><meta name="viewport" content="width=device-width">
<title>Publisher</title><style>body { margin: 0; font: 16px serif } #news { height: 480px; margin: 10px }</style></head>
<body><h1>Publisher</h1><div id="news"></div><p style="height: 2000px">Body</p>
<script type="module">import { mount } from './reader.js';
window.reader = mount(document.getElementById('news'), { bundle: 'sample-bundle.json', overscroll: '${overscroll}' });</script>
</body></html>`;

// One finger from (x, fromY) to (x, toY) in steps, slowly enough to leave no fling behind.
async function swipe(cdp, x, fromY, toY, steps = 12) {
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y: fromY }] });
  for (let i = 1; i <= steps; i++) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: fromY + ((toY - fromY) * i) / steps }] });
    await new Promise((r) => setTimeout(r, 30));
  }
  await new Promise((r) => setTimeout(r, 120));  // the finger rests: no fling
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await new Promise((r) => setTimeout(r, 150));
}

for (const mode of ['auto', 'contain']) {
  test(`touch: overscroll '${mode}': a swipe ${mode === 'auto' ? 'scrolls the page past the reader\'s end' : 'never scrolls the page'}`, async (t) => {
    const site = await serveBuild(webDir, { extraFiles: { 'host.html': HOST(mode) } });
    const browser = await launchChromium();
    t.after(async () => { await browser.close(); await site.close(); });
    const context = await browser.newContext({ viewport: { width: 390, height: 700 }, hasTouch: true, isMobile: true });
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(`${site.url}host.html`);
    await waitForReader(page);
    await page.waitForTimeout(500);
    const cdp = await context.newCDPSession(page);
    const box = await page.locator('canvas').first().boundingBox();
    const x = box.x + box.width / 2;
    const top = () => page.evaluate(() => window.reader.itemRect(`article:${window.reader.list()[0].id}`)?.y ?? -1e6);
    const before = await top();
    await swipe(cdp, x, box.y + 400, box.y + 300);
    assert.equal(await page.evaluate(() => window.scrollY), 0, 'inside the content the page does not move');
    assert.ok(await top() < before, 'the reader scrolled instead');
    // On to the end of the list, and further.
    for (let i = 0; i < 12; i++) await swipe(cdp, x, box.y + 450, box.y + 50);
    const scrolled = await page.evaluate(() => window.scrollY);
    if (mode === 'auto') assert.ok(scrolled > 100, `past the reader's end the page scrolls (scrollY ${scrolled})`);
    else assert.equal(scrolled, 0, 'contain: the page never moves');
    assert.deepEqual(errors, []);
  });
}
