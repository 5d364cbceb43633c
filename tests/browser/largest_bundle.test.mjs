// The largest bundle that works on the web (issue #19 item 2; data/README.md, "Memory"): what the
// limits let through at their heaviest for the module's memory, a file just under the size limit
// (256 MiB) holding just under the bundle-wide text limit (4,000,000 texts) and one article at the
// article text limit (4 MiB) of Latin letters (one code point a byte: the most glyphs to lay out
// and the most index positions a byte can bring). It must load, index, find, open that article and
// stay under the memory bound the docs give, with no page error.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectErrors, launchChromium, screenshotPath, serveBuild, waitForState, webDir } from './lib/browser.mjs';

const MiB = 1 << 20;
const SIZE_LIMIT = 256 * MiB, TEXT_LIMIT = 4_000_000, ARTICLE_TEXT_LIMIT = 4 * MiB;
const HEAP_BOUND = 1.25 * 1024 * MiB;  // data/README.md, "Memory": what any accepted bundle stays under
const NEEDLE = '最大的文件在此';

// Deterministic filler: words of random letters (mulberry32), so the index sees many distinct pairs.
function letters(seed) {
  let a = seed;
  const next = () => {
    a = (a + 0x6D2B79F5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return (length) => {
    let s = '';
    while (s.length < length) s += 'abcdefghijklmnopqrstuvwxyz '[Math.floor(next() * 27)];
    return s;
  };
}

function largestBundle() {
  const text = letters(19);
  const head = '{"format":{"name":"article-reader-bundle","version":"1.2"},"site":{"name":"測試","locale":"zh-Hant"},' +
    '"categories":[{"id":"news","name":"消息"}],"articles":[';
  const article = (i, body) => JSON.stringify({
    id: `a${i}`, category: 'news', title: `第${i}號`, published: new Date(Date.UTC(2020, 0, 1) + i * 3600e3).toISOString().slice(0, 19) + '+08:00', body,
  });
  // The long article: paragraphs of 24,000 letters up to just under 4 MiB.
  const long = [];
  for (let bytes = 0; bytes + 24000 <= ARTICLE_TEXT_LIMIT; bytes += 24000) long.push(text(24000));
  const parts = [Buffer.from(head), Buffer.from(article(0, long))];
  let size = parts[0].length + parts[1].length + 2, texts = long.length, i = 1;
  // Then articles of 9,990 paragraphs of 60 letters, while the file and the text count allow.
  for (;;) {
    const body = Array.from({ length: 9990 }, () => text(60));
    if (texts + body.length > TEXT_LIMIT - 10) break;
    const last = texts + 2 * body.length > TEXT_LIMIT - 10;
    if (last) body[body.length - 1] = `${NEEDLE} ${body[body.length - 1]}`;
    const one = Buffer.from(`,${article(i, body)}`);
    if (size + one.length > SIZE_LIMIT) break;
    parts.push(one);
    size += one.length;
    texts += body.length;
    i++;
  }
  parts.push(Buffer.from(']}'));
  return { bytes: Buffer.concat(parts), articles: i, texts };
}

test('the largest bundle the limits let through loads, searches and opens within the memory bound', async (t) => {
  const bundle = largestBundle();
  assert.ok(bundle.bytes.length > 240 * MiB && bundle.bytes.length <= SIZE_LIMIT, `${bundle.bytes.length} bytes`);
  assert.ok(bundle.texts > 3_900_000, `${bundle.texts} texts`);
  const site = await serveBuild(webDir, { extraFiles: { 'largest.json': bundle.bytes } });
  const browser = await launchChromium();
  t.after(async () => { await browser.close(); await site.close(); });
  const page = await browser.newPage({ viewport: { width: 1024, height: 768 } });
  const errors = collectErrors(page);
  let crashed = false;
  page.on('crash', () => { crashed = true; });

  try {
    await page.goto(`${site.url}index.html?bundle=largest.json`);
    await page.waitForFunction(() => window.reader && window.reader.loadStats().articles > 0, null, { timeout: 90000, polling: 250 });
    await page.waitForFunction(() => !window.reader.loadStats().indexing, null, { timeout: 90000, polling: 250 });
    const stats = await page.evaluate(() => window.reader.loadStats());
    assert.equal(stats.articles, bundle.articles);
    assert.equal(stats.bytes, bundle.bytes.length);

    const found = await page.evaluate((q) => window.reader.search(q), NEEDLE);
    assert.deepEqual(found, [`a${bundle.articles - 1}`]);

    await page.evaluate(() => window.reader.open('a0'));
    await waitForState(page, { view: 'article', articleId: 'a0' }, { timeout: 30000 });
    await page.waitForFunction(() => document.querySelectorAll('[data-reader-mirror] p').length > 100, null, { timeout: 30000 });
    await page.screenshot({ path: screenshotPath('largest-bundle-article.png') });
    const heap = await page.evaluate(() => window.reader.loadStats().heapBytes);
    console.log(`largest bundle: ${(bundle.bytes.length / MiB).toFixed(1)} MiB, ${bundle.articles} articles, ${bundle.texts} texts; ` +
      `index ${(stats.searchIndexBytes / MiB).toFixed(0)} MiB; heap ${(heap / MiB).toFixed(0)} MiB after opening the 4 MiB article`);
    assert.ok(heap <= HEAP_BOUND, `heap ${heap} bytes over the bound of ${HEAP_BOUND}`);
    assert.ok(!crashed, 'the page crashed');
    assert.deepEqual(errors, []);
  } catch (err) {
    if (errors.length) err.message += `\npage errors:\n${errors.join('\n')}`;
    throw err;
  }
});
