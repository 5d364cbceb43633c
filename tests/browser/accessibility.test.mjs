// The text mirror (shell/mirror.js, docs/accessibility.md): the canvas's view as visually hidden
// HTML that the accessibility tree, the keyboard and find-in-page reach.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import {
  clickKey, collectErrors, launchChromium, pixelDiff, screenshotPath, serveBuild, waitForReader, waitForState, webDir,
} from './lib/browser.mjs';

const sample = JSON.parse(fs.readFileSync(path.join(webDir, 'sample-bundle.json'), 'utf8'));
const seed = sample.articles[0];
// The sample's annotations are all `字(pinyin)`: enough of RubyParser for this fixture.
const strip = (text) => text.replace(/\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü ]+\)/g, '');

// Mutation records on the mirror since the last call (an observer installed in the page).
async function takeMutations(page) {
  return page.evaluate(() => { const n = window.mirrorMutations; window.mirrorMutations = 0; return n; });
}

test('mirror: accessibility tree, links, tel:, updates only on change, find-in-page reveal', async (t) => {
  const site = await serveBuild(webDir);
  const browser = await launchChromium();
  t.after(async () => { await browser.close(); await site.close(); });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = collectErrors(page);
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  const host = page.locator('#reader');
  const mirror = page.locator('[data-reader-mirror]');

  try {
    await page.goto(`${site.url}index.html`);
    await waitForReader(page);
    await page.waitForFunction(() => document.querySelector('[data-reader-mirror] a[data-article]'));

    // Visually hidden but present: in the accessibility tree, 1×1 px, not aria-hidden.
    const box = await mirror.boundingBox();
    assert.ok(box.width <= 1 && box.height <= 1, `the mirror takes room: ${JSON.stringify(box)}`);
    assert.equal(await mirror.getAttribute('aria-hidden'), null);
    assert.equal(await mirror.getAttribute('lang'), sample.site.locale);

    // List view: a heading and one link per article; the hotlines as tel: links; the footer.
    const listed = await page.evaluate(() => window.reader.list());
    assert.equal(await mirror.locator('a[data-article]').count(), listed.length);
    const listSnapshot = await host.ariaSnapshot();
    assert.match(listSnapshot, /- heading .* \[level=1\]/);
    assert.ok(listSnapshot.includes(`link "${strip(seed.title)}"`), `no link to the seed article in:\n${listSnapshot}`);
    for (const hotline of sample.site.hotlines) {
      const tel = mirror.locator(`a[href="tel:${hotline.number}"]`);
      assert.equal(await tel.count(), 1, `no tel: link for ${hotline.number}`);
      assert.equal(await tel.textContent(), hotline.number);
    }
    assert.ok(listSnapshot.includes(sample.site.copyrightHolder), 'the footer is not in the accessibility tree');

    // Idle: nothing touches the mirror (it is not rebuilt per frame).
    await page.evaluate(() => {
      window.mirrorMutations = 0;
      new MutationObserver((records) => { window.mirrorMutations += records.length; })
        .observe(document.querySelector('[data-reader-mirror]'), { subtree: true, childList: true, attributes: true, characterData: true });
    });
    await page.waitForTimeout(2000);
    assert.equal(await takeMutations(page), 0, 'the mirror changed while nothing happened');

    // The keyboard: Tab goes through the canvas's controls (keyboard_tab.test.mjs) and leaves it
    // for the mirror's links, Shift+Tab comes back.
    await page.locator('canvas').first().focus();
    const inMirror = () => page.evaluate(() => document.activeElement.closest('[data-reader-mirror]') !== null
      && document.activeElement.tagName === 'A');
    for (let i = 0; i < 30 && !(await inMirror()); i++) {
      await page.keyboard.press('Tab');
      await page.waitForTimeout(100);
    }
    assert.ok(await inMirror(), 'Tab from the canvas did not reach a mirror link');
    await page.keyboard.press('Shift+Tab');
    assert.equal(await page.evaluate(() => document.activeElement.tagName), 'CANVAS');

    // Activating a mirror link (Enter on it) opens the article in the canvas, not a new page.
    const urlBefore = page.url();
    await mirror.locator(`a[data-article="${seed.id}"]`).focus();
    await page.keyboard.press('Enter');
    await waitForState(page, { view: 'article', articleId: seed.id });
    await page.waitForTimeout(500);
    assert.equal(await takeMutations(page), 1, 'the mirror did not change exactly once for one view change');
    assert.equal(page.url().split('#')[0], urlBefore.split('#')[0], 'the host page navigated');
    assert.equal(await page.evaluate(() => document.activeElement.tagName), 'H1', 'focus did not move to the new view\'s heading');

    // The article, pinyin above (the default): ruby with readings, publish time, source, paragraphs.
    assert.equal(await mirror.locator('h1').count(), 1);
    assert.ok(await mirror.locator('h1 ruby rt').count() > 0, 'the title has no <ruby> readings');
    assert.equal(await mirror.locator('h1 rt').first().textContent(), 'nián');
    assert.equal(await mirror.locator('time').getAttribute('datetime'), seed.published);
    assert.equal(await mirror.locator('p[data-paragraph]').count(), seed.body.length);
    const aboveSnapshot = await host.ariaSnapshot();
    assert.match(aboveSnapshot, /- heading "2023 年 nián 第 一 yī 次 自 zì 治區/, `title not in the accessibility tree:\n${aboveSnapshot}`);

    // Pinyin hidden: the mirror holds the text as shown, one change for one mode change.
    await clickKey(page, 'ruby:hidden');
    await waitForState(page, { rubyMode: 'hidden' });
    await page.waitForTimeout(300);
    assert.equal(await takeMutations(page), 1, 'the pinyin mode change did not change the mirror exactly once');
    const snapshot = await host.ariaSnapshot();
    assert.ok(snapshot.includes(`heading "${strip(seed.title)}" [level=1]`), `seed title not in:\n${snapshot}`);
    for (const paragraph of seed.body) {
      assert.ok(snapshot.includes(strip(paragraph).slice(0, 30)), `paragraph not in the accessibility tree: ${strip(paragraph).slice(0, 30)}`);
    }
    assert.ok(snapshot.includes('link "12315"'), 'the hotlines are not links in the article view');
    assert.equal(await mirror.locator('rt').count(), 0);

    // Find-in-page: the browser scrolls the match into view, in every scroll container up to the
    // page; in the mirror's 1×1 px one too, whose scroll event names the paragraph. Headless
    // Chromium has no find bar to drive, so the test scrolls the paragraph into view as find does.
    const canvas = page.locator('canvas').first();
    const beforeFind = await canvas.screenshot();
    const before = await page.evaluate(() => window.reader.itemRect('paragraph:2'));
    assert.ok(before === null || before.y > 250, `paragraph 2 is already near the top: ${JSON.stringify(before)}`);
    await mirror.locator('p[data-paragraph="2"]').evaluate((p) => p.scrollIntoView({ block: 'center' }));
    let revealed = null;
    for (let i = 0; i < 40 && !(revealed && revealed.y < 200); i++) {
      await page.waitForTimeout(50);
      revealed = await page.evaluate(() => window.reader.itemRect('paragraph:2'));
    }
    assert.ok(revealed && revealed.y < 200, `find did not bring paragraph 2 to the top: ${JSON.stringify(revealed)}`);
    const afterFind = await canvas.screenshot();
    fs.writeFileSync(screenshotPath('mirror-find-paragraph-2.png'), afterFind);
    assert.ok(pixelDiff(beforeFind, afterFind) > 0.05, 'the canvas did not change after find landed on paragraph 2');
    assert.equal(await takeMutations(page), 0, 'revealing a paragraph rebuilt the mirror');
  } catch (err) {
    if (errors.length) err.message += `\npage errors:\n${errors.join('\n')}`;
    throw err;
  }
  assert.deepEqual(errors, [], 'console errors or uncaught page errors');
  assert.deepEqual(dialogs, []);
});

test('mirror: bundle text is text, never markup; mirror: false mounts none', async (t) => {
  const site = await serveBuild(webDir);
  const browser = await launchChromium();
  t.after(async () => { await browser.close(); await site.close(); });
  const page = await browser.newPage({ viewport: { width: 1024, height: 700 } });
  const errors = collectErrors(page);
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  const mirror = page.locator('[data-reader-mirror]');

  await page.goto(`${site.url}index.html`);
  await waitForReader(page);
  const hostile = '<img src=x onerror=alert(1)>';
  const bundle = structuredClone(sample);
  bundle.articles[0].title = hostile;
  bundle.articles[0].body = [`${hostile} <script>alert(2)</script>`, ...bundle.articles[0].body.slice(1)];
  bundle.site.name = '<b>bold</b>';
  assert.equal(await page.evaluate((b) => window.reader.load(b), bundle), null);
  await page.waitForFunction((t) => [...document.querySelectorAll('[data-reader-mirror] a')].some((a) => a.textContent === t), hostile);
  assert.equal(await page.evaluate((id) => window.reader.open(id), bundle.articles[0].id), true);
  await page.waitForFunction(() => document.querySelector('[data-reader-mirror] h1 time, [data-reader-mirror] time'));
  await page.waitForTimeout(300);
  assert.equal(await mirror.locator('h1').textContent(), hostile);
  assert.equal(await mirror.locator('p[data-paragraph="0"]').textContent(), `${hostile} <script>alert(2)</script>`);
  assert.equal(await mirror.locator('[data-mirror-part="site"]').textContent(), '<b>bold</b>');
  assert.equal(await page.locator('img, b, [data-reader-mirror] script').count(), 0, 'bundle text became elements');
  assert.deepEqual(dialogs, [], 'a dialog fired');

  // mirror: false: a second reader on the page adds no mirror.
  const mirrors = await page.evaluate(async () => {
    const { mount } = await import('./reader.js');
    const div = document.createElement('div');
    div.style.cssText = 'width:400px;height:300px';
    document.body.append(div);
    const second = mount(div, { bundle: 'sample-bundle.json', mirror: false, hashRouting: false });
    await second.ready;
    await new Promise((r) => setTimeout(r, 300));
    return div.querySelectorAll('[data-reader-mirror]').length;
  });
  assert.equal(mirrors, 0);
  assert.deepEqual(errors, [], 'console errors or uncaught page errors');
});
