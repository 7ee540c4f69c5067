// The events stage: codes CAMEO events from the tokens and actor mentions of a Doc.
import type { CodedEvent, Doc, Mention, TimeExpr } from '../model/types.js';
import { buildEvents, dedupeEvents } from './assemble.js';
import { findCandidates } from './candidates.js';
import { fillCountries } from './fill.js';
import type { CodeTable } from './codes.js';
import type { Lexicon } from './lexicon.js';
import { adjustCandidates } from './post.js';
import { viewSentence } from './sentence.js';
import type { StateIndex } from './parties.js';

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

function bySentence<T extends { sentence: number }>(items: readonly T[], n: number): T[][] {
  const out: T[][] = Array.from({ length: n }, () => []);
  for (const x of items) if (x.sentence >= 0 && x.sentence < n) out[x.sentence].push(x);
  return out;
}

/** True when some token of sentence `s` may start a trigger (lemma, form, or form without "-ed"). */
function mayHaveTrigger(doc: Doc, s: number, words: ReadonlySet<string>): boolean {
  const { tokenStart, tokenEnd } = doc.sentences[s];
  for (let i = tokenStart; i < tokenEnd; i++) {
    const t = doc.tokens[i];
    if (words.has(t.lemma.toLowerCase()) || words.has(t.lower)) return true;
    if (t.lower.endsWith('ed') && (words.has(t.lower.slice(0, -1)) || words.has(t.lower.slice(0, -2)))) return true;
  }
  return false;
}

/** Returns `doc` with `events` filled: CAMEO-coded events with actors, date, place and evidence. */
export function codeEvents(doc: Doc, knowledge: EventKnowledge): Doc {
  const n = doc.sentences.length;
  const mentions = bySentence(
    [...doc.mentions].sort((a, b) => a.start - b.start).map((m): Mention => (m.type === 'LOC' && !m.isLocation ? { ...m, isLocation: true } : m)),
    n,
  );
  const times = bySentence<TimeExpr>(doc.times, n);
  const events: CodedEvent[] = [];
  const states = (knowledge.kb ?? null) as StateIndex | null;
  const evaluationWords = new Set(knowledge.lexicon.negative.map((p) => p[0].replace(/^!/, '')));
  for (let s = 0; s < n; s++) {
    if (!mayHaveTrigger(doc, s, knowledge.lexicon.firstWords)) continue;
    const view = viewSentence(doc, s, mentions[s]);
    const found = findCandidates(view, knowledge.lexicon);
    // With no trigger and no evaluation phrase there is nothing to adjust: the clauses are never built.
    if (found.length === 0 && !mayHaveTrigger(doc, s, evaluationWords)) continue;
    const candidates = fillCountries(view, adjustCandidates(view, knowledge.lexicon, found, states), states);
    for (const c of candidates) events.push(...buildEvents(doc, view, c, knowledge.codes, times[s], states));
  }
  return { ...doc, events: dedupeEvents(events) };
}
