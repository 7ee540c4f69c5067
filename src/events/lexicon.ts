// The event lexicon: verb, noun and adjective patterns that trigger CAMEO codes, frames that
// recode a complement ("threaten to" + an embargo = 1312), and evaluation phrases. Plain JSON
// files under data/lexicon, validated and indexed once at load time.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError } from '../errors.js';
import { loadCodeTable } from './codes.js';
import type { CodeTable } from './codes.js';

/** A part of a compiled `after` pattern. */
export type PatternPart =
  | { readonly kind: 'word'; readonly alts: ReadonlySet<string> }
  | { readonly kind: 'skip'; readonly max: number }
  | { readonly kind: 'target' };

/** A variant of an entry: extra words after the head that decide a more specific code. */
export interface Variant {
  readonly after: string;
  readonly parts: readonly PatternPart[];
  /** True when the pattern has a {T} slot. */
  readonly hasTarget: boolean;
  /** The whole pattern as the explanation shows it: the entry's head words, then `after` ("meet with"). */
  readonly pattern: string;
  readonly code: string;
  readonly target: readonly string[] | null;
  readonly frame: string | null;
}

/** How a complement is recoded: `map` is looked up by full code, then 3 digits, then root. */
export interface Frame {
  readonly default: string;
  readonly map: ReadonlyMap<string, string>;
}

/** One trigger entry. */
export interface LexEntry {
  readonly id: string;
  readonly file: string;
  readonly head: readonly string[];
  /** The head words joined by spaces ("hunger strike"): the pattern of a bare match. */
  readonly headText: string;
  readonly pos: 'verb' | 'noun' | 'adj';
  readonly code: string;
  /** Where the target is found: "obj" (object), or prepositions ("with", "to", "on"). */
  readonly target: readonly string[];
  readonly variants: readonly Variant[];
  /** intent, threat, demand, appeal, reject (recode the complement), embed (code the complement), speech. */
  readonly frame: string | null;
  readonly negCode: string | null;
  readonly negFrame: string | null;
  /** False when the head alone never fires: only a matching variant does ("take" + "responsibility"). */
  readonly bare: boolean;
}

/** Aims that refine a protest, appeal or demand code by a fourth digit ("to demand his resignation" → 1). */
export interface Purposes {
  /** Three-digit codes that take an aim digit (141 → 1411). */
  readonly codes: ReadonlySet<string>;
  /** Aim digit by word (lemma or lower-cased form). */
  readonly words: ReadonlyMap<string, string>;
}

/** The loaded lexicon with its lookup index. */
export interface Lexicon {
  /** Entries by first head word (lemma or lower-cased form). */
  readonly byWord: ReadonlyMap<string, readonly LexEntry[]>;
  /**
   * The same lists by a past form of the first head word ("staged" for "stage", "clashed" for
   * "clash"), for a lemma the tagger got wrong: the word without "-d" wins over the word without "-ed".
   */
  readonly byEdForm: ReadonlyMap<string, readonly LexEntry[]>;
  readonly frames: ReadonlyMap<string, Frame>;
  /** Negative-evaluation phrases as word lists; a leading "!" requires the word to be negated. */
  readonly negative: readonly (readonly string[])[];
  readonly entries: readonly LexEntry[];
  readonly purposes: Purposes;
  /** Every word that can start a trigger or an evaluation phrase: a sentence with none of them is skipped. */
  readonly firstWords: ReadonlySet<string>;
  /** The first words of the evaluation phrases (without the "!" mark). */
  readonly evaluationWords: ReadonlySet<string>;
  /** What a word may start, for looking each token up once: `byWord`, `byEdForm` and `evaluationWords` in one. */
  readonly starts: ReadonlyMap<string, WordStarts>;
}

/** What a word may start: the entries it heads, those whose first head word it is an "-ed" form of, an evaluation phrase. */
export interface WordStarts {
  readonly entries: readonly LexEntry[] | null;
  readonly edEntries: readonly LexEntry[] | null;
  readonly evaluation: boolean;
}

const DEFAULT_DIR = new URL('../../data/lexicon/', import.meta.url);
const DEFAULT_TARGET: Record<LexEntry['pos'], string[]> = { verb: ['obj'], noun: ['with', 'to', 'on', 'against'], adj: [] };
const FRAME_KINDS = new Set(['intent', 'threat', 'demand', 'appeal', 'reject', 'embed', 'speech']);

type Raw = Record<string, unknown>;

function fail(file: string, where: string, what: string): never {
  throw new ConfigError('lexicon-invalid', `${file}: ${where}: ${what}. Fix the entry or remove the file.`);
}

/** Compiles an `after` string ("on {T} to", "to * sanction|embargo") into pattern parts. */
export function compilePattern(after: string): PatternPart[] {
  return after.trim().split(/\s+/).filter(Boolean).map((w): PatternPart => {
    if (w === '{T}') return { kind: 'target' };
    if (/^\*\d?$/.test(w)) return { kind: 'skip', max: w.length > 1 ? Number(w.slice(1)) : 4 };
    return { kind: 'word', alts: new Set(w.toLowerCase().split('|')) };
  });
}

function checkCode(file: string, where: string, code: unknown, codes: CodeTable): string {
  if (typeof code !== 'string' || !codes.has(code)) fail(file, where, `unknown CAMEO code ${JSON.stringify(code)}`);
  return code as string;
}

function checkFrame(file: string, where: string, frame: unknown): string | null {
  if (frame === undefined || frame === null) return null;
  if (typeof frame !== 'string' || !FRAME_KINDS.has(frame)) fail(file, where, `unknown frame ${JSON.stringify(frame)}`);
  return frame as string;
}

function checkTarget(file: string, where: string, target: unknown): string[] | null {
  if (target === undefined) return null;
  if (!Array.isArray(target) || !target.every((t) => typeof t === 'string')) fail(file, where, '"target" must be a list of words');
  return target as string[];
}

function compileVariant(file: string, where: string, raw: Raw, codes: CodeTable, headText: string): Variant {
  if (typeof raw.after !== 'string' || raw.after.trim() === '') fail(file, where, 'variant needs an "after" pattern');
  const after = raw.after as string;
  const parts = compilePattern(after);
  return {
    after,
    parts,
    hasTarget: parts.some((x) => x.kind === 'target'),
    pattern: `${headText} ${after}`,
    code: checkCode(file, where, raw.code, codes),
    target: checkTarget(file, where, raw.target),
    frame: checkFrame(file, where, raw.frame),
  };
}

function checkBare(file: string, where: string, bare: unknown): boolean {
  if (bare === undefined) return true;
  if (typeof bare !== 'boolean') fail(file, where, '"bare" must be true or false');
  return bare as boolean;
}

function compileEntry(file: string, index: number, raw: Raw, codes: CodeTable): LexEntry {
  const where = `entry ${index + 1} (${JSON.stringify(raw?.head ?? null)})`;
  if (!raw || typeof raw.head !== 'string' || raw.head.trim() === '') fail(file, where, 'needs a "head" word');
  if (raw.pos !== 'verb' && raw.pos !== 'noun' && raw.pos !== 'adj') fail(file, where, '"pos" must be verb, noun or adj');
  const pos = raw.pos as LexEntry['pos'];
  const variants = raw.variants === undefined ? [] : raw.variants;
  if (!Array.isArray(variants)) fail(file, where, '"variants" must be a list');
  const head = (raw.head as string).toLowerCase().trim().split(/\s+/);
  const headText = head.join(' ');
  // Checked in this order so that an entry with several faults reports the first one.
  const code = checkCode(file, where, raw.code, codes);
  const target = checkTarget(file, where, raw.target) ?? DEFAULT_TARGET[pos];
  const compiled = (variants as Raw[]).map((v, i) => compileVariant(file, `${where} variant ${i + 1}`, v, codes, headText));
  return {
    id: `${file}#${head.join('-')}/${pos}`,
    file,
    head,
    headText,
    pos,
    code,
    target,
    variants: compiled,
    frame: checkFrame(file, where, raw.frame),
    negCode: raw.negCode === undefined ? null : checkCode(file, where, raw.negCode, codes),
    negFrame: checkFrame(file, where, raw.negFrame),
    bare: checkBare(file, where, raw.bare),
  };
}

function compileFrames(file: string, raw: unknown, codes: CodeTable, into: Map<string, Frame>): void {
  if (raw === undefined) return;
  if (!raw || typeof raw !== 'object') fail(file, 'frames', 'must be an object');
  for (const [name, f] of Object.entries(raw as Record<string, Raw>)) {
    if (!FRAME_KINDS.has(name)) fail(file, `frame ${name}`, 'unknown frame name');
    const map = new Map<string, string>();
    for (const [from, to] of Object.entries((f?.map ?? {}) as Record<string, unknown>)) {
      map.set(checkCode(file, `frame ${name} key ${from}`, from, codes), checkCode(file, `frame ${name} ${from}`, to, codes));
    }
    into.set(name, { default: checkCode(file, `frame ${name}`, f?.default, codes), map });
  }
}

function compilePurposes(file: string, raw: unknown, codes: CodeTable, into: { codes: Set<string>; words: Map<string, string> }): void {
  if (raw === undefined) return;
  const r = raw as Raw;
  if (!r || typeof r !== 'object' || !Array.isArray(r.codes) || !r.kinds || typeof r.kinds !== 'object') {
    fail(file, 'purposes', 'must be {"codes": [...], "kinds": {"digit": [words]}}');
  }
  for (const c of r.codes as unknown[]) into.codes.add(checkCode(file, 'purposes.codes', c, codes));
  for (const [digit, words] of Object.entries(r.kinds as Record<string, unknown>)) {
    if (!/^\d$/.test(digit) || !Array.isArray(words)) fail(file, `purposes.kinds.${digit}`, 'needs a one-digit key and a list of words');
    for (const w of words as unknown[]) into.words.set(String(w).toLowerCase(), digit);
  }
}

function readFile(path: string, file: string): Raw {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    fail(file, 'file', `not valid JSON (${(err as Error).message})`);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) fail(file, 'file', 'expected a JSON object');
  return data as Raw;
}

function listFiles(dir: string, optional: boolean): string[] {
  try {
    return readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => join(dir, f));
  } catch (err) {
    if (optional && (err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new ConfigError('lexicon-unreadable', `Cannot read lexicon folder ${dir}: ${(err as Error).message}.`);
  }
}

/** Loads every *.json lexicon file from data/lexicon and `extraDirs`, validated and indexed. */
export function loadLexicon(extraDirs: string[] = [], codes: CodeTable = loadCodeTable()): Lexicon {
  const entries: LexEntry[] = [];
  const frames = new Map<string, Frame>();
  const negative: string[][] = [];
  const purposes = { codes: new Set<string>(), words: new Map<string, string>() };
  const dirs = [fileURLToPath(DEFAULT_DIR), ...extraDirs];
  // An extra data folder without a lexicon subfolder is fine; the shipped one must exist.
  dirs.forEach((dir, d) => {
    for (const path of listFiles(dir, d > 0)) {
      const raw = readFile(path, path);
      const list = raw.entries === undefined ? [] : raw.entries;
      if (!Array.isArray(list)) fail(path, 'entries', 'must be a list');
      (list as Raw[]).forEach((e, i) => entries.push(compileEntry(path, i, e, codes)));
      compileFrames(path, raw.frames, codes, frames);
      compilePurposes(path, raw.purposes, codes, purposes);
      const neg = (raw.evaluation as Raw | undefined)?.negative;
      if (neg !== undefined && !Array.isArray(neg)) fail(path, 'evaluation.negative', 'must be a list of phrases');
      for (const p of (neg ?? []) as unknown[]) negative.push(String(p).toLowerCase().split(/\s+/));
    }
  });
  const byWord = indexEntries(entries);
  const evaluationWords = new Set(negative.map((p) => p[0].replace(/^!/, '')));
  const firstWords = new Set([...byWord.keys(), ...evaluationWords]);
  const byEdForm = edForms(byWord);
  const starts = new Map<string, WordStarts>();
  for (const w of new Set([...byWord.keys(), ...byEdForm.keys(), ...evaluationWords])) {
    starts.set(w, { entries: byWord.get(w) ?? null, edEntries: byEdForm.get(w) ?? null, evaluation: evaluationWords.has(w) });
  }
  return { byWord, byEdForm, frames, negative, entries, purposes, firstWords, evaluationWords, starts };
}

function indexEntries(entries: LexEntry[]): Map<string, LexEntry[]> {
  const byWord = new Map<string, LexEntry[]>();
  for (const e of entries) {
    const list = byWord.get(e.head[0]) ?? [];
    list.push(e);
    byWord.set(e.head[0], list);
  }
  // Longer heads first, so "hunger strike" wins over "strike".
  for (const list of byWord.values()) list.sort((a, b) => b.head.length - a.head.length);
  return byWord;
}

/** The lists of `byWord` by "-ed" form: "<word>d" for a word in "-e" overrides "<word>ed" of another. */
function edForms(byWord: ReadonlyMap<string, readonly LexEntry[]>): Map<string, readonly LexEntry[]> {
  const out = new Map<string, readonly LexEntry[]>();
  for (const [word, list] of byWord) out.set(`${word}ed`, list);
  for (const [word, list] of byWord) if (word.endsWith('e')) out.set(`${word}d`, list);
  return out;
}
