// The reader instance mount() returns (reader.d.ts, interface Reader): queries and commands on one
// reader's module, with answers that make sense before the module has started and after destroy().
import { callWithString, encode, readJson, readText, withBytes } from './module_memory.js';
import { setOptions } from './reader_options.js';

// What state() says before the module has started.
const STATE_BEFORE_START = {
  view: 'list', query: null, categoryId: null, articleId: null, fontSize: 'medium', rubyMode: 'above', toneColors: 'none',
  theme: 'auto', script: 'original', serif: false, title: null, position: null, speaking: null, error: null,
};

// parts: {ready, load, destroy} of the reader's lifecycle (mount.js).
export function createReaderApi(session, canvas, { ready, load, destroy, annotations }) {
  const json = (ptr) => readJson(session.module, ptr);
  const text = (ptr) => readText(session.module, ptr);
  // fn(module) while there is a module, else `otherwise`.
  const withModule = (fn, otherwise) => (session.module ? fn(session.module) : otherwise);

  return {
    ready,
    load,
    state: () => withModule((m) => json(m._reader_state()), {...STATE_BEFORE_START}),
    list: () => withModule((m) => json(m._reader_list()), []),
    open: (id) => withModule((m) => !!callWithString(m, m._reader_open, String(id)), false),
    // Ids of the articles the query finds (exact substrings, traditional = simplified).
    search: (query) => withModule((m) => callWithString(m, (p) => json(m._reader_search(p)), String(query)), []),
    // The URL fragment of the current view, also when hash routing is off.
    fragment: () => withModule((m) => text(m._reader_fragment()), '#/'),
    back: () => withModule((m) => !!m._reader_back(), false),
    // Rectangle of a clickable element in CSS pixels of the page's viewport, or null.
    itemRect(key) {
      const rect = withModule((m) => callWithString(m, (ptr) => json(m._reader_item_rect(ptr)), key), null);
      if (!rect) return null;
      const box = canvas.getBoundingClientRect();
      return {x: box.left + rect.x, y: box.top + rect.y, w: rect.w, h: rect.h};
    },
    // Line breaks of a paragraph under fixed metrics: the same as `reader-tool lines` natively.
    describeLines: (paragraph, width, mode = 'above') => withModule((m) => withBytes(m, encode(paragraph),
      (p) => withBytes(m, encode(mode), (k) => text(m._reader_describe_lines(p, width, k)))), null),
    // Where glyphs come from: 'canvas' (the browser's fonts) or 'fallback' (the subset font).
    fontSource: () => session.fontSource,
    // Glyphs the browser rasterised for this reader so far: {glyphs, batches, ms}.
    glyphStats: () => (session.module?.glyphStats ? {...session.module.glyphStats} : {glyphs: 0, batches: 0, ms: 0}),
    // {bytes, parseMs, indexMs, articles, searchIndexBytes} of the last load, and the heap's size.
    loadStats: () => withModule((m) => ({...json(m._reader_load_stats()), heapBytes: m.HEAPU8.length}), null),
    // What a search view costs beyond the search (ms, timed in the module): {results, matching, searchMs,
    // viewMs, excerptsMs (500 results'), subResultsMs (theirs), matchMs (every match), facetsMs (counting)}.
    findTimings: (query) => withModule((m) => callWithString(m, (p) => json(m._reader_find_timings(p)), String(query)), null),
    // CPU ms of the last frames drawn (up to 240), oldest first.
    frameTimes: () => withModule((m) => json(m._reader_frame_times()), []),
    // Figures' images: {textures, bytes, budget, pending, uploads, zoom} (textures kept, their GPU
    // bytes and the budget, requests unanswered, uploads so far, whether the zoom view is open).
    imageStats: () => withModule((m) => json(m._reader_image_stats()), null),
    // Frames drawn so far: idle means this stops growing.
    framesDrawn: () => withModule((m) => m._reader_frames_drawn(), 0),
    async setOptions(changes = {}) {
      await session.started;
      return withModule((m) => setOptions(m, changes), false);
    },
    // This bundle's highlights, notes and bookmarks as W3C Web Annotations (the stored JSON).
    annotations: () => annotations.all(),
    // Merges annotations (a JSON text or the array annotations() gave): {ok, added, updated, unchanged}
    // or {ok: false, error}; nothing stored is lost either way.
    importAnnotations: (json) => annotations.importText(typeof json === 'string' ? json : JSON.stringify(json)),
    on: (event, fn) => session.on(event, fn),
    off: (event, fn) => session.off(event, fn),
    destroy,
    // Prints the current view (an article: as a page of print) with the browser's print dialog.
    print: () => window.print(),
  };
}
