// A compiled copy of the built-in knowledge base. Building it (reading and validating ~2,000
// office holders, indexing every alias) takes about three times as long as reading back a V8
// serialisation of the result, so the built base is kept in a cache file keyed by the data files
// and the code that builds it: any change to either builds it again.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import type { KnowledgeBase } from './types.js';

/** Bump when the shape of KnowledgeBase changes in a way file stamps would not show. */
const FORMAT = 1;

/** Where cache files go: $FAULTLINE_CACHE_DIR, else a folder in the system's temporary directory. */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.FAULTLINE_CACHE_DIR || join(tmpdir(), 'faultline-cache');
}

/** False when $FAULTLINE_CACHE is "0" or "off". */
export function cacheEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return !['0', 'off', 'false', 'no'].includes((env.FAULTLINE_CACHE ?? '').toLowerCase());
}

function stamp(hash: ReturnType<typeof createHash>, dir: string, suffix: string): void {
  for (const name of readdirSync(dir).filter((n) => n.endsWith(suffix)).sort()) {
    const s = statSync(join(dir, name));
    hash.update(`${name}\0${s.size}\0${s.mtimeMs}\0`);
  }
}

/** A key for the knowledge base built from `dataDir` by this code on this V8. */
export function cacheKey(dataDir: string): string {
  const hash = createHash('sha256');
  hash.update(`${FORMAT}\0${process.versions.v8}\0`);
  stamp(hash, dataDir, '.json');
  // The code that builds the base: this folder's modules (dist/actors or src/actors under tests).
  stamp(hash, fileURLToPath(new URL('.', import.meta.url)), import.meta.url.endsWith('.ts') ? '.ts' : '.js');
  return hash.digest('hex').slice(0, 20);
}

/** The cached base for `key`, or null when there is none or it cannot be read. */
export function readCachedBase(key: string, dir = cacheDir()): KnowledgeBase | null {
  try {
    return deserialize(readFileSync(join(dir, `kb-${key}.bin`))) as KnowledgeBase;
  } catch {
    return null;
  }
}

/** Writes the base under `key` (atomically) and removes cache files of other keys; failures are ignored. */
export function writeCachedBase(key: string, kb: KnowledgeBase, dir = cacheDir()): void {
  try {
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `kb-${key}.bin`);
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, serialize(kb));
    renameSync(temp, file);
    for (const old of readdirSync(dir)) {
      if (old.startsWith('kb-') && old.endsWith('.bin') && old !== `kb-${key}.bin`) rmSync(join(dir, old), { force: true });
    }
  } catch {
    // A cache that cannot be written only costs the next run the build.
  }
}
