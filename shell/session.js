// What one reader's parts share: its WebAssembly module once started, its events and its log.
// Every part gets the session rather than the module, because the module arrives later (it compiles
// while the bundle downloads) and is gone again after destroy().
import { callWithString } from './module_memory.js';

// Events as the element dispatches them (CustomEvent, detail: the listener's argument); `ready`
// and `error` are prefixed, because an `error` event on an element means something else to pages.
const ELEMENT_EVENTS = {
  ready: 'reader-ready', error: 'reader-error', articleopen: 'articleopen', placechange: 'placechange',
  highlight: 'highlight', note: 'note', bookmark: 'bookmark',
};

// `element` is the reader's container: its events are dispatched there too.
export function createSession(element) {
  const listeners = {ready: [], error: []};
  let startSettlers = null;  // {resolve, reject} of `started`
  const newStart = () => new Promise((resolve, reject) => { startSettlers = {resolve, reject}; });
  const session = {
    module: null,          // the module instance: null before it has started and after destroy()
    destroyed: false,
    fontSource: 'canvas',  // where glyphs come from: 'canvas' (the browser's fonts) or 'fallback'
    // Resolves once the module has started (also when the reader was destroyed first); rejects when
    // it could not start. A retry starts a new one (restart()).
    started: newStart(),
    // The module's start ended, well or with the error `started` rejects with.
    startEnded() { startSettlers.resolve(); },
    startFailed(error) {
      session.started.catch(() => {});  // said through `ready` and the `error` event
      startSettlers.reject(error);
    },
    restart() { session.started = newStart(); },
    emit(event, detail) {
      [...(listeners[event] || [])].forEach((fn) => fn(detail));
      if (ELEMENT_EVENTS[event] && !session.destroyed) element.dispatchEvent(new CustomEvent(ELEMENT_EVENTS[event], {detail, bubbles: true}));
    },
    on(event, fn) {
      (listeners[event] = listeners[event] || []).push(fn);
    },
    off(event, fn) {
      const list = listeners[event] || [];
      const at = list.indexOf(fn);
      if (at >= 0) list.splice(at, 1);
    },
    dropListeners() {
      for (const key of Object.keys(listeners)) listeners[key] = [];
    },
    // A line in the reader's log (the console, at the level of the `log` option); levels 0 debug to 3 error.
    log(level, line) {
      const module = session.module;
      if (module) callWithString(module, (ptr) => module._reader_log(level, ptr), line);
    },
  };
  return session;
}
