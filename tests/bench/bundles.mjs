// The benchmark's inputs: synthetic bundles (reader-tool synth, then reader-tool split), generated
// once into build/bench/bundles/ and kept, and the fixed query set drawn from them.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const SEED = 4;  // any fixed number: the same seed gives the same bytes on every machine

const TOOL_TIMEOUT_MS = 300000;  // synth of 100k articles takes about 10 s here, split (with its search index) 10-75 s

// {bundle, split} paths for n articles, written by reader-tool when missing. split is null (and
// splitError says why) when the tool cannot split.
export function ensureBundle(tool, dir, n) {
  fs.mkdirSync(dir, { recursive: true });
  const bundle = path.join(dir, `synth-${n}.json`);
  if (!fs.existsSync(bundle)) {
    console.log(`generating ${path.basename(bundle)} (reader-tool synth --articles ${n} --seed ${SEED})`);
    const partial = `${bundle}.partial`;  // a run stopped halfway leaves no bundle that looks whole
    execFileSync(tool, ['synth', '--articles', String(n), '--seed', String(SEED), '--out', partial],
      { stdio: ['ignore', 'ignore', 'inherit'], timeout: TOOL_TIMEOUT_MS });
    fs.renameSync(partial, bundle);
  }
  const splitDir = path.join(dir, `split-${n}`);
  const index = path.join(splitDir, 'index.json');
  // A split made before the split form had its search index is made again.
  if (!fs.existsSync(index) || !fs.existsSync(path.join(splitDir, 'search'))) {
    console.log(`splitting it into ${path.basename(splitDir)}/ (reader-tool split)`);
    try {
      execFileSync(tool, ['split', bundle, splitDir], { stdio: ['ignore', 'ignore', 'pipe'], timeout: TOOL_TIMEOUT_MS });
    } catch (err) {
      fs.rmSync(splitDir, { recursive: true, force: true });
      return { bundle, split: null, splitError: `reader-tool split failed: ${String(err.stderr || err.message).trim()}` };
    }
  }
  return { bundle, split: index, splitError: null };
}

// [SECTION] Queries

// Inline pinyin as the bundles carry it, 年(nián): the reader's search ignores it; stripped here so
// that queries are drawn from the text a reader sees. The same regex feeds the JS library.
export const PINYIN = /\([a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüê]+\)/g;

// Some traditional -> simplified pairs, among the corpus' most frequent characters, to write
// queries in the other script (the reader's own folding table comes from OpenCC at build time;
// these only have to be right, not complete).
const TRAD_SIMP = '費费區区訴诉協协權权關关發发題题務务質质會会檢检場场購购動动實实問问監监營营糾纠' +
  '議议對对開开現现證证傳传處处機机責责資资識识買买車车據据護护預预聯联標标樣样組组記记點点級级驗验' +
  '應应黨党網网與与領领報报備备顯显強强類类規规錄录價价個个數数單单條条氣气紹绍業业';
const TO_SIMP = new Map(), TO_TRAD = new Map();
for (let i = 0; i < TRAD_SIMP.length; i += 2) {
  TO_SIMP.set(TRAD_SIMP[i], TRAD_SIMP[i + 1]);
  TO_TRAD.set(TRAD_SIMP[i + 1], TRAD_SIMP[i]);
}
const otherScript = (ch) => TO_SIMP.get(ch) || TO_TRAD.get(ch);

// Strings no synthetic article holds (checked by the benchmark, which reports their hits).
const MISSES = ['龘靐', '鋼琴', '熊猫', '量子糾纏', '恐龍化石', '咖啡拉花'];
// How many queries of each length, in characters.
const PER_LENGTH = { 1: 12, 2: 16, 3: 14, 4: 12 };

// mulberry32: a small PRNG with a fixed sequence for a seed.
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6D2B79F5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const IDEOGRAPH = /^[\u3400-\u4dbf\u4e00-\u9fff]+$/u;

// The fixed query set: PER_LENGTH strings of 1-4 ideographs taken at random places of the
// articles' text, then every third one left as found, every third wholly in the other script
// (traditional <-> simplified) where the pairs above allow, every third with only its first
// convertible character changed (a mixed spelling); then MISSES. Deterministic for a bundle.
export function querySet(bundlePath) {
  const articles = JSON.parse(fs.readFileSync(bundlePath, 'utf8')).articles;
  const texts = articles.map((a) => [a.title, ...a.body].join('\n').replace(PINYIN, ''));
  const next = random(20240817);
  const queries = [];
  const seen = new Set();
  for (const [length, count] of Object.entries(PER_LENGTH).map(([k, v]) => [Number(k), v])) {
    for (let tries = 0, made = 0; made < count && tries < 100000; tries++) {
      const text = texts[Math.floor(next() * texts.length)];
      const at = Math.floor(next() * Math.max(1, text.length - length));
      const found = [...text.slice(at, at + length)];
      if (found.length !== length || !IDEOGRAPH.test(found.join(''))) continue;
      const style = ['as found', 'other script', 'mixed'][made % 3];
      const convertible = found.findIndex((ch) => otherScript(ch));
      if (style !== 'as found' && convertible < 0) continue;
      const chars = style === 'other script' ? found.map((ch) => otherScript(ch) || ch)
        : style === 'mixed' ? found.map((ch, i) => (i === convertible ? otherScript(ch) : ch)) : found;
      const q = chars.join('');
      if (seen.has(q)) continue;
      seen.add(q);
      queries.push({ q, length, style });
      made++;
    }
  }
  for (const q of MISSES) queries.push({ q, length: [...q].length, style: 'miss' });
  return queries;
}
