// linkedom and Readability, loaded on first use: they take a few hundred milliseconds to load and
// most commands (kb lookup, events, export, --help) never read HTML.
import { createRequire } from 'node:module';

type Linkedom = typeof import('linkedom');
type ReadabilityModule = typeof import('@mozilla/readability');

const require = createRequire(import.meta.url);
let linkedomModule: Linkedom | null = null;
let readabilityModule: ReadabilityModule | null = null;

/** The linkedom module (parseHTML, DOMParser), loaded once. */
export function linkedom(): Linkedom {
  linkedomModule ??= require('linkedom') as Linkedom;
  return linkedomModule;
}

/** The Readability module, loaded once. */
export function readability(): ReadabilityModule {
  readabilityModule ??= require('@mozilla/readability') as ReadabilityModule;
  return readabilityModule;
}
