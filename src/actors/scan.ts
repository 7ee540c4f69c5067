// Finding candidate spans in a tokenised Doc: knowledge-base aliases (leftmost-longest over a
// first-word hash), runs of proper-name tokens, and which tokens lie inside quotation marks.
import type { Doc, Token } from '../model/types.js';
import type { IndexEntry, KnowledgeBase, SpanTable } from './types.js';
import { firstTokenFrom, tokenStartingAt } from '../nlp/token-search.js';
import { FNV_OFFSET, hashStep, isParticle, isWordChar, normText, spanHash, startsUpper } from './normalize.js';

/** A knowledge-base alias found in the text, as a token range. */
export interface AliasHit {
  readonly tokStart: number;
  /** Exclusive. */
  readonly tokEnd: number;
  readonly entry: IndexEntry;
}

/** A run of proper-name tokens not covered by an alias hit. */
export interface NameRun {
  readonly tokStart: number;
  readonly tokEnd: number;
  readonly text: string;
}

const UPPER_FIRST = /^\P{L}*\p{Lu}/u;

function casePasses(entry: IndexEntry, text: string): boolean {
  switch (entry.caseRule) {
    case 'caps': return text === text.toUpperCase();
    case 'upper': return UPPER_FIRST.test(text);
    case 'upperAfterThe': return UPPER_FIRST.test(text.slice(4));
    default: return true;
  }
}

/**
 * Two small filters derived from a span table, kept in the CPU caches where the table itself (a
 * megabyte) is not: `lowerFirst`, the first words of the keys a token starting with a lower-case
 * letter can open (only keys of case rule 'any' or 'upperAfterThe' pass the case check there); and
 * `anySpan`, the hashes of every key and key beginning in the table (a clear bit: no slot holds that
 * hash, so the table need not be read).
 */
interface SpanFilters {
  readonly lowerFirst: Uint32Array;
  readonly anySpan: Uint32Array;
  /** Number of bits of `anySpan` - 1. */
  readonly anyMask: number;
}

const ANY_SPAN_BITS = 1 << 19;
const filtersCache = new WeakMap<SpanTable, SpanFilters>();

function spanFilters(table: SpanTable): SpanFilters {
  let f = filtersCache.get(table);
  if (f) return f;
  const lowerFirst = new Uint32Array(table.firstWordBits.length);
  const firstMask = table.firstWordBits.length * 32 - 1;
  for (const e of table.entries) {
    if (e.caseRule !== 'any' && e.caseRule !== 'upperAfterThe') continue;
    // The first word as the table's builder hashes it: the first char, then word chars up to a boundary.
    let h = FNV_OFFSET;
    for (let p = 0; p < e.key.length; p++) {
      if (p > 0 && !isWordChar(e.key[p])) break;
      h = hashStep(h, e.key.charCodeAt(p));
    }
    const bit = spanHash(h) & firstMask;
    lowerFirst[bit >> 5] |= 1 << (bit & 31);
  }
  const anySpan = new Uint32Array(ANY_SPAN_BITS / 32);
  const anyMask = ANY_SPAN_BITS - 1;
  for (let slot = 0; slot < table.slots.length; slot += 2) {
    const h = table.slots[slot];
    if (h !== 0) anySpan[(h & anyMask) >> 5] |= 1 << (h & 31);
  }
  f = { lowerFirst, anySpan, anyMask };
  filtersCache.set(table, f);
  return f;
}

// True when the text at `at` starts with a lower-case letter (ASCII fast path).
function lowerAt(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c < 0x80) return c >= 0x61 && c <= 0x7a;
  return LOWER_FIRST.test(text.slice(at, at + 2));
}
const LOWER_FIRST = /^\p{Ll}/u;

/** Finds knowledge-base aliases in the text, leftmost-longest, never splitting a token. */
export function scanAliases(doc: Doc, kb: KnowledgeBase, norm: string = normText(doc.text)): AliasHit[] {
  const toks = doc.tokens;
  const hits: AliasHit[] = [];
  const found: IndexEntry[] = [];
  const foundEnd: number[] = [];
  const bits = kb.spans.firstWordBits;
  const filters = spanFilters(kb.spans);
  for (let i = 0; i < toks.length; i++) {
    // The hash of the word starting the token (its letters and digits), in one pass over them.
    const start = toks[i].start;
    let h = FNV_OFFSET;
    let p = start;
    for (; p < norm.length; p++) {
      const c = norm.charCodeAt(p);
      if (c < 0x80 ? !((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a)) : !isWordChar(norm[p])) break;
      h = hashStep(h, c);
    }
    if (p === start) continue;
    const fw = spanHash(h) & (bits.length * 32 - 1);
    if ((bits[fw >> 5] & (1 << (fw & 31))) === 0) continue;
    // A word starting lower-case can only open the keys of `lowerFirst` (a subset): its case is read
    // only for the few words that pass the first filter, from the article's text (already in cache).
    if (lowerAt(doc.text, start) && (filters.lowerFirst[fw >> 5] & (1 << (fw & 31))) === 0) continue;
    keysAt(doc, norm, kb.spans, filters, i, found, foundEnd);
    for (let k = found.length - 1; k >= 0; k--) {
      const hit = matchAt(doc, norm, i, foundEnd[k], found[k]);
      if (!hit) continue;
      hits.push(hit);
      i = hit.tokEnd - 1;
      break;
    }
  }
  return hits;
}

// The keys equal to the text from token i to a later token end of the same sentence, shortest first
// (into `found`, with the index of their last token in `foundEnd`). The text is hashed on token by
// token; at a token end followed by a non-letter that no key continues through, no longer span can
// be a key, and the walk stops.
function keysAt(doc: Doc, norm: string, table: SpanTable, filters: SpanFilters, i: number, found: IndexEntry[], foundEnd: number[]): void {
  found.length = 0;
  foundEnd.length = 0;
  const toks = doc.tokens;
  const start = toks[i].start;
  const sentence = toks[i].sentence;
  const { slots, mask } = table;
  let h = FNV_OFFSET;
  let pos = start;
  for (let j = i; j < toks.length && toks[j].sentence === sentence; j++) {
    const end = toks[j].end;
    if (end - start > table.maxLen) return;
    if (end === pos) continue;
    for (; pos < end; pos++) h = hashStep(h, norm.charCodeAt(pos));
    const hash = spanHash(h) | 0;
    let continues = false;
    if ((filters.anySpan[(hash & filters.anyMask) >> 5] & (1 << (hash & 31))) === 0) {
      if (!isWordChar(norm[end])) return;
      continue;
    }
    for (let slot = (hash & mask) << 1, at = slots[slot]; at !== 0; slot = (slot + 2) & (mask * 2 + 1), at = slots[slot]) {
      if (at !== hash) continue;
      const meta = slots[slot + 1];
      if (meta & 1) continues = true;
      if (meta < 2) continue;
      const entry = table.entries[(meta >> 1) - 1];
      if (entry.key.length === end - start && norm.startsWith(entry.key, start)) {
        found.push(entry);
        foundEnd.push(j);
      }
    }
    if (!continues && !isWordChar(norm[end])) return;
  }
}

/** The index entry whose key is exactly `key` (a normalized alias), found through the span table, or null. */
export function entryByKey(table: SpanTable, key: string): IndexEntry | null {
  let h = FNV_OFFSET;
  for (let p = 0; p < key.length; p++) h = hashStep(h, key.charCodeAt(p));
  const hash = spanHash(h) | 0;
  const { slots, mask } = table;
  for (let slot = (hash & mask) << 1, at = slots[slot]; at !== 0; slot = (slot + 2) & (mask * 2 + 1), at = slots[slot]) {
    const meta = slots[slot + 1];
    if (at === hash && meta >= 2 && table.entries[(meta >> 1) - 1].key === key) return table.entries[(meta >> 1) - 1];
  }
  return null;
}

// An entry found over tokens [i, j] matches when it is not followed by a letter or digit and passes the case check.
function matchAt(doc: Doc, norm: string, i: number, j: number, entry: IndexEntry): AliasHit | null {
  const start = doc.tokens[i].start;
  const end = start + entry.key.length;
  if (isWordChar(norm[end])) return null;
  if (!casePasses(entry, doc.text.slice(start, end))) return null;
  return { tokStart: i, tokEnd: j + 1, entry };
}

const MONTHS_DAYS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'i', 'mr', 'mrs', 'ms', 'dr', 'mr.', 'mrs.', 'ms.', 'dr.',
  'yesterday', 'today', 'tomorrow', 'tonight', 'meanwhile', 'however', 'image', 'photo', 'caption']);
// Honorifics and titles that open a name run but are not part of the name ("Professor John Burrows").
const HONORIFICS = new Set(['professor', 'prof', 'prof.', 'emeritus', 'associate', 'assistant', 'dr', 'dr.', 'sheikh', 'sheik', 'archbishop', 'bishop', 'cardinal',
  'rev', 'rev.', 'reverend', 'imam', 'rabbi', 'pastor', 'sir', 'dame', 'lord', 'lady', 'judge', 'justice', 'senator', 'sen.', 'rep.', 'congressman',
  'congresswoman', 'governor', 'gov.', 'mayor', 'general', 'gen.', 'colonel', 'col.', 'major', 'maj.', 'captain', 'capt.', 'lieutenant', 'lt.', 'sergeant',
  'sgt.', 'commander', 'admiral', 'marshal', 'president', 'premier', 'chancellor', 'minister', 'king', 'queen', 'prince', 'princess', 'emir', 'sultan',
  'ayatollah', 'mullah', 'pope', 'councillor', 'councilman', 'councilwoman', 'officer', 'detective', 'inspector', 'superintendent', 'chief', 'former', 'late',
  'district', 'attorney', 'prosecutor', 'secretary', 'spokesman', 'spokeswoman', 'spokesperson', 'director', 'deputy', 'vice', 'chairman', 'chairwoman',
  'ceo', 'ambassador', 'envoy', 'coach', 'manager', 'striker', 'midfielder', 'defender', 'goalkeeper', 'dean', 'founder', 'editor', 'sheriff']);
const CLOSED = new Set(['PRON', 'DET', 'ADP', 'AUX', 'CCONJ', 'SCONJ', 'PART', 'NUM', 'PUNCT', 'SYM', 'INTJ']);

// An initial ("J."): one capital letter and a full stop (at most three UTF-16 units).
const INITIAL = /^\p{Lu}\.$/u;

function capitalised(t: Token): boolean {
  return startsUpper(t.text);
}

function sentenceInitial(doc: Doc, i: number): boolean {
  if (i === 0) return true;
  const prev = doc.tokens[i - 1];
  return prev.sentence !== doc.tokens[i].sentence || /^[“"‘(\-–—:]$/.test(prev.text);
}

function isNameToken(doc: Doc, i: number, inRun: boolean): boolean {
  const t = doc.tokens[i];
  if (!capitalised(t) || MONTHS_DAYS.has(t.lower)) return false;
  // An initial is part of a name inside a run, or opening one before a name word ("L. Ron Hubbard").
  if (t.text.length <= 3 && INITIAL.test(t.text)) return inRun || opensWithInitial(doc, i);
  if (t.pos === 'PROPN') return true;
  if (CLOSED.has(t.pos)) return false;
  return inRun || !sentenceInitial(doc, i);
}

// An initial followed, in the same sentence, by a capitalised word that is no initial and no closed-class word.
function opensWithInitial(doc: Doc, i: number): boolean {
  const next = doc.tokens[i + 1];
  return !!next && next.sentence === doc.tokens[i].sentence && capitalised(next) && !INITIAL.test(next.text) && !CLOSED.has(next.pos) && !MONTHS_DAYS.has(next.lower);
}

function joined(a: Token, b: Token): boolean {
  return a.end === b.start;
}

/** Finds runs of proper-name tokens (with particles and hyphenated parts) outside the `covered` tokens. */
export function findNameRuns(doc: Doc, covered: Uint8Array): NameRun[] {
  const runs: NameRun[] = [];
  const toks = doc.tokens;
  let i = 0;
  while (i < toks.length) {
    if (covered[i] || !isNameToken(doc, i, false) || opensName(doc, covered, i)) {
      i++;
      continue;
    }
    let end = i + 1;
    for (;;) {
      const t = toks[end];
      if (!t || covered[end] || t.sentence !== toks[i].sentence) break;
      if (t.text === '-' && joined(toks[end - 1], t) && toks[end + 1] && joined(t, toks[end + 1]) && !covered[end + 1] && /^\p{L}/u.test(toks[end + 1].text)) {
        end += 2;
        continue;
      }
      if (isParticle(t.text) && toks[end + 1] && !covered[end + 1] && isNameToken(doc, end + 1, true)) {
        end += 1;
        continue;
      }
      // A particle joined by a hyphen to the name it opens ("Suleiman al-Amr", "Abdel Fattah el-Sisi").
      const dash = toks[end + 1];
      const after = toks[end + 2];
      if (isParticle(t.text) && dash?.text === '-' && after && joined(t, dash) && joined(dash, after) && !covered[end + 1] && !covered[end + 2] && isNameToken(doc, end + 2, true)) {
        end += 3;
        continue;
      }
      if (!isNameToken(doc, end, true)) break;
      end++;
    }
    runs.push({ tokStart: i, tokEnd: end, text: doc.text.slice(toks[i].start, toks[end - 1].end) });
    i = end;
  }
  return splitKnownSuffixes(doc, runs);
}

// An honorific or title word followed by a name token: skipped, the name starts after it.
function opensName(doc: Doc, covered: Uint8Array, i: number): boolean {
  const next = doc.tokens[i + 1];
  return HONORIFICS.has(doc.tokens[i].lower) && !!next && !covered[i + 1] && next.sentence === doc.tokens[i].sentence && isNameToken(doc, i + 1, true);
}

// "Scientologist Tom Cruise" where "Tom Cruise" stands alone elsewhere: the known name is split off.
function splitKnownSuffixes(doc: Doc, runs: NameRun[]): NameRun[] {
  // Only runs of three tokens or more can be split, and only at a later run of two or more.
  if (!runs.some((r) => r.tokEnd - r.tokStart >= 3)) return runs;
  const texts = new Set(runs.filter((r) => r.tokEnd - r.tokStart >= 2).map((r) => r.text));
  const toks = doc.tokens;
  const out: NameRun[] = [];
  for (const r of runs) {
    let cut = -1;
    for (let k = r.tokStart + 1; k < r.tokEnd - 1 && cut < 0; k++) {
      if (toks[k - 1].end === toks[k].start) continue;
      if (texts.has(doc.text.slice(toks[k].start, toks[r.tokEnd - 1].end))) cut = k;
    }
    if (cut < 0) {
      out.push(r);
      continue;
    }
    out.push({ tokStart: r.tokStart, tokEnd: cut, text: doc.text.slice(toks[r.tokStart].start, toks[cut - 1].end) });
    out.push({ tokStart: cut, tokEnd: r.tokEnd, text: doc.text.slice(toks[cut].start, toks[r.tokEnd - 1].end) });
  }
  return out;
}

/** Marks the tokens that lie inside quotation marks (curly or straight), paragraph by paragraph. */
export function quotedTokens(doc: Doc): Uint8Array {
  const toks = doc.tokens;
  const out = new Uint8Array(toks.length);
  const marks = quoteMarks(doc);
  if (marks.length === 0) return out;
  let open = false;
  let paraEnd = -1;
  let openFrom = 0;
  // Walks the quote-mark tokens only; the tokens between an opening mark and the next mark or the paragraph's end are marked.
  const close = (upTo: number): void => {
    if (open) out.fill(1, openFrom, upTo);
  };
  for (const i of marks) {
    const t = toks[i];
    if (t.start >= paraEnd) {
      close(firstTokenFrom(doc.tokens, paraEnd, openFrom));
      open = false;
      paraEnd = doc.paragraphs.find((p) => p.end > t.start)?.end ?? Infinity;
    }
    close(i);
    if (t.text === '“') open = true;
    else if (t.text === '”') open = false;
    else open = !open;
    openFrom = i + 1;
  }
  close(firstTokenFrom(doc.tokens, paraEnd, openFrom));
  return out;
}

// Token indexes of the quote marks ("“", "”", '"' as whole tokens), in order.
function quoteMarks(doc: Doc): number[] {
  const text = doc.text;
  const marks: number[] = [];
  for (const q of ['\u201c', '\u201d', '"']) {
    for (let at = text.indexOf(q); at >= 0; at = text.indexOf(q, at + 1)) {
      const i = tokenStartingAt(doc.tokens, at);
      if (i >= 0 && doc.tokens[i].text.length === 1) marks.push(i);
    }
  }
  return marks.sort((a, b) => a - b);
}

