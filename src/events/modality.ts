// Modality of a trigger: negated, future or conditional, from the words around it and its clause.
import type { Modality } from '../model/types.js';
import type { SentenceView } from './sentence.js';
import { lemmaOf } from './lemma.js';

const NEGATORS = new Set(['not', "n't", 'never', 'no', 'nor']);
/** "would" is the future of reported speech ("said it would send aid"). */
const FUTURE_AUX = new Set(['will', 'shall', "'ll", '’ll', 'would']);
const FUTURE_VERBS = new Set(['plan', 'intend', 'expect', 'set', 'due', 'going', 'schedule', 'prepare', 'aim']);
const FUTURE_ADJ = new Set(['upcoming', 'planned', 'forthcoming', 'scheduled', 'proposed', 'future', 'next', 'expected']);

/** True when a negator stands in the verb group (or determiner) before the trigger. */
export function isNegated(view: SentenceView, head: number): boolean {
  for (let k = head - 1; k >= view.from && k >= head - 4; k--) {
    const t = view.tokens[k];
    if (NEGATORS.has(t.lower)) return true;
    if (!(t.pos === 'AUX' || t.pos === 'ADV' || t.pos === 'PART' || t.pos === 'DET' || t.pos === 'ADJ')) return false;
  }
  return false;
}

/** True when the words before the trigger in its clause mark it as planned or promised. */
export function isFuture(view: SentenceView, head: number): boolean {
  const clause = view.clauses[view.clauseOf[head - view.from]];
  for (let k = head - 1; k >= clause.start && k >= head - 6; k--) {
    const t = view.tokens[k];
    const lemma = lemmaOf(t);
    if (FUTURE_AUX.has(t.lower) || FUTURE_ADJ.has(t.lower)) return true;
    if (t.lower === 'to' && k > clause.start && FUTURE_VERBS.has(lemmaOf(view.tokens[k - 1]))) return true;
    if (t.pos === 'VERB' && !FUTURE_VERBS.has(lemma)) return false;
  }
  return false;
}

/** True when the clause of the trigger (or a clause it depends on) opens with "if"/"unless". */
export function isConditional(view: SentenceView, head: number): boolean {
  let c = view.clauseOf[head - view.from];
  for (let guard = 0; c >= 0 && guard < 8; guard++) {
    if (view.clauses[c].kind === 'conditional') return true;
    c = view.clauses[c].parent;
  }
  return false;
}

/** True when the sentence has an if/unless clause. */
export function hasCondition(view: SentenceView): boolean {
  return view.clauses.some((c) => c.kind === 'conditional');
}

/** Modal verbs of mere possibility: "may attack", "might impose sanctions", "could face". */
const POSSIBLE_AUX = new Set(['may', 'might', 'could']);

/** True when "may", "might" or "could" stands in the verb group before the trigger. */
export function isPossible(view: SentenceView, head: number): boolean {
  for (let k = head - 1; k >= view.from && k >= head - 4; k--) {
    const t = view.tokens[k];
    if (POSSIBLE_AUX.has(t.lower)) return true;
    if (!(t.pos === 'AUX' || t.pos === 'ADV' || t.pos === 'PART')) return false;
  }
  return false;
}

/** The modality of a trigger from its context (negation is decided by the caller). */
export function modalityOf(view: SentenceView, head: number, negated: boolean): Modality {
  if (negated) return 'negated';
  // What only may happen has not happened and is not promised: it depends on something else.
  if (isConditional(view, head) || isPossible(view, head)) return 'conditional';
  if (isFuture(view, head)) return 'future';
  return 'asserted';
}
