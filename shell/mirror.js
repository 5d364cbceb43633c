// The reader's text mirror: a visually hidden copy of what the canvas shows, in plain HTML, for
// screen readers, keyboard users and the browser's find-in-page (none of them see into a canvas).
// docs/accessibility.md.
//
// - Built from the module's reader_view_content JSON, only when the module says the content changed
//   (never per frame), with createElement/textContent only: bundle text is never parsed as HTML.
// - Visually hidden by the usual clip technique on its own root (inline style, no global CSS); not
//   aria-hidden and not display:none, so the accessibility tree and find-in-page see it.
// - Its links are real links: Tab reaches them after the canvas; activating one opens the place in
//   the canvas instead of navigating the host page.
// - Find-in-page: the root is a 1×1 px scroll container with one line per block (nowrap). When the
//   browser's find lands on a paragraph it scrolls the root to bring the match into view; the scroll
//   event says which paragraph, and the canvas reveals it.

import { nameLandmarks, unnameLandmarks } from './mirror_landmarks.js';
import { markHighlights } from './mirror_marks.js';

// One line per block, so that the root's scroll position names the block a match is in.
const HIDDEN_STYLE = 'position:absolute;width:1px;height:1px;margin:-1px;padding:0;border:0;overflow:hidden;' +
  'clip-path:inset(50%);white-space:nowrap';

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== null && value !== undefined) node.setAttribute(name, value);
  }
  for (const child of children) {
    if (child !== null && child !== undefined && child !== false) node.append(child);  // strings become text nodes
  }
  return node;
}

// Only links that cannot run code or reach the page (the reader's link policy, core/links.h).
const SAFE_LINK = /^(https?|mailto|tel):/i;
// A figure's image as the loader lets it be (core/bundle_rules.cpp): https, or an image data: URI.
const IMAGE_SRC = /^(https:|data:image\/(png|jpeg|webp|gif);base64,)/i;
// A path inside the bundle's folder, as the loader lets attachments have (core::isShardPath).
const BUNDLE_FILE = /^(?!\.\.?(\/|$))[A-Za-z0-9._-]+(\/(?!\.\.?(\/|$))[A-Za-z0-9._-]+)*$/;

// Runs of text with pinyin: "plain" or [base, reading] -> text nodes and <ruby>base<rt>reading</rt></ruby>;
// {href, strong, runs} (format 1.2) -> <a href> (safe schemes only) and/or <strong> around its runs.
function runs(list) {
  const fragment = document.createDocumentFragment();
  for (const run of list || []) {
    if (typeof run === 'string') {
      fragment.append(run);
    } else if (Array.isArray(run)) {
      fragment.append(el('ruby', {}, run[0], el('rt', {lang: 'zh-Latn-pinyin'}, run[1])));
    } else {
      let node = runs(run.runs);
      if (run.strong) node = el('strong', {}, node);
      if (run.href && SAFE_LINK.test(run.href)) node = el('a', {href: run.href, rel: 'noopener noreferrer', target: '_blank'}, node);
      fragment.append(node);
    }
  }
  return fragment;
}

// Format 1.2's blocks as HTML: headings, figures (an <img> with its alt and size and no src, as the
// canvas draws the image, and a second one for print only: never displayed on screen, so a lazy
// image that loads when printed), lists, tables with header cells, quotes, attachments and videos as links.
// Every body text keeps data-paragraph (its index), as paragraphs have it, for find-in-page.
// An attachment's or a video's relative href (a file beside the bundle) becomes bundleFileUrl(href).
function blockNodes(article, bundleFileUrl) {
  const texts = article.paragraphs;
  const text = (tag, i, attributes = {}) => el(tag, {...attributes, 'data-paragraph': String(i)}, runs(texts[i]));
  const target = (href) => (SAFE_LINK.test(href) ? href : BUNDLE_FILE.test(href) ? bundleFileUrl(href) : null);
  const link = (href, attributes, ...children) => (target(href)
    ? el('a', {href: target(href), rel: 'noopener noreferrer', target: '_blank', ...attributes}, ...children) : el('span', {}, ...children));
  return article.blocks.map((b) => {
    const range = Array.from({length: b.count}, (_, k) => b.first + k);
    switch (b.type) {
      case 'heading': return text(`h${Math.min(4, Math.max(2, b.level))}`, b.first);
      case 'list': return el(b.ordered ? 'ol' : 'ul', {}, ...range.map((i) => text('li', i)));
      case 'quote': return text('blockquote', b.first);
      case 'figure': {
        const caption = range.length ? el('figcaption', {}, ...range.map((i, k) => text(b.credit && k === range.length - 1 ? 'small' : 'span', i))) : null;
        const src = IMAGE_SRC.test(b.src) ? b.src : BUNDLE_FILE.test(b.src) ? bundleFileUrl(b.src) : null;
        const printed = src && el('img', {src, loading: 'lazy', alt: '', 'aria-hidden': 'true', 'data-print-image': ''});
        if (printed) printed.style.display = 'none';  // CSSOM, which a strict CSP allows (a style attribute it does not)
        return el('figure', {}, el('img', {alt: b.alt, width: String(b.width), height: String(b.height)}), printed, caption);
      }
      case 'table': {
        const cells = b.caption ? range.slice(1) : range;
        const columns = Math.max(1, b.columns);
        const rows = [];
        for (let r = 0; r * columns < cells.length; ++r) rows.push(cells.slice(r * columns, (r + 1) * columns));
        const head = rows.shift() || [];
        return el('table', {}, b.caption ? text('caption', b.first) : null,
          el('thead', {}, el('tr', {}, ...head.map((i) => text('th', i, {scope: 'col'})))),
          el('tbody', {}, ...rows.map((row) => el('tr', {}, ...row.map((i) => text('td', i))))));
      }
      case 'attachment': return el('p', {}, link(b.href, {type: b.mime}, text('span', b.first)), b.label);
      case 'video': return el('p', {}, link(b.href, {}, text('span', b.first)));
      default: return text('p', b.first);
    }
  });
}

function linkList(items, label) {
  const list = el('ul', label ? {'aria-label': label} : {});
  for (const item of items) list.append(el('li', {}, ...[].concat(item)));
  return list;
}

// Categories as nested lists, in bundle order. The children of each parent are indexed once, and
// the lists are built with a stack of their own (no recursion: a chain of parents can be as long as
// the list of categories). A list joins its item only once it is complete, so no node is added
// under a deep chain of ancestors: the cost is one pass whatever the shape of the tree.
export function categoryTree(categories, parentId) {
  const children = new Map();
  for (const c of categories) {
    const parent = c.parentId || null;
    if (!children.has(parent)) children.set(parent, []);
    children.get(parent).push(c);
  }
  if (!children.has(parentId)) return null;
  const top = el('ul');
  const stack = [{list: top, items: children.get(parentId), next: 0, owner: null}];
  while (stack.length) {
    const level = stack[stack.length - 1];
    if (level.next === level.items.length) {
      stack.pop();
      if (level.owner) level.owner.append(level.list);
      continue;
    }
    const c = level.items[level.next++];
    const item = el('li', {}, el('a', {href: c.href}, c.name));
    level.list.append(item);
    const sub = children.get(c.id);
    if (sub) stack.push({list: el('ul'), items: sub, next: 0, owner: item});
  }
  return top;
}

// The DOM of one view (everything inside the root). A guest on the host's page: no <header>,
// <footer> or <main> (directly in <body> they would be a second banner, contentinfo or main), and
// each navigation named with `suffix`, which tells this reader's apart from another's on the page.
// The site's name comes first, as in the canvas's top bar; its hotlines and footer after the
// view's content, so that a screen reader reaches the title before the phone numbers.
function viewNodes(content, suffix, bundleFileUrl) {
  const nodes = [];
  const site = content.site;
  const labels = content.labels || {};
  if (site) nodes.push(el('p', {'data-mirror-part': 'site'}, site.name));
  if (content.crumbs) {
    const crumbs = content.crumbs.map((c, i) => el('a', {href: c.href, 'aria-current': i === content.crumbs.length - 1 ? 'page' : null}, c.label));
    nodes.push(el('nav', {'aria-label': `${labels.breadcrumb}${suffix}`}, linkList(crumbs)));
  }
  const heading = el('h1', {tabindex: '-1'});
  const body = [heading];
  if (content.message) body.push(el('p', {}, content.message));
  if (content.article) {
    const a = content.article;
    heading.append(runs(a.title));
    const meta = el('p', {}, labels.published || '', el('time', {datetime: a.datetime}, a.published));
    if (a.source && a.source.length) meta.append(' ', labels.source || '', runs(a.source));
    body.push(meta);
    if (a.blocks) body.push(...blockNodes(a, bundleFileUrl));
    else a.paragraphs.forEach((p, i) => body.push(el('p', {'data-paragraph': String(i)}, runs(p))));
  } else if (content.items) {
    heading.append(content.heading || '');
    if (content.query) body.push(el('p', {}, el('q', {}, content.query)));
    // The search's filters, as the canvas shows them: a list of links per group, the current one marked.
    for (const group of content.filters || []) {
      body.push(linkList(group.choices.map((c) => el('a', {href: c.href, 'aria-current': c.current ? 'true' : null},
        c.count === null ? c.label : `${c.label} (${c.count})`)), group.label));
    }
    const items = content.items.map((item) => {
      const link = el('a', {href: item.href, 'data-article': item.id}, item.title);
      if (item.before === undefined) return link;
      // A search result says why it matched, as the canvas's row does: where, and the hit marked.
      const why = el('p', {}, item.before, el('mark', {}, item.hit), item.after);
      if (item.role) why.prepend(el('span', {}, item.role), ' ');
      if (!item.subResults) return [link, why];
      // Its more matches, each under its heading (or where it is), as the canvas lists them.
      const subs = el('ul', {}, ...item.subResults.map((sub) => {
        const line = el('li', {}, sub.before, el('mark', {}, sub.hit), sub.after);
        if (sub.heading || sub.role) line.prepend(el('span', {}, sub.heading || sub.role), ' ');
        return line;
      }));
      return [link, why, subs];
    });
    if (items.length) body.push(linkList(items));
    else body.push(el('p', {}, content.view === 'search' ? labels.noResults : labels.emptyCategory));
    if (content.more) body.push(el('p', {}, `+${content.more}`));
  } else if (content.message) {
    heading.append(content.message);
    body.splice(1, 1);
  }
  const main = el(content.article ? 'article' : 'section', {}, ...body);
  if (content.article) markHighlights(main, content.highlights, labels.note);
  nodes.push(main);
  if (content.categories && content.categories.length) {
    const tree = categoryTree(content.categories, null);
    if (tree) nodes.push(el('nav', {'aria-label': `${labels.categories}${suffix}`}, tree));
  }
  if (site && (site.hotlines.length || site.footer.length)) {
    const hotlines = site.hotlines.map((h) => el('li', {}, `${h.label} `, el('a', {href: `tel:${h.number.replace(/[^0-9+*#-]/g, '')}`}, h.number)));
    nodes.push(el('div', {'data-mirror-part': 'contact'}, hotlines.length ? el('ul', {}, ...hotlines) : null,
      ...site.footer.map((line) => el('p', {}, line))));
  }
  return nodes;
}

// mirror(element, {open(id), go(fragment), reveal(paragraph)}) -> {update(content), root, destroy()}
export function createMirror(element, actions) {
  const root = el('div', {'data-reader-mirror': ''});
  root.style.cssText = HIDDEN_STYLE;  // through the CSSOM: a style attribute would need 'unsafe-inline' under a CSP
  element.appendChild(root);

  // A mirror link opens its place in the canvas; tel: links dial as usual.
  root.addEventListener('click', (event) => {
    const link = event.target.closest && event.target.closest('a[href^="#/"]');
    if (!link || !root.contains(link)) return;
    event.preventDefault();
    if (link.dataset.article) actions.open(link.dataset.article);
    else actions.go(link.getAttribute('href'));
  });

  // Find-in-page landed in the mirror: the match was scrolled into the root's 1×1 px window, so the
  // paragraph under that window holds it. (0, 0) is where update() puts the root: no match there.
  root.addEventListener('scroll', () => {
    if (root.scrollTop === 0 && root.scrollLeft === 0) return;
    const frame = root.getBoundingClientRect();
    const y = frame.top + frame.height / 2;
    for (const p of root.querySelectorAll('[data-paragraph]')) {
      const box = p.getBoundingClientRect();
      if (box.top <= y && y < box.bottom) {
        actions.reveal(Number(p.dataset.paragraph));
        return;
      }
    }
  });

  return {
    root,
    update(content) {
      if (!content) return;
      const lang = content.lang || null;
      if (root.getAttribute('lang') !== lang) {
        if (lang) root.setAttribute('lang', lang);
        else root.removeAttribute('lang');
      }
      // Someone moving through the mirror with the keyboard or a screen reader goes on from the
      // new view's heading rather than from the page's start.
      const hadFocus = root.contains(document.activeElement);
      const suffix = nameLandmarks(element, root, content.site && content.site.name);
      root.replaceChildren(...viewNodes(content, suffix, actions.bundleFileUrl));
      // The reader's hidden text input, unless the page named it (searchLabel), in the same words.
      const input = element.querySelector(':scope > input[data-reader-text-input="auto"]');
      if (input && content.labels) input.setAttribute('aria-label', content.labels.search);
      root.scrollTop = 0;
      root.scrollLeft = 0;
      if (hadFocus) root.querySelector('h1').focus({preventScroll: true});
    },
    destroy() {
      root.remove();
      unnameLandmarks(element);
    },
  };
}
