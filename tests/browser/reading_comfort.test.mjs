// Reading comfort in the browser: the settings panel opens from the meta line; switching the script
// changes the rendered title (reader.state() and the text mirror) and the chrome's words; the
// Traditional table is fetched only when asked; the choice survives a reload.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import {
  clickKey, collectErrors, launchChromium, screenshotPath, serveBuild, waitForReader, waitForState, webDir,
} from './lib/browser.mjs';

const SEED = '2023-08-17-zhishichanquan-lianxi-huiyi';

// A mirror element's text without its pinyin (<rt>).
const mirrorText = (page, selector) => page.evaluate((s) => {
  const node = document.querySelector(`#reader ${s}`);
  if (!node) return null;
  const copy = node.cloneNode(true);
  copy.querySelectorAll('rt').forEach((rt) => rt.remove());
  return copy.textContent;
}, selector);

test('reading comfort: the panel switches the script; the title, body and chrome follow', async (t) => {
  const site = await serveBuild(webDir);
  const browser = await launchChromium();
  t.after(async () => { await browser.close(); await site.close(); });
  const page = await browser.newPage({ viewport: { width: 1200, height: 860 } });
  const errors = collectErrors(page);
  const tables = [];
  page.on('request', (req) => { if (req.url().endsWith('/s2t.txt')) tables.push(req.url()); });
  await page.goto(`${site.url}index.html?offline=0#/article/${SEED}`);
  await waitForReader(page);
  await waitForState(page, { view: 'article', articleId: SEED, script: 'original' });
  const original = await page.evaluate(() => window.reader.state().title);
  assert.match(original, /自治區知識産權/);
  assert.match(await mirrorText(page, 'p[data-paragraph="0"]'), /關于強化/, 'the seed mixes 關 with 于');

  await clickKey(page, 'settings');
  await page.waitForFunction(() => window.reader.itemRect('panel:script:2'));
  fs.writeFileSync(screenshotPath('settings-panel.png'), await page.locator('canvas').first().screenshot());
  await clickKey(page, 'panel:script:2');  // 简体
  await waitForState(page, { script: 'simplified' });
  const simplified = await page.evaluate(() => window.reader.state().title);
  assert.match(simplified, /自治区知识产权战略实施/);
  await page.waitForFunction(() => /关于强化/.test(document.querySelector('#reader p[data-paragraph="0"]')?.textContent || ''));
  assert.equal(await mirrorText(page, 'h1'), simplified);
  assert.match(await mirrorText(page, 'nav'), /首页/, 'the chrome speaks Simplified too');
  assert.deepEqual(tables, [], 'no Traditional table fetched for Simplified');
  fs.writeFileSync(screenshotPath('script-simplified.png'), await page.locator('canvas').first().screenshot());

  assert.ok(await page.evaluate(() => window.reader.setOptions({ script: 'traditional' })));
  await page.waitForFunction(() => /關於強化/.test(document.querySelector('#reader p[data-paragraph="0"]')?.textContent || ''), null, { timeout: 10000 });
  assert.equal(tables.length, 1, 'the Traditional table is fetched once, when asked');
  assert.match(await mirrorText(page, 'nav'), /首頁/);

  await page.reload();
  await waitForReader(page);
  await waitForState(page, { view: 'article', script: 'traditional' });
  await page.waitForFunction(() => /關於強化/.test(document.querySelector('#reader p[data-paragraph="0"]')?.textContent || ''), null, { timeout: 10000 });
  assert.deepEqual(errors, []);
});
