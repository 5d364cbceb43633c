// The demo page: one reader filling the window, on the bundle named by ?bundle=URL (default: the
// sample); ?debug=1 opens the debug panels, ?log=debug logs to the console. window.reader is the
// reader instance, for people poking at it and for the tests. The page registers the service worker
// (sw.js) for offline reading once the reader is ready (offline.js is loaded only then, so the first
// view waits for none of it); ?offline=0 leaves it out (docs/offline.md).
import {mount} from './reader.js';

const params = new URLSearchParams(location.search);
window.reader = mount(document.getElementById('reader'), {
  bundle: params.get('bundle') || 'sample-bundle.json',
  font: params.get('font') || 'auto',
  hashRouting: params.get('hashRouting') !== '0',  // this page is the reader's own: it takes the URL
  debug: params.get('debug') === '1',  // the debug panels (loads the debug module)
  log: params.get('log') || '',         // the reader's log in the console: debug, info, warn, error
});
if (params.get('offline') !== '0') {
  window.reader.ready.then(() => import('./offline.js')).then((m) => m.registerOffline()).catch((err) => console.warn(`reader: no offline reading: ${err.message}`));
}
