// Navigation in the browser: a deep link opens its view, the URL follows the view, the browser's
// back and forward buttons move through the reader's places, and the keyboard works.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  clickKey, collectErrors, launchChromium, serveBuild, waitForReader, waitForState, webDir,
} from './lib/browser.mjs';

const SEED = '2023-08-17-zhishichanquan-lianxi-huiyi';

test('navigation: deep link, URL following the view, browser back and forward', async (t) => {
  const site = await serveBuild(webDir);
  const browser = await launchChromium();
  t.after(async () => { await browser.close(); await site.close(); });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = collectErrors(page);

  await page.goto(`${site.url}index.html#/article/${SEED}`);
  await waitForReader(page);
  await waitForState(page, { view: 'article', articleId: SEED });

  await clickKey(page, 'crumb:category');
  await waitForState(page, { view: 'list', categoryId: 'xiaoxie-dongtai' });
  await page.waitForFunction(() => location.hash === '#/category/xiaoxie-dongtai');
  await clickKey(page, 'category:weiquan-tishi');
  await page.waitForFunction(() => location.hash === '#/category/weiquan-tishi');

  await page.goBack();
  await waitForState(page, { view: 'list', categoryId: 'xiaoxie-dongtai' });
  await page.goBack();
  await waitForState(page, { view: 'article', articleId: SEED });
  await page.goForward();
  await waitForState(page, { view: 'list', categoryId: 'xiaoxie-dongtai' });
  assert.deepEqual(errors, []);
});

test('navigation: keyboard moves the selection, opens with Enter, goes back with Esc', async (t) => {
  const site = await serveBuild(webDir);
  const browser = await launchChromium();
  t.after(async () => { await browser.close(); await site.close(); });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${site.url}index.html`);
  await waitForReader(page);
  const list = await page.evaluate(() => window.reader.list());
  await page.locator('canvas').first().focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await waitForState(page, { view: 'article', articleId: list[2].id });
  await page.keyboard.press('Escape');
  await waitForState(page, { view: 'list' });
  await page.keyboard.press('Alt+ArrowRight');
  await waitForState(page, { view: 'article', articleId: list[2].id });
});

test('navigation: the embedding page can turn hash routing off', async (t) => {
  const site = await serveBuild(webDir);
  const browser = await launchChromium();
  t.after(async () => { await browser.close(); await site.close(); });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${site.url}index.html?hashRouting=0`);
  await waitForReader(page);
  await page.evaluate((id) => window.reader.open(id), SEED);
  await waitForState(page, { view: 'article', articleId: SEED });
  await page.waitForTimeout(200);
  assert.equal(await page.evaluate(() => location.hash), '');
  assert.equal(await page.evaluate(() => window.reader.fragment()), `#/article/${SEED}`);
});
