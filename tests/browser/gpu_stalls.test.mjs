// Frames without GPU stalls (issue #16 item 3): once the reader is up, drawing a frame never asks
// WebGL for an answer. getParameter, getError, readPixels and the other queries are synchronous
// round trips to the GPU process, which first finishes the frames queued before; the reader's own
// renderer (wasm/platform/web/webgl_renderer.cpp) knows its state and never asks. The test counts
// every such call on the WebGL2 context while the list scrolls, an article opens and scrolls, and
// a larger text size bakes a new set of glyphs into the font atlas (texture uploads on the way).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  clickKey, collectErrors, countGlQueries, launchChromium, revealKey, serveBuild, waitForReader, waitForState, webDir,
} from './lib/browser.mjs';

const SEED = '2023-08-17-zhishichanquan-lianxi-huiyi';

// Waits until the reader draws no more frames.
async function waitIdle(page) {
  let frames = -1;
  for (;;) {
    const now = await page.evaluate(() => window.reader.framesDrawn());
    if (now === frames) return now;
    frames = now;
    await page.waitForTimeout(300);
  }
}

// `steps` real wheel steps of `dy` CSS pixels over the middle of the canvas, a frame's time apart.
async function wheel(page, steps, dy) {
  const box = await page.locator('canvas').first().boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let i = 0; i < steps; i++) {
    await page.mouse.wheel(0, dy);
    await page.waitForTimeout(16);
  }
}

test('gpu stalls: scrolling, opening an article and a new text size draw frames without one WebGL query', async (t) => {
  const site = await serveBuild(webDir);
  const browser = await launchChromium();
  t.after(async () => { await browser.close(); await site.close(); });
  // Short enough that the sample's 18 articles make a list that scrolls.
  const page = await browser.newPage({ viewport: { width: 900, height: 420 } });
  const errors = collectErrors(page);
  await page.addInitScript(countGlQueries);  // before the page's scripts run
  await page.goto(`${site.url}index.html?offline=0`);
  await waitForReader(page);
  const framesBefore = await waitIdle(page);
  await page.evaluate(() => { window.glQueries = {}; });

  await wheel(page, 30, 100);
  await wheel(page, 30, -100);
  await revealKey(page, `article:${SEED}`);
  await clickKey(page, `article:${SEED}`);
  await waitForState(page, { view: 'article', articleId: SEED });
  await clickKey(page, 'font:large');
  await waitForState(page, { fontSize: 'large' });
  await wheel(page, 30, 100);
  await wheel(page, 20, -100);
  await waitIdle(page);

  const { frames, queries } = await page.evaluate(() => ({ frames: window.reader.framesDrawn(), queries: window.glQueries }));
  assert.ok(frames - framesBefore >= 60, `the reader drew the frames counted (${frames - framesBefore})`);
  assert.deepEqual(queries, {}, 'WebGL calls that wait for the GPU process, by name, while drawing');
  assert.deepEqual(errors, []);
});
