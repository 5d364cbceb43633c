#!/usr/bin/env node
// Runs every tests/browser/*.test.mjs against a web build, one file at a time (each starts its own
// Chromium; software WebGL is CPU-bound, so running them side by side only makes them flaky).
//   node tests/browser/run.mjs [--web build/web] [--screenshots build/test-screenshots] [NAME...]
// NAME keeps only the test files whose name contains it. Exit code 1 when anything failed.
import fs from 'node:fs';
import path from 'node:path';
import { run } from 'node:test';
import { spec } from 'node:test/reporters';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../..');

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { web: { type: 'string' }, screenshots: { type: 'string' } },
});
// Paths given on the command line are relative to where you are; the defaults to the repo root.
const webDir = values.web ? path.resolve(values.web) : path.join(repoRoot, 'build/web');
const screenshots = values.screenshots ? path.resolve(values.screenshots) : path.join(repoRoot, 'build/test-screenshots');

function fail(message) {
  console.error(`browser tests: ${message}`);
  process.exit(1);
}
if (!fs.existsSync(path.join(webDir, 'index.html'))) fail(`no index.html in ${webDir}: build the web version first`);
if (!fs.existsSync(path.join(here, 'node_modules/playwright-core'))) fail(`playwright-core is missing: run \`npm ci --prefix ${path.relative(process.cwd(), here) || '.'}\``);

const files = fs.readdirSync(here)
  .filter((name) => name.endsWith('.test.mjs') && (!positionals.length || positionals.some((p) => name.includes(p))))
  .sort()
  .map((name) => path.join(here, name));
if (!files.length) fail(`no test file matches ${positionals.join(' ')}`);

// node:test runs each file in a child process, which inherits these (read by lib/browser.mjs).
process.env.READER_WEB_DIR = webDir;
process.env.READER_SCREENSHOTS = screenshots;

const started = Date.now();
const counts = { pass: 0, fail: 0, skip: 0 };
const stream = run({ files, concurrency: 1, timeout: 240000 });
stream.on('test:pass', (t) => { if (t.nesting === 0) counts[t.skip || t.todo ? 'skip' : 'pass']++; });
stream.on('test:fail', (t) => { if (t.nesting === 0) counts.fail++; });
const shown = (p) => (p.startsWith(process.cwd() + path.sep) ? path.relative(process.cwd(), p) : p);
const report = stream.compose(new spec());
report.pipe(process.stdout);
// After the reporter's own summary, one line to grep for.
report.on('end', () => {
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`browser tests: ${counts.pass} passed, ${counts.fail} failed, ${counts.skip} skipped in ${seconds} s` +
    ` (web: ${shown(webDir)}, screenshots: ${shown(screenshots)})`);
  process.exitCode = counts.fail || !counts.pass ? 1 : 0;
});
