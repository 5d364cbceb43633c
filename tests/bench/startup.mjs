// The small-page budgets, on the sample bundle:
//   - first visit bytes (app + fonts, gzip; bundle data excluded)
//   - navigation -> first view drawn, side by side with a plain HTML page of the seed article
//   - frames drawn in 3 idle seconds
//   - glyphs rasterised by the browser for the list and the seed article
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { openReader } from './site.mjs';
import { median } from './stats.mjs';

const RUNS = 7;

const FONT_EXTENSIONS = /\.(woff2?|ttf|otf|ttc)$/;

// What a first visit downloads before any bundle: every file the page loads except bundle data,
// raw, gzip -9 and Brotli 11 (what a server that precompresses would send).
// The modules are the ones index.html preloads, which are all of the page's module graph
// (tests/browser/module_files.test.mjs checks that), so a new shell module is counted here too.
export function appFiles(webDir) {
  const html = fs.readFileSync(path.join(webDir, 'index.html'), 'utf8');
  const modules = [...html.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((m) => m[1]);
  return ['index.html', 'page.css', 'page.js', ...modules, 'reader-module.wasm'];
}

export function sizes(webDir) {
  const fonts = fs.readdirSync(webDir).filter((f) => FONT_EXTENSIONS.test(f));
  const rows = [...appFiles(webDir), ...fonts].map((name) => {
    const bytes = fs.readFileSync(path.join(webDir, name));
    const brotli = zlib.brotliCompressSync(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    return { name, raw: bytes.length, gzip: zlib.gzipSync(bytes, { level: 9 }).length, brotli };
  });
  const total = rows.reduce((sum, r) => ({ raw: sum.raw + r.raw, gzip: sum.gzip + r.gzip, brotli: sum.brotli + r.brotli }),
    { raw: 0, gzip: 0, brotli: 0 });
  return { files: rows, total, fontBytes: rows.filter((r) => FONT_EXTENSIONS.test(r.name)).reduce((s, r) => s + r.gzip, 0) };
}

const escapeHtml = (s) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

// The baseline: the seed article as the plain HTML page a CMS would serve.
export function plainArticlePage(webDir) {
  const bundle = JSON.parse(fs.readFileSync(path.join(webDir, 'sample-bundle.json'), 'utf8'));
  const a = bundle.articles[0];
  const paragraphs = a.body.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
  return `<!doctype html><html lang="${escapeHtml(bundle.site.locale)}"><head><meta charset="utf-8">
<title>${escapeHtml(a.title)}</title><style>body{max-width:860px;margin:auto;font:18px/1.8 sans-serif}p{text-indent:2em}</style>
</head><body><h1>${escapeHtml(a.title)}</h1><p>${escapeHtml(a.published)} ${escapeHtml(a.source || '')}</p>
${paragraphs}</body></html>`;
}

// What the demo page's own requests transfer, bundle data apart, as the browser counts them (gzip
// from the server, CDP's encodedDataLength): on a first visit, and on the next visit, which the
// service worker answers. The worker's own precache download after the first view (the app files
// again and the fallback font, docs/offline.md) is not seen here: it is the worker's traffic.
export async function visitTransfers(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    let files = new Map();
    const urls = new Map();
    cdp.on('Network.responseReceived', (e) => urls.set(e.requestId, { url: e.response.url, fromSW: e.response.fromServiceWorker }));
    cdp.on('Network.loadingFinished', (e) => {
      const r = urls.get(e.requestId);
      if (!r || r.fromSW || /\.json($|\?)/.test(r.url)) return;
      const name = new URL(r.url).pathname.slice(1) || 'index.html';
      files.set(name, (files.get(name) || 0) + e.encodedDataLength);
    });
    const sum = (m) => [...m.values()].reduce((a, b) => a + b, 0);
    await page.goto(`${url}index.html?hashRouting=0`);
    await page.waitForFunction(() => window.reader && window.reader.ready);
    await page.evaluate(() => window.reader.ready.then(() => true));
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 20000 });
    await page.waitForTimeout(500);  // the page's own refetch of its bundle after the worker took over
    const first = { total: sum(files), files: Object.fromEntries(files) };
    files = new Map();
    await page.reload();
    await page.evaluate(() => window.reader.ready.then(() => true));
    await page.waitForTimeout(500);
    const repeat = { total: sum(files), files: Object.fromEntries(files) };
    return { first, repeat };
  } finally {
    await context.close();
  }
}

// Reader and plain page alternately, each in a new context (a first visit, nothing cached).
export async function startupRuns(browser, url) {
  const reader = [], plain = [];
  for (let i = 0; i < RUNS; i++) {
    const opened = await openReader(browser, `${url}index.html?hashRouting=0`);
    reader.push(opened.readyMs);
    await opened.context.close();

    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${url}plain-article.html`, { waitUntil: 'commit' });
    plain.push(await page.evaluate(() => new Promise((resolve) => {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') resolve(e.startTime);
      }).observe({ type: 'paint', buffered: true });
    })));
    await context.close();
  }
  return { runs: RUNS, readerMs: median(reader), plainMs: median(plain), readerRuns: reader, plainRuns: plain };
}

// Rasterising the seed article's glyphs with the browser's fonts: open it in a fresh reader and
// read the glyph statistics once it is drawn (list view glyphs included).
export async function glyphRaster(browser, url) {
  const { context, page } = await openReader(browser, `${url}index.html?hashRouting=0`);
  const listStats = await page.evaluate(() => window.reader.glyphStats());
  const id = await page.evaluate(() => window.reader.list().find((a) => a.title.startsWith('2023年(nián)第一(yī)次')).id);
  await page.evaluate((articleId) => window.reader.open(articleId), id);
  await page.waitForTimeout(500);
  const stats = await page.evaluate(() => window.reader.glyphStats());
  await context.close();
  return { list: listStats, listAndArticle: stats };
}

export async function idleFrames(browser, url) {
  const { context, page } = await openReader(browser, `${url}index.html?hashRouting=0`);
  await page.waitForTimeout(500);  // the first settle
  const before = await page.evaluate(() => window.reader.framesDrawn());
  await page.waitForTimeout(3000);
  const after = await page.evaluate(() => window.reader.framesDrawn());
  await context.close();
  return after - before;
}
