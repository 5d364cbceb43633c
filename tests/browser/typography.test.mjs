// Chinese typography in the browser: the web build breaks lines exactly as the native build does,
// pinyin can be shown above, hidden or inline (and the choice is remembered), text is drawn at
// the device pixel ratio, and a sentence selected with the mouse is copied with Ctrl+C.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import {
  clickKey, collectErrors, isBlank, launchChromium, screenshotPath, screenshotWhen, serveBuild,
  waitForReader, waitForState, webDir,
} from './lib/browser.mjs';

const repoRoot = path.resolve(webDir, '../..');
const readerTool = path.join(repoRoot, 'build/native/reader-tool');
const bundle = JSON.parse(fs.readFileSync(path.join(webDir, 'sample-bundle.json'), 'utf8'));
const seed = bundle.articles.find((a) => a.title.startsWith('2023年(nián)第一(yī)次'));

async function openSeed(page, url) {
  await page.goto(`${url}index.html`);
  await waitForReader(page);
  await page.evaluate((id) => window.reader.open(id), seed.id);
  await waitForState(page, { view: 'article', articleId: seed.id });
}

test('typography: web and native builds break every sample paragraph into the same lines', async (t) => {
  const site = await serveBuild(webDir);
  const browser = await launchChromium();
  t.after(async () => { await browser.close(); await site.close(); });
  const page = await browser.newPage();
  await page.goto(`${site.url}index.html`);
  await waitForReader(page);

  const paragraphs = bundle.articles.flatMap((a) => [a.title, ...a.body]);
  let compared = 0;
  for (const mode of ['above', 'hidden', 'inline']) {
    for (const width of [97, 240, 517]) {
      const native = execFileSync(readerTool, ['lines', '--width', String(width), '--mode', mode],
        { input: paragraphs.join('\n') + '\n' }).toString();
      const web = await page.evaluate(({ ps, w, m }) => ps.map((p) => window.reader.describeLines(p, w, m) + '\n').join(''),
        { ps: paragraphs, w: width, m: mode });
      assert.equal(web, native, `lines differ at width ${width}, mode ${mode}`);
      compared += paragraphs.length;
    }
  }
  assert.ok(compared > 100, `only ${compared} paragraphs compared`);
});

test('typography: pinyin modes switch by click, are remembered, and ruby is crisp at DPR 1 and 2', async (t) => {
  const site = await serveBuild(webDir);
  const browser = await launchChromium();
  t.after(async () => { await browser.close(); await site.close(); });

  for (const dpr of [1, 2]) {
    const context = await browser.newContext({ viewport: { width: 1000, height: 760 }, deviceScaleFactor: dpr });
    const page = await context.newPage();
    const errors = collectErrors(page);
    await openSeed(page, site.url);
    const canvas = page.locator('canvas').first();
    const size = await canvas.evaluate((c) => ({ w: c.width, h: c.height, cssW: c.clientWidth }));
    assert.equal(size.w, size.cssW * dpr, `the canvas backing store follows devicePixelRatio ${dpr}`);
    const png = await screenshotWhen(canvas, (p) => !isBlank(p));
    fs.writeFileSync(screenshotPath(`ruby-above-dpr${dpr}.png`), png);
    assert.equal((await page.evaluate(() => window.reader.state())).rubyMode, 'above');
    assert.deepEqual(errors, []);
    await context.close();
  }

  const context = await browser.newContext({ viewport: { width: 1000, height: 760 } });
  const page = await context.newPage();
  await openSeed(page, site.url);
  await clickKey(page, 'ruby:hidden');
  await waitForState(page, { rubyMode: 'hidden' });
  await clickKey(page, 'ruby:inline');
  await waitForState(page, { rubyMode: 'inline' });
  fs.writeFileSync(screenshotPath('ruby-inline.png'), await page.locator('canvas').first().screenshot());
  await page.reload();
  await waitForReader(page);
  assert.equal((await page.evaluate(() => window.reader.state())).rubyMode, 'inline', 'the mode survives a reload');
  await context.close();
});

test('typography: a sentence selected with the mouse is copied with Ctrl+C, without pinyin', async (t) => {
  const site = await serveBuild(webDir);
  const browser = await launchChromium();
  t.after(async () => { await browser.close(); await site.close(); });
  const context = await browser.newContext({ viewport: { width: 1000, height: 760 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url });
  const page = await context.newPage();
  await openSeed(page, site.url);

  // Drag across the first line of the first paragraph, from its indent to the middle.
  const para = await page.evaluate(() => window.reader.itemRect('paragraph:0'));
  assert.ok(para, 'the first paragraph is on screen');
  const y = para.y + 20;
  await page.mouse.move(para.x + 2, y);
  await page.mouse.down();
  await page.mouse.move(para.x + para.w / 2, y, { steps: 5 });
  await page.mouse.move(para.x + para.w - 2, y, { steps: 5 });
  await page.mouse.up();
  await page.keyboard.press('Control+C');

  const expected = seed.body[0].replace(/\((?:[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+)\)/g, '');
  let copied = '';
  for (let i = 0; i < 50 && !copied; i++) {
    await page.waitForTimeout(50);
    copied = await page.evaluate(() => navigator.clipboard.readText());
  }
  assert.ok(copied.length >= 10, `copied text too short: ${JSON.stringify(copied)}`);
  assert.ok(expected.startsWith(copied), `copied ${JSON.stringify(copied)} is not the start of the paragraph without pinyin`);
  assert.ok(!/[āáǎàīíǐìūúǔù]/.test(copied), 'no pinyin in the copy');
  await context.close();
});
