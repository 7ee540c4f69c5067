// The CAMEO code table (names, roots, quad classes, Goldstein scores) and the PLOVER mapping,
// loaded once from data/cameo and passed to the coder.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ConfigError } from '../errors.js';

/** Everything we know of one CAMEO code. */
export interface CodeInfo {
  readonly code: string;
  readonly name: string;
  readonly root: string;
  readonly quad: 1 | 2 | 3 | 4;
  readonly goldstein: number;
  /** PLOVER event type; null for CAMEO 01 statements, which PLOVER drops. */
  readonly plover: string | null;
  readonly ploverMode: string | null;
}

/** The code table, keyed by code ("0234"). */
export type CodeTable = ReadonlyMap<string, CodeInfo>;

const DEFAULT_DIR = new URL('../../data/cameo/', import.meta.url);

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new ConfigError('code-table-unreadable', `Cannot read ${path}: ${(err as Error).message}. Rebuild it with build-code-table.`);
  }
}

function rowsOf(path: string, key: string): Record<string, unknown>[] {
  const data = readJson(path) as Record<string, unknown> | null;
  const rows = data && data[key];
  if (!Array.isArray(rows)) throw new ConfigError('code-table-invalid', `${path}: expected an object with a "${key}" array.`);
  return rows as Record<string, unknown>[];
}

/** Loads data/cameo/codes.json and plover.json (or those in `dir`) into a validated code table. */
export function loadCodeTable(dir: string | URL = DEFAULT_DIR): CodeTable {
  const base = typeof dir === 'string' ? dir.replace(/\/?$/, '/') : fileURLToPath(dir);
  const codesPath = base + 'codes.json';
  const ploverPath = base + 'plover.json';
  const plover = new Map<string, Record<string, unknown>>();
  for (const row of rowsOf(ploverPath, 'mappings')) plover.set(String(row.code), row);
  const table = new Map<string, CodeInfo>();
  for (const row of rowsOf(codesPath, 'codes')) {
    const code = String(row.code);
    const quad = row.quad;
    if (!/^\d{2,4}$/.test(code) || typeof row.goldstein !== 'number' || ![1, 2, 3, 4].includes(quad as number)) {
      throw new ConfigError('code-table-invalid', `${codesPath}: malformed entry ${JSON.stringify(row)}.`);
    }
    const p = plover.get(code);
    if (!p) throw new ConfigError('code-table-invalid', `${ploverPath}: no PLOVER mapping for code ${code}.`);
    table.set(code, {
      code,
      name: String(row.name),
      root: code.slice(0, 2),
      quad: quad as 1 | 2 | 3 | 4,
      goldstein: row.goldstein,
      plover: typeof p.event === 'string' ? p.event : null,
      ploverMode: typeof p.mode === 'string' ? p.mode : null,
    });
  }
  return table;
}
