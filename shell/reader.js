// Embedding API of the article reader: mount(element, options) -> a reader instance.
// Each reader gets its own canvas and its own instance of the WebAssembly module, so several
// readers can share a page. Nothing here touches the page outside `element`.
import createReaderModule from './reader-module.js';
import { fetchBundle } from './bundle_fetch.js';
import { createMirror } from './mirror.js';

const encoder = new TextEncoder();

// The fonts glyphs are drawn with: CJK faces common on each platform first, then the system's.
const FONT_STACK = '"Noto Sans CJK TC", "Noto Sans TC", "Source Han Sans TC", "PingFang TC", ' +
  '"Microsoft JhengHei", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif';
// The serif (Ming / Song) faces for the body when a reader picks 明體.
const SERIF_STACK = '"Noto Serif CJK TC", "Noto Serif TC", "Source Han Serif TC", "PMingLiU", "Songti TC", ' +
  '"Noto Serif CJK SC", "Songti SC", "SimSun", serif';
const FALLBACK_FONT = new URL('fonts/reader-fallback.otf', import.meta.url);

// Can this browser draw Chinese with the fonts it has? Two different characters drawn with no CJK
// font come out as the same "missing glyph" box (or as nothing).
function browserDrawsChinese() {
  try {
    const canvas = typeof OffscreenCanvas !== 'undefined' ? new OffscreenCanvas(32, 32) : document.createElement('canvas');
    canvas.width = canvas.height = 32;
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) return false;
    ctx.font = `24px ${FONT_STACK}`;
    const draw = (ch) => {
      ctx.clearRect(0, 0, 32, 32);
      ctx.fillText(ch, 4, 26);
      return ctx.getImageData(0, 0, 32, 32).data;
    };
    const a = draw('中');
    const b = draw('國');
    let ink = false;
    let differ = false;
    for (let i = 3; i < a.length; i += 4) {
      ink ||= a[i] > 0;
      differ ||= a[i] !== b[i];
    }
    return ink && differ;
  } catch {
    return false;
  }
}

// The fallback font's bytes when the browser cannot draw Chinese (or `font: 'fallback'` forces it).
async function fallbackFontIfNeeded(option) {
  if (option !== 'fallback' && browserDrawsChinese()) return null;
  try {
    const response = await fetch(FALLBACK_FONT);
    return response.ok ? new Uint8Array(await response.arrayBuffer()) : null;
  } catch {
    return null;  // no font to be had (offline, file://): draw with what the browser has
  }
}

// Copies bytes into the module's memory for the duration of fn(pointer, length).
function withBytes(module, bytes, fn) {
  const ptr = module._malloc(bytes.length + 1);
  module.HEAPU8.set(bytes, ptr);
  module.HEAPU8[ptr + bytes.length] = 0;
  try {
    return fn(ptr, bytes.length);
  } finally {
    module._free(ptr);
  }
}

function callWithString(module, fn, text) {
  return withBytes(module, encoder.encode(text), (ptr) => fn(ptr));
}

// Printing (Ctrl+P, or print()): the page prints this reader's text mirror, styled as a page of
// print (title, time and source, the body, the site's hotlines and address), instead of the canvas.
// The rules are scoped to this reader's element and apply only in print.
let printIds = 0;
function installPrintStyle(element) {
  const id = String(++printIds);
  element.setAttribute('data-article-reader', id);
  const scope = `[data-article-reader="${id}"]`;
  const mirror = `${scope} [data-reader-mirror]`;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(`@media print {
  ${scope} { height: auto !important; overflow: visible !important; }
  ${scope} > canvas, ${scope} > input { display: none !important; }
  ${mirror} { position: static !important; width: auto !important; height: auto !important; margin: 0 !important;
    overflow: visible !important; clip-path: none !important; white-space: normal !important;
    font: 12pt/1.8 "Noto Serif CJK TC", "Noto Serif CJK SC", serif; color: #000; }
  ${mirror} nav { display: none !important; }
  ${mirror} header { border-bottom: 1px solid #888; margin-bottom: 1em; }
  ${mirror} header ul { list-style: none; padding: 0; }
  ${mirror} h1 { font-size: 18pt; text-align: center; margin: .5em 0; }
  ${mirror} article > p:first-of-type { text-align: center; color: #444; }
  ${mirror} p[data-paragraph] { text-indent: 2em; margin: 0 0 .6em; }
  ${mirror} rt { font-size: 50%; }
  ${mirror} a { color: inherit; text-decoration: none; }
  ${mirror} footer { border-top: 1px solid #888; margin-top: 1.5em; font-size: 10pt; }
}`);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  return {
    remove() {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
      element.removeAttribute('data-article-reader');
    },
  };
}

export function mount(element, options = {}) {
  const canvas = document.createElement('canvas');
  canvas.tabIndex = 0;  // focusable: the reader takes keys only while it has focus
  canvas.setAttribute('aria-label', options.label || 'Article reader');
  Object.assign(canvas.style, {display: 'block', width: '100%', height: '100%', outline: 'none', touchAction: 'none'});
  element.appendChild(canvas);
  const printStyle = installPrintStyle(element);

  // Text input: while a text field of the reader (the search box) is active, a real <input> sits at
  // its caret. It receives what the canvas cannot: IME composition (the candidate window appears
  // there), a phone's virtual keyboard, paste; its text goes to the module as it is committed.
  // Transparent, so that only the text being composed shows, at the caret.
  const imeInput = document.createElement('input');
  Object.assign(imeInput, {type: 'text', autocomplete: 'off', spellcheck: false, tabIndex: -1});
  imeInput.setAttribute('autocapitalize', 'off');
  imeInput.setAttribute('aria-label', options.searchLabel || 'Search');
  Object.assign(imeInput.style, {
    position: 'fixed', left: '0', top: '0', width: '1px', height: '1px', margin: '0', padding: '0', border: '0',
    background: 'transparent', outline: 'none', caretColor: 'transparent', color: '#1752a0',
    textDecoration: 'underline', pointerEvents: 'none', opacity: '0',
  });
  element.appendChild(imeInput);
  let composing = false;
  function flushText() {
    const value = imeInput.value;
    imeInput.value = '';
    if (value && module) callWithString(module, module._reader_text_input, value);
  }
  imeInput.addEventListener('compositionstart', () => { composing = true; imeInput.style.opacity = '1'; });
  imeInput.addEventListener('compositionend', () => { composing = false; imeInput.style.opacity = '0'; flushText(); });
  imeInput.addEventListener('input', (event) => { if (!composing && !event.isComposing) flushText(); });
  // Ctrl+V / Cmd+V: ImGui pastes on that key and reads the clipboard synchronously, so the text is
  // handed over first; a paste from a menu (no key) is text like any other.
  let pasteKey = false;
  imeInput.addEventListener('keydown', (event) => { pasteKey = (event.ctrlKey || event.metaKey) && event.code === 'KeyV'; });
  imeInput.addEventListener('paste', (event) => {
    const text = event.clipboardData ? event.clipboardData.getData('text/plain') : '';
    event.preventDefault();
    if (!module || !text) return;
    callWithString(module, pasteKey ? module._reader_set_pasted_text : module._reader_text_input, text);
    pasteKey = false;
  });
  function onTextInput(active, x, y, lineHeight) {
    if (!active) {
      if (document.activeElement === imeInput) canvas.focus({preventScroll: true});
      return;
    }
    const box = canvas.getBoundingClientRect();
    Object.assign(imeInput.style, {
      left: `${box.left + x}px`, top: `${box.top + y}px`, height: `${lineHeight}px`,
      width: `${Math.max(40, box.right - box.left - x)}px`, font: `${Math.round(lineHeight * 0.8)}px ${FONT_STACK}`,
    });
    if (document.activeElement !== imeInput) imeInput.focus({preventScroll: true});
  }
  // A phone opens its keyboard only for a focus inside the user's gesture: a tap on the search box
  // focuses the input at once, before the module's next frame activates the field.
  canvas.addEventListener('pointerup', (event) => {
    if (event.pointerType !== 'touch' || !module) return;
    const rect = json(callWithString(module, module._reader_item_rect, 'search'));
    const box = canvas.getBoundingClientRect();
    const x = event.clientX - box.left;
    const y = event.clientY - box.top;
    if (rect && x >= rect.x && x <= rect.x + rect.w && y >= rect.y && y <= rect.y + rect.h) imeInput.focus({preventScroll: true});
  });

  let module = null;
  let lastSource = null;  // what load() was last given, for the error view's retry button
  let firstLoadDone = false;
  let resolveReady;
  const ready = new Promise((resolve) => { resolveReady = resolve; });
  const listeners = {ready: [], error: []};
  const emit = (event, detail) => (listeners[event] || []).forEach((fn) => fn(detail));

  const text = (ptr) => module.UTF8ToString(ptr);
  const json = (ptr) => { const t = text(ptr); return t ? JSON.parse(t) : null; };

  // The bundle downloads while the module compiles; neither waits for the other.
  async function load(source) {
    const fetchStart = performance.now();
    loads += 1;
    bundleBase = typeof source === 'string' ? new URL(source, document.baseURI).href : document.baseURI;
    const bytes = source && typeof source === 'object'
      ? encoder.encode(JSON.stringify(source))
      : await fetchBytes(source);
    const fetchMs = performance.now() - fetchStart;
    await started;
    if (typeof bytes !== 'string') log(1, `fetch: ${typeof source === 'string' ? source : 'object'}, ${bytes.length} bytes in ${fetchMs.toFixed(1)} ms`);
    if (typeof bytes === 'string') return failLoad(bytes);
    return finishLoad(withBytes(module, bytes, module._reader_load_bundle));
  }
  // The bundle's bytes, or a message saying why there are none.
  async function fetchBytes(url) {
    lastSource = url;
    try {
      return await fetchBundle(url, {
        attempts: options.retries ?? 4,
        onProgress: (received, total) => module && module._reader_load_progress(received, total),
        onRetry: (message, delay) => log(2, `${message}; trying again in ${delay} ms`),
      });
    } catch (err) {
      return err.message;
    }
  }
  // A split bundle's shard, asked for by the module when an article whose body is in it opens;
  // fetched relative to the bundle's URL. A shard that arrives after another load is dropped.
  let loads = 0;
  let bundleBase = document.baseURI;
  async function loadShard(path) {
    const forLoad = loads;
    const url = new URL(path, bundleBase).href;
    let bytes = null;
    let failure = '';
    try {
      bytes = await fetchBundle(url, {
        attempts: options.retries ?? 4,
        onRetry: (message, delay) => log(2, `${message}; trying again in ${delay} ms`),
      });
    } catch (err) {
      failure = err.message;
    }
    if (!module || forLoad !== loads) return;
    if (failure) {
      log(3, `shard failed: ${failure}`);
      withBytes(module, encoder.encode(path), (p) => callWithString(module, (m) => module._reader_shard_failed(p, m), failure));
      return;
    }
    log(1, `shard: ${url}, ${bytes.length} bytes`);
    withBytes(module, encoder.encode(path), (p) => withBytes(module, bytes, (b, n) => module._reader_load_shard(p, b, n)));
  }

  // The Simplified -> Traditional table (about 420 KB gzip), fetched the first time a reader asks
  // for the Traditional script; until it arrives the text shows as written.
  async function loadTraditionalTable() {
    try {
      const bytes = await fetchBundle(new URL('s2t.txt', import.meta.url).href, { attempts: options.retries ?? 4 });
      if (module) withBytes(module, bytes, (p, n) => module._reader_load_traditional_table(p, n));
    } catch (err) {
      log(3, `Simplified -> Traditional table: ${err.message}`);
    }
  }

  // Reading aloud with the browser's speechSynthesis: one utterance per sentence, so that the module
  // can mark the sentence being read; a voice of the text's language (zh-TW / zh-CN), else any
  // Chinese voice, else the browser's default with the language set (it may still find one).
  let speechRun = 0;  // utterances of an earlier reading report nothing
  function speak(lang, sentences, rate) {
    const synth = window.speechSynthesis;
    synth.cancel();
    const run = ++speechRun;
    const voices = synth.getVoices();
    const normal = (tag) => tag.replace('_', '-').toLowerCase();
    const voice = voices.find((v) => normal(v.lang) === lang.toLowerCase()) ||
      voices.find((v) => normal(v.lang).startsWith(lang.slice(0, 2).toLowerCase())) || null;
    if (!voice) log(2, `read aloud: no ${lang} voice installed; the browser's default speaks`);
    sentences.forEach((text, index) => {
      const utterance = new SpeechSynthesisUtterance(text);
      utterance.lang = lang;
      if (voice) utterance.voice = voice;
      utterance.rate = rate;
      utterance.onstart = () => { if (module && run === speechRun) module._reader_speaking(index); };
      const last = index === sentences.length - 1;
      utterance.onend = () => { if (module && run === speechRun && last) module._reader_speech_ended(); };
      utterance.onerror = () => { if (module && run === speechRun) { speechRun += 1; module._reader_speech_ended(); } };
      synth.speak(utterance);
    });
  }
  function speechControl(command) {
    const synth = window.speechSynthesis;
    if (command === 'pause') synth.pause();
    else if (command === 'resume') synth.resume();
    else { speechRun += 1; synth.cancel(); }
  }

  function finishLoad(errorPtr) {
    const error = text(errorPtr);
    if (hashRouting && location.hash && !firstLoadDone) applyHash();  // a pasted deep link
    firstLoadDone = true;
    if (error) emit('error', error);
    return error || null;
  }
  // A line in the reader's log (the console, at the level of the `log` option); levels 0 debug to 3 error.
  function log(level, line) {
    if (module) callWithString(module, (ptr) => module._reader_log(level, ptr), line);
  }
  function failLoad(message) {
    log(3, `load failed: ${message}`);
    callWithString(module, module._reader_load_failed, message);
    emit('error', message);
    return message;
  }

  // The text mirror of the view for screen readers, the keyboard and find-in-page (shell/mirror.js,
  // docs/accessibility.md); off with mirror: false. Rebuilt once per change the module signals.
  const mirror = options.mirror === false ? null : createMirror(element, {
    open: (id) => module && callWithString(module, module._reader_open, String(id)),
    go: (fragment) => module && callWithString(module, module._reader_go_fragment, fragment),
    reveal: (paragraph) => module && module._reader_reveal_paragraph(paragraph),
  });
  let mirrorQueued = false;
  function onContentChange() {
    if (!mirror || mirrorQueued) return;
    mirrorQueued = true;  // read after the frame, outside the module's call
    queueMicrotask(() => { mirrorQueued = false; if (module) mirror.update(json(module._reader_view_content())); });
  }

  // How long the canvas stays empty before it says "loading": a bundle that arrives sooner is the
  // first thing drawn (no flash of a loading frame, no competition for the CPU at start-up).
  const LOADING_DELAY_MS = 300;
  let fontSource = 'canvas';
  // Hash routing: the URL fragment follows the view, the browser's back and forward buttons move
  // through the reader's places, and a pasted link opens its place. Off with hashRouting: false.
  const hashRouting = options.hashRouting !== false;
  let applyingHash = false;
  function onPlaceChange(fragment) {
    emit('placechange', fragment);
    if (fragment.startsWith('#/article/')) emit('articleopen', decodeURIComponent(fragment.slice(10)));
    if (!hashRouting || applyingHash || location.hash === fragment || (fragment === '#/' && !location.hash)) return;
    // Refining a search replaces its entry; any other move adds one.
    const refine = fragment.startsWith('#/search/') && location.hash.startsWith('#/search/');
    history[refine ? 'replaceState' : 'pushState'](null, '', fragment);
  }
  function applyHash() {
    if (!module) return;
    applyingHash = true;
    callWithString(module, module._reader_go_fragment, location.hash || '#/');
    applyingHash = false;
  }
  if (hashRouting) window.addEventListener('popstate', applyHash);

  // Debugging: `debug: true` loads the module built with the debug panels (never the default:
  // the panels weigh about 57 KB gzip) and opens them; `log: 'debug'|'info'|'warn'|'error'` sends the
  // reader's log to the console. docs/debugging.md.
  const moduleFactory = options.debug
    ? import('./reader-module-debug.js').then((m) => m.default)
    : Promise.resolve(createReaderModule);
  const started = Promise.all([fallbackFontIfNeeded(options.font), moduleFactory]).then(([fallbackFont, factory]) => {
    if (fallbackFont) fontSource = 'fallback';
    return factory({
      canvas,
      imeInput,
      onTextInput,
      wasmBinary: options.wasmBinary,  // the module's bytes, when the page has them (standalone)
      fontStack: FONT_STACK,
      serifStack: SERIF_STACK,
      fallbackFont,
      logLevel: options.log || '',
      onFirstView: () => { resolveReady(); emit('ready'); },
      onPlaceChange,
      onContentChange,
      onRetry: () => { if (lastSource) load(lastSource); },
      onShardRequest: (path) => { loadShard(path); },
      onTraditionalTableRequest: () => { loadTraditionalTable(); },
      onSpeak: speak,
      onSpeechControl: speechControl,
    });
  }).then((m) => {
    if (destroyed) { m._reader_destroy(); return; }
    module = m;
    if (options.debug) module._reader_set_debug(1);
    followColorScheme();
    applyOptions(options, false);
    setTimeout(() => module && module._reader_show(), LOADING_DELAY_MS);
  });

  const resizeObserver = new ResizeObserver(() => module && module._reader_request_frame());
  resizeObserver.observe(element);

  // Reading positions are saved as the reader scrolls, but an idle reader draws no frame: the last
  // one is saved when the page is hidden or left.
  const saveNow = () => { if (module) module._reader_save_now(); };
  const onVisibility = () => { if (document.visibilityState === 'hidden') saveNow(); };
  window.addEventListener('pagehide', saveNow);
  document.addEventListener('visibilitychange', onVisibility);

  // The auto theme follows the system's light or dark preference and its call for more contrast, live.
  const darkQuery = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;
  const contrastQuery = typeof matchMedia === 'function' ? matchMedia('(prefers-contrast: more)') : null;
  function followColorScheme() {
    if (!module) return;
    if (darkQuery) module._reader_set_prefers_dark(darkQuery.matches ? 1 : 0);
    if (contrastQuery) module._reader_set_prefers_contrast(contrastQuery.matches ? 1 : 0);
  }
  darkQuery?.addEventListener('change', followColorScheme);
  contrastQuery?.addEventListener('change', followColorScheme);

  // fontSize ('small'|'medium'|'large'), rubyMode ('above'|'hidden'|'inline'), theme
  // ('auto'|'light'|'dark'|'sepia'), locale (of the reader's own words: 'zh-Hant', 'zh-Hans', 'en'):
  // mount's options win over what the reader saved, for this visit only (persist false); setOptions'
  // are saved like the reader's own switches. False when a value is not one of these.
  function applyOptions(changes, persist) {
    let applied = true;
    for (const key of ['fontSize', 'rubyMode', 'toneColors', 'theme', 'locale', 'script', 'serif']) {
      if (changes[key] == null) continue;
      const ok = withBytes(module, encoder.encode(key), (k) => callWithString(module, (v) => module._reader_set_option(k, v, persist ? 1 : 0), String(changes[key])));
      if (!ok) console.warn(`reader: ${key}: ${JSON.stringify(changes[key])} is not a value it takes`);
      applied = applied && !!ok;
    }
    return applied;
  }

  // destroy(): the canvas and the mirror leave the page, every listener goes, and the module is
  // dropped (its memory with it, once nothing else holds it).
  let destroyed = false;
  function destroy() {
    if (destroyed) return;
    destroyed = true;
    resizeObserver.disconnect();
    saveNow();
    window.removeEventListener('pagehide', saveNow);
    document.removeEventListener('visibilitychange', onVisibility);
    darkQuery?.removeEventListener('change', followColorScheme);
    contrastQuery?.removeEventListener('change', followColorScheme);
    if (hashRouting) window.removeEventListener('popstate', applyHash);
    if (speechRun) speechControl('stop');
    if (module) module._reader_destroy();
    module = null;
    mirror?.destroy?.();
    printStyle.remove();
    canvas.remove();
    imeInput.remove();
    for (const key of Object.keys(listeners)) listeners[key] = [];
  }

  if (options.bundle) load(options.bundle);

  return {
    ready,
    load,
    state: () => (module ? json(module._reader_state())
                         : {view: 'list', query: null, categoryId: null, articleId: null, fontSize: 'medium', rubyMode: 'above', theme: 'auto', error: null}),
    list: () => (module ? json(module._reader_list()) : []),
    open: (id) => !!(module && callWithString(module, module._reader_open, String(id))),
    // Ids of the articles the query finds (exact substrings, traditional = simplified).
    search: (query) => (module ? callWithString(module, (p) => json(module._reader_search(p)), String(query)) : []),
    // The URL fragment of the current view, also when hash routing is off.
    fragment: () => (module ? text(module._reader_fragment()) : '#/'),
    back: () => !!(module && module._reader_back()),
    // Rectangle of a clickable element in CSS pixels of the page's viewport, or null.
    itemRect(key) {
      if (!module) return null;
      const rect = callWithString(module, (ptr) => json(module._reader_item_rect(ptr)), key);
      if (!rect) return null;
      const box = canvas.getBoundingClientRect();
      return {x: box.left + rect.x, y: box.top + rect.y, w: rect.w, h: rect.h};
    },
    // Line breaks of a paragraph under fixed metrics: the same as `reader-tool lines` natively.
    describeLines: (paragraph, width, mode = 'above') => (module
      ? withBytes(module, encoder.encode(paragraph), (p) => withBytes(module, encoder.encode(mode),
        (m) => text(module._reader_describe_lines(p, width, m))))
      : null),
    // Where glyphs come from: 'canvas' (the browser's fonts) or 'fallback' (the subset font).
    fontSource: () => fontSource,
    // Glyphs the browser rasterised for this reader so far: {glyphs, batches, ms}.
    glyphStats: () => (module && module.glyphStats ? {...module.glyphStats} : {glyphs: 0, batches: 0, ms: 0}),
    // {bytes, parseMs, indexMs, articles, searchIndexBytes} of the last load, and the heap's size.
    loadStats: () => (module ? {...json(module._reader_load_stats()), heapBytes: module.HEAPU8.length} : null),
    // CPU ms of the last frames drawn (up to 240), oldest first.
    frameTimes: () => (module ? json(module._reader_frame_times()) : []),
    // Frames drawn so far: idle means this stops growing.
    framesDrawn: () => (module ? module._reader_frames_drawn() : 0),
    // {debug: true|false} shows or hides the debug panels (a reader mounted with `debug: true`
    // only); {log: level} changes the log level. Resolves to false when something could not apply.
    async setOptions(changes = {}) {
      await started;
      if (!module) return false;
      let applied = applyOptions(changes, true);
      if ('log' in changes) callWithString(module, module._reader_set_log_level, String(changes.log || 'off'));
      if ('debug' in changes) {
        if (module._reader_set_debug) {
          module._reader_set_debug(changes.debug ? 1 : 0);
        } else if (changes.debug) {
          console.warn('reader: the debug panels are in the debug module: mount with {debug: true} (demo page: ?debug=1)');
          applied = false;
        }
      }
      return applied;
    },
    on(event, fn) {
      (listeners[event] = listeners[event] || []).push(fn);
    },
    destroy,
    // Prints the current view (an article: as a page of print) with the browser's print dialog.
    print: () => window.print(),
  };
}

// <article-reader src="bundle.json" font-size="large" ruby-mode="hidden" theme="sepia" locale="en">:
// the same reader as an element, mounted when it enters the page and destroyed when it leaves;
// `element.reader` is its instance. Hash routing is off unless hash-routing="true" (two readers on
// one page must not both drive the URL). Importing this module defines the element once.
const ELEMENT_OPTIONS = {'font-size': 'fontSize', 'ruby-mode': 'rubyMode', theme: 'theme', locale: 'locale'};
const ElementBase = typeof HTMLElement === 'undefined' ? class {} : HTMLElement;

export class ArticleReaderElement extends ElementBase {
  static get observedAttributes() { return ['src', ...Object.keys(ELEMENT_OPTIONS)]; }

  connectedCallback() {
    if (this.reader) return;
    if (!this.style.display) this.style.display = 'block';  // a custom element is inline by default
    const options = {hashRouting: this.getAttribute('hash-routing') === 'true', mirror: this.getAttribute('mirror') !== 'false'};
    if (this.getAttribute('src')) options.bundle = this.getAttribute('src');
    for (const [attribute, key] of Object.entries(ELEMENT_OPTIONS)) {
      if (this.hasAttribute(attribute)) options[key] = this.getAttribute(attribute);
    }
    this.reader = mount(this, options);
  }

  disconnectedCallback() {
    this.reader?.destroy();
    this.reader = null;
  }

  attributeChangedCallback(name, previous, value) {
    if (!this.reader || previous === value || value == null) return;
    if (name === 'src') this.reader.load(value);
    else this.reader.setOptions({[ELEMENT_OPTIONS[name]]: value});
  }
}

if (typeof customElements !== 'undefined' && !customElements.get('article-reader')) {
  customElements.define('article-reader', ArticleReaderElement);
}
