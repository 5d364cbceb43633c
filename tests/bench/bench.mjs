#!/usr/bin/env node
// ./dev bench: the project's budgets, measured in headless Chromium on this machine.
//   - first visit bytes (app + fonts, gzip; bundle data excluded)
//   - navigation -> first view drawn, side by side with a plain HTML page of the seed article
//   - frames drawn in 3 idle seconds
// Prints a table and writes build/bench/results.json.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { launchChromium, serveBuild } from '../browser/lib/browser.mjs';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const webDir = path.join(repoRoot, 'build/web');
const outDir = path.join(repoRoot, 'build/bench');
const RUNS = 7;

// What a first visit downloads before any bundle: every file the page loads except bundle data.
const APP_FILES = ['index.html', 'page.css', 'page.js', 'reader.js', 'reader-module.js', 'reader-module.wasm'];
const FONT_EXTENSIONS = /\.(woff2?|ttf|otf|ttc)$/;

function sizes() {
  const fonts = fs.readdirSync(webDir).filter((f) => FONT_EXTENSIONS.test(f));
  const rows = [...APP_FILES, ...fonts].map((name) => {
    const bytes = fs.readFileSync(path.join(webDir, name));
    return { name, raw: bytes.length, gzip: zlib.gzipSync(bytes, { level: 9 }).length };
  });
  const total = rows.reduce((sum, r) => ({ raw: sum.raw + r.raw, gzip: sum.gzip + r.gzip }), { raw: 0, gzip: 0 });
  return { files: rows, total, fontBytes: rows.filter((r) => FONT_EXTENSIONS.test(r.name)).reduce((s, r) => s + r.gzip, 0) };
}

const escapeHtml = (s) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

// The baseline: the seed article as the plain HTML page a CMS would serve.
function plainArticlePage() {
  const bundle = JSON.parse(fs.readFileSync(path.join(webDir, 'sample-bundle.json'), 'utf8'));
  const a = bundle.articles[0];
  const paragraphs = a.body.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
  return `<!doctype html><html lang="${escapeHtml(bundle.site.locale)}"><head><meta charset="utf-8">
<title>${escapeHtml(a.title)}</title><style>body{max-width:860px;margin:auto;font:18px/1.8 sans-serif}p{text-indent:2em}</style>
</head><body><h1>${escapeHtml(a.title)}</h1><p>${escapeHtml(a.published)} ${escapeHtml(a.source || '')}</p>
${paragraphs}</body></html>`;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function startupRuns(browser, url) {
  const reader = [], plain = [];
  for (let i = 0; i < RUNS; i++) {
    // A new context each time: a first visit, nothing cached.
    for (const kind of ['reader', 'plain']) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      if (kind === 'reader') {
        await page.goto(`${url}index.html`, { waitUntil: 'commit' });
        await page.waitForFunction(() => window.reader && window.reader.ready);
        reader.push(await page.evaluate(() => window.reader.ready.then(() => performance.now())));
      } else {
        await page.goto(`${url}plain-article.html`, { waitUntil: 'commit' });
        plain.push(await page.evaluate(() => new Promise((resolve) => {
          new PerformanceObserver((list) => {
            for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') resolve(e.startTime);
          }).observe({ type: 'paint', buffered: true });
        })));
      }
      await context.close();
    }
  }
  return { readerMs: median(reader), plainMs: median(plain), readerRuns: reader, plainRuns: plain };
}

// Rasterising the seed article's glyphs with the browser's fonts: open it in a fresh reader and
// read the glyph statistics once it is drawn (list view glyphs included).
async function glyphRaster(browser, url) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${url}index.html`);
  await page.waitForFunction(() => window.reader && window.reader.ready);
  await page.evaluate(() => window.reader.ready.then(() => true));
  const listStats = await page.evaluate(() => window.reader.glyphStats());
  const id = await page.evaluate(() => window.reader.list().find((a) => a.title.startsWith('2023年(nián)第一(yī)次')).id);
  await page.evaluate((articleId) => window.reader.open(articleId), id);
  await page.waitForTimeout(500);
  const stats = await page.evaluate(() => window.reader.glyphStats());
  await page.close();
  return { list: listStats, listAndArticle: stats };
}

async function idleFrames(browser, url) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${url}index.html`);
  await page.waitForFunction(() => window.reader && window.reader.ready);
  await page.evaluate(() => window.reader.ready.then(() => true));
  await page.waitForTimeout(500);  // the first settle
  const before = await page.evaluate(() => window.reader.framesDrawn());
  await page.waitForTimeout(3000);
  const after = await page.evaluate(() => window.reader.framesDrawn());
  await page.close();
  return after - before;
}

const kb = (n) => (n / 1024).toFixed(1);
const site = await serveBuild(webDir, { extraFiles: { 'plain-article.html': plainArticlePage() } });
const browser = await launchChromium();
try {
  const size = sizes();
  const startup = await startupRuns(browser, site.url);
  const idle = await idleFrames(browser, site.url);
  const glyphs = await glyphRaster(browser, site.url);
  const results = { date: new Date().toISOString(), size, startup, idleFramesIn3s: idle, glyphs };
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, 'results.json'), JSON.stringify(results, null, 2));

  console.log('file                      raw KB   gzip KB');
  for (const f of size.files) console.log(`${f.name.padEnd(24)} ${kb(f.raw).padStart(7)} ${kb(f.gzip).padStart(9)}`);
  console.log(`${'first visit total'.padEnd(24)} ${kb(size.total.raw).padStart(7)} ${kb(size.total.gzip).padStart(9)}   budget 250 KB gzip`);
  console.log(`font bytes downloaded: ${size.fontBytes}`);
  const ratio = startup.readerMs / startup.plainMs;
  console.log(`navigation -> first view: reader ${startup.readerMs.toFixed(0)} ms, plain HTML first paint ` +
              `${startup.plainMs.toFixed(0)} ms, ratio ${ratio.toFixed(2)}x (budget 3x; median of ${RUNS})`);
  console.log(`frames drawn in 3 idle seconds: ${idle} (budget 0)`);
  const g = glyphs.listAndArticle;
  console.log(`glyphs rasterised by the browser (list, then the seed article): ${g.glyphs} glyphs in ` +
              `${g.batches} readbacks, ${g.ms.toFixed(1)} ms (list alone: ${glyphs.list.glyphs} glyphs, ${glyphs.list.ms.toFixed(1)} ms)`);
  console.log(`written to ${path.relative(process.cwd(), path.join(outDir, 'results.json'))}`);
} finally {
  await browser.close();
  await site.close();
}
