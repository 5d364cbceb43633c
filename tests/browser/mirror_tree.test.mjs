// The mirror's category tree (shell/mirror.js) on trees no bundle of the loader's limits reaches, to
// show its cost does not depend on their shape: a chain of 3,000 parents (a recursive walk threw
// RangeError) and 100,000 top-level categories (each node scanned every category), built in the page.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectErrors, launchChromium, serveBuild, webDir } from './lib/browser.mjs';

// In the page: mirror.js's createMirror fed a view whose categories are `shape` ('chain' or
// 'flat') of `count`; returns the nesting depth of the tree's lists, its links, and the time taken.
async function mirrorTree(page, shape, count) {
  return page.evaluate(async ({ shape, count }) => {
    const { createMirror } = await import('./mirror.js');
    const categories = [];
    for (let i = 0; i < count; i += 1) {
      const parentId = shape === 'chain' && i > 0 ? `c${i - 1}` : null;
      categories.push({ id: `c${i}`, parentId, name: `分類${i}`, href: `#/category/c${i}` });
    }
    const host = document.createElement('div');
    document.body.append(host);
    const mirror = createMirror(host, { open() {}, go() {}, reveal() {} });
    const started = performance.now();
    mirror.update({ view: 'list', heading: '', items: [], categories, labels: { categories: '分類' } });
    const ms = performance.now() - started;
    const nav = host.querySelector('nav[aria-label="分類"]');
    let depth = 0;
    for (let list = nav.querySelector('ul'); list; list = list.querySelector(':scope > li > ul')) depth += 1;
    const links = nav.querySelectorAll('a');
    const result = { depth, links: links.length, last: links[links.length - 1].getAttribute('href'), ms };
    mirror.destroy();
    host.remove();
    return result;
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
