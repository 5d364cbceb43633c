// reader.d.ts describes the public surface exactly: every name reader.js exports at run time, every
// member of a mounted reader instance and of the <article-reader> element (its class, prototype and
// instance) is declared there, and everything declared there exists at run time, a method as a
// function and a property as something else. A change to either side alone fails here.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { collectErrors, launchChromium, serveBuild, waitForReader, webDir } from './lib/browser.mjs';

// [SECTION] Reading the declarations (the forms reader.d.ts uses; any other form is an error).

// The file without comments: /** ... */ blocks and whole // lines.
function declarations(file) {
  return fs.readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
}

// Names the module exports at run time: functions, classes and variables (types and interfaces
// exist only for the compiler). An export form this does not read fails the test.
function exportedValues(dts) {
  const names = [];
  for (const [line] of dts.matchAll(/^export\b.*$/gm)) {
    const value = line.match(/^export\s+(?:declare\s+)?(?:function|class|const|let|var)\s+([A-Za-z_$][\w$]*)/);
    if (value) names.push(value[1]);
    else if (!/^export\s+(?:type|interface)\s+[A-Za-z_$][\w$]*/.test(line)) throw new Error(`reader.d.ts: an export this test cannot read: ${line}`);
  }
  return names.sort();
}

// The body of `export interface NAME {` or `export class NAME ... {`, to its matching brace.
function body(dts, opening) {
  const start = dts.indexOf(opening);
  if (start < 0) throw new Error(`reader.d.ts: no "${opening}"`);
  let depth = 0;
  for (let i = dts.indexOf('{', start); i < dts.length; i++) {
    if (dts[i] === '{') depth++;
    else if (dts[i] === '}' && --depth === 0) return dts.slice(dts.indexOf('{', start) + 1, i);
  }
  throw new Error(`reader.d.ts: "${opening}" is not closed`);
}

// Members of a body: {name: 'method'|'property', ...} for the instance side and for `static` ones.
// Members end at a ';' outside braces and parentheses (an inline object type has its own ';').
function members(bodyText) {
  const result = { instance: {}, static: {} };
  let depth = 0;
  let member = '';
  for (const c of bodyText) {
    if (c === '{' || c === '(') depth++;
    if (c === '}' || c === ')') depth--;
    if (c !== ';' || depth) { member += c; continue; }
    const m = member.trim().match(/^(static\s+)?(?:readonly\s+)?([A-Za-z_$][\w$]*)\s*(?:<[^(]*>)?\s*([(:])/);
    if (!m) throw new Error(`reader.d.ts: a member this test cannot read: ${member.trim()}`);
    result[m[1] ? 'static' : 'instance'][m[2]] = m[3] === '(' ? 'method' : 'property';
    member = '';
  }
  if (member.trim()) throw new Error(`reader.d.ts: a member without ';': ${member.trim()}`);
  return result;
}

// [SECTION] The run-time side, as {name: 'method'|'property'}: read in the page (below).

const sorted = (kinds) => Object.fromEntries(Object.entries(kinds).sort(([a], [b]) => a.localeCompare(b)));

test('public surface: reader.js, the reader instance and <article-reader> are what reader.d.ts declares', async (t) => {
  const dts = declarations(path.join(webDir, 'reader.d.ts'));
  const declared = {
    exports: exportedValues(dts),
    reader: members(body(dts, 'export interface Reader {')),
    element: members(body(dts, 'export class ArticleReaderElement ')),
  };
  assert.ok(declared.exports.length && Object.keys(declared.reader.instance).length && Object.keys(declared.element.instance).length,
    `reader.d.ts was not read: ${JSON.stringify(declared)}`);

  const site = await serveBuild(webDir);
  const browser = await launchChromium();
  t.after(async () => { await browser.close(); await site.close(); });
  const page = await browser.newPage({ viewport: { width: 900, height: 600 } });
  const errors = collectErrors(page);
  await page.goto(`${site.url}index.html?offline=0`);
  await waitForReader(page);
  const actual = await page.evaluate(async () => {
    // The kinds of an object's own members, by name (a getter is read as a property).
    const kinds = (object, skip = []) => Object.fromEntries(Object.getOwnPropertyNames(object)
      .filter((name) => !skip.includes(name))
      .map((name) => {
        const d = Object.getOwnPropertyDescriptor(object, name);
        return [name, !d.get && typeof d.value === 'function' ? 'method' : 'property'];
      }));
    const api = await import('./reader.js');
    const element = document.createElement('article-reader');
    element.setAttribute('src', 'sample-bundle.json');
    element.style.height = '200px';
    document.body.append(element);
    await element.reader.ready;
    const Element = customElements.get('article-reader');
    const surface = {
      exports: Object.keys(api).sort(),
      readerPrototype: Object.getPrototypeOf(window.reader) === Object.prototype,
      reader: kinds(window.reader),
      elementIsExported: Element === api.ArticleReaderElement,
      elementPrototypeChain: Object.getPrototypeOf(Element.prototype) === HTMLElement.prototype,
      element: {
        instance: { ...kinds(Element.prototype, ['constructor']), ...kinds(element) },
        static: kinds(Element, ['length', 'name', 'prototype']),
      },
    };
    element.remove();
    return surface;
  });

  assert.deepEqual(actual.exports, declared.exports, 'the names reader.js exports');
  assert.ok(actual.readerPrototype, 'a reader instance is a plain object: nothing inherited beyond Object');
  assert.deepEqual(sorted(actual.reader), sorted(declared.reader.instance), 'the reader instance (interface Reader)');
  assert.deepEqual(declared.reader.static, {}, 'an interface has no static side');
  assert.ok(actual.elementIsExported, "the exported ArticleReaderElement is the one defined as 'article-reader'");
  assert.ok(actual.elementPrototypeChain, 'ArticleReaderElement extends HTMLElement directly');
  assert.deepEqual(sorted(actual.element.instance), sorted(declared.element.instance), 'an <article-reader> (its prototype and own members)');
  assert.deepEqual(sorted(actual.element.static), sorted(declared.element.static), 'the ArticleReaderElement class (static members)');
  assert.deepEqual(errors, []);
});
