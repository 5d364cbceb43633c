// The npm package a publisher installs (scripts/make-package.mjs, docs/embedding.md): packed with
// `npm pack`, installed from the tarball into an empty folder with no registry (--offline), served,
// and a reader mounted from node_modules/article-reader/ in Chromium. Its version is the VERSION
// file's in package.json, reader.js and the module; the docs' file table lists its files.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { makePackage } from '../../scripts/make-package.mjs';
import { collectErrors, launchChromium, screenshotPath, serveBuild, webDir } from './lib/browser.mjs';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const VERSION = fs.readFileSync(path.join(repoRoot, 'VERSION'), 'utf8').trim();

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Installed from npm</title></head>
<body><main><h1>A site that installed the reader</h1><div id="reader" style="height:600px"></div></main>
<script type="module">
  import { mount, version } from './node_modules/article-reader/reader.js';
  window.readerVersion = version;
  window.reader = mount(document.getElementById('reader'), { bundle: 'news.json' });
</script></body></html>`;

// The file names in docs/embedding.md's generated table.
function docsFiles() {
  const doc = fs.readFileSync(path.join(repoRoot, 'docs/embedding.md'), 'utf8');
  const table = doc.slice(doc.indexOf('<!-- package-files:begin'), doc.indexOf('<!-- package-files:end'));
  return [...table.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]).sort();
}

test('package: npm pack, install the tarball offline into an empty folder, mount a reader from it', async (t) => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'reader-package-'));
  t.after(() => fs.rmSync(tmp, { recursive: true, force: true }));
  const { files } = makePackage({ webDir, outDir: path.join(tmp, 'package') });
  const npm = (args, cwd) => execFileSync('npm', [...args, '--offline', '--no-audit', '--no-fund', '--loglevel=error'], { cwd, encoding: 'utf8' });
  const tarball = npm(['pack', '--pack-destination', tmp], path.join(tmp, 'package')).trim().split('\n').pop();
  assert.equal(tarball, `article-reader-${VERSION}.tgz`);
  const site = path.join(tmp, 'site');
  fs.mkdirSync(site);
  npm(['install', path.join(tmp, tarball)], site);

  const installed = path.join(site, 'node_modules/article-reader');
  const manifest = JSON.parse(fs.readFileSync(path.join(installed, 'package.json'), 'utf8'));
  assert.equal(manifest.version, VERSION);
  assert.deepEqual(manifest.exports['.'], { types: './reader.d.ts', default: './reader.js' });
  for (const { file } of files) assert.ok(fs.existsSync(path.join(installed, file)), `${file} is not in the installed package`);
  assert.deepEqual(docsFiles(), files.map((f) => f.file).sort(), "docs/embedding.md's file table is not the package's (./dev build rewrites it)");

  const server = await serveBuild(site, {
    extraFiles: { 'index.html': PAGE, 'news.json': fs.readFileSync(path.join(webDir, 'sample-bundle.json')) },
  });
  const browser = await launchChromium();
  t.after(async () => { await browser.close(); await server.close(); });
  const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
  const errors = collectErrors(page);
  await page.goto(`${server.url}index.html`);
  await page.waitForFunction(() => window.reader && window.reader.ready);
  await page.evaluate(() => window.reader.ready.then(() => true));
  assert.equal(await page.evaluate(() => window.readerVersion), VERSION);
  assert.equal(await page.evaluate(() => window.reader.state().error), null);
  assert.ok((await page.evaluate(() => window.reader.list().length)) > 0, 'no article listed');
  // The module's own version, from a second instance of the installed module.
  const moduleVersion = await page.evaluate(async () => {
    const { default: createReaderModule } = await import('./node_modules/article-reader/reader-module.js');
    const canvas = document.createElement('canvas');
    document.body.append(canvas);
    const module = await createReaderModule({ canvas });
    const text = module.UTF8ToString(module._reader_version());
    module._reader_destroy();
    canvas.remove();
    return text;
  });
  assert.equal(moduleVersion, VERSION);
  fs.writeFileSync(screenshotPath('package-installed.png'), await page.screenshot());
  assert.deepEqual(errors, []);
});
