// The pipeline version recorded on every stored event: the package version.
import { readFileSync } from 'node:fs';
import { packageRoot } from '../data/paths.js';

let cached: string | null = null;

/** The package version (package.json), read once. */
export function pipelineVersion(): string {
  cached ??= (JSON.parse(readFileSync(`${packageRoot}package.json`, 'utf8')) as { version: string }).version;
  return cached;
}
