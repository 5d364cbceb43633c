// Search latency in the page, for the reader (reader.search) and for a JavaScript library beside
// it: FlexSearch 0.8 (tests/browser/package.json) indexing the same articles' titles and bodies,
// pinyin stripped, with its documented CJK setup, in two configurations:
// - "CJK": `encoder: Charset.CJK` splits CJK text into single characters (the README's "Chinese,
//   Japanese, Korean Encoder Preset"); a query finds the articles holding all its characters,
//   anywhere in the article: a looser question than a substring search.
// - "CJK+context": the same, and `context` (depth 1, one direction) also indexes each pair of
//   neighbouring characters, so a query finds its characters next to each other, as a substring
//   search does. Its index takes 2-3x as long to build (about 70 s for 100k articles here).
// Neither folds traditional <-> simplified characters, so queries in the other script find less or
// nothing; how many queries found anything is reported beside the times.
import { PINYIN } from './bundles.mjs';

export const BASELINES = [
  { key: 'flexCJK', label: 'FlexSearch CJK', options: { encoder: 'CJK' }, capMs: 90000 },
  { key: 'flexContext', label: 'FlexSearch CJK+context',
    options: { encoder: 'CJK', context: { depth: 1, bidirectional: false, resolution: 3 } }, capMs: 45000 },
];
const CHUNK = 500;  // articles added between two checks of the time cap

// Builds one baseline's index over window.benchBundle (left there by the JSON.parse measurement)
// in chunks, stopping once capMs of indexing have been spent; the index replaces the previous one
// in window.benchFlex. Returns {ms, indexed, complete}; ms counts only the indexing, not the pauses
// between chunks.
export function buildBaseline(page, { options, capMs }) {
  return page.evaluate(async ({ capMs, chunk, options, pinyin }) => {
    window.benchFlex = null;
    const { Index, Charset } = await import(new URL('flexsearch.mjs', location.href).href);
    const index = new Index({ ...options, encoder: Charset[options.encoder] });
    const stripPinyin = new RegExp(pinyin, 'g');
    const articles = window.benchBundle.articles;
    let ms = 0, done = 0;
    while (done < articles.length && ms <= capMs) {
      const started = performance.now();
      for (const end = Math.min(articles.length, done + chunk); done < end; done++) {
        const a = articles[done];
        index.add(done, `${a.title}\n${a.body.join('\n')}`.replace(stripPinyin, ''));
      }
      ms += performance.now() - started;
      await new Promise((resolve) => setTimeout(resolve, 0));  // let the page breathe between chunks
    }
    window.benchFlex = { index, ids: articles.map((a) => a.id) };
    return { ms, indexed: done, complete: done === articles.length };
  }, { capMs, chunk: CHUNK, options, pinyin: PINYIN.source });
}

// The most ids reader.search answers with (SearchView::kMaxResults, wasm/ui/search_view.h): FlexSearch is
// asked for as many, so both stop at the same point and return the same amount.
const RESULT_LIMIT = 500;

// Times every query on `engine` ('reader' or 'flexsearch'): one untimed round that counts hits,
// then up to `rounds` timed rounds, fewer if budgetMs runs out (at least one). Rounds go over the
// whole set, so no query follows itself: the reader keeps the last query's results, and a repeat
// would be answered from there. Both engines return article ids (FlexSearch's numeric ids mapped
// back). Returns one {ms (median over rounds), hits} per query.
export function timeQueries(page, engine, queries, { rounds = 5, budgetMs = 60000 } = {}) {
  return page.evaluate(({ engine, queries, rounds, budgetMs, limit }) => {
    const run = engine === 'reader'
      ? (q) => window.reader.search(q)
      : (q) => window.benchFlex.index.search(q, { limit }).map((i) => window.benchFlex.ids[i]);
    const hits = queries.map((q) => run(q).length);
    const times = queries.map(() => []);
    const deadline = performance.now() + budgetMs;
    for (let r = 0; r < rounds && (r === 0 || performance.now() < deadline); r++) {
      queries.forEach((q, i) => {
        const started = performance.now();
        run(q);
        times[i].push(performance.now() - started);
      });
    }
    const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
    return queries.map((q, i) => ({ ms: median(times[i]), hits: hits[i] }));
  }, { engine, queries, rounds, budgetMs, limit: RESULT_LIMIT });
}
