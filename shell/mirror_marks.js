// Highlights in the text mirror (issue #17): each part of a highlight as <mark> around its text in
// its body text's element (data-paragraph), so that screen readers and find-in-page meet them too;
// a note follows its highlight as text. A part's place counts code points of the base text, as the
// module gives it: the readings (<rt>) are not counted.

// The text nodes of `root` that hold base text, in order.
function baseTextNodes(root) {
  const nodes = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.parentElement.closest('rt, rp') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node);
  return nodes;
}

// UTF-16 offset of code point `count` in `text`.
function unitsOf(text, count) {
  let units = 0;
  for (let i = 0; i < count && units < text.length; i++) units += text.codePointAt(units) > 0xFFFF ? 2 : 1;
  return units;
}

// Wraps code points [begin, end) of `element`'s base text in marks (one per text node it crosses);
// returns the last mark.
function markRange(element, begin, end, color) {
  let at = 0;
  let last = null;
  for (const node of baseTextNodes(element)) {
    const length = [...node.data].length;
    const from = Math.max(begin, at), to = Math.min(end, at + length);
    if (from < to) {
      let target = node;
      const start = unitsOf(node.data, from - at);
      if (start > 0) target = target.splitText(start);
      const units = unitsOf(target.data, to - from);
      if (units < target.data.length) target.splitText(units);
      const mark = document.createElement('mark');
      mark.dataset.color = color;
      target.replaceWith(mark);
      mark.append(target);
      last = mark;
    }
    at += length;
    if (at >= end) break;
  }
  return last;
}

// `highlights`: [{paragraph, begin, end, color, note}], later ones over earlier ones.
export function markHighlights(article, highlights, noteLabel) {
  for (const h of highlights || []) {
    const element = article.querySelector(`[data-paragraph="${Number(h.paragraph)}"]`);
    if (!element) continue;
    const mark = markRange(element, h.begin, h.end, h.color);
    if (mark && h.note) mark.after(' ', Object.assign(document.createElement('small'), {textContent: `${noteLabel || ''}${h.note}`}));
  }
}
