// Fuzzy person matching over the whole knowledge base: every person's name forms are split and
// normalized once at load and grouped by the first letter of the surname; a letter mask per
// surname rules out most people before any edit distance is computed.
import { distance } from 'fastest-levenshtein';
import type { Entity } from './types.js';
import { normAlias, splitName } from './normalize.js';

/** One name form of a person (its name or an alias), normalized. */
export interface FuzzyPart {
  readonly given: string;
  readonly surname: string;
  /** `letterMask` of the surname. */
  readonly mask: number;
}

/** The three masks of a surname used to bound its edit distance from another (see `cannotReach`). */
interface Masks {
  readonly once: number;
  readonly twice: number;
  readonly pairs: number;
}

/** A person as fuzzy matching sees it. */
export interface FuzzyPerson {
  readonly entity: Entity;
  /** Name and aliases, in that order. */
  readonly parts: readonly FuzzyPart[];
  /** Normalized first word of the name and of each alias. */
  readonly givens: readonly string[];
}

/** A text name's normalized given name and surname, with the surname's letter mask. */
export interface FuzzyText {
  readonly given: string;
  readonly surname: string;
  readonly mask: number;
}

// Characters present, characters present at least twice, and adjacent pairs present, each as a 32-bit set.
function masksOf(s: string): Masks {
  let once = 0;
  let twice = 0;
  let pairs = 0;
  for (let k = 0; k < s.length; k++) {
    const bit = 1 << (s.charCodeAt(k) % 31);
    if (once & bit) twice |= bit;
    once |= bit;
    if (k > 0) pairs |= 1 << ((s.charCodeAt(k - 1) * 31 + s.charCodeAt(k)) % 32);
  }
  return { once, twice, pairs };
}

/** A 32-bit set of the characters of `s` (each character maps to one bit). */
export function letterMask(s: string): number {
  let m = 0;
  for (let k = 0; k < s.length; k++) m |= 1 << (s.charCodeAt(k) % 31);
  return m;
}

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
}

/** Similarity of two strings in [0, 1] by edit distance. */
export function similarity(a: string, b: string): number {
  if (!a && !b) return 1;
  return 1 - distance(a, b) / Math.max(a.length, b.length);
}

/** Splits and normalizes a text name once. */
export function fuzzyText(text: string): FuzzyText {
  const t = splitName(text);
  const surname = normAlias(t.surname);
  return { given: normAlias(t.given), surname, mask: letterMask(surname) };
}

/** A person's name forms for fuzzy matching. */
export function fuzzyPerson(person: Entity): FuzzyPerson {
  const names = [person.name, ...person.aliases];
  return {
    entity: person,
    parts: names.map((n) => {
      const p = splitName(n);
      const surname = normAlias(p.surname);
      return { given: normAlias(p.given), surname, mask: letterMask(surname) };
    }),
    givens: names.map((n) => normAlias(n.split(/\s+/)[0] ?? '')),
  };
}

/** The people of one block with the surnames of all their name forms laid out flat for a quick first sieve. */
export interface FuzzyBlock {
  readonly people: readonly FuzzyPerson[];
  /** Person k's name forms are parts [from[k], from[k + 1]). */
  readonly from: Int32Array;
  readonly surnameLength: Int32Array;
  /** Per part: the masks of its surname (see `masksOf`). */
  readonly once: Int32Array;
  readonly twice: Int32Array;
  readonly pairs: Int32Array;
  /** Part → index of its person in `people`. */
  readonly owner: Int32Array;
  /** Parts ordered by surname length; those of length n are byLength[lengthFrom[n], lengthFrom[n + 1]). */
  readonly byLength: Int32Array;
  readonly lengthFrom: Int32Array;
}

// Lower bounds on the edit distance of two surnames: the length difference; half the characters
// present in one only, counting a second occurrence as another character (an edit changes at most
// two counts by one); a quarter of the adjacent pairs present in one only (an edit changes at most
// two pairs on each side). A pair is skipped when the bound alone keeps the similarity under
// 1 - num / den (bound / longest > num / den), tested on integers so that a pair exactly at the
// threshold is always measured.
function cannotReach(aLen: number, a: Masks, bLen: number, bOnce: number, bTwice: number, bPairs: number, num: number, den: number): boolean {
  const longest = aLen > bLen ? aLen : bLen;
  const diff = aLen > bLen ? aLen - bLen : bLen - aLen;
  const limit = longest * num;
  if (diff * den > limit) return true;
  if (((popcount(a.once ^ bOnce) + popcount(a.twice ^ bTwice) + 1) >> 1) * den > limit) return true;
  return ((popcount(a.pairs ^ bPairs) + 3) >> 2) * den > limit;
}

/** Name similarity of a text name and a person (surname weighs more than the given name); 0 under 0.7 on the surname. */
export function fuzzySimilarity(t: FuzzyText, p: FuzzyPerson): number {
  let best = 0;
  const masks = masksOf(t.surname);
  for (const part of p.parts) {
    const m = masksOf(part.surname);
    if (cannotReach(t.surname.length, masks, part.surname.length, m.once, m.twice, m.pairs, 3, 10)) continue;
    best = Math.max(best, partScore(t, part));
  }
  return best;
}

function partScore(t: FuzzyText, part: FuzzyPart): number {
  const sur = similarity(t.surname, part.surname);
  if (sur < 0.7) return 0;
  const giv = t.given && part.given ? similarity(t.given, part.given) : 0.5;
  return 0.4 * giv + 0.6 * sur;
}

/** Calls `each` with every person of the block whose similarity (as `fuzzySimilarity`) is at least 0.7, in block order. */
export function eachSimilar(t: FuzzyText, block: FuzzyBlock, each: (p: FuzzyPerson, sim: number) => void): void {
  const len = t.surname.length;
  const masks = masksOf(t.surname);
  const { surnameLength, once, twice, pairs, people, owner, byLength, lengthFrom, from } = block;
  const best = new Best();
  const [lo, hi] = lengthWindow(block, len, 3, 10);
  for (let i = lengthFrom[lo]; i < lengthFrom[hi + 1]; i++) {
    const q = byLength[i];
    if (cannotReach(len, masks, surnameLength[q], once[q], twice[q], pairs[q], 3, 10)) continue;
    const k = owner[q];
    best.offer(k, partScore(t, people[k].parts[q - from[k]]));
  }
  best.emit(people, 0.7, each);
}

/** Calls `each` with every person of the block one of whose surnames is at least `min` (≥ 0.7) similar to `surname`, in block order. */
export function eachSurnameLike(surname: string, block: FuzzyBlock, min: number, each: (p: FuzzyPerson, sim: number) => void): void {
  const masks = masksOf(surname);
  // The sieve's threshold in integers: 1 - min as num / 100.
  const num = Math.floor((1 - min) * 100 + 1e-9);
  const { surnameLength, once, twice, pairs, people, owner, byLength, lengthFrom, from } = block;
  const best = new Best();
  const [lo, hi] = lengthWindow(block, surname.length, num, 100);
  for (let i = lengthFrom[lo]; i < lengthFrom[hi + 1]; i++) {
    const q = byLength[i];
    if (cannotReach(surname.length, masks, surnameLength[q], once[q], twice[q], pairs[q], num, 100)) continue;
    const k = owner[q];
    best.offer(k, similarity(surname, people[k].parts[q - from[k]].surname));
  }
  best.emit(people, min, each);
}

// The surname lengths [lo, hi] close enough to `len` to reach the similarity 1 - num / den (the length bound of `cannotReach`).
function lengthWindow(block: FuzzyBlock, len: number, num: number, den: number): [number, number] {
  const top = block.lengthFrom.length - 2;
  let lo = 0;
  while (lo <= top && (len - lo) * den > len * num) lo++;
  let hi = lo - 1;
  while (hi + 1 <= top && (hi + 1 <= len || (hi + 1 - len) * den <= (hi + 1) * num)) hi++;
  return [lo, hi];
}

// The best score of each person met, kept in two short arrays (few people pass the sieve), then
// given out in block order.
class Best {
  private readonly ks: number[] = [];
  private readonly scores: number[] = [];

  offer(k: number, score: number): void {
    const at = this.ks.indexOf(k);
    if (at < 0) {
      if (score > 0) {
        this.ks.push(k);
        this.scores.push(score);
      }
    } else if (score > this.scores[at]) this.scores[at] = score;
  }

  emit(people: readonly FuzzyPerson[], min: number, each: (p: FuzzyPerson, sim: number) => void): void {
    if (this.ks.length === 0) return;
    const order = this.ks.map((_, i) => i).sort((a, b) => this.ks[a] - this.ks[b]);
    for (const i of order) if (this.scores[i] >= min) each(people[this.ks[i]], this.scores[i]);
  }
}

// "Cyrus R. Vance" is not JD Vance: a given name in the text must share its initial with, or be close to, one of the person's.
/** True when a text's given name fits one of the person's (same initial or close spelling). */
export function givenFits(given: string, p: FuzzyPerson): boolean {
  if (!given) return true;
  return p.givens.some((g) => g[0] === given[0] || similarity(g, given) >= 0.6);
}

/** People by the first letter of their normalized surname, in entity order. */
export function buildFuzzyBlocks(entities: Iterable<Entity>): Map<string, FuzzyBlock> {
  const byLetter = new Map<string, FuzzyPerson[]>();
  for (const e of entities) {
    if (e.kind !== 'person' || !e.surname) continue;
    const letter = normAlias(e.surname)[0];
    if (!letter) continue;
    const list = byLetter.get(letter);
    if (list) list.push(fuzzyPerson(e));
    else byLetter.set(letter, [fuzzyPerson(e)]);
  }
  const blocks = new Map<string, FuzzyBlock>();
  for (const [letter, people] of byLetter) {
    const from = new Int32Array(people.length + 1);
    for (let k = 0; k < people.length; k++) from[k + 1] = from[k] + people[k].parts.length;
    const n = from[people.length];
    const surnameLength = new Int32Array(n);
    const once = new Int32Array(n);
    const twice = new Int32Array(n);
    const pairs = new Int32Array(n);
    people.forEach((p, k) => p.parts.forEach((part, q) => {
      const m = masksOf(part.surname);
      surnameLength[from[k] + q] = part.surname.length;
      once[from[k] + q] = m.once;
      twice[from[k] + q] = m.twice;
      pairs[from[k] + q] = m.pairs;
    }));
    const owner = new Int32Array(n);
    for (let k = 0; k < people.length; k++) owner.fill(k, from[k], from[k + 1]);
    let maxLen = 0;
    for (let q = 0; q < n; q++) maxLen = Math.max(maxLen, surnameLength[q]);
    const lengthFrom = new Int32Array(maxLen + 2);
    for (let q = 0; q < n; q++) lengthFrom[surnameLength[q] + 1]++;
    for (let len = 1; len < lengthFrom.length; len++) lengthFrom[len] += lengthFrom[len - 1];
    const byLength = new Int32Array(n);
    const at = lengthFrom.slice(0, maxLen + 1);
    for (let q = 0; q < n; q++) byLength[at[surnameLength[q]]++] = q;
    blocks.set(letter, { people, from, surnameLength, once, twice, pairs, owner, byLength, lengthFrom });
  }
  return blocks;
}
