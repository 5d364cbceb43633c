// What a reader chose survives a reload: the font size, pinyin mode and theme, and the place in
// each article (it opens where it was left). A hotline opens tel: in a new context, never the page.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  clickKey, collectErrors, launchChromium, serveBuild, waitForReader, waitForState, webDir,
} from './lib/browser.mjs';

const SEED = '2023-08-17-zhishichanquan-lianxi-huiyi';

test('persistence: settings and the reading position survive a reload', async (t) => {
  const site = await serveBuild(webDir);
  const browser = await launchChromium();
  t.after(async () => { await browser.close(); await site.close(); });
  const context = await browser.newContext({ viewport: { width: 1100, height: 700 } });
  const page = await context.newPage();
  const errors = collectErrors(page);
  await page.goto(`${site.url}index.html?offline=0#/article/${SEED}`);
  await waitForReader(page);
  await waitForState(page, { view: 'article', articleId: SEED });
  await clickKey(page, 'font:large');
  await waitForState(page, { fontSize: 'large' });
  await page.waitForTimeout(300);
  await clickKey(page, 'ruby:hidden');
  await waitForState(page, { rubyMode: 'hidden' });
  assert.ok(await page.evaluate(() => window.reader.setOptions({ theme: 'sepia' })));
  // Scroll half way down the article with the wheel, as a reader would.
  const canvas = await page.locator('canvas').first().boundingBox();
  await page.mouse.move(canvas.x + canvas.width / 2, canvas.y + canvas.height / 2);
  for (let i = 0; i < 8; i++) await page.mouse.wheel(0, 300);
  await page.waitForFunction(() => (window.reader.state().position || 0) > 0.2);
  const before = await page.evaluate(() => window.reader.state());
  assert.equal(before.rubyMode, 'hidden', 'the click on 隱藏 took');

  await page.reload();
  await waitForReader(page);
  await waitForState(page, { view: 'article', articleId: SEED });
  await page.waitForFunction((p) => Math.abs((window.reader.state().position ?? -1) - p) < 0.02, before.position);
  const after = await page.evaluate(() => window.reader.state());
  assert.equal(after.fontSize, 'large');
  assert.equal(after.rubyMode, 'hidden');
  assert.equal(after.theme, 'sepia');
  assert.ok(Math.abs(after.position - before.position) < 0.02, `${after.position} vs ${before.position}`);
  assert.deepEqual(errors, []);
});

test('persistence: a hotline opens tel: in a new context; the reader stays', async (t) => {
  const site = await serveBuild(webDir);
  const browser = await launchChromium();
  t.after(async () => { await browser.close(); await site.close(); });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${site.url}index.html?offline=0`);
  await waitForReader(page);
  await page.evaluate(() => {
    window.opened = [];
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function () { window.opened.push({ href: this.href, target: this.target, rel: this.rel }); };
    window.restoreClick = () => { HTMLAnchorElement.prototype.click = click; };
  });
  await clickKey(page, 'hotline:1');
  await page.waitForFunction(() => window.opened.length > 0);
  const opened = await page.evaluate(() => window.opened);
  assert.deepEqual(opened, [{ href: 'tel:0471-6920007', target: '_blank', rel: 'noopener noreferrer' }]);
  assert.equal(await page.evaluate(() => location.pathname), '/index.html');
});
