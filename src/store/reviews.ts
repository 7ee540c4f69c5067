// Analysts' reviews of coded events: kept apart from the coded rows so that re-analysis never loses them.

/** What an analyst decided about one event. */
export type Verdict = 'confirm' | 'reject' | 'correct';

/** A review as submitted. */
export interface ReviewInput {
  articleId: string;
  /** Position of the event in its article's record. */
  eventIndex: number;
  verdict: Verdict;
  cameo?: string | null;
  source?: string | null;
  target?: string | null;
  date?: string | null;
  note?: string | null;
  reviewer: string;
  /** The evidence and code the review was made against: a later re-analysis that changes them makes it stale. */
  evidence: string;
  originalCameo: string;
}

/** A stored review (the latest for its event). */
export interface Review extends Required<ReviewInput> {
  /** ISO timestamp of the review. */
  at: string;
}

/** Where reviews are kept. */
export interface ReviewStore {
  /** Stores the review, replacing an earlier one of the same event. */
  saveReview(input: ReviewInput): Promise<Review>;
  /** Reviews, newest first, optionally of one article. */
  listReviews(query?: { articleId?: string; limit?: number; offset?: number }): Promise<Review[]>;
  /** A token that changes whenever a review is saved (by this process or another): caches key on it. Cheap to call. */
  generation(): Promise<string>;
  /** Releases the connection. */
  close(): Promise<void>;
}

/** The key of a review's event: article id and event position. */
export const reviewKey = (articleId: string, eventIndex: number): string => `${articleId}\u0000${eventIndex}`;

/** Fills the optional fields of a review input with nulls and stamps it. */
export function completeReview(input: ReviewInput, at = new Date().toISOString()): Review {
  return {
    articleId: input.articleId, eventIndex: input.eventIndex, verdict: input.verdict,
    cameo: input.cameo ?? null, source: input.source ?? null, target: input.target ?? null, date: input.date ?? null,
    note: input.note ?? null, reviewer: input.reviewer, evidence: input.evidence, originalCameo: input.originalCameo, at,
  } as Review;
}

/** Reviews held in memory (tests, and stores without a reviews table). */
export class MemoryReviewStore implements ReviewStore {
  private readonly reviews = new Map<string, Review>();
  private saved = 0;

  /** Stores the review, replacing an earlier one of the same event. */
  async saveReview(input: ReviewInput): Promise<Review> {
    const review = completeReview(input);
    const key = reviewKey(input.articleId, input.eventIndex);
    this.reviews.delete(key);
    this.reviews.set(key, review);
    this.saved++;
    return review;
  }

  /** How many reviews were saved. */
  async generation(): Promise<string> {
    return String(this.saved);
  }

  /** Reviews, newest first. */
  async listReviews(query: { articleId?: string; limit?: number; offset?: number } = {}): Promise<Review[]> {
    const all = [...this.reviews.values()].reverse().filter((r) => !query.articleId || r.articleId === query.articleId);
    const offset = query.offset ?? 0;
    return all.slice(offset, query.limit !== undefined ? offset + query.limit : undefined);
  }

  /** Nothing to release. */
  async close(): Promise<void> {}
}
