// The text mirror's landmarks on the host's page (mirror.js, docs/accessibility.md): the reader's
// element becomes one region named after the site, and every landmark of a reader gets a name no
// other reader on the page has.

// Elements that are landmarks (or sectioning) by themselves: a reader's element of these kinds is
// the host's to name, and keeps its role.
const HOST_LANDMARKS = new Set(['main', 'nav', 'aside', 'header', 'footer', 'section', 'article', 'form', 'body']);

// The reader's element is a region named after the site, so that the canvas, the text input and
// the mirror all sit in a landmark wherever the host put the element (unless the element has a
// role or a name of its own, or is a landmark by its tag). Landmarks on one page need distinct
// names, and two readers of one site would otherwise be two "region 消協": the first reader of a
// name keeps it, the others get " (2)", " (3)" on every landmark of theirs. Returns that suffix.
export function nameLandmarks(element, root, name) {
  const hostNamed = ['role', 'aria-label', 'aria-labelledby'].some((attribute) => element.hasAttribute(attribute));
  const ownRegion = element.hasAttribute('data-reader-region') || !hostNamed;
  const named = ownRegion && !HOST_LANDMARKS.has(element.localName);
  const taken = new Set([...document.querySelectorAll('[data-reader-mirror]')]
    .filter((other) => other !== root && other.dataset.readerMirror === name).map((other) => other.dataset.mirrorNumber));
  let number = Number(root.dataset.readerMirror === name && root.dataset.mirrorNumber) || 1;
  if (taken.has(String(number))) for (number = 1; taken.has(String(number));) number++;
  const suffix = number > 1 ? ` (${number})` : '';
  setAttributes(root, {'data-reader-mirror': name || '', 'data-mirror-number': String(number)});
  if (named && name) setAttributes(element, {'data-reader-region': '', role: 'region', 'aria-label': `${name}${suffix}`});
  return suffix;
}

// Only what changes: an update that leaves the names as they were touches no attribute.
function setAttributes(node, attributes) {
  for (const [name, value] of Object.entries(attributes)) {
    if (node.getAttribute(name) !== value) node.setAttribute(name, value);
  }
}

// Takes back what nameLandmarks gave the host's element.
export function unnameLandmarks(element) {
  if (!element.hasAttribute('data-reader-region')) return;
  for (const name of ['data-reader-region', 'role', 'aria-label']) element.removeAttribute(name);
}
