// A bundle that is not valid JSON: the reader shows the load error, with its line and column,
// inside the canvas, and the page does not throw.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import {
  collectErrors, imageStats, isBlank, launchChromium, screenshotPath, screenshotWhen, serveBuild,
  waitForState, webDir,
} from './lib/browser.mjs';

test('bad bundle: a truncated bundle shows its error with line and column', async (t) => {
  // The real bundle cut in half: an error deep in the file, not on line 1 of a toy.
  const good = fs.readFileSync(path.join(webDir, 'sample-bundle.json'), 'utf8');
  const site = await serveBuild(webDir, { extraFiles: { 'bad.json': good.slice(0, Math.floor(good.length / 2)) } });
  const browser = await launchChromium();
  t.after(async () => { await browser.close(); await site.close(); });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  // Console errors are allowed here (reporting the failed load there is fair); exceptions are not.
  const errors = collectErrors(page, { console: false });

  try {
    await page.goto(`${site.url}index.html?bundle=bad.json`);
    await page.waitForFunction(() => Boolean(window.reader), null, { timeout: 20000 });
    const { error } = await waitForState(page, { error: (e) => typeof e === 'string' && e.length > 0 }, { timeout: 20000 });
    assert.match(error, /line \d+, column \d+/);

    const png = await screenshotWhen(page.locator('canvas').first(), (shot) => !isBlank(shot));
    fs.writeFileSync(screenshotPath('bad-bundle.png'), png);
    assert.ok(!isBlank(png), `the canvas is blank, the error is not shown: ${JSON.stringify(imageStats(png))}`);
  } catch (err) {
    if (errors.length) err.message += `\npage errors:\n${errors.join('\n')}`;
    throw err;
  }
  assert.deepEqual(errors, [], 'uncaught page errors');
});
