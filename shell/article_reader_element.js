// <article-reader src="bundle.json" font-size="large" ruby-mode="hidden" theme="sepia" locale="en">:
// the same reader as an element, mounted when it enters the page and destroyed when it leaves;
// `element.reader` is its instance. Hash routing is off unless hash-routing="true" (two readers on
// one page must not both drive the URL). Importing this module defines the element once.
import { mount } from './mount.js';

// Attributes that are options, and the option each one sets.
const ELEMENT_OPTIONS = {'font-size': 'fontSize', 'ruby-mode': 'rubyMode', theme: 'theme', locale: 'locale'};
const ElementBase = typeof HTMLElement === 'undefined' ? class {} : HTMLElement;

export class ArticleReaderElement extends ElementBase {
  static get observedAttributes() { return ['src', ...Object.keys(ELEMENT_OPTIONS)]; }

  connectedCallback() {
    if (this.reader) return;
    if (!this.style.display) this.style.display = 'block';  // a custom element is inline by default
    const options = {hashRouting: this.getAttribute('hash-routing') === 'true', mirror: this.getAttribute('mirror') !== 'false'};
    if (this.getAttribute('src')) options.bundle = this.getAttribute('src');
    for (const [attribute, key] of Object.entries(ELEMENT_OPTIONS)) {
      if (this.hasAttribute(attribute)) options[key] = this.getAttribute(attribute);
    }
    this.reader = mount(this, options);
  }

  disconnectedCallback() {
    this.reader?.destroy();
    this.reader = null;
  }

  attributeChangedCallback(name, previous, value) {
    if (!this.reader || previous === value || value == null) return;
    if (name === 'src') this.reader.load(value);
    else this.reader.setOptions({[ELEMENT_OPTIONS[name]]: value});
  }
}

if (typeof customElements !== 'undefined' && !customElements.get('article-reader')) {
  customElements.define('article-reader', ArticleReaderElement);
}
