// The text mirror as a guest on someone else's page (shell/mirror.js, docs/accessibility.md): no
// landmark of the page's own kind (banner, contentinfo) even when the reader sits directly in
// <body>, each landmark named once per page with two readers, the hotlines after the article, the
// hidden text input in the accessibility tree only while the search box takes text, labels in the
// bundle's language. axe-core (npm, lib/axe.mjs) runs on each page; the demo pages are in
// landmarks_demo.test.mjs.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { axeViolations } from './lib/axe.mjs';
import { clickKey, collectErrors, launchChromium, serveBuild, waitForState, webDir } from './lib/browser.mjs';

// A publisher's page of its own: its header, heading, input and footer, the reader's box a direct
// child of <body> (where a <header> or <footer> of the reader would become the page's banner or
// contentinfo).
const GUEST_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A publisher's article page</title></head>
<body>
<header><p>The Daily Example</p></header>
<main><h1>Local news</h1><p>Search the site: <label>query <input type="search"></label></p></main>
<div id="reader" style="height:500px"></div>
<footer><p>© The Daily Example</p></footer>
<script type="module">
  import { mount } from './reader.js';
  window.reader = mount(document.getElementById('reader'), { bundle: 'sample-bundle.json', hashRouting: false });
  window.readers = [window.reader];
</script>
</body></html>`;

// Two readers of the same bundle, one after the other.
const TWO_READERS = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Two readers</title></head>
<body>
<main><h1>Two readers</h1>
<div id="a" style="height:400px"></div>
<div id="b" style="height:400px"></div>
</main>
<script type="module">
  import { mount } from './reader.js';
  window.readers = ['a', 'b'].map((id) => mount(document.getElementById(id), { bundle: 'sample-bundle.json', hashRouting: false }));
  window.reader = window.readers[0];
</script>
</body></html>`;

async function openPage(t, name) {
  const site = await serveBuild(webDir, { extraFiles: { 'guest-body.html': GUEST_PAGE, 'two-readers.html': TWO_READERS } });
  const browser = await launchChromium();
  t.after(async () => { await browser.close(); await site.close(); });
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  const errors = collectErrors(page);
  await page.goto(`${site.url}${name}`);
  await page.waitForFunction(() => window.readers && window.readers.every((r) => r && r.ready));
  await page.evaluate(() => Promise.all(window.readers.map((r) => r.ready)).then(() => true));
  await page.waitForFunction(() => [...document.querySelectorAll('[data-reader-mirror]')].every((m) => m.querySelector('a[data-article]')));
  return { page, errors };
}

// The demo pages are checked in landmarks_demo.test.mjs (one file may take two minutes at most).
for (const name of ['guest-body.html', 'two-readers.html']) {
  test(`landmarks: axe-core finds nothing on ${name}`, async (t) => {
    const { page, errors } = await openPage(t, name);
    assert.deepEqual(await axeViolations(page), [], 'list view');
    await page.evaluate(() => window.reader.open(window.reader.list()[0].id));
    await waitForState(page, { view: 'article' });
    await page.waitForFunction(() => document.querySelector('[data-reader-mirror] article'));
    assert.deepEqual(await axeViolations(page), [], 'article view');
    assert.deepEqual(errors, [], 'console errors or uncaught page errors');
  });
}

test('landmarks: no banner or contentinfo of the reader; unique names; hotlines after the article', async (t) => {
  const { page, errors } = await openPage(t, 'two-readers.html');
  // Per reader, its landmarks in document order. Which reader keeps the bare name is the one whose
  // bundle showed first (mirror_landmarks.js); the other's all carry " (2)".
  const landmarksOf = (id) => page.evaluate((root) => [...document.querySelectorAll(`#${root}, #${root} *`)]
    .filter((e) => ['HEADER', 'FOOTER', 'MAIN', 'ASIDE'].includes(e.tagName) || e.matches('nav, [role]'))
    .map((e) => `${e.getAttribute('role') || e.tagName.toLowerCase()} ${e.getAttribute('aria-label')}`), id);
  const withSuffix = (suffix) => ['region 内蒙古自治區消費者權益保護服務中心', 'nav 目前位置', 'nav 分類'].map((l) => l + suffix);
  const [a, b] = [await landmarksOf('a'), await landmarksOf('b')];
  const first = a[0].endsWith('(2)') ? b : a, second = first === a ? b : a;
  assert.deepEqual(first, withSuffix(''));
  assert.deepEqual(second, withSuffix(' (2)'));
  // The list's heading is the canvas's: 首頁, not the site's name.
  assert.equal(await page.locator('#a [data-reader-mirror] h1').textContent(), '首頁');
  // In reading order the article's heading comes before the hotlines.
  const order = await page.evaluate(() => {
    const mirror = document.querySelector('#a [data-reader-mirror]');
    const h1 = mirror.querySelector('h1');
    const tel = mirror.querySelector('a[href^="tel:"]');
    return h1.compareDocumentPosition(tel) & Node.DOCUMENT_POSITION_FOLLOWING ? 'heading first' : 'hotlines first';
  });
  assert.equal(order, 'heading first');
  // destroy() takes back the region it gave the host's element.
  await page.evaluate(() => window.readers[1].destroy());
  assert.deepEqual(await page.evaluate(() => document.getElementById('b').getAttributeNames()), ['id', 'style']);
  assert.deepEqual(errors, []);
});

test('landmarks: the hidden text input is in the accessibility tree only while search takes text', async (t) => {
  const { page, errors } = await openPage(t, 'guest-body.html');
  const input = page.locator('#reader input');
  assert.equal(await input.getAttribute('aria-hidden'), 'true');
  assert.doesNotMatch(await page.locator('#reader').ariaSnapshot(), /textbox/);
  await clickKey(page, 'search');
  await page.waitForFunction(() => document.activeElement && document.activeElement.matches('#reader input'));
  assert.equal(await input.getAttribute('aria-hidden'), null);
  assert.equal(await input.getAttribute('aria-label'), '搜尋文章');
  assert.match(await page.locator('#reader').ariaSnapshot(), /textbox "搜尋文章"/);
  assert.deepEqual(await axeViolations(page), [], 'search active');
  await page.keyboard.press('Escape');
  await page.locator('main h1').click();
  await page.waitForFunction(() => document.querySelector('#reader input').getAttribute('aria-hidden') === 'true');
  assert.deepEqual(errors, []);
});
