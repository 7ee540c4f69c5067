// The shape every time finder returns before overlaps are settled and sentences attached.
import type { TimeExpr } from '../model/types.js';
import type { Ymd } from './calendar.js';
import type { Tense } from './tense.js';

/** A found time expression without its sentence index yet. */
export type TimeCandidate = Omit<TimeExpr, 'sentence'>;

/** What a finder knows about the sentence it reads. */
export interface SentenceContext {
  /** The sentence text. */
  readonly text: string;
  /** Offset of the sentence in the document text. */
  readonly offset: number;
  /** The publication date, when known. */
  readonly published: Ymd | null;
  /** Tense of the clause around the document span [start, end). */
  tenseOf(start: number, end: number): Tense;
}
