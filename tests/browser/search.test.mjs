// Search in the browser: a query typed with real key presses lists its results, a click opens one,
// the back button returns to the results; traditional and simplified spellings find each other.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import {
  clickKey, collectErrors, launchChromium, screenshotPath, serveBuild, waitForReader, waitForState, webDir,
} from './lib/browser.mjs';

test('search: type a query, open a result with a click, come back with the back button', async (t) => {
  const site = await serveBuild(webDir);
  const browser = await launchChromium();
  t.after(async () => { await browser.close(); await site.close(); });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = collectErrors(page);
  await page.goto(`${site.url}index.html`);
  await waitForReader(page);

  await clickKey(page, 'search');
  await page.keyboard.type('12315', { delay: 30 });
  await waitForState(page, { view: 'search' });
  await page.waitForFunction(() => location.hash === '#/search/12315');
  const ids = await page.evaluate(() => window.reader.search('12315'));
  assert.ok(ids.length >= 2, `12315 is in several articles: ${ids}`);
  fs.writeFileSync(screenshotPath('search-results.png'), await page.locator('canvas').first().screenshot());

  await clickKey(page, `result:${ids[0]}`);
  await waitForState(page, { view: 'article', articleId: ids[0] });
  fs.writeFileSync(screenshotPath('search-hit-in-article.png'), await page.locator('canvas').first().screenshot());
  await page.goBack();
  await waitForState(page, { view: 'search' });
  assert.deepEqual(errors, []);
});

test('search: 状态, 狀態 and 狀态 find the same articles, the seed among them', async (t) => {
  const site = await serveBuild(webDir);
  const browser = await launchChromium();
  t.after(async () => { await browser.close(); await site.close(); });
  const page = await browser.newPage();
  await page.goto(`${site.url}index.html`);
  await waitForReader(page);
  const found = await page.evaluate(() => ['状态', '狀態', '狀态'].map((q) => window.reader.search(q)));
  assert.ok(found[0].length > 0);
  assert.deepEqual(found[1], found[0]);
  assert.deepEqual(found[2], found[0]);
  const seed = await page.evaluate(() => window.reader.search('知識產權戰略'));
  assert.ok(seed.includes('2023-08-17-zhishichanquan-lianxi-huiyi'), `seed found through 產/産 folding: ${seed}`);
});

// Issue #17 item 1: a result's excerpt is cut at punctuation, and its more matches in other paragraphs
// are listed under it, in the canvas and in the mirror for screen readers.
test('search: sub-results from other paragraphs, in the canvas and the mirror', async (t) => {
  const site = await serveBuild(webDir);
  const browser = await launchChromium();
  t.after(async () => { await browser.close(); await site.close(); });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = collectErrors(page);
  const seed = '2023-08-17-zhishichanquan-lianxi-huiyi';
  await page.goto(`${site.url}index.html#/search/${encodeURIComponent('知識産權')}`);
  await waitForReader(page);
  await waitForState(page, { view: 'search' });
  const rects = await page.waitForFunction((id) => {
    const r = [0, 1, 2, 3].map((n) => window.reader.itemRect(`subresult:${id}:${n}`));
    return r[0] && r;
  }, seed).then((h) => h.jsonValue());
  assert.ok(rects[2] && !rects[3], 'three sub-results, no fourth');
  const canvas = await page.locator('canvas').first().boundingBox();
  const row = await page.evaluate((id) => window.reader.itemRect(`result:${id}`), seed);
  fs.writeFileSync(screenshotPath('search-sub-results.png'), await page.screenshot({
    clip: { x: canvas.x + row.x, y: canvas.y + row.y, width: row.w, height: rects[2].y + rects[2].h - row.y },
  }));

  const result = page.locator(`[data-reader-mirror] li:has(> a[data-article="${seed}"])`);
  await result.locator('ul > li').first().waitFor({ state: 'attached' });
  const subs = await result.locator('ul > li').evaluateAll((items) => items.map((li) => li.querySelector('mark').textContent));
  assert.deepEqual(subs, ['知識産權', '知識産權', '知識産權']);
  const excerpt = await result.locator('p').first().textContent();
  assert.ok(!/^…?[，。、；：]/.test(excerpt), `the excerpt starts at no punctuation: ${excerpt}`);

  // A sub-result opens the article at its match: the find bar counts from there.
  await clickKey(page, `subresult:${seed}:1`);
  await waitForState(page, { view: 'article', articleId: seed });
  assert.deepEqual(errors, []);
});

// Issue #17 item 2: filters with counts, in the fragment, the archive without a query, the mirror's links.
test('search: filters by category and date, with counts, in the fragment and the mirror', async (t) => {
  const site = await serveBuild(webDir);
  const browser = await launchChromium();
  t.after(async () => { await browser.close(); await site.close(); });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = collectErrors(page);
  await page.goto(`${site.url}index.html#/search/?category=weiquan-tishi&year=2024`);
  await waitForReader(page);
  await waitForState(page, { view: 'search' });
  // 維權提示 takes 消費警示 in: one article of each in 2024.
  await page.waitForFunction(() => window.reader.list().length === 2);
  const years = page.locator('[data-reader-mirror] ul[aria-label="年份"]');
  await years.locator('a[aria-current="true"]').waitFor({ state: 'attached' });
  assert.equal(await years.locator('a[aria-current="true"]').textContent(), '2024 (2)');
  assert.deepEqual(await page.locator('[data-reader-mirror] ul[aria-label="月份"] a').allTextContents(), ['全部', '1月 (1)', '11月 (1)']);
  fs.writeFileSync(screenshotPath('search-filters.png'), await page.locator('canvas').first().screenshot());

  await clickKey(page, 'filter:month:1');
  await page.waitForFunction(() => location.hash === '#/search/?category=weiquan-tishi&year=2024&month=1');
  await page.waitForFunction(() => window.reader.list().length === 1);
  // A mirror link is a filter too: 全部 years again.
  await page.locator('[data-reader-mirror] ul[aria-label="年份"] a', { hasText: '全部' }).evaluate((a) => a.click());
  await page.waitForFunction(() => location.hash === '#/search/?category=weiquan-tishi');
  await page.waitForFunction(() => window.reader.list().length === 6);
  assert.deepEqual(errors, []);
});
