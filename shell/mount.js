// mount(element, options) -> a reader instance: one reader's lifecycle. It builds the reader's parts
// in order, starts its WebAssembly module, loads the bundle, and destroy() takes it all down again.
// Each reader gets its own canvas and its own instance of the module, so several readers can share
// a page. Nothing here touches the page outside `element`.
import createReaderModule from './reader-module.js';
import { FONT_STACK, SERIF_STACK, fallbackFontIfNeeded } from './fonts.js';
import { createHashRouting } from './hash_routing.js';
import { createLoader } from './loading.js';
import { createMirror } from './mirror.js';
import { callWithString, readJson } from './module_memory.js';
import { watchPage } from './page_signals.js';
import { installPrintStyle } from './print_style.js';
import { createReaderApi } from './reader_api.js';
import { applyOptions } from './reader_options.js';
import { createSession } from './session.js';
import { createSpeech } from './speech.js';
import { createTextInput } from './text_input.js';

// How long the canvas stays empty before it says "loading": a bundle that arrives sooner is the
// first thing drawn (no flash of a loading frame, no competition for the CPU at start-up).
const LOADING_DELAY_MS = 300;

function createCanvas(element, label) {
  const canvas = document.createElement('canvas');
  canvas.tabIndex = 0;  // focusable: the reader takes keys only while it has focus
  canvas.setAttribute('aria-label', label || 'Article reader');
  Object.assign(canvas.style, {display: 'block', width: '100%', height: '100%', outline: 'none', touchAction: 'none'});
  element.appendChild(canvas);
  return canvas;
}

// The text mirror of the view for screen readers, the keyboard and find-in-page (mirror.js,
// docs/accessibility.md), rebuilt once per change the module signals (onContentChange).
function followWithMirror(element, session) {
  const call = (fn) => session.module && fn(session.module);
  const mirror = createMirror(element, {
    open: (id) => call((m) => callWithString(m, m._reader_open, String(id))),
    go: (fragment) => call((m) => callWithString(m, m._reader_go_fragment, fragment)),
    reveal: (paragraph) => call((m) => m._reader_reveal_paragraph(paragraph)),
  });
  let queued = false;  // an update waits for the end of the module's call
  function onContentChange() {
    if (queued) return;
    queued = true;
    queueMicrotask(() => { queued = false; call((m) => mirror.update(readJson(m, m._reader_view_content()))); });
  }
  return { onContentChange, destroy: () => mirror.destroy() };
}

// Debugging: `debug: true` loads the module built with the debug panels (never the default: the
// panels weigh about 57 KB gzip) and opens them; `log: 'debug'|'info'|'warn'|'error'` sends the
// reader's log to the console. docs/debugging.md.
function moduleFactory(debug) {
  return debug
    ? import('./reader-module-debug.js').then((m) => m.default)
    : Promise.resolve(createReaderModule);
}

// The module, started with the fallback font when the browser needs one and `hooks` (the page's
// side of its calls); null when the reader was destroyed meanwhile.
async function startModule(session, options, hooks) {
  const [fallbackFont, factory] = await Promise.all([fallbackFontIfNeeded(options.font), moduleFactory(options.debug)]);
  if (fallbackFont) session.fontSource = 'fallback';
  const module = await factory({
    ...hooks,
    wasmBinary: options.wasmBinary,  // the module's bytes, when the page has them (standalone)
    fontStack: FONT_STACK,
    serifStack: SERIF_STACK,
    fallbackFont,
    logLevel: options.log || '',
  });
  if (!session.destroyed) return module;
  module._reader_destroy();
  return null;
}

export function mount(element, options = {}) {
  const session = createSession();
  const canvas = createCanvas(element, options.label);
  const printStyle = installPrintStyle(element);
  const textInput = createTextInput(element, canvas, session, options.searchLabel);
  const speech = createSpeech(session);
  const routing = createHashRouting(session, options.hashRouting !== false);
  const mirror = options.mirror === false ? null : followWithMirror(element, session);
  const loader = createLoader(session, {retries: options.retries ?? 4, afterLoad: routing.afterLoad});
  const page = watchPage(element, session);
  let resolveReady = null;
  const ready = new Promise((resolve) => { resolveReady = resolve; });

  startModule(session, options, {
    canvas,
    imeInput: textInput.imeInput,
    onTextInput: textInput.onTextInput,
    onFirstView: () => { resolveReady(); session.emit('ready'); },
    onPlaceChange: routing.onPlaceChange,
    onContentChange: mirror ? mirror.onContentChange : () => {},
    onRetry: loader.retry,
    onShardRequest: loader.loadShard,
    onTraditionalTableRequest: loader.loadTraditionalTable,
    onSpeak: speech.speak,
    onSpeechControl: speech.control,
  }).then((module) => {
    if (!module) return;
    session.module = module;
    if (options.debug) module._reader_set_debug(1);
    page.followColorScheme();
    applyOptions(module, options, false);
    setTimeout(() => session.module && session.module._reader_show(), LOADING_DELAY_MS);
  }).then(() => session.startEnded(), (err) => session.startFailed(err));

  // destroy(): the canvas and the mirror leave the page, every listener goes, and the module is
  // dropped (its memory with it, once nothing else holds it).
  function destroy() {
    if (session.destroyed) return;
    session.destroyed = true;
    page.remove();
    routing.remove();
    speech.stop();
    session.module?._reader_destroy();
    session.module = null;
    mirror?.destroy();
    printStyle.remove();
    canvas.remove();
    textInput.remove();
    session.dropListeners();
  }

  if (options.bundle) loader.load(options.bundle);
  return createReaderApi(session, canvas, { ready, load: loader.load, destroy });
}
