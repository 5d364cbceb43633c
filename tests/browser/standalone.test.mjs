// The single-file reader (`reader-tool standalone`, docs/offline.md) opened from file://: it comes up
// under its own Content-Security-Policy without a single request, lists and opens the sample's
// articles, and markup in an untrusted bundle stays text.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  collectErrors, isBlank, launchChromium, screenshotPath, screenshotWhen, waitForReader, waitForState, webDir,
} from './lib/browser.mjs';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const readerTool = path.join(repoRoot, 'build/native/reader-tool');
const sample = JSON.parse(fs.readFileSync(path.join(repoRoot, 'data/sample-bundle.json'), 'utf8'));

async function openFile(t, file) {
  const browser = await launchChromium();
  t.after(() => browser.close());
  const page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
  const errors = collectErrors(page);
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  const violations = [];
  await page.exposeFunction('reportViolation', (v) => violations.push(v));
  await page.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => window.reportViolation(`${e.violatedDirective} ${e.blockedURI}`)));
  const url = pathToFileURL(file).href;
  await page.goto(url);
  await waitForReader(page);
  return { page, errors, violations, otherRequests: () => requests.filter((u) => u !== url) };
}

test('standalone: reader-standalone.html reads the sample from file:// with no request at all', async (t) => {
  const file = path.join(webDir, 'reader-standalone.html');
  assert.ok(fs.existsSync(file), `${file} is missing: ./dev build writes it`);
  const { page, errors, violations, otherRequests } = await openFile(t, file);
  const first = sample.articles[0];
  const list = await page.evaluate(() => window.reader.list());
  assert.equal(list.length, sample.articles.length);
  assert.ok(list.some((a) => a.id === first.id && a.title === first.title), `the first article, "${first.title}", is listed`);
  await page.evaluate((id) => window.reader.open(id), first.id);
  await waitForState(page, { view: 'article', articleId: first.id, error: null });
  const shot = await screenshotWhen(page, (png) => !isBlank(png));
  fs.writeFileSync(screenshotPath('standalone-article.png'), shot);
  assert.ok(!isBlank(shot), 'the article is drawn');
  assert.equal(await page.title(), sample.site.name);
  // The Simplified script's table is in the file (t2s.txt): switching needs no request either.
  assert.ok(await page.evaluate(() => window.reader.setOptions({ script: 'simplified' })));
  await page.waitForFunction(() => /治区知识产权/.test(window.reader.state().title), null, { timeout: 10000 });
  const csp = await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]').content);
  assert.match(csp, /default-src 'none'; script-src 'sha256-[A-Za-z0-9+/]+=*' 'wasm-unsafe-eval'/);
  assert.deepEqual(otherRequests(), [], 'nothing but the file itself was requested');
  assert.deepEqual(violations, [], 'no Content-Security-Policy violation');
  assert.deepEqual(errors, []);
});

test('standalone: the sample\'s figures are in the file as data: URIs that the page may fetch and decode, at their stated size', async (t) => {
  const file = path.join(webDir, 'reader-standalone.html');
  const { page, errors, violations, otherRequests } = await openFile(t, file);
  const figures = sample.articles.flatMap((a) => a.body.filter((b) => b && b.type === 'figure'));
  assert.ok(figures.length >= 2, 'the sample has figures');
  // As the figure loader does it: fetch by address, a Blob, createImageBitmap.
  const decoded = await page.evaluate(async () => {
    const bundle = JSON.parse(document.getElementById('reader-bundle').textContent);
    const srcs = bundle.articles.flatMap((a) => a.body.filter((b) => b && b.type === 'figure').map((b) => b.src));
    return Promise.all(srcs.map(async (src) => {
      const bitmap = await createImageBitmap(await (await fetch(src)).blob());
      return { type: src.slice(0, src.indexOf(';')), width: bitmap.width, height: bitmap.height };
    }));
  });
  assert.deepEqual(decoded, figures.map((f) => ({ type: 'data:image/png', width: f.width, height: f.height })));
  // Anything but data: stays out.
  const outside = await page.evaluate(() => fetch('https://example.org/a.png').then(() => 'fetched', () => 'refused'));
  assert.equal(outside, 'refused');
  assert.deepEqual(otherRequests().filter((u) => !u.startsWith('data:')), [], 'nothing but the file itself was requested');
  // The violation event reaches node a moment after the refused fetch.
  for (let i = 0; i < 50 && violations.length === 0; i++) await page.waitForTimeout(100);
  assert.ok(violations.length > 0 && violations.every((v) => v === 'connect-src https://example.org/a.png'),
    `only the https: fetch violates the policy: ${JSON.stringify(violations)}`);
  assert.deepEqual(errors.filter((e) => !e.includes('example.org')), []);
});

test('standalone: markup in an untrusted bundle stays text', async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reader-standalone-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const evil = structuredClone(sample);
  const title = '</script><script>window.pwned=1</script><!-- <SCRIPT>window.pwned=3</SCRIPT> 標題';
  evil.articles[0].title = title;
  evil.site.name = '</title><script>window.pwned=2</script>';
  fs.writeFileSync(path.join(dir, 'evil.json'), JSON.stringify(evil, null, 1));
  const out = path.join(dir, 'evil.html');
  execFileSync(readerTool, ['standalone', path.join(dir, 'evil.json'), out, '--web', webDir], { stdio: 'pipe' });
  const { page, errors, violations, otherRequests } = await openFile(t, out);
  const listed = (await page.evaluate(() => window.reader.list())).find((a) => a.id === evil.articles[0].id);
  assert.equal(listed.title, title, 'the title is the text it was');
  assert.equal(await page.evaluate(() => window.pwned), undefined, 'no script of the bundle ran');
  assert.equal(await page.title(), evil.site.name);
  assert.equal(await page.evaluate(() => document.scripts.length), 4, 'the page has its four script elements and no more');
  assert.deepEqual(otherRequests(), []);
  assert.deepEqual(violations, []);
  assert.deepEqual(errors, []);
});

test('standalone: numbers beyond what JavaScript holds exactly reach the reader as the file has them', async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reader-standalone-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const text = fs.readFileSync(path.join(repoRoot, 'data/sample-bundle.json'), 'utf8');
  for (const count of ['18446744073709551615', '9007199254740993']) {  // 2^64 - 1; 2^53 + 1
    const bundle = text.replace(/"visitorCount": \d+/, `"visitorCount": ${count}`);
    assert.ok(bundle.includes(count));
    fs.writeFileSync(path.join(dir, 'big.json'), bundle);
    const out = path.join(dir, 'big.html');
    execFileSync(readerTool, ['standalone', path.join(dir, 'big.json'), out, '--web', webDir], { stdio: 'pipe' });
    const { page, errors } = await openFile(t, out);
    await waitForState(page, { error: null });
    // The footer's visitor line, in the text mirror as the canvas draws it.
    await page.waitForFunction((n) => document.body.textContent.includes(n), count, { timeout: 5000 })
      .catch(() => assert.fail(`the page shows no visitor count ${count}`));
    assert.deepEqual(errors, []);
  }
});
