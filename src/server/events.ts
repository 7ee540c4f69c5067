// Loading events for the API: text filtering, review status, and a small cache for the aggregates.
import type { EventQuery, StoredEvent } from '../store/types.js';
import type { Review, Verdict } from '../store/reviews.js';
import type { ApiDeps } from './route.js';
import { StoreError } from '../errors.js';
import { HttpError } from './route.js';

/** A stored event with the latest review of it, if any, and whether a person reviewed it. */
export type ApiEvent = StoredEvent & {
  /** True when an analyst confirmed, rejected or corrected the event. */
  reviewed: boolean;
  /** The verdict of the latest review, or null when no one reviewed it. */
  reviewStatus: Verdict | null;
  review: (Review & { stale: boolean }) | null;
};

/** True when the evidence or an actor name holds `text` (case-insensitive). */
export function matchesText(e: StoredEvent, text: string): boolean {
  const t = text.toLowerCase();
  return e.evidence.toLowerCase().includes(t) || e.source.name.toLowerCase().includes(t) || (e.target?.name.toLowerCase().includes(t) ?? false);
}

/** Runs a store query, turning the store's query errors (bad dyad, bad day) into 400s. */
export async function queryEvents(deps: ApiDeps, query: EventQuery): Promise<StoredEvent[]> {
  try {
    return await deps.store.queryEvents(query);
  } catch (err) {
    if (err instanceof StoreError && err.code === 'store-query') throw new HttpError(400, err.message.replace(/^--/, ''));
    throw err;
  }
}

const reviewKey = (articleId: string, index: number): string => `${articleId}\u0000${index}`;

/** Every review by article and event index. */
export async function reviewMap(deps: ApiDeps): Promise<Map<string, Review>> {
  return new Map((await deps.reviews.listReviews()).map((r) => [reviewKey(r.articleId, r.eventIndex), r]));
}

/** The events with their reviews attached; a review made against other evidence or another code is marked stale. */
export function withReviews(events: StoredEvent[], reviews: Map<string, Review>): ApiEvent[] {
  return events.map((e) => {
    const r = reviews.get(reviewKey(e.articleId, e.index));
    return { ...e, reviewed: r !== undefined, reviewStatus: r?.verdict ?? null, review: r ? { ...r, stale: r.evidence !== e.evidence || r.originalCameo !== e.cameo } : null };
  });
}

const caches = new WeakMap<ApiDeps, EventCache>();

/** The event cache of one application (one per dependency set). */
export function eventCacheOf(deps: ApiDeps): EventCache {
  let c = caches.get(deps);
  if (!c) caches.set(deps, (c = new EventCache()));
  return c;
}

/** Events for the aggregates: every match of the filters, rejected events left out, cached until the store changes. */
export class EventCache {
  private readonly entries = new Map<string, StoredEvent[]>();
  private version = '';

  /** Creates a cache holding at most `size` filter sets. */
  constructor(private readonly size = 16) {}

  /** The events matching `query` (no paging), without those an analyst rejected. */
  async load(deps: ApiDeps, query: EventQuery): Promise<StoredEvent[]> {
    const counts = await deps.store.counts();
    const reviews = await deps.reviews.listReviews({ limit: 1 });
    const version = `${counts.articles}/${counts.events}/${reviews[0]?.at ?? ''}`;
    if (version !== this.version) {
      this.entries.clear();
      this.version = version;
    }
    const key = JSON.stringify(query);
    const hit = this.entries.get(key);
    if (hit) return hit;
    const rejected = new Set((await deps.reviews.listReviews()).filter((r) => r.verdict === 'reject').map((r) => reviewKey(r.articleId, r.eventIndex)));
    const events = (await queryEvents(deps, query)).filter((e) => !rejected.has(reviewKey(e.articleId, e.index)));
    if (this.entries.size >= this.size) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, events);
    return events;
  }
}
