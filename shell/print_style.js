// Printing (Ctrl+P, or reader.print()): the page prints this reader's text mirror, styled as a page
// of print (title, time and source, the body, the site's hotlines and address), instead of the
// canvas. The rules are scoped to this reader's element and apply only in print.

let printIds = 0;  // readers on this page so far: each element gets its own scope

// Adopts the print sheet for `element`; remove() takes it away again.
export function installPrintStyle(element) {
  const id = String(++printIds);
  element.setAttribute('data-article-reader', id);
  const scope = `[data-article-reader="${id}"]`;
  const mirror = `${scope} [data-reader-mirror]`;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(`@media print {
  ${scope} { height: auto !important; overflow: visible !important; }
  ${scope} > canvas, ${scope} > input { display: none !important; }
  ${mirror} { position: static !important; width: auto !important; height: auto !important; margin: 0 !important;
    overflow: visible !important; clip-path: none !important; white-space: normal !important;
    font: 12pt/1.8 "Noto Serif CJK TC", "Noto Serif CJK SC", serif; color: #000; }
  ${mirror} nav { display: none !important; }
  ${mirror} [data-mirror-part="site"] { border-bottom: 1px solid #888; margin-bottom: 1em; }
  ${mirror} [data-mirror-part="contact"] ul { list-style: none; padding: 0; }
  ${mirror} h1 { font-size: 18pt; text-align: center; margin: .5em 0; }
  ${mirror} article > p:first-of-type { text-align: center; color: #444; }
  ${mirror} p[data-paragraph] { text-indent: 2em; margin: 0 0 .6em; }
  ${mirror} rt { font-size: 50%; }
  ${mirror} figure { margin: 1em 0; text-align: center; break-inside: avoid; }
  ${mirror} figure > img:not([data-print-image]) { display: none !important; }
  ${mirror} img[data-print-image] { display: block !important; max-width: 100%; height: auto; margin: 0 auto .3em; }
  ${mirror} figcaption { font-size: 10pt; color: #444; }
  ${mirror} table { border-collapse: collapse; margin: 1em 0; font-size: 10.5pt; break-inside: auto; }
  ${mirror} caption { font-weight: bold; margin-bottom: .3em; }
  ${mirror} th, ${mirror} td { border: 1px solid #888; padding: .2em .5em; text-align: left; vertical-align: top; }
  ${mirror} thead { display: table-header-group; }
  ${mirror} blockquote { margin: .8em 2em; color: #333; }
  ${mirror} a { color: inherit; text-decoration: none; }
  ${mirror} [data-mirror-part="contact"] { border-top: 1px solid #888; margin-top: 1.5em; font-size: 10pt; }
}`);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  return {
    remove() {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
      element.removeAttribute('data-article-reader');
    },
  };
}
