// Text input: while a text field of the reader (the search box) is active, a real <input> sits at
// its caret. It receives what the canvas cannot: IME composition (the candidate window appears
// there), a phone's virtual keyboard, paste; its text goes to the module as it is committed.
// Transparent, so that only the text being composed shows, at the caret.
import { FONT_STACK } from './fonts.js';
import { callWithString, readJson } from './module_memory.js';

const INPUT_STYLE = {
  position: 'fixed', left: '0', top: '0', width: '1px', height: '1px', margin: '0', padding: '0', border: '0',
  background: 'transparent', outline: 'none', caretColor: 'transparent', color: '#1752a0',
  textDecoration: 'underline', pointerEvents: 'none', opacity: '0',
};

// The hidden <input> after `canvas` in `element`. The module gets `imeInput` and calls
// onTextInput(active, x, y, lineHeight) when a field starts or stops taking text; remove() takes
// the input off the page.
export function createTextInput(element, canvas, session, label) {
  const imeInput = document.createElement('input');
  let composing = false;  // between compositionstart and compositionend: the text is not final yet
  let pasteKey = false;   // the last key was Ctrl+V / Cmd+V
  Object.assign(imeInput, {type: 'text', autocomplete: 'off', spellcheck: false, tabIndex: -1});
  imeInput.setAttribute('autocapitalize', 'off');
  // Named by the page (searchLabel), or by the text mirror in the reader's words ("auto").
  imeInput.setAttribute('aria-label', label || 'Search');
  imeInput.setAttribute('data-reader-text-input', label ? 'page' : 'auto');
  // Out of the accessibility tree until the search box takes text: a textbox the user cannot reach
  // by Tab, standing there all the time, would only puzzle a screen reader.
  imeInput.setAttribute('aria-hidden', 'true');
  Object.assign(imeInput.style, INPUT_STYLE);
  element.appendChild(imeInput);

  function flushText() {
    const value = imeInput.value;
    const module = session.module;
    imeInput.value = '';
    if (value && module) callWithString(module, module._reader_text_input, value);
  }
  // While composing, the page draws the text at the caret and the box leaves out its hint.
  const setComposing = (on) => {
    composing = on;
    imeInput.style.opacity = on ? '1' : '0';
    session.module?._reader_set_composing(on ? 1 : 0);
  };
  imeInput.addEventListener('compositionstart', () => setComposing(true));
  imeInput.addEventListener('compositionend', () => { setComposing(false); flushText(); });
  imeInput.addEventListener('input', (event) => { if (!composing && !event.isComposing) flushText(); });
  // Ctrl+V / Cmd+V: ImGui pastes on that key and reads the clipboard synchronously, so the text is
  // handed over first; a paste from a menu (no key) is text like any other.
  imeInput.addEventListener('keydown', (event) => { pasteKey = (event.ctrlKey || event.metaKey) && event.code === 'KeyV'; });
  imeInput.addEventListener('paste', (event) => {
    const text = event.clipboardData ? event.clipboardData.getData('text/plain') : '';
    const module = session.module;
    event.preventDefault();
    if (!module || !text) return;
    callWithString(module, pasteKey ? module._reader_set_pasted_text : module._reader_text_input, text);
    pasteKey = false;
  });

  // A phone opens its keyboard only for a focus inside the user's gesture: a tap on the search box
  // focuses the input at once, before the module's next frame activates the field.
  canvas.addEventListener('pointerup', (event) => {
    const module = session.module;
    if (event.pointerType !== 'touch' || !module) return;
    const rect = readJson(module, callWithString(module, module._reader_item_rect, 'search'));
    const box = canvas.getBoundingClientRect();
    const x = event.clientX - box.left;
    const y = event.clientY - box.top;
    if (rect && x >= rect.x && x <= rect.x + rect.w && y >= rect.y && y <= rect.y + rect.h) imeInput.focus({preventScroll: true});
  });

  function onTextInput(active, x, y, lineHeight) {
    if (active) imeInput.removeAttribute('aria-hidden');
    else imeInput.setAttribute('aria-hidden', 'true');
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

  return { imeInput, onTextInput, remove: () => imeInput.remove() };
}
