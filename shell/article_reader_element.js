// <article-reader src="bundle.json" font-size="large" ruby-mode="hidden" theme="sepia" locale="en">:
// the same reader as an element, mounted when it enters the page and destroyed when it leaves it
// (moving it within the page keeps its reader); `element.reader` is its instance. Attributes and
// properties mirror each other (el.theme = 'dark' sets theme="dark"); a change after mount applies
// to this reader for this visit (never saved); removing an attribute restores the default. Its
// events are dispatched on it too (reader-ready, reader-error, articleopen, placechange). Hash
// routing is off unless hash-routing="true". Importing this module defines the element once.
import { liveControl, mount } from './mount.js';

// Attribute -> [property, mount option, kind]: 'option' values go to the module; the rest are the
// page side's (flags are "true"/"false").
const ATTRIBUTES = {
  src: ['src', 'bundle', 'src'],
  'font-size': ['fontSize', 'fontSize', 'option'],
  'ruby-mode': ['rubyMode', 'rubyMode', 'option'],
  'tone-colors': ['toneColors', 'toneColors', 'option'],
  theme: ['theme', 'theme', 'option'],
  script: ['script', 'script', 'option'],
  locale: ['locale', 'locale', 'option'],
  overscroll: ['overscroll', 'overscroll', 'overscroll'],
  'hash-routing': ['hashRouting', 'hashRouting', 'flag'],
  mirror: ['mirror', 'mirror', 'flag'],
};
// A flag's value when its attribute is absent.
const FLAG_DEFAULTS = {hashRouting: false, mirror: true};
const ElementBase = typeof HTMLElement === 'undefined' ? class {} : HTMLElement;

export class ArticleReaderElement extends ElementBase {
  static get observedAttributes() { return Object.keys(ATTRIBUTES); }

  connectedCallback() {
    if (this.reader) return;  // moved within the page: the same reader goes on
    if (!this.style.display) this.style.display = 'block';  // a custom element is inline by default
    const options = {};
    for (const [attribute, [, key, kind]] of Object.entries(ATTRIBUTES)) {
      const value = this.getAttribute(attribute);
      if (kind === 'flag') options[key] = value == null ? FLAG_DEFAULTS[key] : value !== 'false';
      else if (value) options[key] = value;
    }
    this.reader = mount(this, options);
  }

  // Leaving the page destroys the reader; a move (disconnected, then connected again in the same
  // task) does not.
  disconnectedCallback() {
    queueMicrotask(() => {
      if (this.isConnected) return;
      this.reader?.destroy();
      this.reader = null;
    });
  }

  attributeChangedCallback(name, previous, value) {
    const control = this.reader && liveControl(this.reader);
    if (!control || previous === value) return;
    const [, key, kind] = ATTRIBUTES[name];
    if (kind === 'src') { if (value) this.reader.load(value); return; }
    if (kind === 'option') control.option(key, value);
    else if (kind === 'overscroll') control.overscroll(value);
    else control[key](value == null ? FLAG_DEFAULTS[key] : value !== 'false');
  }
}

// Properties that mirror the attributes: strings (null when absent), flags as booleans.
for (const [attribute, [property, key, kind]] of Object.entries(ATTRIBUTES)) {
  Object.defineProperty(ArticleReaderElement.prototype, property, {
    configurable: true,
    enumerable: true,
    get() {
      const value = this.getAttribute(attribute);
      return kind === 'flag' ? (value == null ? FLAG_DEFAULTS[key] : value !== 'false') : value;
    },
    set(value) {
      if (value == null) this.removeAttribute(attribute);
      else this.setAttribute(attribute, String(value));
    },
  });
}

if (typeof customElements !== 'undefined' && !customElements.get('article-reader')) {
  customElements.define('article-reader', ArticleReaderElement);
}
