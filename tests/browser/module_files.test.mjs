// The shell's module files as the pages list them: index.html and demo.html preload exactly the
// modules their script imports, all of them (so start-up asks for the whole graph at once instead
// of one level of imports at a time), and the service worker precaches each of them. The graph is
// what the browser fetches for a copy of the page without the preload links.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { collectErrors, launchChromium, serveBuild, webDir } from './lib/browser.mjs';

const preloads = (html) => [...html.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((m) => m[1]);

// The .js files a page (served as `name`) fetches until its readers are ready, by path; the
// reader's own offline.js, loaded after that, is left out with ?offline=0.
async function modulesFetched(browser, url, name, readyCheck) {
  const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
  const errors = collectErrors(page);
  const files = new Set();
  page.on('request', (r) => {
    const file = new URL(r.url()).pathname.slice(1);
    if (file.endsWith('.js')) files.add(file);
  });
  await page.goto(`${url}${name}?offline=0`);
  await page.waitForFunction(readyCheck, null, { timeout: 20000 });
  await page.evaluate(readyCheck);
  await page.close();
  assert.deepEqual(errors, [], `${name}: errors`);
  return [...files].sort();
}

test('module files: the pages preload every module they import and nothing else; the service worker precaches them', async (t) => {
  const pages = [
    { name: 'index.html', script: 'page.js', ready: () => window.reader && window.reader.ready.then(() => true) },
    { name: 'demo.html', script: 'demo.js', ready: () => window.readers && Promise.all([window.readers.a.ready, window.readers.b.ready]).then(() => true) },
  ];
  const extraFiles = {};
  for (const p of pages) {
    const html = fs.readFileSync(path.join(webDir, p.name), 'utf8');
    p.preloaded = preloads(html).sort();
    extraFiles[`bare-${p.name}`] = html.replace(/<link rel="modulepreload"[^>]*>\s*/g, '');
  }
  const site = await serveBuild(webDir, { extraFiles });
  const browser = await launchChromium();
  t.after(async () => { await browser.close(); await site.close(); });
  const serviceWorker = fs.readFileSync(path.join(webDir, 'sw.js'), 'utf8');

  for (const p of pages) {
    const graph = (await modulesFetched(browser, site.url, `bare-${p.name}`, p.ready)).filter((f) => f !== p.script);
    assert.ok(graph.includes('reader.js') && graph.includes('reader-module.js'), `${p.name}: the graph was not seen: ${graph}`);
    assert.deepEqual(p.preloaded, graph, `${p.name}: the modules it preloads are the ones its script imports`);
    for (const file of graph) assert.match(serviceWorker, new RegExp(`url:"${file.replace(/\./g, '\\.')}"`), `sw.js does not precache ${file}`);
  }
});
