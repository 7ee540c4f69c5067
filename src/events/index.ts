// The events stage: codes CAMEO events from the tokens and actor mentions of a Doc.
import type { CodedEvent, Doc, Mention, TimeExpr } from '../model/types.js';
import { buildEvents, dedupeEvents } from './assemble.js';
import { findCandidates } from './candidates.js';
import { fillCountries } from './fill.js';
import type { CodeTable } from './codes.js';
import type { LexEntry, Lexicon } from './lexicon.js';
import { adjustCandidates } from './post.js';
import { viewSentence } from './sentence.js';
import type { StateIndex } from './parties.js';
import { lookUpToken, type TokenStarts } from './match.js';

export { loadCodeTable } from './codes.js';
export type { CodeInfo, CodeTable } from './codes.js';
export { loadLexicon } from './lexicon.js';
export type { Lexicon } from './lexicon.js';

/** What the coder needs: the lexicon and the code table, both loaded once. */
export interface EventKnowledge {
  lexicon: Lexicon;
  codes: CodeTable;
  /** Accepted so the pipeline can pass its whole knowledge; the coder reads only the mentions. */
  kb?: unknown;
}

function bySentence<T extends { sentence: number }>(items: readonly T[], n: number, map?: (x: T) => T): T[][] {
  const out: T[][] = [];
  for (let s = 0; s < n; s++) out.push([]);
  for (const x of items) if (x.sentence >= 0 && x.sentence < n) out[x.sentence].push(map ? map(x) : x);
  return out;
}

/** True when the items are in order of their start. */
function sortedByStart(items: readonly { start: number }[]): boolean {
  for (let i = 1; i < items.length; i++) if (items[i].start < items[i - 1].start) return false;
  return true;
}

/** A mention of type LOC is a place even when the actor stage did not mark it. */
function asLocation(m: Mention): Mention {
  return m.type === 'LOC' && !m.isLocation ? { ...m, isLocation: true } : m;
}

/** What one pass over a sentence's tokens found. */
interface Scan {
  /** The lexicon entries each token may head (index: token - start), or null when no token heads any. */
  entries: (readonly LexEntry[] | null)[] | null;
  /** True when some token (lemma or form) may start an evaluation phrase. */
  evaluation: boolean;
}

/** Looks every token of sentence `s` up once: in the entries, and among the first words of evaluation phrases. */
function scanSentence(doc: Doc, s: number, lex: Lexicon, into: Scan): Scan {
  const { tokenStart, tokenEnd } = doc.sentences[s];
  into.entries = null;
  into.evaluation = false;
  const starts: TokenStarts = { entries: null, evaluation: false };
  for (let i = tokenStart; i < tokenEnd; i++) {
    const { entries: list, evaluation } = lookUpToken(lex, doc.tokens[i], starts);
    if (evaluation) into.evaluation = true;
    if (!list) continue;
    into.entries ??= new Array<readonly LexEntry[] | null>(tokenEnd - tokenStart).fill(null);
    into.entries[i - tokenStart] = list;
  }
  return into;
}

/** Returns `doc` with `events` filled: CAMEO-coded events with actors, date, place and evidence. */
export function codeEvents(doc: Doc, knowledge: EventKnowledge): Doc {
  const n = doc.sentences.length;
  // The actor stage gives its mentions in text order: they are sorted only when they are not.
  const ordered = sortedByStart(doc.mentions) ? doc.mentions : [...doc.mentions].sort((a, b) => a.start - b.start);
  const mentions = bySentence(ordered, n, asLocation);
  const times = bySentence<TimeExpr>(doc.times, n);
  const events: CodedEvent[] = [];
  const states = (knowledge.kb ?? null) as StateIndex | null;
  const lex = knowledge.lexicon;
  const scan: Scan = { entries: null, evaluation: false };
  for (let s = 0; s < n; s++) {
    const { entries, evaluation } = scanSentence(doc, s, lex, scan);
    // With no trigger and no evaluation phrase there is nothing to adjust: the clauses are never built.
    // (An evaluation phrase is found by the lemma or form of its first word, as the scan looks for it.)
    if (!entries && !evaluation) continue;
    const view = viewSentence(doc, s, mentions[s], entries ?? undefined);
    const found = entries ? findCandidates(view, lex) : [];
    if (found.length === 0 && !evaluation) continue;
    const candidates = fillCountries(view, adjustCandidates(view, lex, found, states), states);
    for (const c of candidates) for (const e of buildEvents(doc, view, c, knowledge.codes, times[s], states)) events.push(e);
  }
  return { ...doc, events: dedupeEvents(events) };
}
