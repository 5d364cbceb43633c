// The image rows of ./dev bench (issue #15 item 2): an article with 12 figures of 800x400 beside
// the same article without them (tests/browser/lib/figures.mjs): how soon its text is on screen,
// how many figures are fetched before the reader scrolls, the worst frame's CPU while figures
// arrive, texture bytes against the budget, and the wasm heap before and after every image.
import { serveBuild } from '../browser/lib/browser.mjs';
import { figureBundle, settleImages } from '../browser/lib/figures.mjs';
import { median } from './stats.mjs';

const RUNS = 9;  // pages per article: the time to the text varies by 50% from page to page here

// ms from reader.open() to the end of the reader's frame that drew the article's text: an
// animation frame callback asked for after open() runs after the reader's own in the same frame.
async function openArticleMs(page) {
  return page.evaluate(() => new Promise((resolve) => {
    const framesBefore = window.reader.framesDrawn();
    const start = performance.now();
    window.reader.open('figures');
    const poll = () => {
      if (window.reader.framesDrawn() > framesBefore) resolve(performance.now() - start);
      else requestAnimationFrame(poll);
    };
    requestAnimationFrame(poll);
  }));
}

async function openPage(browser, site, bundle) {
  const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
  const fetched = new Set();
  page.on('request', (req) => { if (/\/figs\//.test(req.url())) fetched.add(new URL(req.url()).pathname); });
  await page.goto(`${site.url}index.html?bundle=${bundle}`);
  await page.waitForFunction(() => Boolean(window.reader && window.reader.ready));
  await page.evaluate(() => window.reader.ready.then(() => true));
  return { page, fetched };
}

export async function measureImages(browser, webDir) {
  const withFigures = figureBundle(12), without = figureBundle(0);
  const site = await serveBuild(webDir, { extraFiles: {
    'figures.json': JSON.stringify(withFigures.bundle), 'no-figures.json': JSON.stringify(without.bundle), ...withFigures.files,
  } });
  try {
    const textMs = { figures: [], plain: [] };
    for (let run = 0; run < RUNS; run++) {
      for (const [key, bundle] of [['figures', 'figures.json'], ['plain', 'no-figures.json']]) {
        const { page } = await openPage(browser, site, bundle);
        textMs[key].push(await openArticleMs(page));
        await page.close();
      }
    }
    // One more visit, followed to the end: what is fetched, frames while figures arrive, memory.
    const { page, fetched } = await openPage(browser, site, 'figures.json');
    const heapBefore = (await page.evaluate(() => window.reader.loadStats())).heapBytes;
    await openArticleMs(page);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
    // Frames after the one that drew the text: those that upload the figures as they arrive.
    const framesBefore = await page.evaluate(() => window.reader.framesDrawn());
    const first = await settleImages(page, 200);
    const fetchedBeforeScroll = fetched.size;
    const [framesAfter, times] = await page.evaluate(() => [window.reader.framesDrawn(), window.reader.frameTimes()]);
    const arrivalFrames = times.slice(-(framesAfter - framesBefore));
    const box = await page.locator('canvas').first().boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    let maxBytes = first.bytes;
    for (let i = 0; i < 60; i++) {
      await page.mouse.wheel(0, 200);
      await page.waitForTimeout(30);
      maxBytes = Math.max(maxBytes, (await page.evaluate(() => window.reader.imageStats())).bytes);
    }
    const last = await settleImages(page, 200);
    const heapAfter = (await page.evaluate(() => window.reader.loadStats())).heapBytes;
    await page.close();
    return {
      textMsWithFigures: median(textMs.figures), textMsWithout: median(textMs.plain), runs: RUNS,
      fetchedBeforeScroll, figures: 12, fetchedAfterScroll: fetched.size,
      worstArrivalFrameMs: Math.max(...arrivalFrames), arrivalFrames: arrivalFrames.length, arrivalFrameMs: arrivalFrames,
      textureBytesMax: Math.max(maxBytes, last.bytes), budget: last.budget, heapChangeBytes: heapAfter - heapBefore,
    };
  } finally {
    await site.close();
  }
}

// The rows of the report.
export function imageRows(r) {
  const mb = (n) => `${(n / 2 ** 20).toFixed(1)} MB`;
  return [
    `12-figure article, text on screen: ${r.textMsWithFigures.toFixed(0)} ms vs ${r.textMsWithout.toFixed(0)} ms without figures, ` +
      `ratio ${(r.textMsWithFigures / r.textMsWithout).toFixed(2)}x (target within 1.10x; median of ${r.runs})`,
    `figures fetched before scrolling: ${r.fetchedBeforeScroll} of ${r.figures} (only those within a screen); after scrolling to the end: ${r.fetchedAfterScroll}`,
    `worst frame CPU while figures arrive: ${r.worstArrivalFrameMs.toFixed(1)} ms over ${r.arrivalFrames} frames (target <= 16 ms): ${r.arrivalFrameMs.map((ms) => ms.toFixed(1)).join(' ')}`,
    `texture bytes at most: ${mb(r.textureBytesMax)} of the ${mb(r.budget)} budget`,
    `wasm heap change from every image: ${(r.heapChangeBytes / 2 ** 20).toFixed(2)} MB (target within ±1 MB)`,
  ];
}
