// What the page tells a reader that is not input: its element's size changed, the page is being
// hidden or left (save the reading position now), the system's colour scheme or contrast changed.

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
  function followColorScheme() {
    const module = session.module;
    if (!module) return;
    if (darkQuery) module._reader_set_prefers_dark(darkQuery.matches ? 1 : 0);
    if (contrastQuery) module._reader_set_prefers_contrast(contrastQuery.matches ? 1 : 0);
  }

  resizeObserver.observe(element);
  window.addEventListener('pagehide', saveNow);
  document.addEventListener('visibilitychange', onVisibility);
  darkQuery?.addEventListener('change', followColorScheme);
  contrastQuery?.addEventListener('change', followColorScheme);

  function remove() {
    resizeObserver.disconnect();
    saveNow();
    window.removeEventListener('pagehide', saveNow);
    document.removeEventListener('visibilitychange', onVisibility);
    darkQuery?.removeEventListener('change', followColorScheme);
    contrastQuery?.removeEventListener('change', followColorScheme);
  }

  return { followColorScheme, remove };
}
