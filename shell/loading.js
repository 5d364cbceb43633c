// Fetching what the module reads: the bundle (downloaded while the module compiles; neither waits
// for the other), a split bundle's shards as articles in them open, and the Simplified ->
// Traditional table the first time a reader asks for that script. Retries: bundle_fetch.js.
import { fetchBundle } from './bundle_fetch.js';
import { callWithString, encode, readText, withBytes } from './module_memory.js';

// What load() answers when a later load() overtook it: the module was left to the later one.
export const OVERTAKEN = 'overtaken by a later load()';

const retryLogger = (session) => (message, delay) => session.log(2, `${message}; trying again in ${delay} ms`);

// A split bundle's shard, asked for by the module when an article whose body is in it opens;
// fetched relative to the bundle's URL (base). Dropped when stillWanted() says another load came.
async function shardIntoModule(session, { path, base, retries, stillWanted }) {
  const url = new URL(path, base).href;
  let bytes = null;
  let failure = '';
  try {
    bytes = await fetchBundle(url, { attempts: retries, onRetry: retryLogger(session) });
  } catch (err) {
    failure = err.message;
  }
  const module = session.module;
  if (!module || !stillWanted()) return;
  if (failure) {
    session.log(3, `shard failed: ${failure}`);
    withBytes(module, encode(path), (p) => callWithString(module, (m) => module._reader_shard_failed(p, m), failure));
    return;
  }
  session.log(1, `shard: ${url}, ${bytes.length} bytes`);
  try {
    withBytes(module, encode(path), (p) => withBytes(module, bytes, (b, n) => module._reader_load_shard(p, b, n)));
  } catch (err) {
    withBytes(module, encode(path), (p) => callWithString(module, (m) => module._reader_shard_failed(p, m), err.message));
  }
}

// A script conversion table the module asked for by name (t2s.txt, about 23 KB gzip; s2t.txt,
// about 420 KB): beside the module; until it arrives the text shows as written.
const SCRIPT_TABLES = new Set(['t2s.txt', 's2t.txt']);
// `given` holds the tables the page has as bytes (mount's `scriptTables`: the standalone file).
async function scriptTableIntoModule(session, file, { retries, given }) {
  if (!SCRIPT_TABLES.has(file)) return;
  try {
    const bytes = given?.[file] ?? await fetchBundle(new URL(file, import.meta.url).href, { attempts: retries });
    const module = session.module;
    if (module) withBytes(module, encode(file), (f) => withBytes(module, bytes, (p, n) => module._reader_load_script_table(f, p, n)));
  } catch (err) {
    session.log(3, `script table ${file}: ${err.message}`);
  }
}

// A bundle given as data: its bytes (Uint8Array, ArrayBuffer) as they are, so that every number
// reaches the reader exactly as written; an object is serialised (its numbers are JavaScript
// numbers already: exact up to 2^53).
function bundleBytes(source) {
  if (source instanceof Uint8Array) return source;
  if (source instanceof ArrayBuffer) return new Uint8Array(source);
  if (ArrayBuffer.isView(source)) return new Uint8Array(source.buffer, source.byteOffset, source.byteLength);
  return encode(JSON.stringify(source));
}

// A bundle's bytes into the module: streamed first, a chunk at a time as the module asks for them, so
// that they never sit whole in its memory beside the bundle it builds; a bundle that does not load
// that way is handed over whole, and the module says why. The error text, or ''.
function bytesIntoModule(module, bytes) {
  let offset = 0;
  module.readBundle = (ptr, room) => {
    const n = Math.min(room, bytes.length - offset);
    module.HEAPU8.set(bytes.subarray(offset, offset + n), ptr);  // HEAPU8 now: the memory may have grown
    offset += n;
    return n;
  };
  try {
    if (module._reader_load_bundle_streamed(bytes.length)) return '';
  } finally {
    module.readBundle = null;
  }
  return readText(module, withBytes(module, bytes, module._reader_load_bundle));
}

// load(source) is the reader's load(); retry, loadShard and loadScriptTable answer the
// module's requests. afterLoad() runs after each bundle the module has read (hash routing's).
export function createLoader(session, { retries, afterLoad, scriptTables }) {
  let lastSource = null;             // what load() was last given, for the error view's retry button
  let loads = 0;                     // load() calls so far: only the latest one's bundle is applied
  let shown = 0;                     // bundles the module has taken: a shard for an older one is dropped
  let bundleBase = document.baseURI; // shards are fetched relative to the URL of the bundle shown

  // Loads overtake each other by arriving, not by starting: load(A) slow then load(B) fast must end
  // on B. Each load knows its number; one that a later load() overtook while it was fetching leaves
  // the module alone and says so. The shard base moves only with a bundle the module took.
  async function load(source) {
    const fetchStart = performance.now();
    const generation = ++loads;
    const base = typeof source === 'string' ? new URL(source, document.baseURI).href : document.baseURI;
    const bytes = typeof source === 'string' ? await fetchBytes(source) : bundleBytes(source);
    const fetchMs = performance.now() - fetchStart;
    try {
      await session.started;
    } catch (err) {
      return err.message;  // the module did not start: `ready` and `error` say so already
    }
    if (generation !== loads) return OVERTAKEN;
    if (typeof bytes !== 'string') session.log(1, `fetch: ${typeof source === 'string' ? source : 'data'}, ${bytes.length} bytes in ${fetchMs.toFixed(1)} ms`);
    if (typeof bytes === 'string') return failLoad(bytes);
    let error;
    try {
      error = bytesIntoModule(session.module, bytes);
    } catch (err) {
      return failLoad(err.message);
    }
    return finishLoad(error, base);
  }

  // The bundle's bytes, or a message saying why there are none.
  async function fetchBytes(url) {
    lastSource = url;
    try {
      return await fetchBundle(url, {
        attempts: retries,
        onProgress: (received, total) => session.module && session.module._reader_load_progress(received, total),
        onRetry: retryLogger(session),
      });
    } catch (err) {
      return err.message;
    }
  }

  function finishLoad(error, base) {
    if (!error) {
      shown += 1;
      bundleBase = base;
      session.bundleBase = base;  // the mirror's and the canvas's links to the bundle's own files
    }
    afterLoad();
    if (error) session.emit('error', error);
    return error || null;
  }

  function failLoad(message) {
    const module = session.module;
    session.log(3, `load failed: ${message}`);
    callWithString(module, module._reader_load_failed, message);
    session.emit('error', message);
    return message;
  }

  return {
    load,
    // The error view's retry button: the last source again.
    retry: () => { if (lastSource) load(lastSource); },
    loadShard(path) {
      const forBundle = shown;
      shardIntoModule(session, { path, base: bundleBase, retries, stillWanted: () => forBundle === shown });
    },
    loadScriptTable: (file) => { scriptTableIntoModule(session, file, { retries, given: scriptTables }); },
  };
}
