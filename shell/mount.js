// mount(element, options) -> a reader instance: one reader's lifecycle. It builds the reader's parts
// in order, starts its WebAssembly module, loads the bundle, and destroy() takes it all down again.
// Each reader gets its own canvas and its own instance of the module, so several readers can share
// a page. Nothing here touches the page outside `element`.
import { createAnnotations } from './annotations.js';
import { createHashRouting } from './hash_routing.js';
import { followKeyboardFocus } from './keyboard_focus.js';
import { createImages } from './images.js';
import { createLoader } from './loading.js';
import { createMirror } from './mirror.js';
import { callWithString, readJson } from './module_memory.js';
import { scrollPageBy, watchPage } from './page_signals.js';
import { installPrintStyle } from './print_style.js';
import { createReaderApi } from './reader_api.js';
import { createStarter, startModule } from './module_start.js';
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
  showKeyboardFocus(canvas);
  element.appendChild(canvas);
  return canvas;
}

// The focused reader shows it when the focus came from the keyboard (:focus-visible), as a page's
// own controls do: the browser's own ring (outline-style auto, drawn to stand out on any
// background and in forced colours), just inside the canvas's edge so that a box that clips its
// overflow keeps it. A click or tap that focuses the reader shows none.
function showKeyboardFocus(canvas) {
  const ring = (on) => Object.assign(canvas.style, on ? {outline: 'auto', outlineOffset: '-3px'} : {outline: 'none'});
  canvas.addEventListener('focus', () => ring(canvas.matches(':focus-visible')));
  canvas.addEventListener('blur', () => ring(false));
  canvas.addEventListener('pointerdown', () => ring(false));
}

// A file of the bundle's (an attachment's or a figure's relative path, which the module has checked
// stays in the bundle's folder; a figure's https: URL stays as it is) as a URL: beside the bundle shown.
function bundleFileUrl(session, path) {
  return new URL(path, session.bundleBase || document.baseURI).href;
}

// The text mirror of the view for screen readers, the keyboard and find-in-page (mirror.js,
// docs/accessibility.md), rebuilt once per change the module signals (onContentChange).
function followWithMirror(element, session) {
  const call = (fn) => session.module && fn(session.module);
  const mirror = createMirror(element, {
    open: (id) => call((m) => callWithString(m, m._reader_open, String(id))),
    go: (fragment) => call((m) => callWithString(m, m._reader_go_fragment, fragment)),
    reveal: (paragraph) => call((m) => m._reader_reveal_paragraph(paragraph)),
    bundleFileUrl: (path) => bundleFileUrl(session, path),
  });
  let queued = false;  // an update waits for the end of the module's call
  function onContentChange() {
    if (queued) return;
    queued = true;
    queueMicrotask(() => { queued = false; call((m) => mirror.update(readJson(m, m._reader_view_content()))); });
  }
  return { onContentChange, destroy: () => mirror.destroy() };
}

// The reader each element holds: mounting twice on one element gives the same one.
const mounted = new WeakMap();
// What an <article-reader> changes on its reader after mount, beside the public API.
const liveControls = new WeakMap();

// The reader's visit-only options, its mirror and hash routing, changed after mount (the element's
// attributes): liveControl(reader)?.set(name, value).
export const liveControl = (reader) => liveControls.get(reader);

// What an element's attributes change after mount: visit-only options (never saved; null or ''
// drops the page's choice), the mirror, hash routing and overscroll.
function createLiveControl(element, session, routing, overscroll, mirrorSlot) {
  return {
    option(name, value) {  // at once, or once the module has started
      const apply = () => session.module && applyOptions(session.module, {[name]: value ?? ''}, false);
      if (session.module) apply();
      else session.started.then(apply, () => {});
    },
    mirror(on) {
      const mirror = mirrorSlot.getMirror();
      if (!on && mirror) { mirror.destroy(); mirrorSlot.setMirror(null); }
      if (on && !mirror) { mirrorSlot.setMirror(followWithMirror(element, session)); mirrorSlot.getMirror().onContentChange(); }
    },
    hashRouting: (on) => routing.setEnabled(on),
    overscroll(value) {
      overscroll.contain = value === 'contain';
      session.module?._reader_set_overscroll(overscroll.contain ? 1 : 0);
    },
  };
}

// The failure of mount(null) and the like, naming what was missing.
function checkContainer(element) {
  if (element instanceof Element) return;
  throw new TypeError(`mount(): the container element is missing (got ${element === null ? 'null' : typeof element}); pass the element the reader should fill`);
}

export function mount(element, options = {}) {
  checkContainer(element);
  if (mounted.has(element)) return mounted.get(element);
  const session = createSession(element);
  const canvas = createCanvas(element, options.label);
  const printStyle = installPrintStyle(element);
  const textInput = createTextInput(element, canvas, session, options.searchLabel);
  const keyboardFocus = followKeyboardFocus(element, canvas, textInput.imeInput, session);
  const speech = createSpeech(session);
  const images = createImages(session, (src) => bundleFileUrl(session, src));
  const routing = createHashRouting(session, options.hashRouting === true);
  let mirror = options.mirror === false ? null : followWithMirror(element, session);
  const annotations = createAnnotations(session);
  const afterLoad = () => { annotations.setSource(session.bundleBase || document.baseURI); routing.afterLoad(); };
  const loader = createLoader(session, {retries: options.retries ?? 4, afterLoad, scriptTables: options.scriptTables});
  const page = watchPage(element, session);
  let settleReady = null;
  const ready = new Promise((resolve, reject) => { settleReady = {resolve, reject}; });
  ready.catch(() => {});  // a page that never awaits it still hears of the failure through `error`

  const hooks = {
    canvas,
    imeInput: textInput.imeInput,
    onTextInput: textInput.onTextInput,
    onFirstView: () => { settleReady.resolve(); session.emit('ready'); },
    onPlaceChange: routing.onPlaceChange,
    onContentChange: () => mirror?.onContentChange(),
    onRetry: loader.retry,
    onShardRequest: loader.loadShard,
    onScriptTableRequest: loader.loadScriptTable,
    bundleFileUrl: (path) => bundleFileUrl(session, path),
    onImageRequest: images.request,
    imageQueue: images.queue,
    onSpeak: speech.speak,
    onSpeechControl: speech.control,
    onOverscroll: (pixels) => scrollPageBy(element, pixels),
    ...annotations.hooks,
  };
  const overscroll = {contain: options.overscroll === 'contain'};
  function started(module) {
    if (!module) return;
    session.module = module;
    if (options.debug) module._reader_set_debug(1);
    page.followColorScheme();
    applyOptions(module, options, false);
    module._reader_set_overscroll(overscroll.contain ? 1 : 0);
    setTimeout(() => session.module && session.module._reader_show(), LOADING_DELAY_MS);
  }
  const starter = createStarter(element, canvas, session, {
    start: () => startModule(session, options, hooks).then(started),
    reject: (err) => settleReady.reject(err),
    reload: () => options.bundle && loader.load(options.bundle),
    locale: options.locale,
  });
  starter.start();

  // destroy(): the canvas and the mirror leave the page, every listener goes, and the module is
  // dropped (its memory with it, once nothing else holds it).
  function destroy() {
    if (session.destroyed) return;
    session.destroyed = true;
    mounted.delete(element);
    page.remove();
    keyboardFocus.remove();
    routing.remove();
    speech.stop();
    images.stop();
    session.module?._reader_destroy();
    session.module = null;
    mirror?.destroy();
    starter.remove();
    printStyle.remove();
    canvas.remove();
    textInput.remove();
    session.dropListeners();
  }

  if (options.bundle) loader.load(options.bundle);
  const reader = createReaderApi(session, canvas, { ready, load: loader.load, destroy, annotations });
  mounted.set(element, reader);
  liveControls.set(reader, createLiveControl(element, session, routing, overscroll, {
    getMirror: () => mirror,
    setMirror: (next) => { mirror = next; },
  }));
  return reader;
}
