// The foundation browser test: the seed article opens from the list with a real mouse click, is
// drawn, grows with the large font, and the breadcrumbs lead back to its category and home.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import {
  clickKey, collectErrors, revealKey, imageStats, isBlank, launchChromium, pixelDiff, screenshotPath,
  screenshotWhen, serveBuild, waitForReader, waitForState, webDir,
} from './lib/browser.mjs';

const SEED_TITLE = '2023年(nián)第一(yī)次自(zì)治區知識産權戰略';

test('seed article: list, open by click, large font, back by breadcrumbs', async (t) => {
  const site = await serveBuild(webDir);
  const browser = await launchChromium();
  t.after(async () => { await browser.close(); await site.close(); });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = collectErrors(page);
  const canvas = page.locator('canvas').first();
  const save = (name, png) => fs.writeFileSync(screenshotPath(name), png);
  const notBlank = (png, what) => assert.ok(!isBlank(png), `${what} is blank: ${JSON.stringify(imageStats(png))}`);

  try {
    await page.goto(`${site.url}index.html`);
    await waitForReader(page);
    assert.equal((await page.evaluate(() => window.reader.state())).view, 'list');

    const articles = await page.evaluate(() => window.reader.list());
    const seed = articles.find((a) => a.title.startsWith(SEED_TITLE));
    assert.ok(seed, `seed article not listed; titles: ${JSON.stringify(articles.map((a) => a.title).slice(0, 20))}`);
    const listPng = await screenshotWhen(canvas, (png) => !isBlank(png));
    save('seed-list.png', listPng);
    notBlank(listPng, 'the list');

    await revealKey(page, `article:${seed.id}`);
    await clickKey(page, `article:${seed.id}`);
    const reading = await waitForState(page, { view: 'article', articleId: seed.id });
    assert.equal(reading.fontSize, 'medium');
    // The state changes before the next frame is drawn: wait for the picture to change too.
    const mediumPng = await screenshotWhen(canvas, (png) => !isBlank(png) && pixelDiff(png, listPng) > 0);
    save('seed-article.png', mediumPng);
    notBlank(mediumPng, 'the article');
    assert.ok(pixelDiff(mediumPng, listPng) > 0, 'the article looks exactly like the list');

    await clickKey(page, 'font:large');
    await waitForState(page, { fontSize: 'large' });
    const largePng = await screenshotWhen(canvas, (png) => pixelDiff(png, mediumPng) > 0);
    save('seed-article-large.png', largePng);
    notBlank(largePng, 'the article in the large font');
    assert.ok(pixelDiff(largePng, mediumPng) > 0, 'the large font looks exactly like the medium one');

    await clickKey(page, 'crumb:category');
    await waitForState(page, { view: 'list', categoryId: reading.categoryId });

    await clickKey(page, 'crumb:home');
    await waitForState(page, { view: 'list' });
  } catch (err) {
    // A page error is often the cause of a failed step: show it with the failure.
    if (errors.length) err.message += `\npage errors:\n${errors.join('\n')}`;
    throw err;
  }
  assert.deepEqual(errors, [], 'console errors or uncaught page errors');
});
