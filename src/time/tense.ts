// Guesses whether a time expression sits in a past (reported) or future (planned) clause, from
// the verb group nearest to it. News reports events in the past unless a future marker is near.
import type { Sentence, Token } from '../model/types.js';

/** The tense a time expression is read in. */
export type Tense = 'past' | 'future';

const FUTURE_WORDS = new Set(['will', 'shall', "'ll", '’ll', 'wo', 'going', 'gon', 'next', 'upcoming', 'coming', 'due']);
const FUTURE_LEMMAS = new Set(['plan', 'expect', 'schedule', 'intend', 'aim', 'prepare', 'hope', 'set', 'due', 'slate']);
const PAST_AUX = new Set(['was', 'were', 'had', 'did', 'has', 'have', "'d", '’d']);
const PAST_MARKERS = new Set(['last', 'past', 'previous', 'ago', 'earlier']);
const PRESENT_BE = new Set(['is', 'are', 'am', "'re", '’re']);
const MAX_DISTANCE = 10;

/** The tense of the clause around tokens [first, last] of `sentence`. */
export function tenseAt(tokens: readonly Token[], sentence: Sentence, first: number, last: number): Tense {
  const marker = adjacentMarker(tokens, sentence, first);
  if (marker) return marker;
  const verb = nearestVerb(tokens, sentence, first, last);
  if (verb < 0) return 'past';
  return verbGroupTense(tokens, sentence, verb);
}

function adjacentMarker(tokens: readonly Token[], sentence: Sentence, first: number): Tense | null {
  for (let k = first - 1; k >= Math.max(sentence.tokenStart, first - 2); k--) {
    const w = tokens[k].lower;
    if (PAST_MARKERS.has(w)) return 'past';
    if (w === 'next' || w === 'coming' || w === 'upcoming') return 'future';
  }
  return null;
}

function isVerbal(t: Token): boolean {
  return t.pos === 'VERB' || t.pos === 'AUX';
}

/** An infinitive ("to discuss") carries no tense: it never decides when a time expression is. */
function isInfinitive(tokens: readonly Token[], sentence: Sentence, k: number): boolean {
  return k > sentence.tokenStart && tokens[k - 1].lower === 'to' && tokens[k - 1].pos === 'PART';
}

function nearestVerb(tokens: readonly Token[], sentence: Sentence, first: number, last: number): number {
  for (let d = 1; d <= MAX_DISTANCE; d++) {
    const left = first - d;
    if (left >= sentence.tokenStart && isVerbal(tokens[left]) && !isInfinitive(tokens, sentence, left)) return left;
    const right = last + d;
    if (right < sentence.tokenEnd && isVerbal(tokens[right]) && !isInfinitive(tokens, sentence, right)) return lastOfGroup(tokens, sentence, right);
  }
  return -1;
}

// A verb found to the right may be the auxiliary of a longer group ("will meet"); use its head.
function lastOfGroup(tokens: readonly Token[], sentence: Sentence, k: number): number {
  let end = k;
  while (end + 1 < sentence.tokenEnd && end - k < 4) {
    const t = tokens[end + 1];
    // "agreed to meet": the infinitive after "to" starts a verb group of its own.
    if ((isVerbal(t) || t.pos === 'PART' || t.pos === 'ADV') && t.lower !== 'to') end++;
    else break;
  }
  while (end > k && !isVerbal(tokens[end])) end--;
  return end;
}

function verbGroupTense(tokens: readonly Token[], sentence: Sentence, verb: number): Tense {
  const from = Math.max(sentence.tokenStart, verb - 5);
  for (let k = verb; k >= from; k--) {
    const t = tokens[k];
    if (k < verb && !(isVerbal(t) || t.pos === 'PART' || t.pos === 'ADV' || t.pos === 'ADJ')) break;
    if (FUTURE_WORDS.has(t.lower)) return 'future';
    if (t.lower === 'to' && k > from && (FUTURE_LEMMAS.has(tokens[k - 1].lemma) || PRESENT_BE.has(tokens[k - 1].lower))) return 'future';
    if (k < verb && PRESENT_BE.has(t.lower)) return 'future';
    if (PAST_AUX.has(t.lower)) return 'past';
  }
  return isPastForm(tokens[verb]) ? 'past' : 'future';
}

function isPastForm(t: Token): boolean {
  if (t.lower === t.lemma) return false;
  if (t.lower.endsWith('ing')) return false;
  if (t.lower === t.lemma + 's' || t.lower === t.lemma + 'es') return false;
  if (t.lower === 'is' || t.lower === 'are' || t.lower === 'am' || t.lower === "'s" || t.lower === '’s') return false;
  return true;
}
