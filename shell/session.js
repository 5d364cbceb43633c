// What one reader's parts share: its WebAssembly module once started, its events and its log.
// Every part gets the session rather than the module, because the module arrives later (it compiles
// while the bundle downloads) and is gone again after destroy().
import { callWithString } from './module_memory.js';

export function createSession() {
  const listeners = {ready: [], error: []};
  let startSettlers = null;  // {resolve, reject} of `started`
  const started = new Promise((resolve, reject) => { startSettlers = {resolve, reject}; });
  const session = {
    module: null,          // the module instance: null before it has started and after destroy()
    destroyed: false,
    fontSource: 'canvas',  // where glyphs come from: 'canvas' (the browser's fonts) or 'fallback'
    // Resolves once the module has started (also when the reader was destroyed first).
    started,
    // The module's start ended, well or with the error `started` rejects with.
    startEnded() { startSettlers.resolve(); },
    startFailed(error) { startSettlers.reject(error); },
    emit(event, detail) {
      (listeners[event] || []).forEach((fn) => fn(detail));
    },
    on(event, fn) {
      (listeners[event] = listeners[event] || []).push(fn);
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
