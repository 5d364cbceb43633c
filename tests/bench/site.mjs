// The site the benchmark's pages load: build/web, the synthetic bundles and the JS search library,
// served by the repo's own server (scripts/serve.mjs) from one temporary root of symbolic links, so
// that bundles of hundreds of MB are read from disk, never copied.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { serveBuild } from '../browser/lib/browser.mjs';

// A root holding a link to each file of webDir plus `links` ({name: target}); extraFiles are served
// from memory. close() stops the server and removes the links (never what they point to).
export async function startSite(webDir, links, { extraFiles = {} } = {}) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'reader-bench-'));
  for (const name of fs.readdirSync(webDir)) fs.symlinkSync(path.join(webDir, name), path.join(root, name));
  for (const [name, target] of Object.entries(links)) fs.symlinkSync(target, path.join(root, name));
  const server = await serveBuild(root, { extraFiles });
  return {
    url: server.url,
    async close() {
      await server.close();
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}

// Asks for url once, gzip accepted, and drops the answer: the server gzips a file on its first
// request and keeps the result, and a timed page load should not pay for that.
export function warmUp(url) {
  return new Promise((resolve, reject) => {
    http.get(url, { headers: { 'Accept-Encoding': 'gzip' } }, (res) => {
      res.on('data', () => {});
      res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`${url}: HTTP ${res.statusCode}`))));
    }).on('error', reject);
  });
}

// Records when window.reader.ready resolves, in ms since navigation start: the setter sees
// page.js assign window.reader and hooks the promise at once, so the time is the resolution's
// own, not that of a later poll.
function recordReadyTime() {
  let reader;
  Object.defineProperty(window, 'reader', {
    configurable: true,
    get: () => reader,
    set(value) {
      reader = value;
      value.ready.then(() => { window.benchReadyAt = performance.now(); });
    },
  });
}

// Per animation frame, while window.benchFrameLog is an array: the frame callback's duration (the
// reader's whole frame, its WebGL calls included) and the time it spent blocked in WebGL
// getParameter, a synchronous round trip to the GPU process (with software GL it waits until the
// previous frame is rasterised; Dear ImGui's stock OpenGL3 backend read GL state back on every
// frame, the reader's WebGLRenderer never does). Pushed as {ms, glWaitMs, glQueries}, at most 10000.
function recordFrameCosts() {
  let current = null;
  const proto = WebGL2RenderingContext.prototype;
  const getParameter = proto.getParameter;
  proto.getParameter = function (name) {
    const started = performance.now();
    try {
      return getParameter.call(this, name);
    } finally {
      if (current) {
        current.glWaitMs += performance.now() - started;
        current.glQueries++;
      }
    }
  };
  const requestAnimationFrame = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (callback) => requestAnimationFrame((time) => {
    const log = window.benchFrameLog;
    if (!Array.isArray(log) || log.length >= 10000) return callback(time);
    const frame = { ms: 0, glWaitMs: 0, glQueries: 0 };
    const started = performance.now();
    current = frame;
    try {
      return callback(time);
    } finally {
      current = null;
      frame.ms = performance.now() - started;
      log.push(frame);
    }
  });
}

// Serves the page itself (index.html) with the headers that make it cross-origin isolated, where
// performance.now() counts in 5 µs steps instead of 100 µs: searches take tenths of a millisecond.
// Everything else it loads is same-origin, which such a page accepts.
async function isolate(context) {
  await context.route(/\/index\.html(\?|$)/, async (route) => {
    const response = await route.fetch();
    await route.fulfill({
      response,
      headers: { ...response.headers(), 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' },
    });
  });
}

// Opens `url` in a fresh context (a first visit: nothing cached) and waits for the reader's first
// view. Returns {context, page, readyMs}; the caller closes the context. Options: frameCosts
// installs recordFrameCosts; isolated serves the page cross-origin isolated (fine timers). A
// timeout's message carries the page's errors, if it had any.
export async function openReader(browser, url, { timeout = 30000, viewport = { width: 1280, height: 800 }, frameCosts = false, isolated = false } = {}) {
  // No service worker: the page would register one after its first view, and its precache download
  // would compete with what is measured next (docs/offline.md).
  const context = await browser.newContext({ viewport, serviceWorkers: 'block' });
  const errors = [];
  try {
    await context.addInitScript(recordReadyTime);
    if (frameCosts) await context.addInitScript(recordFrameCosts);
    if (isolated) await isolate(context);
    const page = await context.newPage();
    page.on('pageerror', (err) => errors.push(err.message));
    page.on('console', (msg) => {
      if (msg.type() === 'error' && !(msg.location().url || '').endsWith('/favicon.ico')) errors.push(msg.text());
    });
    page.on('crash', () => errors.push('the page crashed'));
    await page.goto(url, { waitUntil: 'commit', timeout });
    await page.waitForFunction(() => window.benchReadyAt !== undefined, null, { timeout, polling: 50 });
    return { context, page, readyMs: await page.evaluate(() => window.benchReadyAt) };
  } catch (err) {
    await context.close();
    if (errors.length) err.message += `\npage errors: ${errors.slice(-5).join(' | ')}`;
    throw err;
  }
}
