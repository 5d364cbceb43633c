// Format 1.2 in the web reader: a bundle with every block (tests/fixtures/rich/rich-bundle.json)
// loads, its article draws, and the text mirror (shell/mirror.js) holds its structure as HTML:
// <h2>/<h3>, <figure> with <img alt> and <figcaption>, <ol>/<ul>, <table> with <th scope>, safe
// links only, <strong>, the attachment as a link with its type and size.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  clickKey, collectErrors, colourCounts, launchChromium, screenshotPath, serveBuild, waitForReader, waitForState, webDir,
} from './lib/browser.mjs';
import { makePng } from './lib/figures.mjs';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const fixture = fs.readFileSync(path.join(repoRoot, 'tests/fixtures/rich/rich-bundle.json'), 'utf8');
// The figure's image (the reader fetches it now): made here, never committed.
const chart = makePng(1200, 600, [60, 90, 200]);

test('rich content: a 1.2 bundle opens and its mirror holds headings, figure, lists, table, links, attachment', async (t) => {
  const site = await serveBuild(webDir, { extraFiles: { 'rich-bundle.json': fixture, 'images/chart.png': chart } });
  const browser = await launchChromium();
  t.after(async () => { await browser.close(); await site.close(); });
  const page = await browser.newPage({ viewport: { width: 1000, height: 1400 } });
  const errors = collectErrors(page);
  await page.goto(`${site.url}index.html?bundle=rich-bundle.json`);
  await waitForReader(page);
  await page.evaluate(() => window.reader.open('rich'));
  await waitForState(page, { view: 'article', articleId: 'rich' });
  await page.waitForFunction(() => document.querySelector('[data-reader-mirror] h2'));
  const mirror = page.locator('[data-reader-mirror]');

  assert.equal(await mirror.locator('h2').textContent(), '投訴分類');
  assert.equal(await mirror.locator('h3').textContent(), '消費提示');

  const img = mirror.locator('figure img:not([data-print-image])');
  assert.equal(await img.getAttribute('alt'), '各類投訴件數柱狀圖');
  assert.equal(await img.getAttribute('width'), '1200');
  assert.equal(await img.getAttribute('height'), '600');
  assert.equal(await img.getAttribute('src'), null);  // the canvas draws images; the mirror names them
  // The printed copy: lazy, never displayed on screen, hidden from screen readers (they have the one above).
  const printed = mirror.locator('figure img[data-print-image]');
  assert.equal(await printed.getAttribute('src'), `${site.url}images/chart.png`);
  assert.equal(await printed.getAttribute('aria-hidden'), 'true');
  assert.equal(await printed.evaluate((i) => getComputedStyle(i).display), 'none');
  assert.equal(await mirror.locator('figure figcaption').textContent(), '圖一 各類投訴件數中心製圖');

  assert.equal(await mirror.locator('ol > li').count(), 2);
  assert.equal(await mirror.locator('ul:not(nav ul):not([data-mirror-part] ul) > li').count(), 2);
  assert.equal(await mirror.locator('blockquote').count(), 1);

  const table = mirror.locator('table');
  assert.equal(await table.locator('caption').textContent(), '表一 各類投訴件數');
  assert.deepEqual(await table.locator('thead th').evaluateAll((cells) => cells.map((c) => [c.textContent, c.getAttribute('scope')])),
    [['類別', 'col'], ['件數', 'col'], ['佔比', 'col']]);
  assert.deepEqual(await table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.children.length)), [3, 3, 3]);
  assert.equal(await table.locator('tbody tr').nth(1).locator('td').first().textContent(), '家用電器及維修服務');

  // Inline links and strong runs; every link in the article has a safe scheme.
  assert.equal(await mirror.locator('article a[href="tel:12315"]').textContent(), '12315');
  assert.equal(await mirror.locator('article a[href="https://example.org/"]').textContent(), '中心網站');
  assert.equal(await mirror.locator('article strong').textContent(), '切勿');
  const hrefs = await mirror.locator('article a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  for (const href of hrefs) assert.match(href, /^(https?:|mailto:|tel:|#\/)/, `an unsafe link in the mirror: ${href}`);

  const attachment = mirror.locator('article a[type="application/pdf"]');
  assert.equal(await attachment.getAttribute('href'), 'https://example.org/files/report-2025.pdf');
  assert.equal(await attachment.textContent(), '2025年度投訴分析報告.pdf');
  assert.equal(await attachment.locator('xpath=..').textContent(), '2025年度投訴分析報告.pdf (PDF, 240 KB)');
  assert.equal(await mirror.locator('article a[href="https://example.org/v/1"]').textContent(), '3·15宣傳片');

  // Every body text is a find-in-page target, numbered as the canvas numbers them.
  const article = JSON.parse(fixture).articles[0];
  const numbered = await mirror.locator('article [data-paragraph]').count();
  assert.equal(numbered, 26, `body texts in the mirror (${article.body.length} entries)`);

  await page.screenshot({ path: screenshotPath('rich-content.png') });
  assert.deepEqual(errors, []);
});

test("rich content: an attachment beside the bundle opens from the bundle's folder, from the canvas and the mirror", async (t) => {
  const bundle = JSON.parse(fixture);
  const entry = bundle.articles[0].body.find((b) => b.type === 'attachment');
  entry.href = 'files/report-2025.pdf';
  const site = await serveBuild(webDir, { extraFiles: {
    'news/rich.json': JSON.stringify(bundle),
    'news/images/chart.png': chart,
    'news/files/report-2025.pdf': '%PDF-1.4\n%%EOF\n',
  } });
  const browser = await launchChromium();
  t.after(async () => { await browser.close(); await site.close(); });
  const page = await browser.newPage({ viewport: { width: 1000, height: 2400 } });
  const errors = collectErrors(page);
  await page.goto(`${site.url}index.html?bundle=news/rich.json`);
  await waitForReader(page);
  await page.evaluate(() => window.reader.open('rich'));
  await waitForState(page, { view: 'article', articleId: 'rich' });
  const want = `${site.url}news/files/report-2025.pdf`;
  const link = page.locator('[data-reader-mirror] article a[type="application/pdf"]');
  await link.waitFor({ state: 'attached' });
  assert.equal(await link.getAttribute('href'), want, 'the mirror links the file beside the bundle');

  // A click on the attachment's line in the canvas opens the same file in a new browsing context.
  const paragraph = await link.locator('[data-paragraph]').getAttribute('data-paragraph');
  const rect = await page.waitForFunction((key) => window.reader.itemRect(key), `paragraph:${paragraph}`).then((h) => h.jsonValue());
  const canvas = await page.locator('canvas').first().boundingBox();
  assert.ok(rect.y + rect.h < canvas.height, `the attachment is on screen (${JSON.stringify(rect)})`);
  const requested = new Promise((resolve) => page.context().on('request', (r) => { if (r.url() === want) resolve(r); }));
  const popup = page.waitForEvent('popup');
  await page.mouse.click(canvas.x + rect.x + 20, canvas.y + rect.y + rect.h / 2);
  await popup;
  assert.equal((await requested).frame().page() === page, false, 'opened in a new browsing context, not in the reader\'s page');
  assert.deepEqual(errors, []);
});

test('rich content: a link run is drawn in the link colour and opens from the canvas; a result says it matched in a table', async (t) => {
  const site = await serveBuild(webDir, { extraFiles: { 'rich-bundle.json': fixture, 'images/chart.png': chart } });
  const browser = await launchChromium();
  t.after(async () => { await browser.close(); await site.close(); });
  const page = await browser.newPage({ viewport: { width: 1000, height: 2400 } });
  const errors = collectErrors(page);
  await page.goto(`${site.url}index.html?bundle=rich-bundle.json`);
  await page.context().route('https://example.org/**', (route) => route.fulfill({ contentType: 'text/html', body: '<title>linked</title>' }));
  await waitForReader(page);
  await page.evaluate(() => window.reader.open('rich'));
  await waitForState(page, { view: 'article', articleId: 'rich' });
  const canvas = await page.locator('canvas').first().boundingBox();
  // A word found only in a table cell: the result row is marked 表格.
  await clickKey(page, 'search');
  await page.waitForTimeout(200);  // the search box's input takes focus
  await page.keyboard.type('維修服務', { delay: 30 });
  await waitForState(page, { view: 'search' });
  await page.waitForTimeout(300);
  const row = await page.evaluate(() => window.reader.itemRect('result:rich'));
  assert.ok(row, 'the article is a result');
  fs.writeFileSync(screenshotPath('rich-result-in-table.png'), await page.screenshot({ clip: { x: canvas.x + row.x, y: canvas.y + row.y, width: row.w, height: row.h } }));
  // The mirror's result says the same for screen readers: where, and the hit marked.
  const result = page.locator('[data-reader-mirror] li:has(a[data-article="rich"])');
  await result.locator('p > mark').waitFor({ state: 'attached' });
  assert.equal(await result.locator('p > mark').textContent(), '維修服務');
  assert.equal(await result.locator('p > span').textContent(), '表格');
  await page.evaluate(() => window.reader.open('rich'));
  await waitForState(page, { view: 'article', articleId: 'rich' });
  const link = page.locator('[data-reader-mirror] article a[href="https://example.org/"]');
  await link.waitFor({ state: 'attached' });
  const paragraph = await link.locator('xpath=ancestor::*[@data-paragraph][1]').getAttribute('data-paragraph');
  const rect = await page.waitForFunction((key) => window.reader.itemRect(key), `paragraph:${paragraph}`).then((h) => h.jsonValue());
  const clip = { x: canvas.x + rect.x, y: canvas.y + rect.y, width: Math.min(rect.w, 400), height: Math.min(rect.h, 60) };
  const shot = await page.screenshot({ clip });
  fs.writeFileSync(screenshotPath('rich-inline-link.png'), shot);
  // The light theme's link colour (ui/theme.cpp) is on the link's glyphs and its underline.
  assert.ok((colourCounts(shot).get('23,82,160') || 0) > 20, 'the link is drawn in the link colour');

  // "詳見" is two characters after the first line's two-em indent; the link follows them.
  const em = 18, x = canvas.x + rect.x + em * 5, y = clip.y + 22;
  const popup = page.waitForEvent('popup');
  await page.mouse.click(x, y);
  const opened = await popup;
  await opened.waitForLoadState();
  assert.equal(opened.url(), 'https://example.org/');

  assert.deepEqual(errors, []);
});

test('rich content: printing prints the figure\'s image and the table, from the mirror', async (t) => {
  const site = await serveBuild(webDir, { extraFiles: { 'rich-bundle.json': fixture, 'images/chart.png': chart } });
  const browser = await launchChromium();
  t.after(async () => { await browser.close(); await site.close(); });
  const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
  const errors = collectErrors(page);
  const imageRequests = [];
  page.on('request', (r) => { if (r.resourceType() === 'image' && r.url().endsWith('/images/chart.png')) imageRequests.push(r.url()); });
  await page.goto(`${site.url}index.html?bundle=rich-bundle.json`);
  await waitForReader(page);
  await page.evaluate(() => window.reader.open('rich'));
  await waitForState(page, { view: 'article', articleId: 'rich' });
  await page.waitForFunction(() => document.querySelector('[data-reader-mirror] img[data-print-image]'));
  await page.waitForTimeout(500);
  assert.deepEqual(imageRequests, [], 'on screen the mirror loads no image (the canvas fetched its own)');

  await page.emulateMedia({ media: 'print' });
  const box = await page.locator('[data-reader-mirror] img[data-print-image]').boundingBox();
  assert.ok(box && box.width > 100 && box.height > 50, `the printed image has a size: ${JSON.stringify(box)}`);
  const cell = await page.locator('[data-reader-mirror] table td').first().evaluate((td) => getComputedStyle(td).borderTopStyle);
  assert.equal(cell, 'solid', 'table cells are ruled in print');
  await page.pdf({ path: screenshotPath('rich-print.pdf') });
  assert.equal(imageRequests.length, 1, 'printing loaded the figure\'s image');
  assert.deepEqual(errors, []);
});
