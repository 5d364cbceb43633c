#!/usr/bin/env node
// Writes the reader's npm package (build/package/): the files a publisher's page fetches, found by
// following reader.js's imports and the files its modules ask for (new URL('...', import.meta.url)),
// the types, the offline files, and a package.json whose version is the VERSION file's. `npm pack`
// in that folder gives the tarball. Also writes the table of those files and their sizes into the
// docs (between the <!-- package-files --> markers), so that the docs' list is the build's.
//   node scripts/make-package.mjs [--web build/web] [--out build/package] [--docs docs/embedding.md]
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const repoRoot = fileURLToPath(new URL('../', import.meta.url));

// Files no import names: the types, and what a publisher's offline setup uses (docs/offline.md).
// reader-sw.js is written from shell/reader-sw.js with the version and the files to precache.
const EXTRA_FILES = ['reader.d.ts', 'offline.js'];
const WORKER = 'reader-sw.js';
// Precached by reader-sw.js besides the modules: what a reader may need before it can draw.
// t2s.txt and s2t.txt are cached when first fetched; the debug module never.
const PRECACHED_ASSETS = ['reader-module.wasm', 'fonts/reader-fallback.otf'];

// When the reader fetches each file that is not a module it always imports.
const WHEN = {
  'reader-module.wasm': 'always (the module)',
  'reader-module-debug.js': 'only with `debug: true`',
  'reader-module-debug.wasm': 'only with `debug: true`',
  'fonts/reader-fallback.otf': 'only where the browser cannot draw Chinese',
  't2s.txt': 'only when a reader picks 简体 or 繁體',
  's2t.txt': 'only when a reader picks 繁體',
  'reader.d.ts': 'never (types for your editor)',
  'offline.js': 'only if your page imports it (registers a service worker)',
  'reader-sw.js': 'only by your service worker (`importScripts`)',
};

// The files one module names: static and dynamic imports of './x.js', and new URL('x', import.meta.url).
function referencesOf(text) {
  const found = [];
  const patterns = [
    /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]\.\/([^'"]+)['"]/g,
    /import\(\s*['"]\.\/([^'"]+)['"]\s*\)/g,
    /new URL\(\s*['"]([^'"]+)['"]\s*,\s*import\.meta\.url\s*\)/g,
  ];
  for (const pattern of patterns) for (const match of text.matchAll(pattern)) found.push({ file: match[1], dynamic: !pattern.source.startsWith('(?:^') });
  return found;
}

// Every file the reader fetches, from reader.js on: [{file, always}], in the order found.
export function readerFiles(webDir) {
  const files = new Map([['reader.js', true]]);
  const queue = ['reader.js'];
  while (queue.length) {
    const file = queue.shift();
    const full = path.join(webDir, file);
    if (!fs.existsSync(full)) throw new Error(`${webDir}: ${file} is missing (named by the reader's modules)`);
    if (!file.endsWith('.js')) continue;
    for (const ref of referencesOf(fs.readFileSync(full, 'utf8'))) {
      const always = files.get(file) && !ref.dynamic;
      if (!files.has(ref.file)) queue.push(ref.file);
      files.set(ref.file, Boolean(files.get(ref.file)) || always);
    }
  }
  return [...files].map(([file, always]) => ({ file, always }));
}

function sizeOf(full) {
  const bytes = fs.readFileSync(full);
  return { bytes: bytes.length, gzip: zlib.gzipSync(bytes, { level: 9 }).length };
}

const kb = (n) => `${(n / 1024).toLocaleString('en', { maximumFractionDigits: n < 10240 ? 1 : 0 })} KB`;

// The Markdown table of the package's files: file, size, gzip, when the reader fetches it.
function filesTable(rows) {
  const lines = ['| file | size | gzip | fetched |', '| --- | ---: | ---: | --- |'];
  const ordered = [...rows].sort((a, b) => Number(b.always) - Number(a.always) || a.file.localeCompare(b.file));
  for (const r of ordered) lines.push(`| \`${r.file}\` | ${kb(r.bytes)} | ${kb(r.gzip)} | ${r.when} |`);
  const always = rows.filter((r) => r.always);
  const sum = (list, key) => list.reduce((n, r) => n + r[key], 0);
  lines.push('', `What every reader fetches (the rows marked always): ${kb(sum(always, 'bytes'))}, ${kb(sum(always, 'gzip'))} gzip.`);
  return lines.join('\n');
}

export function makePackage({ webDir, outDir }) {
  const version = fs.readFileSync(path.join(repoRoot, 'VERSION'), 'utf8').trim();
  const stamped = fs.readFileSync(path.join(webDir, 'reader.js'), 'utf8');
  if (!stamped.includes(`export const version = '${version}';`)) throw new Error(`${webDir}/reader.js is not version ${version}: build the web reader again`);
  const found = [...readerFiles(webDir), ...EXTRA_FILES.map((file) => ({ file, always: false }))];
  fs.rmSync(outDir, { recursive: true, force: true });
  const rows = [];
  for (const { file, always } of found) {
    const from = path.join(webDir, file);
    if (!fs.existsSync(from)) throw new Error(`${webDir}: ${file} is missing`);
    fs.mkdirSync(path.dirname(path.join(outDir, file)), { recursive: true });
    fs.copyFileSync(from, path.join(outDir, file));
    const when = always ? (WHEN[file] || 'always') : WHEN[file] || 'on demand';
    rows.push({ file, always: when.startsWith('always'), when, ...sizeOf(from) });
  }
  // The publisher's worker part, with what it precaches written in.
  const precached = rows.filter((r) => (r.always && r.file.endsWith('.js')) || PRECACHED_ASSETS.includes(r.file)).map((r) => r.file);
  const template = fs.readFileSync(path.join(repoRoot, 'shell', WORKER), 'utf8');
  const worker = template.replace("'@READER_VERSION@'", JSON.stringify(version).replace(/"/g, "'"))
    .replace("['@READER_FILES@']", JSON.stringify(precached).replace(/"/g, "'").replace(/,/g, ', '));
  if (worker.includes('@READER_')) throw new Error(`shell/${WORKER}: a placeholder was left unreplaced`);
  fs.writeFileSync(path.join(outDir, WORKER), worker);
  rows.push({ file: WORKER, always: false, when: WHEN[WORKER], bytes: Buffer.byteLength(worker), gzip: zlib.gzipSync(worker, { level: 9 }).length });
  const table = filesTable(rows);
  const manifest = {
    name: 'article-reader',
    version,
    description: 'An embeddable article reader: a WebAssembly (Dear ImGui) canvas fed by a JSON bundle of articles',
    type: 'module',
    main: './reader.js',
    types: './reader.d.ts',
    exports: {
      '.': { types: './reader.d.ts', default: './reader.js' },
      './offline.js': './offline.js',
      './reader-sw.js': './reader-sw.js',
      './package.json': './package.json',
    },
    files: rows.map((r) => r.file).concat('README.md'),
    sideEffects: ['./reader.js', './article_reader_element.js'],
  };
  fs.writeFileSync(path.join(outDir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  fs.writeFileSync(path.join(outDir, 'README.md'), `# article-reader ${version}\n\nAn embeddable article reader. ` +
    'Serve this folder (node_modules/article-reader/ or a copy on a CDN) and import reader.js: ' +
    "`import { mount } from './article-reader/reader.js'`. The repository's docs/embedding.md and docs/offline.md " +
    `say more.\n\n## Files\n\n${table}\n`);
  return { version, files: rows, table };
}

// Replaces the text between <!-- package-files:begin --> and <!-- package-files:end --> in `doc`;
// writes the file only when that changes it.
export function writeDocsTable(doc, table) {
  const text = fs.readFileSync(doc, 'utf8');
  const match = /(<!-- package-files:begin[^>]*-->\n)[\s\S]*?(<!-- package-files:end -->)/.exec(text);
  if (!match) throw new Error(`${doc} has no <!-- package-files:begin --> ... <!-- package-files:end --> markers`);
  const updated = text.slice(0, match.index) + match[1] + table + '\n' + match[2] + text.slice(match.index + match[0].length);
  if (updated !== text) fs.writeFileSync(doc, updated);
  return updated !== text;
}

function main() {
  const { values } = parseArgs({ options: { web: { type: 'string', default: 'build/web' }, out: { type: 'string', default: 'build/package' }, docs: { type: 'string' } } });
  const { version, files, table } = makePackage({ webDir: path.resolve(values.web), outDir: path.resolve(values.out) });
  const changed = values.docs ? writeDocsTable(values.docs, table) : false;
  console.log(`package: article-reader ${version}, ${files.length} files in ${values.out}${changed ? ` (${values.docs}: file table updated)` : ''}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(fs.realpathSync(process.argv[1])).href) {
  try {
    main();
  } catch (err) {
    console.error(`make-package: ${err.message}`);
    process.exit(1);
  }
}
