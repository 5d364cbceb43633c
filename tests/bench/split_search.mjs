// The split form's prebuilt search index (data/README.md, "The split form's search index"), measured
// with reader-tool split-search: for each query of the set, cold (the manifest only, then the index
// shards the query names), the bytes fetched, and its article ids beside the whole-bundle search's
// (both orders, the search view's limit). Also the index files' total size beside the bundle's.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { summary } from './stats.mjs';

const TOOL_TIMEOUT_MS = 300000;  // 100k articles: the whole-bundle index is built once, natively

function folderBytes(dir) {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    total += entry.isDirectory() ? folderBytes(full) : fs.statSync(full).size;
  }
  return total;
}

// {manifestBytes, indexBytes, shards, coldBytes: {p50, p95, max}, differences, differing: [q], perQuery}
export function splitSearch(tool, bundle, splitIndex, queries) {
  const splitDir = path.dirname(splitIndex);
  let out;
  try {
    out = execFileSync(tool, ['split-search', bundle, splitDir, ...queries.map((x) => x.q), '--json'],
      { encoding: 'utf8', maxBuffer: 64 << 20, timeout: TOOL_TIMEOUT_MS });
  } catch (err) {
    if (!err.stdout) throw err;
    out = err.stdout;  // exit 1: some query differs or a file was refused; the JSON says which
  }
  const report = JSON.parse(out);
  const searchDir = path.join(splitDir, 'search');
  const shards = fs.readdirSync(searchDir).map((d) => fs.readdirSync(path.join(searchDir, d)).length - 1).reduce((a, b) => a + b, 0);
  const bytes = report.queries.map((x) => x.bytes);
  return {
    manifestBytes: report.manifestBytes,
    indexBytes: folderBytes(searchDir),
    shards,
    coldBytes: summary(bytes),
    coldShards: summary(report.queries.map((x) => x.shards)),
    differences: report.differences,
    differing: report.queries.filter((x) => !x.same).map((x) => x.q),
    refused: report.queries.filter((x) => x.error).map((x) => `${x.q}: ${x.error}`),
    perQuery: report.queries,
  };
}
