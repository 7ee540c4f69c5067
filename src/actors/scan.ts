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
  let last = i;
  while (last + 1 < toks.length && toks[last + 1].start - start <= long.maxLen) last++;
  // Token ends grow with the index, so walking back from the last token tries the longest span first.
  let prevEnd = -1;
  for (let j = last; j >= i; j--) {
    const end = toks[j].end;
    if (end - start > long.maxLen || end === prevEnd) continue;
    prevEnd = end;
    const entry = long.byKey.get(norm.slice(start, end));
    const hit = entry ? matchAt(doc, norm, endToTok, i, entry) : null;
    if (hit) return hit;
  }
  return null;
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
