// The split form's search in the browser, as a reader meets it: for each query of a sample of the
// set, a fresh page (nothing fetched but index.json and the search manifest), the query entered as
// the URL fragment, and the time until the reader has drawn the search view with every index shard
// the query needs in (cold); then reader.search() of the same query on that page, all in memory
// (warm). The bytes a cold query fetches are split_search.mjs's (reader-tool split-search).
import { openReader } from './site.mjs';
import { summary } from './stats.mjs';

const SAMPLE = 20;  // queries timed cold, each on a page of its own: every third of the set

// Waits until the reader has the split index's manifest (fetched beside index.json).
async function manifestLoaded(page, timeout) {
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => /\/search\/[0-9a-f]{8}\/manifest\.bin$/.test(e.name)),
    null, { timeout, polling: 20 });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

// ms from setting the fragment to the first frame after the last shard the query needs arrived.
function coldQueryMs(page, query) {
  return page.evaluate((q) => new Promise((resolve) => {
    const start = performance.now();
    const framesAt = window.reader.framesDrawn();
    window.location.hash = `#/search/${encodeURIComponent(q)}`;
    const poll = () => {
      const state = window.reader.state();
      const answered = state.view === 'search' && state.query === q && window.reader.framesDrawn() > framesAt + 1 &&
        !window.reader.loadStats().fetchingIndex;
      if (answered) resolve(performance.now() - start);
      else requestAnimationFrame(poll);
    };
    requestAnimationFrame(poll);
  }), query);
}

function warmQueryMs(page, query) {
  return page.evaluate((q) => {
    const start = performance.now();
    window.reader.search(q);
    return performance.now() - start;
  }, query);
}

// {cold: {p50, p95, max}, warm: {p50, p95, max}, queries}, or {error}.
export async function splitQueryTimes(browser, site, { split, queries, readyTimeoutMs }) {
  const url = `${site.url}index.html?bundle=${encodeURIComponent(split)}`;
  const sample = queries.filter((_, i) => i % 3 === 0).slice(0, SAMPLE).map((x) => x.q);
  const cold = [], warm = [];
  for (const query of sample) {
    const { context, page } = await openReader(browser, url, { timeout: readyTimeoutMs });
    try {
      await manifestLoaded(page, readyTimeoutMs);
      cold.push(await coldQueryMs(page, query));
      warm.push(await warmQueryMs(page, query));
    } finally {
      await context.close();
    }
  }
  return { cold: summary(cold), warm: summary(warm), queries: sample.length };
}
