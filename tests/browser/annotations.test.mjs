// Highlights, notes and bookmarks on the web (issue #17): made on the canvas, told to the page as
// events, kept in IndexedDB across a reload, a script switch and a bundle update that inserts a
// paragraph before them, shown in the mirror as <mark>; exported as JSON and imported into a fresh
// profile; a bad import refused with its reason, nothing stored lost.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import {
  clickKey, collectErrors, launchChromium, screenshotPath, serveBuild, waitForReader, waitForState, webDir,
} from './lib/browser.mjs';

const SEED = '2023-08-17-zhishichanquan-lianxi-huiyi';
const sample = fs.readFileSync(path.join(webDir, 'sample-bundle.json'), 'utf8');

// The sample with a paragraph put before the seed article's first.
function withParagraphInserted() {
  const bundle = JSON.parse(sample);
  bundle.articles.find((a) => a.id === SEED).body.unshift('本文於今日更新，新增此段說明。');
  return JSON.stringify(bundle);
}

// A drag along the first line of body paragraph 0, then a click on a swatch.
async function highlightFirstLine(page, color) {
  const para = await page.evaluate(() => window.reader.itemRect('paragraph:0'));
  const y = para.y + 22;
  await page.mouse.move(para.x + 40, y);
  await page.mouse.down();
  await page.mouse.move(para.x + 200, y, { steps: 4 });
  await page.mouse.move(para.x + 320, y, { steps: 4 });
  await page.mouse.up();
  await page.waitForTimeout(200);
  const before = await page.evaluate(() => window.reader.annotations().length);
  await clickKey(page, `highlight:${color}`);
  await page.waitForFunction((n) => window.reader.annotations().length > n, before);
}

const marks = (page) => page.evaluate(() => [...document.querySelectorAll('[data-reader-mirror] mark[data-color], article mark[data-color]')]
  .map((m) => ({ text: m.textContent, color: m.dataset.color, paragraph: m.closest('[data-paragraph]')?.dataset.paragraph })));

test('annotations: a highlight made on the canvas survives a reload, a script switch and a bundle update; events tell the page', async (t) => {
  const site = await serveBuild(webDir);
  const browser = await launchChromium();
  t.after(async () => { await browser.close(); await site.close(); });
  const context = await browser.newContext({ viewport: { width: 1100, height: 800 } });
  let updated = false;
  await context.route('**/sample-bundle.json', (route) => (updated
    ? route.fulfill({ status: 200, contentType: 'application/json', body: withParagraphInserted() }) : route.continue()));
  const page = await context.newPage();
  const errors = collectErrors(page);
  await page.goto(`${site.url}index.html?offline=0#/article/${SEED}`);
  await waitForReader(page);
  await waitForState(page, { view: 'article', articleId: SEED });
  await page.evaluate(() => {
    window.events = [];
    for (const name of ['highlight', 'note', 'bookmark']) window.reader.on(name, (detail) => window.events.push({ name, ...detail }));
  });

  await highlightFirstLine(page, 'green');
  const [made] = await page.evaluate(() => window.reader.annotations());
  assert.ok(made, 'one annotation');
  assert.equal(made.type, 'Annotation');
  assert.equal(made.motivation, 'highlighting');
  assert.ok(made.target.source.endsWith(`/sample-bundle.json#/article/${SEED}`), made.target.source);
  const quote = made.target.selector.find((s) => s.type === 'TextQuoteSelector');
  assert.ok(quote.exact.length >= 4, `a quote: ${quote.exact}`);
  assert.ok(!/[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]\)/.test(quote.exact), 'no pinyin in the quote');
  const events = await page.evaluate(() => window.events);
  assert.deepEqual(events.map((e) => `${e.name} ${e.action}`), ['highlight added']);
  assert.equal(events[0].annotation.id, made.id);
  await page.waitForTimeout(300);
  assert.deepEqual((await marks(page)).map((m) => m.text).join(''), quote.exact, 'the mirror marks the quote');
  fs.writeFileSync(screenshotPath('annotations-highlight.png'), await page.screenshot());

  // The bookmark, then the panel (a picture of it).
  await clickKey(page, 'bookmark');
  await page.waitForFunction(() => window.reader.annotations().length === 2);
  await clickKey(page, 'annotations');
  await page.waitForTimeout(300);
  fs.writeFileSync(screenshotPath('annotations-panel.png'), await page.screenshot());
  await clickKey(page, 'annotations:close');

  // A reload reads them back from IndexedDB.
  await page.reload();
  await waitForReader(page);
  await waitForState(page, { view: 'article', articleId: SEED });
  const afterReload = await page.evaluate(() => window.reader.annotations());
  assert.deepEqual(afterReload.map((a) => a.id).sort(), [made.id, afterReload.find((a) => a.motivation === 'bookmarking').id].sort());
  await page.waitForTimeout(300);
  assert.equal((await marks(page)).map((m) => m.text).join(''), quote.exact);

  // The other script: the same passage is marked, in its Simplified letters.
  assert.ok(await page.evaluate(() => window.reader.setOptions({ script: 'simplified' })));
  await page.waitForFunction(() => document.documentElement.querySelector('article')?.textContent.includes('会议'), null, { timeout: 10000 });
  await page.waitForTimeout(300);
  const simplified = await marks(page);
  assert.equal([...simplified.map((m) => m.text).join('')].length, [...quote.exact].length, 'as long as the quote');
  assert.equal(simplified[0].paragraph, '0');
  assert.ok(await page.evaluate(() => window.reader.setOptions({ script: 'original' })));

  // A bundle update puts a paragraph before it: it is found by its quote in what is now paragraph 1.
  updated = true;
  assert.equal(await page.evaluate(() => window.reader.load('sample-bundle.json')), null);
  await page.waitForTimeout(500);
  const moved = await marks(page);
  assert.equal(moved.map((m) => m.text).join(''), quote.exact);
  assert.ok(moved.every((m) => m.paragraph === '1'), JSON.stringify(moved));
  assert.deepEqual(errors, []);
});

test('annotations: exported JSON imports into a fresh profile; a bad file is refused and nothing is lost', async (t) => {
  const site = await serveBuild(webDir);
  const browser = await launchChromium();
  t.after(async () => { await browser.close(); await site.close(); });
  const first = await browser.newContext({ viewport: { width: 1100, height: 800 } });
  const page = await first.newPage();
  const errors = collectErrors(page);
  await page.goto(`${site.url}index.html?offline=0#/article/${SEED}`);
  await waitForReader(page);
  await waitForState(page, { view: 'article', articleId: SEED });
  await highlightFirstLine(page, 'pink');
  // The panel's JSON export is a download of what annotations() gives.
  await clickKey(page, 'annotations');
  const [download] = await Promise.all([page.waitForEvent('download'), clickKey(page, 'annotations:export:json')]);
  assert.equal(download.suggestedFilename(), 'annotations.json');
  const exported = fs.readFileSync(await download.path(), 'utf8');
  assert.deepEqual(JSON.parse(exported), await page.evaluate(() => window.reader.annotations()));
  const [markdown] = await Promise.all([page.waitForEvent('download'), clickKey(page, 'annotations:export:md')]);
  const md = fs.readFileSync(await markdown.path(), 'utf8');
  assert.match(md, new RegExp(`index\\.html\\?offline=0#/article/${SEED}`), 'a deep link to the article');
  assert.match(md, /^> /m, 'the quote');
  assert.deepEqual(errors, []);

  const fresh = await browser.newContext({ viewport: { width: 1100, height: 800 } });
  const other = await fresh.newPage();
  const otherErrors = collectErrors(other);
  await other.goto(`${site.url}index.html?offline=0#/article/${SEED}`);
  await waitForReader(other);
  assert.deepEqual(await other.evaluate(() => window.reader.annotations()), []);
  // The panel's 匯入 picks the exported file.
  await other.evaluate((id) => window.reader.open(id), SEED);
  await clickKey(other, 'annotations');
  const [chooser] = await Promise.all([other.waitForEvent('filechooser'), clickKey(other, 'annotations:import')]);
  await chooser.setFiles({ name: 'annotations.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
  await other.waitForFunction(() => window.reader.annotations().length === 1);
  assert.deepEqual(await other.evaluate((text) => window.reader.importAnnotations(text), exported), { ok: true, added: 0, updated: 0, unchanged: 1 },
    'imported again: no duplicate');
  // Not JSON, another site's, too large: refused with the reason; what is stored stays.
  const notJson = await other.evaluate(() => window.reader.importAnnotations('[{"id": '));
  assert.equal(notJson.ok, false);
  assert.match(notJson.error, /^line 1, column \d+: /);
  const elsewhere = await other.evaluate((text) => window.reader.importAnnotations(text.replaceAll(location.origin, 'https://elsewhere.example')), exported);
  assert.equal(elsewhere.ok, false);
  assert.match(elsewhere.error, /annotations of https:\/\/elsewhere\.example, not of http:\/\/127\.0\.0\.1:\d+/);
  const huge = await other.evaluate(() => window.reader.importAnnotations(' '.repeat(10 * 1024 * 1024 + 1)));
  assert.match(huge.error, /exceeds the limit of 10485760 bytes/);
  assert.equal((await other.evaluate(() => window.reader.annotations())).length, 1);
  await other.reload();
  await waitForReader(other);
  assert.equal((await other.evaluate(() => window.reader.annotations())).length, 1, 'the import was stored');
  assert.deepEqual(otherErrors, []);
});
