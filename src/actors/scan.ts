// Finding candidate spans in a tokenised Doc: knowledge-base aliases (leftmost-longest over a
// first-word hash), runs of proper-name tokens, and which tokens lie inside quotation marks.
import type { Doc, Token } from '../model/types.js';
import type { IndexEntry, KnowledgeBase, LongList } from './types.js';
import { isParticle, isWordChar, normText, startsUpper, wordEnd, wordShape } from './normalize.js';

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

// Token index + 1 of the token ending at each character offset (0: none), last token wins.
function tokenEnds(doc: Doc): Int32Array {
  const ends = new Int32Array(doc.text.length + 1);
  const toks = doc.tokens;
  for (let i = 0; i < toks.length; i++) ends[toks[i].end] = i + 1;
  return ends;
}

/** Finds knowledge-base aliases in the text, leftmost-longest, never splitting a token. */
export function scanAliases(doc: Doc, kb: KnowledgeBase, norm: string = normText(doc.text)): AliasHit[] {
  const endToTok = tokenEnds(doc);
  const toks = doc.tokens;
  const hits: AliasHit[] = [];
  for (let i = 0; i < toks.length; i++) {
    const start = toks[i].start;
    const wEnd = wordEnd(norm, start);
    if (wEnd === start || !kb.firstWordShapes.has(wordShape(norm, start, wEnd))) continue;
    const first = norm.slice(start, wEnd);
    const list = kb.index.get(first);
    if (!list) continue;
    const long = kb.longLists.get(first);
    const hit = long ? matchLong(doc, norm, endToTok, i, long) : matchList(doc, norm, endToTok, i, list);
    if (!hit) continue;
    hits.push(hit);
    i = hit.tokEnd - 1;
  }
  return hits;
}

// An entry matches at token i when it ends on a token boundary of the same sentence, is not
// followed by a letter or digit, and passes the case check.
function matchAt(doc: Doc, norm: string, endToTok: Int32Array, i: number, entry: IndexEntry): AliasHit | null {
  const tok = doc.tokens[i];
  const end = tok.start + entry.key.length;
  if (end > norm.length || isWordChar(norm[end]) || !norm.startsWith(entry.key, tok.start)) return null;
  const last = (endToTok[end] ?? 0) - 1;
  if (last < i || doc.tokens[last].sentence !== tok.sentence) return null;
  if (!casePasses(entry, doc.text.slice(tok.start, end))) return null;
  return { tokStart: i, tokEnd: last + 1, entry };
}

function matchList(doc: Doc, norm: string, endToTok: Int32Array, i: number, list: readonly IndexEntry[]): AliasHit | null {
  for (const entry of list) {
    const hit = matchAt(doc, norm, endToTok, i, entry);
    if (hit) return hit;
  }
  return null;
}

// Same result as matchList (entries are longest first, and one span has at most one key): the
// spans ending on token ends are looked up, longest first.
function matchLong(doc: Doc, norm: string, endToTok: Int32Array, i: number, long: LongList): AliasHit | null {
  const toks = doc.tokens;
  const start = toks[i].start;
  const ends: number[] = [];
  for (let j = i; j < toks.length && toks[j].start - start <= long.maxLen; j++) {
    const end = toks[j].end;
    if (end - start <= long.maxLen) ends.push(end);
  }
  ends.sort((a, b) => b - a);
  for (let k = 0; k < ends.length; k++) {
    if (k > 0 && ends[k] === ends[k - 1]) continue;
    const entry = long.byKey.get(norm.slice(start, ends[k]));
    const hit = entry ? matchAt(doc, norm, endToTok, i, entry) : null;
    if (hit) return hit;
  }
  return null;
}

const MONTHS_DAYS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'i', 'mr', 'mrs', 'ms', 'dr', 'mr.', 'mrs.', 'ms.', 'dr.']);
const CLOSED = new Set(['PRON', 'DET', 'ADP', 'AUX', 'CCONJ', 'SCONJ', 'PART', 'NUM', 'PUNCT', 'SYM', 'INTJ']);

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
  if (/^\p{Lu}\.$/u.test(t.text)) return inRun;
  if (t.pos === 'PROPN') return true;
  if (CLOSED.has(t.pos)) return false;
  return inRun || !sentenceInitial(doc, i);
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
    if (covered[i] || !isNameToken(doc, i, false)) {
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
      if (!isNameToken(doc, end, true)) break;
      end++;
    }
    runs.push({ tokStart: i, tokEnd: end, text: doc.text.slice(toks[i].start, toks[end - 1].end) });
    i = end;
  }
  return runs;
}

/** Marks the tokens that lie inside quotation marks (curly or straight), paragraph by paragraph. */
export function quotedTokens(doc: Doc): Uint8Array {
  const out = new Uint8Array(doc.tokens.length);
  let open = false;
  let paraEnd = -1;
  for (let i = 0; i < doc.tokens.length; i++) {
    const t = doc.tokens[i];
    if (t.start >= paraEnd) {
      open = false;
      paraEnd = doc.paragraphs.find((p) => p.end > t.start)?.end ?? Infinity;
    }
    if (t.text === '“') open = true;
    else if (t.text === '”') open = false;
    else if (t.text === '"') open = !open;
    else if (open) out[i] = 1;
  }
  return out;
}
