// The word lists the quotes stage reads: speech and report verbs, titles and other words around
// speakers' names. They live in data/quotes/*.json; users add files of their own in extra folders.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../errors.js';
import { dataPath } from '../data/paths.js';

/** The quotes stage's lexicon: lower-case words and lemmas, by use. */
export interface QuoteLexicon {
  /** Verb lemmas that give a direct quotation to their subject ("say", "add"). */
  readonly speech: ReadonlySet<string>;
  /** Verb lemmas whose that-clause is their subject's claim. */
  readonly indirect: ReadonlySet<string>;
  /** Verb lemmas by which a medium passes on a claim ("report", "quote"). */
  readonly report: ReadonlySet<string>;
  /** The -ing forms of "quoted X as saying". */
  readonly saying: ReadonlySet<string>;
  /** Offices and honorifics written before a name, without a final dot. */
  readonly titles: ReadonlySet<string>;
  /** Head words of organisation names, which end a title rather than start a name. */
  readonly organisations: ReadonlySet<string>;
  /** Lower-case name parts ("al", "van"). */
  readonly particles: ReadonlySet<string>;
  /** Nouns for texts that speak for their author ("letter", "statement"). */
  readonly documents: ReadonlySet<string>;
  /** Common nouns that refer again to a named organisation or place ("the Church"). */
  readonly definites: ReadonlySet<string>;
}

type ListName = keyof QuoteLexicon;

const LISTS: readonly ListName[] = ['speech', 'indirect', 'report', 'saying', 'titles', 'organisations', 'particles', 'documents', 'definites'];

/** Loads data/quotes/*.json and then every *.json file in `extraDirs`, merging lists of the same name. */
export function loadQuoteLexicon(extraDirs: readonly string[] = []): QuoteLexicon {
  const files = jsonFiles(dataPath('quotes'));
  for (const dir of extraDirs) if (existsSync(dir)) files.push(...jsonFiles(dir));
  const sets = new Map<ListName, Set<string>>(LISTS.map((name) => [name, new Set<string>()]));
  for (const file of files) mergeFile(file, readJson(file), sets);
  return Object.fromEntries(sets) as unknown as QuoteLexicon;
}

/** Builds a lexicon from in-memory lists (tests, callers with their own data); missing lists stay empty. */
export function makeQuoteLexicon(lists: Partial<Record<ListName, readonly string[]>>): QuoteLexicon {
  const sets = new Map<ListName, Set<string>>(LISTS.map((name) => [name, new Set<string>()]));
  mergeFile('(in memory)', lists, sets);
  return Object.fromEntries(sets) as unknown as QuoteLexicon;
}

function jsonFiles(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => join(dir, f));
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new ConfigError('quote-lexicon-unreadable', `${file}: not valid JSON (${(err as Error).message}); fix the file or remove it.`);
  }
}

function mergeFile(file: string, data: unknown, sets: Map<ListName, Set<string>>): void {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new ConfigError('quote-lexicon-shape', `${file}: expected an object of word lists (${LISTS.join(', ')}).`);
  }
  for (const [key, value] of Object.entries(data)) {
    if (key === 'description') continue;
    const set = sets.get(key as ListName);
    if (!set) throw new ConfigError('quote-lexicon-shape', `${file}: unknown list "${key}"; known lists are ${LISTS.join(', ')}.`);
    if (!Array.isArray(value)) throw new ConfigError('quote-lexicon-shape', `${file}: "${key}" must be an array of words.`);
    value.forEach((word, i) => set.add(checkWord(word, `${file}: ${key}[${i}]`)));
  }
}

function checkWord(word: unknown, where: string): string {
  if (typeof word !== 'string' || word.trim() === '') throw new ConfigError('quote-lexicon-entry', `${where}: expected a non-empty string, found ${JSON.stringify(word)}.`);
  if (word !== word.toLowerCase() || /\s/.test(word.trim())) {
    throw new ConfigError('quote-lexicon-entry', `${where}: "${word}" must be one lower-case word (lemmas and titles are matched lower-cased).`);
  }
  return word.trim();
}
