// The pipeline version recorded on every stored event: the package version, plus a fingerprint of the data that coded it.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../data/paths.js';

let cached: string | null = null;

/** The package version (package.json), read once. */
export function pipelineVersion(): string {
  cached ??= (JSON.parse(readFileSync(`${packageRoot}package.json`, 'utf8')) as { version: string }).version;
  return cached;
}

/** The version events are coded with: "0.1.0+data.1a2b3c4d", the package version and a hash of the data folders' files. */
export function codingVersion(dataDirs: string[] = []): string {
  const hash = createHash('sha256');
  for (const dir of [join(packageRoot, 'data'), ...dataDirs]) for (const file of filesUnder(dir)) hash.update(file.slice(dir.length)).update(readFileSync(file));
  return `${pipelineVersion()}+data.${hash.digest('hex').slice(0, 8)}`;
}

function filesUnder(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const name of names) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path));
    else if (/\.(json|ya?ml|txt)$/i.test(name)) out.push(path);
  }
  return out;
}
