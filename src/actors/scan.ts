// Finding candidate spans in a tokenised Doc: knowledge-base aliases (leftmost-longest over a
// first-word hash), runs of proper-name tokens, and which tokens lie inside quotation marks.
import type { Doc, Token } from '../model/types.js';
import type { IndexEntry, KnowledgeBase } from './types.js';
import { firstWord, isParticle, isWordChar, normText } from './normalize.js';

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

const ALL_CAPS = /^[^\p{Ll}]*\p{Lu}[^\p{Ll}]*\p{Lu}[^\p{Ll}]*$/u;
const UPPER_FIRST = /^\P{L}*\p{Lu}/u;

function casePasses(entry: IndexEntry, text: string): boolean {
  if (entry.targets.every((t) => t.kind !== 'entity')) return true;
  if (ALL_CAPS.test(entry.surface)) return text === text.toUpperCase();
  if (UPPER_FIRST.test(entry.surface) && !/^the\s/i.test(entry.surface)) return UPPER_FIRST.test(text);
  if (/^the\s/i.test(entry.surface)) return UPPER_FIRST.test(text.slice(4));
  return true;
}

/** Finds knowledge-base aliases in the text, leftmost-longest, never splitting a token. */
export function scanAliases(doc: Doc, kb: KnowledgeBase, norm: string = normText(doc.text)): AliasHit[] {
  const endToTok = new Map<number, number>();
  doc.tokens.forEach((t, i) => endToTok.set(t.end, i));
  const hits: AliasHit[] = [];
  for (let i = 0; i < doc.tokens.length; i++) {
    const tok = doc.tokens[i];
    const key = firstWord(norm, tok.start);
    if (!key) continue;
    const list = kb.index.get(key);
    if (!list) continue;
    for (const entry of list) {
      const end = tok.start + entry.key.length;
      if (isWordChar(norm[end]) || !norm.startsWith(entry.key, tok.start)) continue;
      const last = endToTok.get(end);
      if (last === undefined || last < i || doc.tokens[last].sentence !== tok.sentence) continue;
      if (!casePasses(entry, doc.text.slice(tok.start, end))) continue;
      hits.push({ tokStart: i, tokEnd: last + 1, entry });
      i = last;
      break;
    }
  }
  return hits;
}

const MONTHS_DAYS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'i', 'mr', 'mrs', 'ms', 'dr', 'mr.', 'mrs.', 'ms.', 'dr.']);
const CLOSED = new Set(['PRON', 'DET', 'ADP', 'AUX', 'CCONJ', 'SCONJ', 'PART', 'NUM', 'PUNCT', 'SYM', 'INTJ']);

function capitalised(t: Token): boolean {
  return /^\p{Lu}/u.test(t.text);
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
