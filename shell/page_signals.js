// What the page tells a reader that is not input: its element's size changed, the page is being
// hidden or left (save the reading position now), the system's colour scheme, contrast or forced
// colours changed, the device pixel ratio changed (page zoom, a move to another screen). And the
// one thing a reader does to the page: a swipe past its ends scrolls the page (scrollPageBy).
import { callWithString } from './module_memory.js';
import { resolveColor, watchPageTheme } from './page_theme.js';

// CSS system colours, in the order reader_set_system_colors takes them (ui::SystemColors).
const SYSTEM_COLORS = ['Canvas', 'CanvasText', 'LinkText', 'GrayText', 'Highlight', 'HighlightText', 'ButtonFace', 'ButtonText'];

// The system colours as the browser resolves them now, "#rrggbb" each, separated by spaces.
function resolveSystemColors(element) {
  const probe = document.createElement('span');
  probe.style.display = 'none';
  element.appendChild(probe);
  const hex = SYSTEM_COLORS.map((name) => resolveColor(probe, name));
  probe.remove();
  return hex.join(' ');
}

// A swipe's part past the reader's top or bottom (overscroll chaining, as under a scrolling <div>):
// the nearest box around the reader that can scroll that way takes it, else the page.
export function scrollPageBy(element, pixels) {
  for (let box = element.parentElement; box && box !== document.body && box !== document.documentElement; box = box.parentElement) {
    const overflow = getComputedStyle(box).overflowY;
    const room = pixels > 0 ? box.scrollHeight - box.clientHeight - box.scrollTop : box.scrollTop;
    if ((overflow === 'auto' || overflow === 'scroll') && room > 0) {
      box.scrollBy(0, pixels);
      return;
    }
  }
  window.scrollBy(0, pixels);
}

// Starts listening; followColorScheme() hands the current preferences to the module (also at
// start); remove() saves once more and stops listening.
export function watchPage(element, session) {
  const resizeObserver = new ResizeObserver(() => session.module && session.module._reader_request_frame());
  // Reading positions are saved as the reader scrolls, but an idle reader draws no frame: the last
  // one is saved when the page is hidden or left.
  const saveNow = () => { if (session.module) session.module._reader_save_now(); };
  const onVisibility = () => { if (document.visibilityState === 'hidden') saveNow(); };
  // The auto theme follows the system's light or dark preference and its call for more contrast, live.
  const darkQuery = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;
  const contrastQuery = typeof matchMedia === 'function' ? matchMedia('(prefers-contrast: more)') : null;
  // Forced colours (Windows' contrast themes): the canvas is not repainted by the browser as the
  // page's text is, so the reader draws with the system's colours itself.
  const forcedQuery = typeof matchMedia === 'function' ? matchMedia('(forced-colors: active)') : null;
  const theme = watchPageTheme(element, session);  // the page's CSS custom properties
  function followColorScheme() {
    const module = session.module;
    if (!module) return;
    theme.send();
    if (darkQuery) module._reader_set_prefers_dark(darkQuery.matches ? 1 : 0);
    if (contrastQuery) module._reader_set_prefers_contrast(contrastQuery.matches ? 1 : 0);
    if (forcedQuery) callWithString(module, module._reader_set_system_colors, forcedQuery.matches ? resolveSystemColors(element) : '');
  }
  // Browser zoom is the page's (the reader leaves Ctrl+=/-/0 and Ctrl+wheel to the browser): it
  // changes devicePixelRatio, which a box of fixed CSS size never reports as a resize. A query for
  // the current ratio fires once when it changes; the next one is armed then.
  let ratioQuery = null;
  function watchRatio() {
    ratioQuery?.removeEventListener('change', onRatio);
    ratioQuery = typeof matchMedia === 'function' ? matchMedia(`(resolution: ${window.devicePixelRatio}dppx)`) : null;
    ratioQuery?.addEventListener('change', onRatio);
  }
  function onRatio() {
    if (session.module) session.module._reader_request_frame();
    watchRatio();
  }
  watchRatio();

  resizeObserver.observe(element);
  window.addEventListener('pagehide', saveNow);
  document.addEventListener('visibilitychange', onVisibility);
  darkQuery?.addEventListener('change', followColorScheme);
  contrastQuery?.addEventListener('change', followColorScheme);
  forcedQuery?.addEventListener('change', followColorScheme);

  function remove() {
    theme.remove();
    resizeObserver.disconnect();
    saveNow();
    window.removeEventListener('pagehide', saveNow);
    document.removeEventListener('visibilitychange', onVisibility);
    darkQuery?.removeEventListener('change', followColorScheme);
    contrastQuery?.removeEventListener('change', followColorScheme);
    forcedQuery?.removeEventListener('change', followColorScheme);
    ratioQuery?.removeEventListener('change', onRatio);
  }

  return { followColorScheme, remove };
}
