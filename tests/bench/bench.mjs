#!/usr/bin/env node
// ./dev bench: the project's budgets, measured in headless Chromium on this machine
// (docs/benchmarks.md says what each figure means and how it is taken).
//   startup.mjs   first visit bytes, navigation -> first view beside plain HTML, idle frames, glyphs
//   images.mjs    a 12-figure article beside the same text without figures: text paint, fetches, frames, memory
//   scale.mjs     synthetic bundles of 1k, 10k and 100k articles: first list paint, parse beside
//                 JSON.parse, search beside FlexSearch (search_baseline.mjs), scrolling, heap
//   split_search.mjs  the split form's search index: cold-query bytes, ids beside the whole bundle's
// Prints a table and writes build/bench/results.json. Needs build/web and build/native/reader-tool.
//   node tests/bench/bench.mjs [--sizes 1000,10000,100000] [--wait-ms 120000] [--web build/web] [--only images] [--load-only]
// --only images measures the image rows alone (a minute, no synthetic bundles).
// --web measures another web build (an older one kept aside, to compare in the same minutes).
// --load-only takes only the loading rows of each size (first list paint, parse beside JSON.parse,
// index, search and its recall, heap): no start-up figures, split form, scrolling or FlexSearch.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../browser/lib/browser.mjs';
import { SEED, ensureBundle, querySet } from './bundles.mjs';
import { figure, measureSize } from './scale.mjs';
import { imageRows, measureImages } from './images.mjs';
import { BASELINES } from './search_baseline.mjs';
import { splitSearch } from './split_search.mjs';
import { startSite } from './site.mjs';
import { wasmAreas } from './wasm_areas.mjs';
import { highlightsFirstFrame } from './highlights.mjs';
import { glyphRaster, idleFrames, plainArticlePage, sizes, startupRuns, visitTransfers } from './startup.mjs';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const outDir = path.join(repoRoot, 'build/bench');
const bundleDir = path.join(outDir, 'bundles');
const tool = path.join(repoRoot, 'build/native/reader-tool');
const flexsearch = path.join(repoRoot, 'tests/browser/node_modules/flexsearch/dist/flexsearch.bundle.module.min.mjs');

const { values: options } = parseArgs({ options: {
  sizes: { type: 'string', default: '1000,10000,100000' },
  'wait-ms': { type: 'string', default: '120000' },  // the longest wait for one page or step
  web: { type: 'string', default: path.join(repoRoot, 'build/web') },
  only: { type: 'string', default: '' },
  'load-only': { type: 'boolean', default: false },
} });
if (options.only && options.only !== 'images') throw new Error(`--only takes images, not ${options.only}`);
const onlyImages = options.only === 'images';
const loadOnly = options['load-only'];
const webDir = path.resolve(options.web);
const SIZES = onlyImages ? [] : options.sizes.split(',').map(Number);
if (SIZES.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`--sizes takes whole numbers, not ${options.sizes}`);

// How much each size is measured: the 100k page takes seconds to load and hundreds of MB of memory.
const plan = (n) => ({ runs: n >= 100000 ? 1 : 3, jsonParseRuns: n >= 100000 ? 3 : 5, readyTimeoutMs: Number(options['wait-ms']), loadOnly });

for (const [file, what] of [[webDir, 'build/web (./dev build)'], [tool, 'build/native/reader-tool (./dev build)'],
  [flexsearch, 'FlexSearch (npm ci in tests/browser)']].slice(0, onlyImages ? 1 : 3)) {
  if (!fs.existsSync(file)) throw new Error(`missing ${what}: ${file}`);
}
const bundles = SIZES.map((n) => ({ n, ...ensureBundle(tool, bundleDir, n) }));
// One query set for every size, drawn from the 1k bundle (the vocabulary is the same at every size).
const queries = onlyImages ? [] : querySet(ensureBundle(tool, bundleDir, 1000).bundle);

const site = await startSite(webDir, { bench: bundleDir, 'flexsearch.mjs': flexsearch },
  { extraFiles: { 'plain-article.html': plainArticlePage(webDir) } });
const browser = await launchChromium();
const results = {
  date: new Date().toISOString(),
  command: `./dev bench${process.argv.length > 2 ? ` ${process.argv.slice(2).join(' ')}` : ''}`,
  machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memoryGB: Math.round(os.totalmem() / 2 ** 30), node: process.version,
    chromium: browser.version() },
  seed: SEED,
  queries,
};
// Each step on its own (scale.mjs's figure()): one that fails or hits its wait is reported as such
// (results.failures, the table's last lines) and the run goes on, so a stuck page never costs the
// figures around it.
const step = (name, fn) => figure(results, name, fn);
const ONLY_IMAGES = Symbol('only the image rows');  // ends the try early with --only images
try {
  if (!loadOnly) {
    console.log('measuring the 12-figure article');
    results.images = await step('images', () => measureImages(browser, webDir));
  }
  if (onlyImages) throw ONLY_IMAGES;
  if (!loadOnly) {
    console.log('measuring start-up on the sample bundle');
    results.size = sizes(webDir);
    results.size.wasmAreas = wasmAreas(path.join(repoRoot, 'build/obj/web/profile/reader-module.wasm'));
    results.transfers = await step('transfers', () => visitTransfers(browser, site.url));
    results.startup = await step('start-up', () => startupRuns(browser, site.url));
    results.idleFramesIn3s = await step('idle frames', () => idleFrames(browser, site.url));
    results.glyphs = await step('glyphs', () => glyphRaster(browser, site.url));
    results.highlights = await step('highlights', () => highlightsFirstFrame(browser, site.url, webDir));
  }
  results.bundles = {};
  for (const b of bundles) {
    console.log(`measuring ${b.n} articles`);
    const bytes = fs.statSync(b.bundle).size;
    results.bundles[b.n] = await step(`${b.n} articles`, () => measureSize(browser, site, {
      n: b.n, queries, ...plan(b.n),
      bundle: path.posix.join('bench', path.relative(bundleDir, b.bundle)),
      split: b.split && path.posix.join('bench', path.relative(bundleDir, b.split)),
      splitError: b.splitError,
      bytes,
    })) ?? { articles: b.n, bytes, error: results.failures[`${b.n} articles`], splitFirstPaint: {} };
    if (b.split) {
      results.bundles[b.n].splitSearch = await step(`${b.n} articles, split-form search`, () => splitSearch(tool, b.bundle, b.split, queries));
      const x = results.bundles[b.n].splitSearch;
      if (x) console.log(`  split-form search: cold query p50 ${(x.coldBytes.p50 / 1024).toFixed(1)} KB, max ${(x.coldBytes.max / 1024).toFixed(1)} KB; ${x.differences} queries differ from the whole bundle`);
    }
  }
} catch (err) {
  if (err !== ONLY_IMAGES) throw err;
} finally {
  await browser.close().catch(() => {});
  await site.close();
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, 'results.json'), JSON.stringify(results, null, 2));
}
if (onlyImages) printImages(results);
else printReport(results);
console.log(`written to ${path.relative(process.cwd(), path.join(outDir, 'results.json'))}`);

// [SECTION] Report

function printImages(r) {
  console.log('');
  for (const line of r.images ? imageRows(r.images) : [`images: not measured (${r.failures?.images ?? 'see the log'})`]) console.log(line);
}

function printReport(r) {
  if (r.size) printStartup(r);
  for (const line of scaleTable(r.bundles, r.queries)) console.log(line);
  if (r.images || r.failures?.images) printImages(r);
  for (const [name, why] of Object.entries(r.failures ?? {})) console.log(`not measured: ${name}: ${why}`);
}

function printStartup(r) {
  const kb = (n) => (n / 1024).toFixed(1);
  console.log('\nfile                      raw KB   gzip KB  brotli KB');
  const sizeRow = (name, f) => `${name.padEnd(24)} ${kb(f.raw).padStart(7)} ${kb(f.gzip).padStart(9)} ${kb(f.brotli).padStart(10)}`;
  for (const f of r.size.files) console.log(sizeRow(f.name, f));
  console.log(`${sizeRow('first visit total', r.size.total)}   budget 250 KB gzip`);
  console.log(`font bytes downloaded: ${r.size.fontBytes}`);
  if (r.size.wasmAreas) {
    console.log('\nreader-module.wasm by area (reader-module-profile: names kept; inlined code counts where it was inlined)');
    console.log('area                         functions   raw KB   gzip KB');
    for (const a of r.size.wasmAreas) {
      console.log(`${a.area.padEnd(28)} ${String(a.functions).padStart(9)} ${kb(a.raw).padStart(8)} ${kb(a.gzip).padStart(9)}`);
    }
  }
  const missing = (name) => `${name}: not measured (${r.failures?.[name] ?? 'see the log'})`;
  const s = r.startup;
  console.log(s ? `navigation -> first view: reader ${s.readerMs.toFixed(0)} ms, plain HTML first paint ${s.plainMs.toFixed(0)} ms, ` +
              `ratio ${(s.readerMs / s.plainMs).toFixed(2)}x (budget 2x; median of ${s.runs})` : missing('start-up'));
  console.log(r.idleFramesIn3s != null ? `frames drawn in 3 idle seconds: ${r.idleFramesIn3s} (budget 0)` : missing('idle frames'));
  const t = r.transfers;
  console.log(t ? `the page's requests, bundle data apart: first visit ${kb(t.first.total)} KB on the wire, ` +
    `repeat visit ${kb(t.repeat.total)} KB (${Object.keys(t.repeat.files).join(', ') || 'nothing'})` : missing('transfers'));
  const g = r.glyphs?.listAndArticle;
  console.log(g ? `glyphs rasterised by the browser (list, then the seed article): ${g.glyphs} glyphs in ` +
              `${g.batches} readbacks, ${g.ms.toFixed(1)} ms (list alone: ${r.glyphs.list.glyphs} glyphs, ${r.glyphs.list.ms.toFixed(1)} ms)` : missing('glyphs'));
  const h = r.highlights;
  console.log(h ? `opening the seed article, first frame CPU: ${h.withoutMs.toFixed(2)} ms, with ${h.highlights} highlights ` +
              `${h.withMs.toFixed(2)} ms: +${(h.withMs - h.withoutMs).toFixed(2)} ms (budget +5 ms; median of ${h.runs}; ${h.marked} marks in the mirror)` : missing('highlights'));
  console.log('');
}

// One column per bundle size; a cell is a string, '—' where there is nothing to show.
function scaleTable(bundles, queries) {
  const cols = Object.values(bundles);
  const ms = (x) => (x == null ? '—' : `${x.toFixed(0)} ms`);
  const kb = (n) => (n / 1024).toFixed(1);
  const pair = (a, b) => (a == null ? '—' : `${a.toFixed(3)} / ${b.toFixed(3)} ms`);
  const triple = (s) => `${s.p50.toFixed(1)} / ${s.p95.toFixed(1)} / ${s.max.toFixed(1)} ms`;
  const ok = (c) => !c.error;
  const rows = [
    ['bundle bytes', (c) => `${(c.bytes / 1e6).toFixed(1)} MB`, ''],
    ['first list paint (whole bundle)', (c) => ms(c.firstPaint?.ms), ''],
    ['first list paint (split form)', (c) => (c.splitFirstPaint.ms != null ? ms(c.splitFirstPaint.ms)
      : c.splitFirstPaint.note === 'split form: not supported yet' ? 'not supported yet'
        : c.splitFirstPaint.note === 'not measured' ? `not measured (${c.splitFirstPaint.error})` : 'no split form'), '< 1.5 s at 100k'],
    ['parse in wasm', (c) => (ok(c) ? `${ms(c.load.parseMs)}, ${c.load.parseMBps.toFixed(0)} MB/s` : '—'), '>= JSON.parse'],
    ['JSON.parse, same bytes', (c) => (c.jsonParse ? `${ms(c.jsonParse.ms)}, ${c.jsonParse.MBps.toFixed(0)} MB/s` : '—'), ''],
    ['search index build', (c) => (ok(c) ? ms(c.load.indexMs) : '—'), ''],
    ['  index ready after the first paint', (c) => (ok(c) && c.load.indexWallMs != null ? ms(c.load.indexWallMs) : '—'), '<= 1.5 s at 100k'],
    ['search index size', (c) => (ok(c) ? `${(c.load.searchIndexBytes / 1e6).toFixed(1)} MB` : '—'), ''],
    ['reader.search p50 / p95', (c) => (c.search ? pair(c.search.p50, c.search.p95) : '—'), 'p95 <= 2 ms at 100k'],
    ...BASELINES.flatMap((b) => [
      [`${b.label} build`, (c) => {
        const e = c.baselines?.[b.key];
        if (!e || e.error) return e?.error ? 'failed' : '—';
        return e.complete ? `${(e.buildMs / 1000).toFixed(1)} s` : `timeout (${(e.capMs / 1000).toFixed(0)} s)`;
      }, ''],
      [`${b.label} p50 / p95`, (c) => { const e = c.baselines?.[b.key]; return e?.complete ? pair(e.p50, e.p95) : '—'; }, 'slower than reader'],
    ]),
    [`queries that found something (of ${queries.length})`, (c) => (c.search
      ? [c.search.queriesFound, ...BASELINES.map((b) => c.baselines?.[b.key]?.queriesFound)].map((h) => (h == null ? '—' : String(h))).join(' / ')
      : '—'), 'reader / ' + BASELINES.map((b) => b.label.replace('FlexSearch ', '')).join(' / ')],
    ['scrolling: frame CPU p50 / p95 / max', (c) => (c.scroll?.p50 != null ? triple(c.scroll) : c.scroll?.error || '—'), ''],
    ['  whole animation frame, WebGL included', (c) => (c.scroll?.animationFrame?.p50 != null ? triple(c.scroll.animationFrame) : '—'), 'p95 <= 4 ms'],
    ['  the same less WebGL sync waits', (c) => (c.scroll?.withoutGlWaits?.p50 != null ? triple(c.scroll.withoutGlWaits) : '—'), ''],
    ['  getParameter calls per frame', (c) => (c.scroll?.glQueriesPerFrame != null ? c.scroll.glQueriesPerFrame.toFixed(1) : '—'), '0'],
    ['split index: manifest / all files', (c) => (c.splitSearch ? `${kb(c.splitSearch.manifestBytes)} / ${(c.splitSearch.indexBytes / 1e6).toFixed(1)} MB (${c.splitSearch.shards} shards)` : '—'), ''],
    ['split search, cold: bytes p50 / p95 / max', (c) => (c.splitSearch
      ? `${kb(c.splitSearch.coldBytes.p50)} / ${kb(c.splitSearch.coldBytes.p95)} / ${kb(c.splitSearch.coldBytes.max)} KB` : '—'), '<= 300 KB at 10k'],
    ['split search, cold: time to the answer p50 / p95', (c) => (c.splitQueries
      ? `${ms(c.splitQueries.cold.p50)} / ${ms(c.splitQueries.cold.p95)} (${c.splitQueries.queries} queries)` : '—'), ''],
    ['split search, warm: reader.search p95', (c) => (c.splitQueries ? `${c.splitQueries.warm.p95.toFixed(3)} ms` : '—'), ''],
    ['split search: ids unlike the whole bundle', (c) => (c.splitSearch ? `${c.splitSearch.differences} of ${queries.length}` +
      (c.splitSearch.differing.length ? ` (${c.splitSearch.differing.join(' ')})` : '') : '—'), '0'],
    ['search view: results p50 / p95', (c) => (c.find ? pair(c.find.view.p50, c.find.view.p95) : '—'), 'as reader.search'],
    ['  excerpts of up to 500 results p50 / p95', (c) => (c.find ? pair(c.find.excerpts.p50, c.find.excerpts.p95) : '—'), '<= 5 ms more than the search at 100k'],
    ['    the queries with the most results: p50 / max', (c) => (c.find ? `${pair(c.find.excerptsAtMost.p50, c.find.excerptsAtMost.max)} (${c.find.mostResults} results)` : '—'), ''],
    ['  their sub-results (up to 3 each) p50 / p95', (c) => (c.find ? pair(c.find.subResults.p50, c.find.subResults.p95) : '—'), ''],
    ['  filters\' counts: every match, then counting', (c) => (c.find ? `${pair(c.find.match.p50, c.find.match.p95)}; ${pair(c.find.facets.p50, c.find.facets.p95)}` : '—'), '<= 5 ms at 100k'],
    ['wasm heap after load', (c) => (ok(c) ? `${(c.load.heapBytes / 1e6).toFixed(0)} MB, ${c.load.heapRatio.toFixed(2)}x bundle` : '—'), '<= 1.5x bundle'],
  ];
  const cells = rows.map(([label, cell, target]) => [label, ...cols.map(cell), target]);
  const errors = [
    ...cols.filter((c) => c.error).map((c) => `${c.articles} articles: ${c.error}`),
    ...cols.flatMap((c) => Object.entries(c.failures ?? {}).map(([name, why]) => `${c.articles} articles, ${name}: not measured (${why})`)),
  ];
  const header = ['', ...cols.map((c) => `${c.articles.toLocaleString('en')} articles`), 'target'];
  const widths = header.map((_, i) => Math.max(...[header, ...cells].map((row) => row[i].length)));
  return [...[header, ...cells].map((row) => row.map((cell, i) => cell.padEnd(widths[i])).join('  ').trimEnd()), ...errors];
}
