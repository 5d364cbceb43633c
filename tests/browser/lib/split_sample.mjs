// The sample bundle in the split form (reader-tool split), as files to serve beside the build, and
// which shard holds an article; for the tests of split bundles.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const tool = process.env.READER_TOOL || path.join(repoRoot, 'build/native/reader-tool');
export const SEED = '2023-08-17-zhishichanquan-lianxi-huiyi';

// {'<folder>/index.json': text, '<folder>/shards/0000.json': text, ...}: shards of 5 articles; the
// search index's files (<folder>/search/<build>/*.bin) as Buffers.
export function splitSample(folder = 'split') {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reader-split-'));
  // Index shards of about 2 KB: the sample's index is 41 KB, so that a query needs a few of many.
  execFileSync(tool, ['split', path.join(repoRoot, 'data/sample-bundle.json'), dir, '--shard-articles', '5', '--index-shard-bytes', '2048']);
  const files = {};
  const walk = (sub) => {
    for (const entry of fs.readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      const rel = path.posix.join(sub, entry.name);
      if (entry.isDirectory()) walk(rel);
      else files[path.posix.join(folder, rel)] = fs.readFileSync(path.join(dir, rel), entry.name.endsWith('.bin') ? null : 'utf8');
    }
  };
  walk('');
  fs.rmSync(dir, { recursive: true, force: true });
  return files;
}

// The shard an article's body is in, and the other articles of that shard, from the index.
export function shardOf(files, id, folder = 'split') {
  const index = JSON.parse(files[`${folder}/index.json`]);
  const shard = index.articles.find((a) => a.id === id).shard;
  return { shard, neighbours: index.articles.filter((a) => a.shard === shard && a.id !== id).map((a) => a.id) };
}
