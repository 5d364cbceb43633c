// Issue #17's budget for highlights: opening an article with 1,000 of them adds at most 5 ms to its
// first frame. The seed article of the sample bundle is opened (another one in between, so that its
// layout and its highlights are made anew each time) without highlights, then with 1,000 imported
// ones spread over its text; each time the CPU time of the first frame that draws it is read from
// reader.frameTimes().
import fs from 'node:fs';
import path from 'node:path';
import { openReader } from './site.mjs';
import { median } from './stats.mjs';

const RUNS = 15;
const HIGHLIGHTS = 1000;
const READING = /\(([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+)\)/g;  // inline pinyin after a character

// 1,000 highlights of 4 characters spread over the article's base text (readings out, texts joined
// by line breaks), as the reader makes them: quote with context, and position.
function highlightsOf(article, source) {
  const texts = article.body.filter((t) => typeof t === 'string').map((t) => t.replace(READING, ''));
  const text = [...texts.join('\n')];
  const out = [];
  for (let i = 0; i < HIGHLIGHTS; i++) {
    const start = Math.floor((i * (text.length - 8)) / HIGHLIGHTS);
    const slice = (a, b) => text.slice(Math.max(0, a), Math.max(0, b)).join('');
    out.push({
      '@context': 'http://www.w3.org/ns/anno.jsonld', id: `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      type: 'Annotation', motivation: 'highlighting', created: '2026-12-07T00:00:00Z', modified: '2026-12-07T00:00:00Z',
      body: [{ type: 'TextualBody', purpose: 'tagging', value: ['yellow', 'green', 'blue', 'pink'][i % 4] }],
      target: { source: `${source}#/article/${encodeURIComponent(article.id)}`, selector: [
        { type: 'TextQuoteSelector', exact: slice(start, start + 4), prefix: slice(start - 32, start), suffix: slice(start + 4, start + 36) },
        { type: 'TextPositionSelector', start, end: start + 4 }] },
    });
  }
  return out;
}

// The first frame's CPU time after opening `id`, RUNS times (another article opened in between).
async function firstFrames(page, id, otherId) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    await page.evaluate((other) => window.reader.open(other), otherId);
    await page.waitForTimeout(150);
    const before = await page.evaluate(() => window.reader.framesDrawn());
    await page.evaluate((articleId) => window.reader.open(articleId), id);
    await page.waitForFunction((n) => window.reader.framesDrawn() > n, before);
    await page.waitForTimeout(150);
    times.push(await page.evaluate((n) => {
      const drawn = window.reader.framesDrawn() - n;
      const frames = window.reader.frameTimes();
      return frames[frames.length - drawn];
    }, before));
  }
  return times;
}

export async function highlightsFirstFrame(browser, url, webDir) {
  const sample = JSON.parse(fs.readFileSync(path.join(webDir, 'sample-bundle.json'), 'utf8'));
  const seed = sample.articles.find((a) => a.title.startsWith('2023年(nián)第一(yī)次'));
  const other = sample.articles.find((a) => a.id !== seed.id);
  const { context, page } = await openReader(browser, `${url}index.html?hashRouting=0&offline=0`);
  try {
    const without = await firstFrames(page, seed.id, other.id);
    const source = new URL('sample-bundle.json', url).href;
    const imported = await page.evaluate((json) => window.reader.importAnnotations(json), JSON.stringify(highlightsOf(seed, source)));
    if (!imported.ok || imported.added !== HIGHLIGHTS) throw new Error(`the highlights were not imported: ${JSON.stringify(imported)}`);
    const withHighlights = await firstFrames(page, seed.id, other.id);
    const marked = await page.evaluate(() => document.querySelectorAll('mark[data-color]').length);
    return { highlights: HIGHLIGHTS, marked, runs: RUNS, withoutMs: median(without), withMs: median(withHighlights), without, with: withHighlights };
  } finally {
    await context.close();
  }
}
