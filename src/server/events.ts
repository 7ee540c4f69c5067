// Loading events for the API: text filtering, review status, and a small cache for the aggregates.
import type { EventQuery, StoredEvent } from '../store/types.js';
import { reviewKey, type Review, type Verdict } from '../store/reviews.js';
import { eventHasText } from '../store/rows.js';
import type { ApiDeps } from './route.js';
import { StoreError } from '../errors.js';
import { HttpError } from './route.js';

/** The latest review of an event as the API gives it: stale when the event's evidence or code changed since. */
export type ApiReview = Review & { stale: boolean };

/** A stored event with the latest review of it, if any, and whether a person reviewed it. */
export type ApiEvent = StoredEvent & {
  /** True when an analyst confirmed, rejected or corrected the event. */
  reviewed: boolean;
  /** The verdict of the latest review, or null when no one reviewed it. */
  reviewStatus: Verdict | null;
  review: ApiReview | null;
};

/** True when every word of `text` appears in the evidence or an actor name (case-insensitive). */
export function matchesText(e: StoredEvent, text: string): boolean {
  return eventHasText(e, text);
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

/** Every review by article and event index, with the keys of the rejected events, as of one reviews generation. */
export interface ReviewSnapshot {
  generation: string;
  byEvent: Map<string, Review>;
  rejected: Set<string>;
}

const snapshots = new WeakMap<ApiDeps, Promise<ReviewSnapshot>>();

/** The reviews of the application's review store, read again only when its generation changes. */
export async function reviewSnapshot(deps: ApiDeps): Promise<ReviewSnapshot> {
  const generation = await deps.reviews.generation();
  const cached = snapshots.get(deps);
  if (cached) {
    const snap = await cached;
    if (snap.generation === generation) return snap;
  }
  const fresh = deps.reviews.listReviews().then((all): ReviewSnapshot => ({
    generation,
    byEvent: new Map(all.map((r) => [reviewKey(r.articleId, r.eventIndex), r])),
    rejected: new Set(all.filter((r) => r.verdict === 'reject').map((r) => reviewKey(r.articleId, r.eventIndex))),
  }));
  snapshots.set(deps, fresh);
  fresh.catch(() => snapshots.delete(deps));
  return fresh;
}

/** Every review by article and event index. */
export async function reviewMap(deps: ApiDeps): Promise<Map<string, Review>> {
  return (await reviewSnapshot(deps)).byEvent;
}

/** The review of one event as the API gives it (stale when made against other evidence or another code), or null. */
export function apiReview(e: StoredEvent, reviews: Map<string, Review>): ApiReview | null {
  const r = reviews.get(reviewKey(e.articleId, e.index));
  return r ? { ...r, stale: r.evidence !== e.evidence || r.originalCameo !== e.cameo } : null;
}

/** The events with their reviews attached; a review made against other evidence or another code is marked stale. */
export function withReviews(events: StoredEvent[], reviews: Map<string, Review>): ApiEvent[] {
  return events.map((e) => {
    const review = apiReview(e, reviews);
    return { ...e, reviewed: review !== null, reviewStatus: review?.verdict ?? null, review };
  });
}

const caches = new WeakMap<ApiDeps, EventCache>();

/** The event cache of one application (one per dependency set). */
export function eventCacheOf(deps: ApiDeps): EventCache {
  let c = caches.get(deps);
  if (!c) caches.set(deps, (c = new EventCache()));
  return c;
}

/** Events for the aggregates: every match of the filters, rejected events left out, cached until the store or the reviews change. */
export class EventCache {
  private readonly entries = new Map<string, StoredEvent[]>();
  private version = '';

  /** Creates a cache holding at most `size` filter sets. */
  constructor(private readonly size = 16) {}

  /** The events matching `query` (no paging), without those an analyst rejected. */
  async load(deps: ApiDeps, query: EventQuery): Promise<StoredEvent[]> {
    const reviews = await reviewSnapshot(deps);
    const version = `${await deps.store.generation()}/${reviews.generation}`;
    if (version !== this.version) {
      this.entries.clear();
      this.version = version;
    }
    const key = JSON.stringify(query);
    const hit = this.entries.get(key);
    if (hit) return hit;
    const events = (await queryEvents(deps, query)).filter((e) => !reviews.rejected.has(reviewKey(e.articleId, e.index)));
    if (this.entries.size >= this.size) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, events);
    return events;
  }
}
