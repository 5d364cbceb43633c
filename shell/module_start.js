// Starting a reader's WebAssembly module, and saying why it did not start: a missing or broken
// module (404, a network or CORS failure, a failed instantiation, an abort) rejects `ready`, fires
// `error` with a message naming the file and the cause, and the reader's box shows that message
// with a retry button instead of staying blank.
import createReaderModule from './reader-module.js';
import { failureOf } from './bundle_fetch.js';
import { FONT_STACK, SERIF_STACK, fallbackFontIfNeeded } from './fonts.js';
import { loadStoredAnnotations } from './annotations.js';

// Debugging: `debug: true` loads the module built with the debug panels (never the default: the
// panels weigh about 57 KB gzip) and opens them; `log: 'debug'|'info'|'warn'|'error'` sends the
// reader's log to the console. docs/debugging.md.
function moduleFactory(debug) {
  return debug
    ? import('./reader-module-debug.js').then((m) => m.default)
    : Promise.resolve(createReaderModule);
}

// The module, started with the fallback font when the browser needs one and `hooks` (the page's
// side of its calls); null when the reader was destroyed meanwhile. Rejects with an Error whose
// message names the file and the cause.
export async function startModule(session, options, hooks) {
  const wasmFile = options.debug ? 'reader-module-debug.wasm' : 'reader-module.wasm';
  let module;
  try {
    const [fallbackFont, factory, storedAnnotations] = await Promise.all([
      fallbackFontIfNeeded(options.font), moduleFactory(options.debug), loadStoredAnnotations()]);
    if (fallbackFont) session.fontSource = 'fallback';
    module = await factory({
      ...hooks,
      wasmBinary: options.wasmBinary,  // the module's bytes, when the page has them (standalone)
      fontStack: FONT_STACK,
      serifStack: SERIF_STACK,
      fallbackFont,
      storedAnnotations,
      logLevel: options.log || '',
    });
  } catch (err) {
    throw new Error(await whyNotStarted(wasmFile, options.wasmBinary, err));
  }
  if (!session.destroyed) return module;
  module._reader_destroy();
  return null;
}

// "reader-module.wasm: HTTP 404 Not Found at URL", "... at URL: blocked by CORS: ..." (the files
// on another origin that lets the page import the modules but not read the wasm), "...: not
// reachable at URL (network error, or blocked by the Content-Security-Policy)", or the
// instantiation's own error after the file's name.
async function whyNotStarted(wasmFile, wasmBinary, err) {
  const reason = String(err && err.message ? err.message : err).replace(/^Aborted\((.*)\)\.?.*$/s, '$1');
  if (wasmBinary) return `${wasmFile} (given as bytes): ${reason}`;
  const url = new URL(wasmFile, import.meta.url).href;
  let response;
  try {
    response = await fetch(url, {cache: 'no-store'});
  } catch (fetchError) {
    const failure = await failureOf(url, fetchError);
    if (!failure.retryable) return `${wasmFile} at ${url}: ${failure.message}`;  // refused by CORS
    return `${wasmFile}: not reachable at ${url} (network error, or blocked by the Content-Security-Policy)`;
  }
  if (!response.ok) return `${wasmFile}: HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''} at ${url}`;
  const type = response.headers.get('content-type') || 'none';
  const mime = type.startsWith('application/wasm') ? '' : ` (served as ${type}, not application/wasm)`;
  return `${wasmFile}: could not be started${mime}: ${reason}`;
}

const RETRY_LABEL = {en: 'Retry', 'zh-Hans': '重试'};

// The message in the reader's box, with a button that calls retry(); remove() takes it away.
function showStartFailure(element, message, locale, retry) {
  const box = document.createElement('div');
  box.setAttribute('role', 'alert');
  Object.assign(box.style, {padding: '1em', font: `14px/1.5 ${FONT_STACK}`, color: '#8a1c1c', background: '#fff6f6',
    border: '1px solid #e5b3b3', boxSizing: 'border-box', overflowWrap: 'anywhere'});
  const text = document.createElement('p');
  text.style.margin = '0 0 0.75em';
  text.textContent = message;
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = RETRY_LABEL[locale] || (String(locale || '').toLowerCase().startsWith('en') ? 'Retry' : '重試');
  button.addEventListener('click', () => { box.remove(); retry(); });
  box.append(text, button);
  element.appendChild(box);
  return { remove: () => box.remove() };
}

// Starts the module (steps.start); a failure rejects `ready` (once: steps.reject), fires `error`
// and shows the box saying why, whose button starts again and loads the bundle again (steps.reload).
export function createStarter(element, canvas, session, steps) {
  let failure = null;  // the box
  function failed(err) {
    session.startFailed(err);
    if (session.destroyed) return;
    steps.reject(err);
    session.emit('error', err.message);
    canvas.style.display = 'none';
    failure = showStartFailure(element, err.message, steps.locale, () => {
      failure = null;
      canvas.style.display = 'block';
      session.restart();
      start();
      steps.reload();
    });
  }
  function start() {
    steps.start().then(() => session.startEnded(), failed);
  }
  return { start, remove: () => failure?.remove() };
}
