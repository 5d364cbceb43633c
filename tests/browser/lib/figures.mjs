// Test images made on the spot (no binary committed): PNGs encoded with node's zlib, and a bundle
// with an article of figures between paragraphs, for the image tests and the image benchmarks.
import { encodePng } from '../../../scripts/png.mjs';

// An RGB PNG of width x height: colour `rgb` ([r, g, b]) with a darker diagonal band, so that a
// screenshot shows the image was drawn whole and the right way up.
export function makePng(width, height, rgb) {
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const band = Math.abs(x / width - y / height) < 0.08;
      for (let c = 0; c < 3; c++) pixels[(y * width + x) * 3 + c] = band ? rgb[c] >> 2 : rgb[c];
    }
  }
  return encodePng(width, height, pixels);
}

const COLOURS = [[200, 60, 60], [60, 160, 80], [60, 90, 200], [200, 160, 40], [150, 60, 170], [40, 160, 170]];
const PARAGRAPH = '本會提醒消費者，選購商品時應注意標示是否完整，保留購物憑證，遇有消費爭議可向本會投訴。';

// A 1.2 bundle whose article `figures` has `count` figures of 800x400 (files `figs/f<N>.png`, or
// what `srcOf(n)` says), each between two paragraphs; with `count` 0 the same text without them.
// `files`: the PNGs to serve beside it.
export function figureBundle(count, { srcOf = (n) => `figs/f${n}.png`, altOf = (n) => `示意圖${n + 1}` } = {}) {
  const body = [];
  for (let n = 0; n < 12; n++) {
    body.push(`${n + 1}. ${PARAGRAPH}`);
    if (n < count) body.push({ type: 'figure', src: srcOf(n), width: 800, height: 400, alt: altOf(n), caption: `圖${n + 1}` });
  }
  body.push('完。');
  const bundle = {
    format: { name: 'article-reader-bundle', version: '1.2' },
    site: { name: '消費者保護中心', locale: 'zh-Hant' },
    categories: [{ id: 'news', name: '新聞' }],
    articles: [{ id: 'figures', category: 'news', title: '十二張圖的文章', published: '2026-03-15T09:00:00+08:00', body }],
  };
  const files = {};
  for (let n = 0; n < count; n++) files[`figs/f${n}.png`] = makePng(800, 400, COLOURS[n % COLOURS.length]);
  return { bundle, files };
}

// Waits until no image request is unanswered and no frame is drawn for a while (polled every 250 ms,
// at most `tries` times); returns reader.imageStats() then.
export async function settleImages(page, tries = 100) {
  let frames = -1;
  for (let i = 0; i < tries; i++) {
    const [now, stats] = await page.evaluate(() => [window.reader.framesDrawn(), window.reader.imageStats()]);
    if (now === frames && stats.pending === 0) return stats;
    frames = now;
    await page.waitForTimeout(250);
  }
  throw new Error('the reader never settled');
}
