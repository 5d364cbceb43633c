// Keyboard focus between the host page and the reader's canvas (docs/accessibility.md, "Keyboard
// and focus"). Inside the canvas Tab moves between the reader's controls (the module's ImGui
// navigation; at the last or first control the module lets the browser move focus on). Here:
// - focus that arrives by Tab lands on the first control, by Shift+Tab (from an element after the
//   canvas) on the last (a click or the page's focus() call moves none);
// - a Tab that leaves from the search box's hidden input leaves from the canvas, as the page sees
//   the reader: one stop, between the page's elements before and after it;
// - a text-mirror link with the page's focus (Tab, a screen reader) shows its item focused in the
//   canvas; focus gone from the reader shows none.
import { callWithString } from './module_memory.js';

// The canvas item (an itemRect key) a text-mirror link stands for, or '' for none.
export function mirrorItemKey(link) {
  const href = link.getAttribute('href') || '';
  const root = link.closest('[data-reader-mirror]');
  if (href.startsWith('tel:')) return `hotline:${[...root.querySelectorAll('a[href^="tel:"]')].indexOf(link)}`;
  if (link.dataset.article) return `${root.querySelector('q') ? 'result' : 'article'}:${link.dataset.article}`;
  const nav = link.closest('nav');
  const inCrumbs = nav && nav.nextElementSibling && /^(SECTION|ARTICLE)$/.test(nav.nextElementSibling.tagName);
  const category = href.startsWith('#/category/') ? decodeURIComponent(href.slice('#/category/'.length)) : null;
  if (inCrumbs) return href === '#/' ? 'crumb:home' : category !== null ? `crumb:category:${category}` : 'crumb:article';
  if (nav) return href === '#/' ? 'category:' : category !== null ? `category:${category}` : '';
  return '';
}

// Starts following; remove() stops.
export function followKeyboardFocus(element, canvas, imeInput, session) {
  const call = (fn) => session.module && fn(session.module);
  const ours = (node) => node === canvas || node === imeInput;
  const mirrorLink = (node) => node && node.closest && node.closest('[data-reader-mirror] a');

  // Focus that a Tab brings (the browser moves it during the key's default action, before any
  // timer): not a click, not the page's own focus() call.
  let tabbing = false;
  function onPageKey(event) {
    if (event.key !== 'Tab') return;
    tabbing = true;
    setTimeout(() => { tabbing = false; }, 0);
  }
  function onCanvasFocus(event) {
    if (!tabbing || ours(event.relatedTarget)) return;
    const from = event.relatedTarget;
    const backward = !!from && !!(canvas.compareDocumentPosition(from) & Node.DOCUMENT_POSITION_FOLLOWING);
    call((m) => m._reader_keyboard_enter(backward ? 1 : 0));
  }
  function onReaderBlur(event) {
    if (!ours(event.relatedTarget)) call((m) => m._reader_keyboard_leave());
  }
  function onInputKey(event) {
    if (event.key !== 'Tab' || event.ctrlKey || event.altKey || event.metaKey) return;
    call((m) => { if (m._reader_tab_leaves(event.shiftKey ? 1 : 0)) canvas.focus({preventScroll: true}); });
  }
  function onFocusIn(event) {
    const link = mirrorLink(event.target);
    if (link) call((m) => callWithString(m, m._reader_show_focus, mirrorItemKey(link)));
  }
  function onFocusOut(event) {
    if (mirrorLink(event.target) && !mirrorLink(event.relatedTarget)) call((m) => callWithString(m, m._reader_show_focus, ''));
  }

  document.addEventListener('keydown', onPageKey, {capture: true, passive: true});
  canvas.addEventListener('focus', onCanvasFocus);
  canvas.addEventListener('blur', onReaderBlur);
  imeInput.addEventListener('blur', onReaderBlur);
  imeInput.addEventListener('keydown', onInputKey);
  element.addEventListener('focusin', onFocusIn);
  element.addEventListener('focusout', onFocusOut);
  return {
    remove() {
      document.removeEventListener('keydown', onPageKey, {capture: true});
      canvas.removeEventListener('focus', onCanvasFocus);
      canvas.removeEventListener('blur', onReaderBlur);
      imeInput.removeEventListener('blur', onReaderBlur);
      imeInput.removeEventListener('keydown', onInputKey);
      element.removeEventListener('focusin', onFocusIn);
      element.removeEventListener('focusout', onFocusOut);
    },
  };
}
