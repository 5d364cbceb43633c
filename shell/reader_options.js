// The reader's options by name, handed to the module: mount's (for this visit) and setOptions' (saved).
import { callWithString, encode, withBytes } from './module_memory.js';

// fontSize ('small'|'medium'|'large'), rubyMode ('above'|'hidden'|'inline'|'on-demand'), toneColors,
// theme ('auto'|'light'|'dark'|'sepia'|...), locale (of the reader's own words: 'zh-Hant', 'zh-Hans',
// 'en'), script, serif: reader.d.ts lists the values; the module says which it takes.
const OPTION_NAMES = ['fontSize', 'rubyMode', 'toneColors', 'theme', 'locale', 'script', 'serif'];

// Mount's options win over what the reader saved, for this visit only (persist false); setOptions'
// are saved like the reader's own switches. False when a value is not one the module takes.
export function applyOptions(module, changes, persist) {
  let applied = true;
  for (const key of OPTION_NAMES) {
    if (changes[key] == null) continue;
    const ok = withBytes(module, encode(key), (k) => callWithString(module, (v) => module._reader_set_option(k, v, persist ? 1 : 0), String(changes[key])));
    if (!ok) console.warn(`reader: ${key}: ${JSON.stringify(changes[key])} is not a value it takes`);
    applied = applied && !!ok;
  }
  return applied;
}

// reader.setOptions(): the options above, saved, plus {debug: true|false}, which shows or hides
// the debug panels (a reader mounted with `debug: true` only), and {log: level}, which changes the
// log level. False when something could not apply.
export function setOptions(module, changes) {
  let applied = applyOptions(module, changes, true);
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
}
