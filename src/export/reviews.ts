// What every export says about analysts' reviews: who reviewed an event, the verdict, and the corrections made.
import { reviewKey, type Review, type ReviewStore, type Verdict } from '../store/reviews.js';
import type { StoredEvent } from '../store/types.js';

/** A review as the exports give it: the verdict, who and when, the corrected code, actors and date, and whether it is stale. */
export interface ExportedReview {
  verdict: Verdict;
  reviewer: string;
  /** ISO timestamp of the review. */
  at: string;
  /** Corrections (null: not corrected). */
  cameo: string | null;
  source: string | null;
  target: string | null;
  date: string | null;
  note: string | null;
  /** True when the event's evidence or code changed since the review (a re-analysis recoded it). */
  stale: boolean;
}

/** Reviews by article id and event position. */
export type ReviewLookup = Map<string, Review>;

/** Every review of a review store, by event. */
export async function reviewLookup(reviews: ReviewStore): Promise<ReviewLookup> {
  return new Map((await reviews.listReviews()).map((r) => [reviewKey(r.articleId, r.eventIndex), r]));
}

/** The latest review of an event, or null when no one reviewed it. */
export function exportedReview(e: Pick<StoredEvent, 'articleId' | 'index' | 'evidence' | 'cameo'>, reviews: ReviewLookup): ExportedReview | null {
  const r = reviews.get(reviewKey(e.articleId, e.index));
  if (!r) return null;
  return {
    verdict: r.verdict, reviewer: r.reviewer, at: r.at, cameo: r.cameo, source: r.source, target: r.target, date: r.date, note: r.note,
    stale: r.evidence !== e.evidence || r.originalCameo !== e.cameo,
  };
}

/** Names of the review columns that CSV (always) and GDELT (with --reviews) lines end with. */
export const REVIEW_FIELDS = ['reviewed', 'review_verdict', 'reviewer', 'reviewed_at', 'review_cameo', 'review_source', 'review_target', 'review_date', 'review_stale'] as const;

/** The review columns of an event, in {@link REVIEW_FIELDS} order: `reviewed` 1 or 0, then blanks when no one reviewed it. */
export function reviewColumns(r: ExportedReview | null): (string | number | null)[] {
  if (!r) return [0, null, null, null, null, null, null, null, null];
  return [1, r.verdict, r.reviewer, r.at, r.cameo, r.source, r.target, r.date, r.stale ? 1 : 0];
}
