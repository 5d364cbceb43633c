// Hash routing: the URL fragment follows the view, the browser's back and forward buttons move
// through the reader's places, and a pasted link opens its place. Off unless hashRouting: true (a
// guest does not take the page's URL unasked; the events fire either way).
import { callWithString } from './module_memory.js';

// onPlaceChange(fragment) is the module's; afterLoad() is called after each load (the first one
// opens a deep link the page was opened with); remove() drops the history listener.
export function createHashRouting(session, enabledAtStart) {
  let enabled = enabledAtStart;
  let applying = false;        // the module moves because of the URL: do not write it back
  let firstLoadDone = false;

  function applyHash() {
    const module = session.module;
    if (!module) return;
    applying = true;
    callWithString(module, module._reader_go_fragment, location.hash || '#/');
    applying = false;
  }

  function onPlaceChange(fragment) {
    session.emit('placechange', fragment);
    if (fragment.startsWith('#/article/')) session.emit('articleopen', decodeURIComponent(fragment.slice(10)));
    if (!enabled || applying || location.hash === fragment || (fragment === '#/' && !location.hash)) return;
    // Refining a search replaces its entry; any other move adds one.
    const refine = fragment.startsWith('#/search/') && location.hash.startsWith('#/search/');
    history[refine ? 'replaceState' : 'pushState'](null, '', fragment);
  }

  function afterLoad() {
    if (enabled && location.hash && !firstLoadDone) applyHash();  // a pasted deep link
    firstLoadDone = true;
  }

  if (enabled) window.addEventListener('popstate', applyHash);
  const remove = () => { if (enabled) window.removeEventListener('popstate', applyHash); };
  // Turned on or off after mount (the element's hash-routing attribute).
  function setEnabled(on) {
    if (on === enabled) return;
    remove();
    enabled = on;
    if (enabled) window.addEventListener('popstate', applyHash);
  }

  return { onPlaceChange, afterLoad, remove, setEnabled };
}
