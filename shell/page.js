// The demo page: one reader filling the window, on the bundle named by ?bundle=URL (default: the
// sample); ?debug=1 opens the debug panels, ?log=debug logs to the console. window.reader is the
// reader instance, for people poking at it and for the tests.
import {mount} from './reader.js';

const params = new URLSearchParams(location.search);
window.reader = mount(document.getElementById('reader'), {
  bundle: params.get('bundle') || 'sample-bundle.json',
  font: params.get('font') || 'auto',
  hashRouting: params.get('hashRouting') !== '0',
  debug: params.get('debug') === '1',  // the debug panels (loads the debug module)
  log: params.get('log') || '',         // the reader's log in the console: debug, info, warn, error
});
