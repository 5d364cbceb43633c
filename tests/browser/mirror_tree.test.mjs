// The mirror's category tree (shell/mirror.js, categoryTree) on trees beyond what the loader lets
// through, built in the page: a chain of 3,000 parents (a recursive walk threw RangeError) and
// 100,000 top-level categories (each node scanned every category: minutes).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectErrors, launchChromium, serveBuild, webDir } from './lib/browser.mjs';

// In the page: mirror.js's categoryTree for categories of `shape` ('chain' or 'flat') of `count`;
// returns the nesting depth of its lists, its links, the last link and the time taken. The tree is
// not attached to the page: laying out lists nested 3,000 deep is the browser's problem (its
// renderer gave up on that), and the loader's depth limit (32) keeps a real mirror far from it.
async function mirrorTree(page, shape, count) {
  return page.evaluate(async ({ shape, count }) => {
    const { categoryTree } = await import('./mirror.js');
    const categories = [];
    for (let i = 0; i < count; i += 1) {
      const parentId = shape === 'chain' && i > 0 ? `c${i - 1}` : null;
      categories.push({ id: `c${i}`, parentId, name: `分類${i}`, href: `#/category/c${i}` });
    }
    const started = performance.now();
    const tree = categoryTree(categories, null);
    const ms = performance.now() - started;
    let depth = 0;
    for (let list = tree; list; list = list.querySelector(':scope > li > ul')) depth += 1;
    const links = tree.querySelectorAll('a');
    return { depth, links: links.length, last: links[links.length - 1].getAttribute('href'), ms };
  }, { shape, count });
}

test('mirror: a 3,000-deep category chain and 100,000 flat categories build without recursion', async (t) => {
  const site = await serveBuild(webDir, { extraFiles: { 'mirror-tree.html': '<!doctype html><meta charset="utf-8"><body></body>' } });
  const browser = await launchChromium();
  t.after(async () => { await browser.close(); await site.close(); });
  const page = await browser.newPage();
  const errors = collectErrors(page);
  await page.goto(`${site.url}mirror-tree.html`);

  const chain = await mirrorTree(page, 'chain', 3000);
  assert.equal(chain.depth, 3000);
  assert.equal(chain.links, 3000);
  assert.equal(chain.last, '#/category/c2999');

  const flat = await mirrorTree(page, 'flat', 100000);
  assert.equal(flat.depth, 1);
  assert.equal(flat.links, 100000);
  assert.equal(flat.last, '#/category/c99999');
  console.log(`mirror tree: chain of 3000 in ${chain.ms.toFixed(0)} ms, 100000 flat in ${flat.ms.toFixed(0)} ms`);
  assert.deepEqual(errors, []);
});
