// Events that are only imagined: "a possible Russian invasion", "to stave off war", "assessments
// that Moscow is about to invade". Reporting them as events would invent conflict.
import type { SentenceView } from './sentence.js';
import { lemmaOf } from './lemma.js';

const HYPOTHETICAL_MODIFIERS = new Set(['possible', 'alleged', 'potential', 'feared', 'hypothetical', 'imminent', 'eventual', 'likely', 'supposed', 'so-called']);
/** Words whose object or complement is not (yet) a fact. */
const GOVERNORS = new Set([
  'prevent', 'avert', 'avoid', 'stave', 'deter', 'forestall', 'fear', 'believe', 'think', 'assess', 'assessment',
  'estimate', 'suspect', 'speculate', 'speculation', 'rumor', 'rumour', 'risk', 'specter', 'spectre', 'threat', 'prospect',
  'scenario', 'danger', 'concern', 'warning', 'deny', 'denial',
]);
const LIKELY = new Set(['likely', 'possible', 'imminent', 'unlikely', 'probable', 'feared']);

/** True when the event noun at `head` is a possibility, not an occurrence. */
export function isHypotheticalNoun(view: SentenceView, head: number): boolean {
  const { tokens, from, to } = view;
  for (let k = head - 1; k >= from && k >= head - 6; k--) {
    const t = tokens[k];
    if (HYPOTHETICAL_MODIFIERS.has(t.lower) || GOVERNORS.has(lemmaOf(t)) || GOVERNORS.has(t.lower)) return true;
    if (t.text === ',' || t.text === ';' || t.pos === 'SCONJ') break;
  }
  // "... an attack on Ukraine is likely"
  for (let k = head + 1; k < to && k <= head + 6; k++) {
    const t = tokens[k];
    if (t.lemma === 'be' && k + 1 < to && LIKELY.has(tokens[k + 1].lower)) return true;
    if (t.text === ',' || t.text === ';' || t.pos === 'VERB') break;
  }
  return false;
}

/** True when the clause holding `head` is the complement of a word of belief or fear ("assessments that ..."). */
export function inHypotheticalClause(view: SentenceView, head: number): boolean {
  const { tokens, from } = view;
  for (let k = head - 1; k > from && k >= head - 10; k--) {
    const t = tokens[k];
    if (t.text === ',' || t.text === ';') return false;
    if (t.lower !== 'that') continue;
    const before = tokens[k - 1];
    return GOVERNORS.has(lemmaOf(before)) || GOVERNORS.has(before.lower);
  }
  return false;
}
