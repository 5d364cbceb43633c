#!/usr/bin/env node
// Static file server for `./dev serve` and the browser tests: MIME types, on-the-fly gzip,
// no-cache (a rebuild is seen on reload), HEAD, no path traversal, and on request the CORS header
// that lets pages of other origins use the files (a CDN's setup, docs/embedding.md). No npm dependencies.
//   node scripts/serve.mjs DIR [--port N] [--host 127.0.0.1] [--cors ORIGIN|*] [--quiet]
//   import { startServer } from './serve.mjs'; await startServer({ dir, port: 0, cors: '*' })
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon',
  '.woff2': 'font/woff2', '.otf': 'font/otf', '.ttf': 'font/ttf',
  '.webmanifest': 'application/manifest+json', '.txt': 'text/plain; charset=utf-8',
};
// png and woff2 are compressed already; gzip would only cost time.
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.wasm', '.json', '.css', '.svg', '.otf',
  '.ttf', '.ico', '.webmanifest', '.txt']);

// Gzipped bytes per file path, dropped when the file's mtime or size changes; one cache per server.
function gzipped(gzipCache, key, version, bytes) {
  const hit = gzipCache.get(key);
  if (hit && hit.version === version) return hit.gz;
  const gz = zlib.gzipSync(bytes);
  gzipCache.set(key, { version, gz });
  return gz;
}

// Maps a request path to a file under root, or returns an HTTP status for why not.
function resolvePath(root, urlPath) {
  let decoded;
  try { decoded = decodeURIComponent(urlPath); } catch { return 400; }
  // Checked after decoding, so %2e%2e and ..%2f are caught as well as a plain '..'.
  if (decoded.includes('\0') || decoded.split(/[/\\]/).includes('..')) return 403;
  const file = path.join(root, decoded);
  if (file !== root && !file.startsWith(root + path.sep)) return 403;
  return file;
}

function readFile(file) {
  try {
    let stat = fs.statSync(file);
    if (stat.isDirectory()) { file = path.join(file, 'index.html'); stat = fs.statSync(file); }
    return stat.isFile() ? { file, bytes: fs.readFileSync(file), version: `${stat.mtimeMs}:${stat.size}` } : null;
  } catch (err) {
    if (err.code === 'ENOENT' || err.code === 'ENOTDIR') return null;
    throw err;
  }
}

function send(req, res, status, headers, body) {
  const cors = res.cors ? { 'Access-Control-Allow-Origin': res.cors } : {};
  res.writeHead(status, { ...headers, ...cors, 'Content-Length': body.length, 'Cache-Control': 'no-cache' });
  res.end(req.method === 'HEAD' ? undefined : body);
}

function handle({ root, extraFiles, gzipCache, cors }, req, res) {
  res.cors = typeof cors === 'function' ? cors(req.url.split('?')[0]) : cors;
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return send(req, res, 405, { Allow: 'GET, HEAD', 'Content-Type': TYPES['.txt'] }, Buffer.from('405 method not allowed\n'));
  }
  // The raw path, not new URL(): URL would quietly fold '/../' away instead of letting us refuse it.
  const urlPath = req.url.split('?')[0];
  const target = resolvePath(root, urlPath);
  if (typeof target === 'number') {
    return send(req, res, target, { 'Content-Type': TYPES['.txt'] }, Buffer.from(`${target} refused\n`));
  }
  const extra = extraFiles.get(target);
  const found = extra ? { file: target, bytes: extra, version: 'extra' } : readFile(target);
  if (!found) return send(req, res, 404, { 'Content-Type': TYPES['.txt'] }, Buffer.from('404 not found\n'));

  const ext = path.extname(found.file).toLowerCase();
  const headers = { 'Content-Type': TYPES[ext] || 'application/octet-stream' };
  if (!COMPRESSIBLE.has(ext)) return send(req, res, 200, headers, found.bytes);
  headers.Vary = 'Accept-Encoding';
  if (!/\bgzip\b/.test(req.headers['accept-encoding'] || '')) return send(req, res, 200, headers, found.bytes);
  headers['Content-Encoding'] = 'gzip';
  return send(req, res, 200, headers, gzipped(gzipCache, found.file, found.version, found.bytes));
}

// extraFiles: { 'bad.json': '...' } served from memory as if they were in dir (tests use it).
// cors: the Access-Control-Allow-Origin value sent with every answer ('*' or an origin), or none;
// or a function of the request's path that gives it (tests: a CDN set up for some files only).
export function startServer({ dir, port = 8000, host = '127.0.0.1', extraFiles = {}, cors = null }) {
  const root = path.resolve(dir);
  const site = {
    root,
    cors,
    extraFiles: new Map(Object.entries(extraFiles).map(([name, body]) => [path.join(root, name), Buffer.from(body)])),
    gzipCache: new Map(),
  };
  const server = http.createServer((req, res) => {
    try {
      handle(site, req, res);
    } catch (err) {
      send(req, res, 500, { 'Content-Type': TYPES['.txt'] }, Buffer.from(`500 ${err.message}\n`));
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const shownHost = host.includes(':') ? `[${host}]` : host;
      resolve({ server, url: `http://${shownHost}:${server.address().port}/` });
    });
  });
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { port: { type: 'string', default: '8000' }, host: { type: 'string', default: '127.0.0.1' },
      cors: { type: 'string' }, quiet: { type: 'boolean', default: false } },
  });
  const port = Number(values.port);
  if (positionals.length !== 1 || !Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error('usage: node scripts/serve.mjs DIR [--port N] [--host 127.0.0.1] [--cors ORIGIN|*] [--quiet]');
  }
  const dir = positionals[0];
  if (!fs.statSync(dir, { throwIfNoEntry: false })?.isDirectory()) throw new Error(`${dir} is not a directory`);
  try {
    const { url } = await startServer({ dir, port, host: values.host, cors: values.cors || null });
    if (!values.quiet) console.log(`Serving ${dir} at ${url}`);
  } catch (err) {
    if (err.code === 'EADDRINUSE') throw new Error(`port ${port} on ${values.host} is already in use; pick another with --port N`);
    throw err;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(fs.realpathSync(process.argv[1])).href) {
  main().catch((err) => {
    console.error(`serve: ${err.message}`);
    process.exit(1);
  });
}
