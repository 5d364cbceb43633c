// Helpers for the browser tests: Debian's Chromium through playwright-core, the build served on a
// random port, real mouse clicks on reader items, and a dependency-free PNG check for blank shots.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../../../scripts/serve.mjs';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

// run.mjs passes its options through the environment, because node:test runs each file in its
// own process; the defaults let a single file run alone with `node --test FILE`.
export const webDir = path.resolve(repoRoot, process.env.READER_WEB_DIR || 'build/web');
export const screenshotDir = path.resolve(repoRoot, process.env.READER_SCREENSHOTS || 'build/test-screenshots');

export function screenshotPath(name) {
  fs.mkdirSync(screenshotDir, { recursive: true });
  return path.join(screenshotDir, name);
}

// Flags from docs: software WebGL2 through SwiftShader, and no background traffic (the network
// here is closed, and Chromium would otherwise flood it with refused connections). Playwright
// gives each launch() a fresh temporary user-data-dir and deletes it on close().
export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-quic',
      '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

// Serves dir on a random port; extraFiles ({'bad.json': text}) are served from memory beside it.
// cors: the Access-Control-Allow-Origin the server sends ('*'), or none.
export async function serveBuild(dir, { extraFiles = {}, cors = null } = {}) {
  const { server, url } = await startServer({ dir, port: 0, extraFiles, cors });
  // closeAllConnections: the browser's keep-alive sockets would otherwise hold close() open.
  const close = () => new Promise((resolve) => { server.close(resolve); server.closeAllConnections(); });
  return { url, close };
}

// Records console errors and uncaught page errors; tests assert the list is empty at the end.
// Chromium's own request for /favicon.ico is not the page's doing, so its 404 is let through.
export function collectErrors(page, { console: withConsole = true } = {}) {
  const errors = [];
  if (withConsole) {
    page.on('console', (msg) => {
      const where = msg.location().url || '';
      if (msg.type() === 'error' && !where.endsWith('/favicon.ico')) errors.push(`console: ${msg.text()} (${where})`);
    });
  }
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  return errors;
}

// Waits until window.reader exists and its first view is drawn. `.then(() => true)`: whatever
// ready resolves with need not survive the trip out of the page.
export async function waitForReader(page, { timeout = 20000 } = {}) {
  await page.waitForFunction(() => Boolean(window.reader && window.reader.ready), null, { timeout });
  await page.evaluate(() => window.reader.ready.then(() => true));
}

// Polls window.reader.state() until every field of `want` matches (a value, or a predicate
// function); the timeout message shows the last state seen, which says more than "timed out".
// The state changes inside the frame that handled the input; the items of the new view (their
// itemRect) are those of the frames after it, so this also lets two animation frames pass.
export async function waitForState(page, want, { timeout = 5000 } = {}) {
  const matches = (v, actual) => (typeof v === 'function' ? v(actual) : actual === v);
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    last = await page.evaluate(() => window.reader.state());
    if (Object.entries(want).every(([k, v]) => matches(v, last[k]))) {
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      return last;
    }
    if (Date.now() > deadline) {
      const wanted = Object.entries(want).map(([k, v]) => `${k}: ${typeof v === 'function' ? String(v) : JSON.stringify(v)}`);
      throw new Error(`timed out after ${timeout} ms waiting for state {${wanted.join(', ')}}; last state: ${JSON.stringify(last)}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

// A real mouse click in the middle of the item the reader reports for `key`. itemRect is in CSS
// pixels relative to the viewport, the canvas offset already included.
// A person waits for the item to be drawn; so does this, for up to `timeout` ms.
export async function clickKey(page, key, { timeout = 5000 } = {}) {
  const deadline = Date.now() + timeout;
  let rect = await page.evaluate((k) => window.reader.itemRect(k), key);
  while (!rect && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
    rect = await page.evaluate((k) => window.reader.itemRect(k), key);
  }
  assert.ok(rect, `clickKey: window.reader.itemRect(${JSON.stringify(key)}) is null: no such item visible now`);
  assert.ok(rect.w > 0 && rect.h > 0, `clickKey: item ${key} has an empty rect ${JSON.stringify(rect)}`);
  await page.mouse.click(rect.x + rect.w / 2, rect.y + rect.h / 2);
  return rect;
}

// Scrolls the reader with real mouse-wheel steps over its canvas until the item for `key` is on
// screen (a list longer than the window hides its older articles below the fold).
export async function revealKey(page, key, { maxSteps = 40 } = {}) {
  const box = await page.locator('canvas').first().boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let step = 0; step < maxSteps; step++) {
    const rect = await page.evaluate((k) => window.reader.itemRect(k), key);
    if (rect && rect.y + rect.h <= box.y + box.height && rect.y >= box.y) return rect;
    await page.mouse.wheel(0, 120);
    await page.waitForTimeout(50);
  }
  assert.fail(`revealKey: ${key} did not come into view after ${maxSteps} wheel steps`);
}

// Screenshots (element or page) until check(png) holds: the canvas may need a few frames to show
// a change (ImGui sizes new windows on their second frame; glyphs are baked on first use).
export async function screenshotWhen(target, check, { timeout = 5000, ...options } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const png = await target.screenshot(options);
    if (check(png) || Date.now() > deadline) return png;
    await new Promise((r) => setTimeout(r, 100));
  }
}

// [SECTION] PNG decoding: 8-bit RGB/RGBA, non-interlaced (what Chromium's screenshots are).
export function decodePng(buf) {
  assert.ok(buf.subarray(0, 8).equals(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10])), 'decodePng: not a PNG');
  let width, height, channels;
  const idat = [];
  for (let at = 8; at < buf.length;) {
    const len = buf.readUInt32BE(at);
    const type = buf.toString('latin1', at + 4, at + 8);
    const data = buf.subarray(at + 8, at + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      const [depth, colourType, , , interlace] = data.subarray(8);
      channels = { 2: 3, 6: 4 }[colourType];
      assert.ok(depth === 8 && channels && !interlace, `decodePng: unsupported PNG (depth ${depth}, colour type ${colourType}, interlace ${interlace})`);
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    at += 12 + len; // length, type, data, CRC
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const out = pixels.subarray(y * stride, (y + 1) * stride);
    const prev = y ? pixels.subarray((y - 1) * stride, y * stride) : new Uint8Array(stride);
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? out[i - channels] : 0; // left
      const b = prev[i]; // up
      const c = i >= channels ? prev[i - channels] : 0; // up-left
      let predicted;
      switch (filter) {
        case 0: predicted = 0; break;
        case 1: predicted = a; break;
        case 2: predicted = b; break;
        case 3: predicted = (a + b) >> 1; break;
        case 4: { // Paeth
          const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
          predicted = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
          break;
        }
        default: throw new Error(`decodePng: bad filter type ${filter} on row ${y}`);
      }
      out[i] = (line[i] + predicted) & 0xff;
    }
  }
  return { width, height, channels, pixels };
}

// The colours of a screenshot as "r,g,b" keys with their pixel counts.
export function colourCounts(png) {
  const image = decodePng(png);
  const step = image.pixels.length / (image.width * image.height);
  const counts = new Map();
  for (let i = 0; i < image.pixels.length; i += step) {
    const key = `${image.pixels[i]},${image.pixels[i + 1]},${image.pixels[i + 2]}`;
    counts.set(key, (counts.get(key) || 0) + 1);
  }
  return counts;
}

// Distinct colours, the most common one (taken as the background) and the share of other pixels.
export function imageStats(png) {
  const { width, height, channels, pixels } = decodePng(png);
  const counts = new Map();
  for (let i = 0; i < pixels.length; i += channels) {
    const colour = ((pixels[i] << 24) | (pixels[i + 1] << 16) | (pixels[i + 2] << 8) | (channels === 4 ? pixels[i + 3] : 255)) >>> 0;
    counts.set(colour, (counts.get(colour) || 0) + 1);
  }
  let background = 0, backgroundCount = 0;
  for (const [colour, n] of counts) if (n > backgroundCount) [background, backgroundCount] = [colour, n];
  return {
    width, height, colours: counts.size,
    background: `#${background.toString(16).padStart(8, '0')}`,
    nonBackground: 1 - backgroundCount / (width * height),
  };
}

// Blank means (nearly) one colour: under 0.1 % of the pixels differ from the background, which is
// a few hundred pixels less than one short line of text.
export function isBlank(png, { minNonBackground = 0.001 } = {}) {
  return imageStats(png).nonBackground < minNonBackground;
}

// The share of pixels of two screenshots that differ in some channel by more than `tolerance`
// levels (1 when the sizes differ).
export function pixelDiff(pngA, pngB, tolerance = 0) {
  const a = decodePng(pngA), b = decodePng(pngB);
  if (a.width !== b.width || a.height !== b.height || a.channels !== b.channels) return 1;
  let differing = 0;
  for (let i = 0; i < a.pixels.length; i += a.channels) {
    for (let k = 0; k < a.channels; k++) if (Math.abs(a.pixels[i + k] - b.pixels[i + k]) > tolerance) { differing++; break; }
  }
  return differing / (a.width * a.height);
}

// For page.addInitScript, before the page's scripts run: every WebGL2 method that returns something
// the GPU process must answer (get*, is*, readPixels, finish, clientWaitSync) counts its calls by
// name into window.glQueries while that is an object; before that (start-up, first frames) nothing
// counts.
export function countGlQueries() {
  const proto = WebGL2RenderingContext.prototype;
  const asks = /^(get|is[A-Z])|^(readPixels|finish|clientWaitSync)$/;
  for (const name of Object.getOwnPropertyNames(proto)) {
    const descriptor = Object.getOwnPropertyDescriptor(proto, name);
    if (!asks.test(name) || typeof descriptor.value !== 'function') continue;
    const original = descriptor.value;
    proto[name] = function (...args) {
      if (window.glQueries) window.glQueries[name] = (window.glQueries[name] || 0) + 1;
      return original.apply(this, args);
    };
  }
}
