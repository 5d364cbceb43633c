// Theming by the page: CSS custom properties on the reader's element, or inherited from around it,
// colour the reader over its theme and set its text's face and size (docs/embedding.md, "Theming
// from your CSS"). Read at start and whenever one changes, with nothing polled.
import { callWithString } from './module_memory.js';

// In the order reader_set_page_colors takes them (ui::PageColors).
const PAGE_COLORS = ['--reader-background', '--reader-text', '--reader-link', '--reader-muted'];
const PAGE_FONT = ['--reader-font-family', '--reader-font-size'];

// A colour as the browser resolves it on `probe`, "#rrggbb".
export function resolveColor(probe, value) {
  probe.style.color = value;
  const rgb = getComputedStyle(probe).color.match(/\d+(\.\d+)?/g) || ['0', '0', '0'];
  return '#' + rgb.slice(0, 3).map((v) => Math.round(Number(v)).toString(16).padStart(2, '0')).join('');
}

// A child of the element that inherits the properties and tells when one changes: a discrete
// transition on each (transition-behavior: allow-discrete) fires transitionrun whenever the value
// it inherits changes, whatever changed it (a class, a stylesheet, an inline style): nothing polls.
function createThemeProbe(element, onChange) {
  const probe = document.createElement('span');
  Object.assign(probe.style, {position: 'absolute', width: '0', height: '0', overflow: 'hidden', visibility: 'hidden',
    pointerEvents: 'none', transitionProperty: [...PAGE_COLORS, ...PAGE_FONT].join(', '), transitionDuration: '1ms',
    transitionBehavior: 'allow-discrete'});
  probe.setAttribute('aria-hidden', 'true');
  probe.addEventListener('transitionrun', onChange);
  element.appendChild(probe);
  return probe;
}

// Each property's colour "#rrggbb", or "-" where it is unset or not a colour; separated by spaces.
function resolvePageColors(probe) {
  const style = getComputedStyle(probe);
  return PAGE_COLORS.map((name) => {
    const value = style.getPropertyValue(name).trim();
    probe.style.color = '';
    probe.style.color = value;
    return value && probe.style.color ? resolveColor(probe, value) : '-';
  }).join(' ');
}

// --reader-font-family as the browser normalises a font-family list ('' when unset or not one),
// and --reader-font-size in CSS pixels (0 when unset or not a length): em and % are of the
// element's own font size, as they would be for its text.
function resolvePageFont(probe) {
  const style = getComputedStyle(probe);
  const family = style.getPropertyValue(PAGE_FONT[0]).trim();
  const size = style.getPropertyValue(PAGE_FONT[1]).trim();
  Object.assign(probe.style, {fontFamily: '', fontSize: ''});
  Object.assign(probe.style, {fontFamily: family, fontSize: size});
  const resolved = getComputedStyle(probe);
  const font = {family: family && probe.style.fontFamily ? resolved.fontFamily : '',
    px: size && probe.style.fontSize ? parseFloat(resolved.fontSize) || 0 : 0};
  Object.assign(probe.style, {fontFamily: '', fontSize: ''});
  return font;
}

// Hands the page's colours and font to session.module whenever they change; send() once at start
// (and after a module restarts); remove() stops.
export function watchPageTheme(element, session) {
  let sent = null;  // as last handed over
  let family = '';  // the page's, as last handed over
  const send = () => {
    const module = session.module;
    if (!module) return;
    const colors = resolvePageColors(probe);
    const font = resolvePageFont(probe);
    const key = `${colors}|${font.family}|${font.px}`;
    if (key === sent) return;
    sent = key;
    family = font.family;
    callWithString(module, module._reader_set_page_colors, colors);
    callWithString(module, (ptr) => module._reader_set_page_font(ptr, font.px), font.family);
  };
  const probe = createThemeProbe(element, () => queueMicrotask(send));
  // A web font in the page's family that loads later: until then the canvas drew with the next face.
  const onFontsLoaded = () => { if (session.module && family) session.module._reader_redraw_glyphs(); };
  document.fonts?.addEventListener('loadingdone', onFontsLoaded);
  return { send, remove: () => { probe.remove(); document.fonts?.removeEventListener('loadingdone', onFontsLoaded); } };
}
