// Reading comfort in the browser: the settings panel opens from the meta line; switching the script
// changes the rendered title (reader.state() and the text mirror) and the chrome's words; the
// Traditional table is fetched only when asked; the choice survives a reload.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import {
  clickKey, collectErrors, launchChromium, screenshotPath, screenshotWhen, serveBuild, waitForReader, waitForState, webDir,
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
  page.on('request', (req) => { if (/\/(t2s|s2t)\.txt$/.test(req.url())) tables.push(req.url().split('/').pop()); });
  await page.goto(`${site.url}index.html?offline=0#/article/${SEED}`);
  await waitForReader(page);
  await waitForState(page, { view: 'article', articleId: SEED, script: 'original' });
  const original = await page.evaluate(() => window.reader.state().title);
  assert.match(original, /自治區知識産權/);
  assert.match(await mirrorText(page, 'p[data-paragraph="0"]'), /關于強化/, 'the seed mixes 關 with 于');
  assert.deepEqual(tables, [], 'no script table is fetched while the text shows as written');

  await clickKey(page, 'settings');
  await page.waitForFunction(() => window.reader.itemRect('panel:script:2'));
  fs.writeFileSync(screenshotPath('settings-panel.png'), await page.locator('canvas').first().screenshot());
  await clickKey(page, 'panel:script:2');  // 简体
  await waitForState(page, { script: 'simplified' });
  await page.waitForFunction(() => /自治区知识产权战略实施/.test(window.reader.state().title), null, { timeout: 10000 });
  const simplified = await page.evaluate(() => window.reader.state().title);
  await page.waitForFunction(() => /关于强化/.test(document.querySelector('#reader p[data-paragraph="0"]')?.textContent || ''));
  assert.equal(await mirrorText(page, 'h1'), simplified);
  assert.match(await mirrorText(page, 'nav'), /首页/, 'the chrome speaks Simplified too');
  assert.deepEqual(tables, ['t2s.txt'], 'Simplified fetches its table (t2s.txt) once, and not the Traditional one');
  await clickKey(page, 'panel:face:1');  // 宋体: the body in the serif face
  await waitForState(page, { serif: true });
  fs.writeFileSync(screenshotPath('script-simplified.png'), await page.locator('canvas').first().screenshot());

  assert.ok(await page.evaluate(() => window.reader.setOptions({ script: 'traditional' })));
  await page.waitForFunction(() => /關於強化/.test(document.querySelector('#reader p[data-paragraph="0"]')?.textContent || ''), null, { timeout: 10000 });
  assert.deepEqual(tables, ['t2s.txt', 's2t.txt'], 'the Traditional table is fetched once, when asked');
  assert.match(await mirrorText(page, 'nav'), /首頁/);

  await page.reload();
  await waitForReader(page);
  await waitForState(page, { view: 'article', script: 'traditional' });
  await page.waitForFunction(() => /關於強化/.test(document.querySelector('#reader p[data-paragraph="0"]')?.textContent || ''), null, { timeout: 10000 });
  assert.deepEqual(errors, []);
});

test('reading comfort: read aloud speaks the article sentence by sentence, without pinyin, marking the one read', async (t) => {
  const site = await serveBuild(webDir);
  const browser = await launchChromium();
  t.after(async () => { await browser.close(); await site.close(); });
  const page = await browser.newPage({ viewport: { width: 1200, height: 860 } });
  const errors = collectErrors(page);
  // A spy in place of the speech engine (headless Chromium has no voices): it records each
  // utterance and plays its events, the next sentence when the test says so.
  await page.addInitScript(() => {
    window.spoken = [];
    const queue = [];
    window.speechSynthesis.speak = (utterance) => {
      window.spoken.push({ text: utterance.text, lang: utterance.lang, rate: utterance.rate });
      queue.push(utterance);
      if (queue.length === 1) setTimeout(() => utterance.onstart && utterance.onstart(), 0);
    };
    window.finishSentence = () => {
      const done = queue.shift();
      if (done && done.onend) done.onend();
      if (queue[0] && queue[0].onstart) queue[0].onstart();
    };
    window.speechSynthesis.cancel = () => { queue.length = 0; };
  });
  await page.goto(`${site.url}index.html?offline=0#/article/${SEED}`);
  await waitForReader(page);
  await waitForState(page, { view: 'article', articleId: SEED });
  await clickKey(page, 'read-aloud');
  await page.waitForFunction(() => window.spoken.length > 3);
  const spoken = await page.evaluate(() => window.spoken);
  const text = spoken.map((u) => u.text).join('');
  assert.equal(spoken[0].lang, 'zh-TW');
  assert.match(spoken[0].text, /^2023年第一次自治區/, 'the title first');
  assert.match(text, /自治區知識産權戰略/);
  assert.doesNotMatch(text, /[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]|\((nián|yī|zì|gōng)\)/, 'no pinyin read out');
  assert.ok(spoken.every((u) => u.text.length < 400), 'one utterance per sentence');
  await waitForState(page, { speaking: 0 });
  await page.evaluate(() => { window.finishSentence(); window.finishSentence(); });
  await waitForState(page, { speaking: 2 });
  fs.writeFileSync(screenshotPath('read-aloud.png'), await page.locator('canvas').first().screenshot());
  // Leaving the article stops the reading.
  await page.evaluate(() => window.reader.back());
  await waitForState(page, { speaking: null });
  assert.deepEqual(errors, []);
});

test('reading comfort: printing shows the article as text: title, meta, body, hotlines and address; no canvas', async (t) => {
  const site = await serveBuild(webDir);
  const browser = await launchChromium();
  t.after(async () => { await browser.close(); await site.close(); });
  const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
  const errors = collectErrors(page);
  await page.goto(`${site.url}index.html?offline=0#/article/${SEED}`);
  await waitForReader(page);
  await waitForState(page, { view: 'article', articleId: SEED });
  await page.emulateMedia({ media: 'print' });
  const printed = await page.evaluate(() => {
    const root = document.querySelector('#reader [data-reader-mirror]');
    const visible = (node) => node && node.getBoundingClientRect().width > 100 && node.getBoundingClientRect().height > 10;
    const copy = root.cloneNode(true);
    copy.querySelectorAll('rt').forEach((rt) => rt.remove());
    return {
      canvasShown: getComputedStyle(document.querySelector('#reader canvas')).display !== 'none',
      titleVisible: visible(root.querySelector('h1')),
      paragraphVisible: visible(root.querySelector('p[data-paragraph="0"]')),
      text: copy.innerText,
    };
  });
  assert.equal(printed.canvasShown, false);
  assert.ok(printed.titleVisible && printed.paragraphVisible);
  assert.match(printed.text, /2023年第一次自治區知識産權戰略實施工作廳際聯席會議召開/);
  assert.match(printed.text, /0471-6920007/);
  assert.match(printed.text, /2023-08-17 22:10:37/);
  fs.writeFileSync(screenshotPath('print.png'), await page.screenshot({ fullPage: false }));
  const pdf = await page.pdf({ format: 'A4' });
  assert.ok(pdf.length > 10000, `a PDF of ${pdf.length} bytes`);
  await page.emulateMedia({ media: 'screen' });
  assert.ok(await page.evaluate(() => getComputedStyle(document.querySelector('#reader canvas')).display !== 'none'));
  assert.deepEqual(errors, []);
});

test('reading comfort: pinyin on demand shows a reading only under the pointer; tone colours', async (t) => {
  const site = await serveBuild(webDir);
  const browser = await launchChromium();
  t.after(async () => { await browser.close(); await site.close(); });
  const page = await browser.newPage({ viewport: { width: 1200, height: 860 } });
  const errors = collectErrors(page);
  await page.goto(`${site.url}index.html?offline=0#/article/${SEED}`);
  await waitForReader(page);
  await waitForState(page, { view: 'article', articleId: SEED });
  assert.ok(await page.evaluate(() => window.reader.setOptions({ rubyMode: 'on-demand', toneColors: 'pleco' })));
  await waitForState(page, { rubyMode: 'on-demand', toneColors: 'pleco' });
  // The rect of the frame drawn with the new mode: two animation frames after the change.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  // The first paragraph starts "8月(yuè)10日…" after a two-character indent: 月 follows the digit,
  // whose width depends on the font, so the pointer sweeps the two characters after the indent.
  const para = await page.evaluate(() => window.reader.itemRect('paragraph:0'));
  const size = 18;
  const start = { x: para.x + 2 * size, y: para.y + size };
  const region = { x: Math.round(start.x - 40), y: Math.round(start.y - 60), width: 140, height: 50 };
  await page.mouse.move(5, 5);
  // The region as it settles with the pointer away (the same picture twice in a row).
  let previous = null;
  const before = await screenshotWhen(page, (png) => {
    const same = previous && png.equals(previous);
    previous = png;
    return same;
  }, { clip: region, timeout: 10000 });
  let hovered = before;
  for (let dx = 2; dx < 2 * size && hovered.equals(before); dx += 4) {
    await page.mouse.move(start.x + dx, start.y);
    hovered = await screenshotWhen(page, (png) => !png.equals(before), { clip: region, timeout: 600 });
  }
  fs.writeFileSync(screenshotPath('pinyin-on-demand.png'), await page.locator('canvas').first().screenshot());
  assert.notDeepEqual(hovered, before, 'a reading appears above the hovered character');
  await page.mouse.move(5, 5);
  const after = await screenshotWhen(page, (png) => png.equals(before), { clip: region, timeout: 10000 });
  assert.deepEqual(after, before, 'and goes with the pointer');
  assert.deepEqual(errors, []);
});

test('reading comfort: the auto theme follows the system: dark, more contrast, light; a picked theme stays', async (t) => {
  const site = await serveBuild(webDir);
  const browser = await launchChromium();
  t.after(async () => { await browser.close(); await site.close(); });
  const page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
  await page.goto(`${site.url}index.html?offline=0#/article/${SEED}`);
  await waitForReader(page);
  // The page's background colour, from the canvas (a point of the content's margin), once it is
  // what `check` wants or after 5 s: a change of theme shows in the next frames.
  const { decodePng } = await import('./lib/browser.mjs');
  const colour = (png) => { const image = decodePng(png); return [image.pixels[0], image.pixels[1], image.pixels[2]]; };
  const background = async (check) => colour(await screenshotWhen(page.locator('canvas').first(),
    (png) => check(colour(png)), { clip: { x: 960, y: 650, width: 4, height: 4 } }));
  const light = await background((c) => c[0] > 200);
  assert.ok(light[0] > 200, `light page ${light}`);
  await page.emulateMedia({ colorScheme: 'dark' });
  const dark = await background((c) => c[0] < 60);
  assert.ok(dark[0] < 60, `dark page ${dark}`);
  await page.emulateMedia({ colorScheme: 'light', contrast: 'more' });
  const contrast = await background((c) => c.every((v) => v === 255));
  assert.deepEqual(contrast, [255, 255, 255], 'high contrast: white paper');
  await page.emulateMedia({ colorScheme: 'dark', contrast: 'no-preference' });
  assert.ok(await page.evaluate(() => window.reader.setOptions({ theme: 'sepia' })));
  const sepia = await background((c) => c[0] > 230 && c[2] < 235);
  assert.ok(sepia[0] > 230 && sepia[2] < 235, `a picked theme wins over the system's dark: ${sepia}`);
});
