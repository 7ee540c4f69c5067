// A compiled copy of the knowledge base. Building it (reading and validating ~2,000 office
// holders, indexing every alias) takes three to four times as long as reading back a V8
// serialisation of the result, so the built base is kept in a cache file keyed by the data files
// (the built-in ones and any extra folders) and the code that builds it: any change to either
// builds it again.
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

/** Cache files kept at once: the built-in base and a few combinations with users' folders. */
const KEEP = 4;

/**
 * A key for the knowledge base built from `dataDir` plus `extraDirs` (in that order) by this code on
 * this V8. Throws when a folder cannot be listed (the build then reports it).
 */
export function cacheKey(dataDir: string, extraDirs: readonly string[] = []): string {
  const hash = createHash('sha256');
  hash.update(`${FORMAT}\0${process.versions.v8}\0`);
  stamp(hash, dataDir, '.json');
  for (const d of extraDirs) {
    hash.update(`\0dir\0${d}\0`);
    stamp(hash, d, '.json');
  }
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

/**
 * Writes the base under `key` (atomically) and removes all but the most recent cache files (KEEP),
 * so that stale ones do not pile up; failures are ignored.
 */
export function writeCachedBase(key: string, kb: KnowledgeBase, dir = cacheDir()): void {
  try {
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `kb-${key}.bin`);
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, serialize(kb));
    renameSync(temp, file);
    const others = readdirSync(dir)
      .filter((n) => n.startsWith('kb-') && n.endsWith('.bin') && n !== `kb-${key}.bin`)
      .map((n) => ({ n, at: statSync(join(dir, n)).mtimeMs }))
      .sort((a, b) => b.at - a.at);
    for (const old of others.slice(KEEP - 1)) rmSync(join(dir, old.n), { force: true });
  } catch {
    // A cache that cannot be written only costs the next run the build.
  }
}
