// Hostile text in the page's mirror (issue #19 item 4): a letter with half a million combining marks
// is one grapheme cluster; the mirror gets it capped as the canvas draws it (core::capClusters: 32
// code points and an ellipsis), so the page's DOM never holds the megabyte that crashed Chromium.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectErrors, launchChromium, serveBuild, waitForReader, waitForState, webDir } from './lib/browser.mjs';

const marks = (count) => 'a' + '\u0301'.repeat(count);
const bundle = JSON.stringify({
  format: { name: 'article-reader-bundle', version: '1.0' },
  site: { name: '測試', locale: 'zh-Hant' },
  categories: [{ id: 'news', name: '消息' }],
  articles: [{ id: 'marks', category: 'news', title: `標題${marks(500000)}`, published: '2024-03-15T09:30:00+08:00', body: [marks(500000)] }],
});

test('mirror: a cluster of half a million combining marks reaches the page capped', async (t) => {
  const site = await serveBuild(webDir, { extraFiles: { 'marks.json': bundle } });
  const browser = await launchChromium();
  t.after(async () => { await browser.close(); await site.close(); });
  const page = await browser.newPage({ viewport: { width: 1024, height: 768 } });
  const errors = collectErrors(page);
  const mirrorText = () => page.evaluate(() => document.querySelector('[data-reader-mirror]').textContent);

  try {
    await page.goto(`${site.url}index.html?bundle=marks.json`);
    await waitForReader(page);
    await page.waitForFunction(() => document.querySelector('[data-reader-mirror] a[data-article="marks"]'));
    const title = await page.evaluate(() => document.querySelector('[data-reader-mirror] a[data-article="marks"]').textContent);
    // The cluster capped (32 code points and …), then the title cut where one line of the list ends (…).
    assert.equal(title, `標題${marks(31)}\u2026\u2026`);

    await page.evaluate(() => window.reader.open('marks'));
    await waitForState(page, { view: 'article', articleId: 'marks' });
    await page.waitForFunction(() => document.querySelector('[data-reader-mirror] p'), null, { timeout: 20000 });
    const paragraphs = await page.evaluate(() => [...document.querySelectorAll('[data-reader-mirror] p')].map((p) => p.textContent));
    assert.ok(paragraphs.includes(`${marks(31)}\u2026`), `no capped paragraph among ${paragraphs.length} paragraphs`);
    const length = (await mirrorText()).length;
    assert.ok(length < 2000, `the mirror holds ${length} characters`);
  } catch (err) {
    if (errors.length) err.message += `\npage errors:\n${errors.join('\n')}`;
    throw err;
  }
  assert.deepEqual(errors, [], 'uncaught page errors');
});
