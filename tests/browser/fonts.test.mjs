// Fonts on the web: by default glyphs come from the browser's own fonts and no font file is
// fetched; on a system without any CJK font the reader notices (the canvas draws boxes) and
// fetches its small fallback font instead, so Chinese never shows as boxes.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { chromium } from 'playwright-core';
import {
  collectErrors, imageStats, isBlank, launchChromium, screenshotPath, screenshotWhen, serveBuild,
  waitForReader,
} from './lib/browser.mjs';
import { webDir } from './lib/browser.mjs';

const FONT_FILE = /\.(otf|ttf|ttc|woff2?)$/;

async function openAndWatchFonts(browser, url) {
  const page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
  const fontRequests = [];
  page.on('request', (request) => { if (FONT_FILE.test(new URL(request.url()).pathname)) fontRequests.push(request.url()); });
  const errors = collectErrors(page);
  await page.goto(`${url}index.html`);
  await waitForReader(page);
  return { page, fontRequests, errors };
}

test('fonts: with the system\'s CJK fonts, no font file is downloaded', async (t) => {
  const site = await serveBuild(webDir);
  const browser = await launchChromium();
  t.after(async () => { await browser.close(); await site.close(); });
  const { page, fontRequests, errors } = await openAndWatchFonts(browser, site.url);
  assert.equal(await page.evaluate(() => window.reader.fontSource()), 'canvas');
  assert.deepEqual(fontRequests, []);
  assert.deepEqual(errors, []);
});

test('fonts: a system without CJK fonts gets the fallback font, and Chinese still renders', async (t) => {
  // A fontconfig that knows only DejaVu: Chromium then has no font with Chinese in it.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'no-cjk-'));
  fs.writeFileSync(path.join(dir, 'fonts.conf'), `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><dir>/usr/share/fonts/truetype/dejavu</dir><cachedir>${dir}/cache</cachedir></fontconfig>`);
  const site = await serveBuild(webDir);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    env: { ...process.env, FONTCONFIG_FILE: path.join(dir, 'fonts.conf') },
    args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-quic',
      '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  t.after(async () => { await browser.close(); await site.close(); fs.rmSync(dir, { recursive: true, force: true }); });
  const { page, fontRequests } = await openAndWatchFonts(browser, site.url);
  assert.equal(await page.evaluate(() => window.reader.fontSource()), 'fallback');
  assert.equal(fontRequests.length, 1, `one font file fetched: ${fontRequests}`);
  const png = await screenshotWhen(page.locator('canvas').first(), (p) => !isBlank(p));
  fs.writeFileSync(screenshotPath('fallback-font.png'), png);
  assert.ok(imageStats(png).colours > 20, 'text was drawn');
});
