// axe-core on the demo pages (index.html, one reader in the page's <main>; demo.html, two readers
// beside the host's own content): 0 violations in the list and the article view. The reader as a
// guest on pages of other shapes: landmarks.test.mjs.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { axeViolations } from './lib/axe.mjs';
import { collectErrors, launchChromium, serveBuild, waitForState, webDir } from './lib/browser.mjs';

for (const name of ['index.html', 'demo.html']) {
  test(`landmarks: axe-core finds nothing on ${name}`, async (t) => {
    const site = await serveBuild(webDir);
    const browser = await launchChromium();
    t.after(async () => { await browser.close(); await site.close(); });
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const errors = collectErrors(page);
    await page.goto(`${site.url}${name}?offline=0`);
    // index.html has window.reader, demo.html window.readers {a, b}.
    await page.waitForFunction(() => (window.readers ? Object.values(window.readers) : [window.reader]).every((r) => r && r.ready));
    await page.evaluate(() => Promise.all((window.readers ? Object.values(window.readers) : [window.reader]).map((r) => r.ready)).then(() => true));
    await page.waitForFunction(() => [...document.querySelectorAll('[data-reader-mirror]')].every((m) => m.querySelector('a[data-article]')));
    assert.deepEqual(await axeViolations(page), [], 'list view');
    await page.evaluate(() => { window.reader = window.reader || window.readers.a; });
    await page.evaluate(() => window.reader.open(window.reader.list()[0].id));
    await waitForState(page, { view: 'article' });
    await page.waitForFunction(() => document.querySelector('[data-reader-mirror] article'));
    assert.deepEqual(await axeViolations(page), [], 'article view');
    assert.deepEqual(errors, [], 'console errors or uncaught page errors');
  });
}
