// The large-bundle budgets, for one synthetic bundle of n articles, in one page of headless
// Chromium: navigation -> first list paint (whole bundle, and split form), the split form's query
// times (split_query_time.mjs), parse time beside
// JSON.parse of the same bytes, search index build, search latency beside FlexSearch, frame CPU
// while scrolling the list, wasm heap.
import { openReader, warmUp } from './site.mjs';
import { BASELINES, buildBaseline, timeQueries } from './search_baseline.mjs';
import { splitQueryTimes } from './split_query_time.mjs';
import { median, summary } from './stats.mjs';

const SCROLL_MS = 2000;      // how long the list is scrolled
const SCROLL_STEPS = 400;    // at most this many wheel steps, whatever the time
const WHEEL_PX = 100;        // one wheel step, as a mouse notch gives
const FRAME_HISTORY = 240;   // frames reader.frameTimes() remembers

// The whole-bundle page load: `runs` navigations (a fresh context each); the last page stays open
// for the rest and is returned with its context.
async function navigations(browser, url, runs, timeout) {
  const readyMs = [];
  for (let i = 0; ; i++) {
    const opened = await openReader(browser, url, { timeout, frameCosts: true, isolated: true });
    readyMs.push(opened.readyMs);
    if (i + 1 === runs) return { ...opened, readyMs };
    await opened.context.close();
  }
}

// The split form's list: {ms}, or {ms: null, note} saying why there is no number.
async function splitFirstPaint(browser, site, { n, split, splitError, timeout }) {
  if (!split) return { ms: null, note: splitError };
  const url = `${site.url}index.html?hashRouting=0&bundle=${encodeURIComponent(split)}`;
  let opened;
  try {
    opened = await openReader(browser, url, { timeout });
    const loaded = await opened.page.evaluate(() => ({ state: window.reader.state(), stats: window.reader.loadStats() }));
    if (loaded.state.error || !loaded.stats || loaded.stats.articles !== n) {
      return { ms: null, note: 'split form: not supported yet', error: loaded.state.error };
    }
    return { ms: opened.readyMs, note: null };
  } catch (err) {
    return { ms: null, note: 'not measured', error: firstLine(err) };
  } finally {
    if (opened) await opened.context.close();
  }
}

// Scrolls the list with real wheel steps over it for SCROLL_MS. Returns the CPU time of the frames
// drawn meanwhile as the reader measured them (reader.frameTimes()), and per animation frame
// callback (site.mjs, recordFrameCosts) its whole duration, WebGL calls included, and the same less
// its time blocked in WebGL getParameter; `moved` says whether the list did scroll (the first
// article on screen before has left it, or moved up).
async function scrollFrames(page) {
  const first = await page.evaluate(() => {
    for (const a of window.reader.list().slice(0, 50)) {
      const rect = window.reader.itemRect(`article:${a.id}`);
      if (rect) return { key: `article:${a.id}`, rect };
    }
    return null;
  });
  if (!first) return { error: 'no article of the list is on screen' };
  await page.mouse.move(first.rect.x + first.rect.w / 2, first.rect.y + first.rect.h / 2);
  await page.waitForTimeout(300);
  const before = await page.evaluate(() => {
    window.benchFrameLog = [];
    return window.reader.framesDrawn();
  });
  const started = Date.now();
  let steps = 0;
  while (steps < SCROLL_STEPS && Date.now() - started < SCROLL_MS) {
    await page.mouse.wheel(0, WHEEL_PX);
    await page.waitForTimeout(16);
    steps++;
  }
  await page.waitForTimeout(300);  // the frames the last steps asked for
  const after = await page.evaluate((key) => {
    const log = window.benchFrameLog;
    window.benchFrameLog = null;
    return { frames: window.reader.framesDrawn(), times: window.reader.frameTimes(), log, rect: window.reader.itemRect(key) };
  }, first.key);
  const drawn = after.frames - before;
  const times = after.times.slice(-Math.min(drawn, FRAME_HISTORY));
  const total = (key) => after.log.reduce((sum, f) => sum + f[key], 0);
  return {
    steps, framesDrawn: drawn, moved: !after.rect || after.rect.y < first.rect.y,
    ...summary(times),
    animationFrame: summary(after.log.map((f) => f.ms)),
    withoutGlWaits: summary(after.log.map((f) => f.ms - f.glWaitMs)),
    glQueriesPerFrame: after.log.length ? total('glQueries') / after.log.length : null,
    glWaitShare: after.log.length ? total('glWaitMs') / total('ms') : null,
    times, frameLog: after.log,
  };
}

// JSON.parse of the same bytes in the same page: fetched once as text, parsed `runs` times. The
// last result stays in window.benchBundle for the JS search library.
function jsonParseRuns(page, url, runs) {
  return page.evaluate(async ({ url, runs }) => {
    const text = await (await fetch(url)).text();
    const times = [];
    for (let i = 0; i < runs; i++) {
      window.benchBundle = null;
      const started = performance.now();
      window.benchBundle = JSON.parse(text);
      times.push(performance.now() - started);
    }
    return times;
  }, { url, runs });
}

const mbPerS = (bytes, ms) => (ms > 0 ? bytes / 1e6 / (ms / 1e3) : null);

function searchSummary(queries, timed) {
  return {
    ...summary(timed.map((t) => t.ms)),
    queriesFound: timed.filter((t) => t.hits > 0).length,
    missHits: timed.filter((t, i) => queries[i].style === 'miss').reduce((s, t) => s + t.hits, 0),
    perQuery: timed.map((t, i) => ({ ...queries[i], ms: t.ms, hits: t.hits })),
  };
}

// The first line of an error, without the stack and Playwright's call log.
export const firstLine = (err) => String(err?.message ?? err).split('\n').filter((l) => !/^\s*(at |=+)/.test(l))[0];

// Takes one figure: fn()'s value, or null with the reason in result.failures[name] (a step that
// fails or hits its wait is reported as such and the run goes on to the next figure).
export async function figure(result, name, fn) {
  try {
    return await fn();
  } catch (err) {
    (result.failures ??= {})[name] = firstLine(err);
    console.log(`  ${name}: ${result.failures[name]}`);
    return null;
  }
}

// Every figure for one bundle that could be taken; `error` when the reader did not load it, and
// `failures` naming each figure that could not be taken and why.
export async function measureSize(browser, site, plan) {
  const { n, bytes, queries } = plan;
  const result = { articles: n, bytes };
  await warmUp(`${site.url}${plan.bundle}`);
  if (plan.split) await warmUp(`${site.url}${plan.split}`);

  result.splitFirstPaint = plan.loadOnly ? { ms: null, note: 'not measured', error: '--load-only' }
    : await splitFirstPaint(browser, site, { ...plan, timeout: plan.readyTimeoutMs });
  if (plan.split && !plan.loadOnly) {
    result.splitQueries = await figure(result, 'split-form query times', () => splitQueryTimes(browser, site, plan));
    if (result.splitQueries) {
      const { cold, warm } = result.splitQueries;
      console.log(`  split-form query: cold p50 ${cold.p50.toFixed(0)} ms, p95 ${cold.p95.toFixed(0)} ms; warm p95 ${warm.p95.toFixed(2)} ms`);
    }
  }

  const url = `${site.url}index.html?hashRouting=0&bundle=${encodeURIComponent(plan.bundle)}`;
  let opened;
  try {
    opened = await navigations(browser, url, plan.runs, plan.readyTimeoutMs);
  } catch (err) {
    result.error = `no first view: ${firstLine(err)}`;
    return result;
  }
  const { context, page, readyMs } = opened;
  try {
    result.firstPaint = { ms: median(readyMs), runs: readyMs };
    const loaded = await page.evaluate(() => ({
      state: window.reader.state(), stats: window.reader.loadStats(), isolated: window.crossOriginIsolated,
    }));
    result.timerStepMs = loaded.isolated ? 0.005 : 0.1;  // Chromium's performance.now() resolution
    if (loaded.state.error || loaded.stats.articles !== n) {
      result.error = `the reader did not load the bundle: ${loaded.state.error || `${loaded.stats.articles} articles`}`;
      return result;
    }
    // The search index is built a slice per frame after the first paint: its figures (time spent in
    // slices, size) and the heap are read once it is complete.
    const indexStart = Date.now();
    const indexed = await figure(result, 'search index build', () =>
      page.waitForFunction(() => !window.reader.loadStats().indexing, null, { timeout: plan.readyTimeoutMs, polling: 100 }));
    const s = await page.evaluate(() => window.reader.loadStats());
    result.load = { ...s, parseMBps: mbPerS(s.bytes, s.parseMs), heapRatio: s.heapBytes / bytes, indexWallMs: Date.now() - indexStart };
    console.log(`  first list paint ${result.firstPaint.ms.toFixed(0)} ms, parse ${s.parseMs.toFixed(0)} ms, ` +
      (indexed ? `index ${s.indexMs.toFixed(0)} ms in slices (${result.load.indexWallMs} ms after the first paint)` : 'index not ready'));

    if (!plan.loadOnly) result.scroll = await figure(result, 'scrolling', () => scrollFrames(page));
    // reader.search() would finish an incomplete index first, which is what timed out above.
    const timed = indexed && await figure(result, 'search', () => timeQueries(page, 'reader', queries.map((x) => x.q)));
    if (timed) result.search = searchSummary(queries, timed);
    // Issue #17: the search view's excerpts for 500 results and the filters' counts, beside the search.
    const find = indexed && await figure(result, 'excerpts and counts', () =>
      page.evaluate((qs) => qs.map((q) => window.reader.findTimings(q)), queries.map((x) => x.q)));
    if (find) {
      const most = find.filter((f) => f.results === Math.max(...find.map((g) => g.results)));
      const of = (key, list = find) => summary(list.map((f) => f[key]));
      result.find = { excerpts: of('excerptsMs'), subResults: of('subResultsMs'), match: of('matchMs'), facets: of('facetsMs'),
        view: of('viewMs'), search: of('searchMs'), mostResults: most[0]?.results ?? 0, excerptsAtMost: of('excerptsMs', most) };
    }
    console.log(`  scrolling frame CPU p95 ${result.scroll?.p95?.toFixed(1)} ms (whole animation frame ${result.scroll?.animationFrame?.p95?.toFixed(1)} ms), search p95 ${result.search?.p95.toFixed(2)} ms`);

    const parseRuns = await figure(result, 'JSON.parse', () => jsonParseRuns(page, `${site.url}${plan.bundle}`, plan.jsonParseRuns));
    if (parseRuns) result.jsonParse = { ms: median(parseRuns), runs: parseRuns, MBps: mbPerS(bytes, median(parseRuns)) };

    result.baselines = {};
    for (const baseline of BASELINES) {
      if (!parseRuns || plan.loadOnly) break;  // the baselines index the bundle JSON.parse gave
      const entry = { label: baseline.label, capMs: baseline.capMs };
      result.baselines[baseline.key] = entry;
      try {
        const built = await buildBaseline(page, baseline);
        Object.assign(entry, { buildMs: built.ms, indexed: built.indexed, complete: built.complete });
        if (built.complete) Object.assign(entry, searchSummary(queries, await timeQueries(page, 'flexsearch', queries.map((x) => x.q))));
      } catch (err) {  // a page out of memory ends here, and takes the rest of this size with it
        entry.error = firstLine(err);
        console.log(`  ${baseline.label}: ${entry.error}`);
        break;
      }
      console.log(`  ${baseline.label}: ` + (entry.complete
        ? `built in ${(entry.buildMs / 1000).toFixed(1)} s, search p95 ${entry.p95.toFixed(3)} ms`
        : `timeout, ${entry.indexed} articles indexed in ${(entry.buildMs / 1000).toFixed(1)} s`));
    }
    return result;
  } finally {
    await context.close().catch(() => {});
  }
}
