// Organisation names written as one proper-name phrase that the alias index splits: connectors
// inside ("University of Southern Indiana", "Council on American-Islamic Relations", "University of
// Texas at Arlington"), a place or demonym before a head noun ("Irving Police Department",
// "Australian Centre for ..."), or "Team" before a state ("Team Estonia").
import type { Doc, Token } from '../model/types.js';
import type { KnowledgeBase } from './types.js';
import type { AliasHit } from './scan.js';
import { entryByKey } from './scan.js';
import { normAlias, startsUpper } from './normalize.js';

/** An organisation phrase spanning tokens [tokStart, tokEnd), with what the index knows of it. */
export interface OrgSpan {
  readonly tokStart: number;
  readonly tokEnd: number;
  /** The phrase as written, spaced hyphens closed up ("American - Islamic" → "American-Islamic"). */
  readonly text: string;
  /** The knowledge-base entity whose name or alias is exactly the phrase, if any. */
  readonly entityId: string | null;
  /** Country of the first state, place or demonym inside the phrase. */
  readonly country: string | null;
}

// Head nouns of organisation and facility names.
const HEADS = new Set(['university', 'college', 'institute', 'institution', 'school', 'academy', 'church', 'council', 'foundation', 'society',
  'association', 'union', 'federation', 'league', 'conference', 'committee', 'commission', 'corps', 'legion', 'party', 'ministry', 'department',
  'agency', 'court', 'bank', 'museum', 'centre', 'center', 'hospital', 'stadium', 'arena', 'corporation', 'company', 'authority', 'service',
  'organization', 'organisation', 'movement', 'alliance', 'trust', 'fund', 'club', 'team', 'board', 'bureau', 'directorate', 'tribunal', 'assembly',
  'parliament', 'congress', 'front', 'brigade', 'army', 'police', 'library', 'observatory', 'laboratory', 'laboratories', 'network', 'hall']);
const CONNECTORS = new Set(['of', 'for', 'on', 'at', 'and', '&']);
// "of" phrases that may follow each other: "University of North Carolina at Greensboro".
const AFTER_OF_ONLY = new Set(['and', 'at']);
const CLOSED = new Set(['PRON', 'DET', 'ADP', 'AUX', 'CCONJ', 'SCONJ', 'PART', 'NUM', 'PUNCT', 'SYM', 'INTJ', 'VERB']);
const MAX_TOKENS = 14;
const CALENDAR = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);

function capWord(t: Token | undefined): boolean {
  return !!t && startsUpper(t.text) && !CALENDAR.has(t.lower) && !(CLOSED.has(t.pos) && t.pos !== 'PROPN');
}

function isHead(t: Token): boolean {
  return startsUpper(t.text) && HEADS.has(t.lower);
}

interface Walk {
  end: number;
  connectors: number[];
}

// Walks capitalised words, joined hyphens, alias hits and connectors from `i`; stops where the phrase ends.
// "Workers'" in "Workers' Party", "People's" in "New People's Party": a plural possessive inside a
// name. A singular one ("Russia's Foreign Ministry", "CU Boulder's Institute") joins two names and
// stays out.
const IRREGULAR_PLURALS = new Set(['people', 'women', 'men', 'children']);

function innerPossessive(doc: Doc, k: number, hitOf: Int32Array): boolean {
  const toks = doc.tokens;
  const t = toks[k];
  const prev = toks[k - 1];
  if (!prev || prev.end !== t.start || !capWord(prev) || !capWord(toks[k + 1]) || toks[k + 1].sentence !== t.sentence) return false;
  if (t.text === "'" || t.text === '’') return hitOf[k - 1] < 0 && /s$/.test(prev.lower);
  return (t.text === "'s" || t.text === '’s') && IRREGULAR_PLURALS.has(prev.lower);
}

function walk(doc: Doc, i: number, hitEnd: Int32Array, hitOf: Int32Array): Walk {
  const toks = doc.tokens;
  const sentence = toks[i].sentence;
  const connectors: number[] = [];
  let j = i;
  let seenOf = false;
  while (j < toks.length && toks[j].sentence === sentence && j - i < MAX_TOKENS) {
    const t = toks[j];
    if (hitEnd[j] && startsUpper(t.text)) {
      j = hitEnd[j];
      continue;
    }
    if (capWord(t)) {
      j++;
      continue;
    }
    if (t.text === '-' && j > i && capWord(toks[j + 1])) {
      j++;
      continue;
    }
    if (j > i && innerPossessive(doc, j, hitOf)) {
      j++;
      continue;
    }
    if (!CONNECTORS.has(t.lower) || (AFTER_OF_ONLY.has(t.lower) && !seenOf) || j === i) break;
    const afterThe = toks[j + 1]?.lower === 'the' && t.lower !== 'and' ? j + 2 : j + 1;
    if (!capWord(toks[afterThe])) break;
    connectors.push(j);
    seenOf = seenOf || t.lower !== 'and';
    j = afterThe;
  }
  return { end: j, connectors };
}

// Cuts the phrase before an "and" that opens a second organisation ("... of Technology and Colorado
// State University") and before "of the <state>" closing it ("... University of the US").
function trim(doc: Doc, start: number, w: Walk, stateAt: (tok: number) => number): number {
  const toks = doc.tokens;
  for (const c of w.connectors) {
    const next = c + 1;
    if (toks[c].lower === 'and' || toks[c].lower === '&' || toks[c].lower === 'at') {
      for (let k = next; k < w.end; k++) if (isHead(toks[k])) return c;
    }
    if (toks[c].lower === 'of' && toks[next]?.lower === 'the' && (stateAt(next + 1) === w.end || stateAt(next) === w.end) && c > start) return c;
  }
  return w.end;
}

// A phrase is an organisation when a head noun comes before its first connector, or ends it, or
// "Team" opens it before a state.
function valid(doc: Doc, start: number, end: number, connectors: number[]): boolean {
  const toks = doc.tokens;
  const firstConn = connectors.find((c) => c < end) ?? end;
  if (firstConn === end) return isHead(toks[end - 1]) || (toks[start].lower === 'team' && end - start === 2 && startsUpper(toks[start].text));
  for (let k = start; k < firstConn; k++) if (isHead(toks[k])) return true;
  return false;
}

function spanText(doc: Doc, start: number, end: number): string {
  const text = doc.text.slice(doc.tokens[start].start, doc.tokens[end - 1].end);
  // Most phrases have single spaces and no spaced hyphen: nothing to rewrite.
  if (!ODD_SPACE.test(text)) return text;
  return text.replace(/\s+([-–])\s+/g, '$1').replace(/\s+/g, ' ');
}
const ODD_SPACE = /[^\S ]|\s[-–]|\s\s/;

function lookupExact(kb: KnowledgeBase, text: string): string | null {
  const t = entryByKey(kb.spans, normAlias(text))?.best;
  return t && t.kind === 'entity' ? t.id : null;
}

// The per-token arrays of findOrgSpans, reused from call to call (it is not re-entrant and keeps no
// reference to them): typed arrays of a few kilobytes are slow to allocate.
let scratchArrays: { hitEnd: Int32Array; hitIdx: Int32Array; hitOf: Int32Array } | null = null;

// Reads go at most two tokens past the end (the token after a phrase's "in"): a margin past n is
// reset too, so that they see "no hit" as they would past the end of fresh arrays.
const MARGIN = 8;

function scratch(n: number): { hitEnd: Int32Array; hitIdx: Int32Array; hitOf: Int32Array } {
  const used = n + MARGIN;
  if (!scratchArrays || scratchArrays.hitEnd.length < used) {
    const size = Math.max(used, 1024);
    scratchArrays = { hitEnd: new Int32Array(size), hitIdx: new Int32Array(size), hitOf: new Int32Array(size) };
  }
  scratchArrays.hitEnd.fill(0, 0, used);
  scratchArrays.hitIdx.fill(-1, 0, used);
  scratchArrays.hitOf.fill(-1, 0, used);
  return scratchArrays;
}

/**
 * Finds organisation phrases that are longer than, and so replace, the alias hits they contain.
 * `capitals` gives the lower-cased words → how often each occurs capitalised (see `capitalCounts`), asked for only
 * when a long phrase needs it; counted here when not given.
 */
export function findOrgSpans(doc: Doc, kb: KnowledgeBase, hits: readonly AliasHit[], capitals?: () => ReadonlyMap<string, number>): OrgSpan[] {
  const toks = doc.tokens;
  const n = toks.length;
  const { hitEnd, hitIdx, hitOf } = scratch(n);
  for (const [k, h] of hits.entries()) {
    hitEnd[h.tokStart] = h.tokEnd;
    hitIdx[h.tokStart] = k;
    hitOf.fill(k, h.tokStart, h.tokEnd);
  }
  const stateAt = (tok: number): number => {
    const k = hitIdx[tok] ?? -1;
    const t = k >= 0 ? hits[k].entry.best : null;
    const e = t && t.kind === 'entity' ? t.entity : undefined;
    return e && (e.kind === 'state' || e.kind === 'bloc') ? hits[k].tokEnd : -1;
  };
  const out: OrgSpan[] = [];
  let counts: ReadonlyMap<string, number> | null = null;
  let done = 0;
  // Only a head noun can make a phrase an organisation: each one found is walked back to where its phrase starts.
  for (let h = 0; h < n; h++) {
    if (h < done || !isHead(toks[h])) continue;
    const i = phraseStart(doc, h, done, hitOf, hits);
    const w = walk(doc, i, hitEnd, hitOf);
    let end = trim(doc, i, w, stateAt);
    while (end > i && !capWord(toks[end - 1])) end--;
    if (end - i >= 4) counts ??= capitals ? capitals() : capitalCounts(doc);
    if (counts && personTail(doc, i, end, hitIdx, counts)) end -= 2;
    if (end <= h || end - i < 2 || (hitIdx[i] >= 0 && hitEnd[i] >= end) || !valid(doc, i, end, w.connectors)) continue;
    out.push({ tokStart: i, tokEnd: end, text: spanText(doc, i, end), entityId: null, country: innerCountry(kb, hits, hitIdx, i, end) ?? placeAfter(kb, hits, hitIdx, doc, end, w.end) });
    done = end;
  }
  return out.map((s) => ({ ...s, entityId: lookupExact(kb, s.text) }));
}

// The first token of the capitalised words (and alias hits) running up to the head at `h`.
function phraseStart(doc: Doc, h: number, floor: number, hitOf: Int32Array, hits: readonly AliasHit[]): number {
  const toks = doc.tokens;
  let s = hitOf[h] >= 0 ? hits[hitOf[h]].tokStart : h;
  while (s - 1 >= floor && toks[s - 1].sentence === toks[h].sentence) {
    const k = s - 1;
    if (hitOf[k] >= 0 && startsUpper(toks[hits[hitOf[k]].tokStart].text)) s = hits[hitOf[k]].tokStart;
    else if (capWord(toks[k]) || (toks[k].text === '-' && k - 1 >= floor && capWord(toks[k - 1])) || (k - 1 >= floor && innerPossessive(doc, k, hitOf))) s = k;
    else break;
  }
  return s;
}

function innerCountry(kb: KnowledgeBase, hits: readonly AliasHit[], hitIdx: Int32Array, start: number, end: number): string | null {
  for (let k = start; k < end; k++) {
    const h = hitIdx[k] >= 0 ? hits[hitIdx[k]] : null;
    const t = h?.entry.best;
    const e = t && t.kind === 'entity' ? t.entity : undefined;
    if (e && e.country && (e.kind === 'state' || e.kind === 'place' || (t?.kind === 'entity' && t.demonym))) return e.country;
  }
  return null;
}

// "the Fisht Stadium in Sochi": the country of a place named right after "in".
// "the University of Sheffield of the UK": the state the phrase was cut before.
function placeAfter(kb: KnowledgeBase, hits: readonly AliasHit[], hitIdx: Int32Array, doc: Doc, end: number, walked: number): string | null {
  const next = doc.tokens[end]?.lower;
  if (next === 'of' && walked > end) return innerCountry(kb, hits, hitIdx, end + 1, walked);
  return next === 'in' && hitIdx[end + 1] >= 0 ? innerCountry(kb, hits, hitIdx, end + 1, end + 2) : null;
}

/** How often each lower-cased word occurs capitalised in the article. */
export function capitalCounts(doc: Doc): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of doc.tokens) if (startsUpper(t.text)) counts.set(t.lower, (counts.get(t.lower) ?? 0) + 1);
  return counts;
}

// "... Council on American-Islamic Relations Alia Salem said": a phrase ending in two unknown
// capitalised words, the last of which recurs in the article (a surname used again), ends with a person.
function personTail(doc: Doc, start: number, end: number, hitIdx: Int32Array, counts: ReadonlyMap<string, number>): boolean {
  if (end - start < 4) return false;
  const a = doc.tokens[end - 2];
  const b = doc.tokens[end - 1];
  if (hitIdx[end - 2] >= 0 || hitIdx[end - 1] >= 0 || isHead(a) || isHead(b) || !capWord(a)) return false;
  return capWord(doc.tokens[end - 3]) && (counts.get(b.lower) ?? 0) >= 2;
}
