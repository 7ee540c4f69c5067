// The API's routes: thin handlers over the Store, the review store and the aggregates.
import type { AnalysisRecord } from '../store/types.js';
import { EventIndex, listEvent } from './event-index.js';
import type { ApiDeps } from './route.js';
import { HttpError, defineRoute, type Route } from './route.js';
import * as s from './schemas.js';
import { apiReview, eventCacheOf, queryEvents, reviewMap, type ApiReview } from './events.js';
import { dailyByDyad, escalationIndex, listActors, listDyads, timelineByQuad } from './aggregates.js';
import { fromText } from '../ingest/text.js';
import { contentHash } from '../store/rows.js';
import { readInputs } from '../ingest/inputs.js';
import { InputError } from '../errors.js';
import type { RawArticle } from '../model/types.js';
import { VIEW_ROUTES } from './api-views.js';
import { URL_REFUSED, safeFetcher, type FetchedPage } from './safe-fetch.js';

const DEFAULT_LIMIT = 100;

/** A page of a list, with whether more follow. */
export interface ListPage<T> {
  items: T[];
  limit: number;
  offset: number;
  more: boolean;
}

/** Slices one page out of a whole list. */
export function pageOf<T>(all: T[], limit = DEFAULT_LIMIT, offset = 0): ListPage<T> {
  return { items: all.slice(offset, offset + limit), limit, offset, more: all.length > offset + limit };
}

/** The stored record of an article: the injected lookup when given, else the store's. */
function findRecord(deps: ApiDeps, id: string): Promise<AnalysisRecord | null> {
  return deps.getRecord ? deps.getRecord(id) : deps.store.getRecord(id);
}

const eventCache = eventCacheOf;

/** One page of a list: asks for one item more than the page holds to know whether more follow. */
async function fetchPage<T>(query: { limit?: number; offset?: number }, fetch: (page: { limit: number; offset: number }) => Promise<T[]>) {
  const limit = query.limit ?? DEFAULT_LIMIT;
  const offset = query.offset ?? 0;
  const items = await fetch({ limit: limit + 1, offset });
  return { items: items.slice(0, limit), limit, offset, more: items.length > limit };
}

const listArticles = defineRoute({
  method: 'get', path: '/api/articles', summary: 'Stored articles, in the order they were stored.', access: 'read', query: s.articlesQuery,
  returns: 'A page of articles (id, title, published, source, url, events, ...).',
  handle: async ({ query }, deps) => ({ json: await fetchPage(query, (page) => deps.store.listArticles(page)) }),
});

const getArticle = defineRoute({
  method: 'get', path: '/api/articles/{id}', summary: 'The full analysis record of one article, with its reviews.', access: 'read', params: s.articleParams,
  returns: 'The analysis record (article, text, mentions, times, events, quotes, attributions, flags) plus `reviews`.',
  handle: async ({ params }, deps) => {
    const record = await findRecord(deps, params.id);
    if (!record) throw new HttpError(404, `no article with id "${params.id}" is stored.`);
    return { json: { ...record, reviews: await deps.reviews.listReviews({ articleId: params.id }) } };
  },
});

const postArticle = defineRoute({
  method: 'post', path: '/api/articles', summary: 'Analyse an article (its text, or a URL the server fetches) and store it (needs the write token).',
  access: 'write', body: s.articleBody, maxBody: 2_000_000,
  returns: '`{ id, stored, events }`: 201 when stored, 200 when the article was already stored. A `url` is fetched only from public addresses (400 otherwise), '
    + 'over http(s), at most 5 redirects (each re-checked), 5 MB and 10 s (422 when the page cannot be had).',
  handle: async ({ body }, deps) => {
    const analyze = deps.analyze;
    if (!analyze) throw new HttpError(501, 'this server does not analyse articles.');
    const raw = await rawArticleOf(body, deps);
    let record: AnalysisRecord;
    try {
      record = analyze(raw);
    } catch (err) {
      if (err instanceof InputError) throw new HttpError(422, err.message);
      throw err;
    }
    const saved = await deps.store.saveAnalysis({ record, contentHash: contentHash(raw.body), pipelineVersion: deps.pipelineVersion });
    return { status: saved.stored ? 201 : 200, json: { id: raw.article.id, ...saved } };
  },
});

/** The posted article: its text, else the page at its URL read by the ingest readers (422 when it cannot be read). */
async function rawArticleOf(body: s.ArticleBody, deps: ApiDeps): Promise<RawArticle> {
  if (body.text !== undefined) return fromText(body.text, { source: body.url ?? 'api', id: body.id, title: body.title, published: body.published, url: body.url });
  const url = body.url!;
  for await (const item of readInputs([url], { published: body.published ?? null, fetchUrl: deps.fetchUrl ?? fetcherOf(deps) })) {
    if (item.error) throw new HttpError(item.error.code === URL_REFUSED ? 400 : 422, item.error.message);
    if (!item.raw.body.trim()) throw new HttpError(422, `${url}: the page holds no article text.`);
    const article = { ...item.raw.article, ...(body.id ? { id: body.id } : {}), ...(body.title ? { title: body.title } : {}) };
    return { ...item.raw, article };
  }
  throw new HttpError(422, `${url}: nothing could be read.`);
}

const fetchers = new WeakMap<ApiDeps, (url: string) => Promise<FetchedPage>>();

/** The guarded fetch of posted URLs for the application's options (refused addresses: InputError "url-refused"). */
function fetcherOf(deps: ApiDeps): (url: string) => Promise<FetchedPage> {
  let f = fetchers.get(deps);
  if (!f) fetchers.set(deps, (f = safeFetcher(deps.urlFetch)));
  return f;
}

const listEvents = defineRoute({
  method: 'get', path: '/api/events', summary: 'Events matching every filter, by day (undated last) then id.', access: 'read', query: s.eventsQuery,
  returns: 'A page of events in list form (`pipelineVersion`, `addedAt`, `published` and `sentence` only at /api/events/{id}), each with its article, codes, evidence and latest review.',
  handle: async ({ query }, deps) => {
    const { limit = DEFAULT_LIMIT, offset = 0, ...filters } = query;
    const table = await eventIndexOf(deps).current(deps);
    const reviews = await reviewMap(deps);
    if (!table) {
      const rows = await queryEvents(deps, { ...filters, limit: limit + 1, offset });
      const items = rows.slice(0, limit).map((e) => ({ ...listEvent(e), ...reviewFields(apiReview(e, reviews)) }));
      return { json: { items, limit, offset, more: rows.length > limit } };
    }
    // Built as text: each unreviewed event's JSON is serialised once per store generation and reused.
    const page = table.positions(filters, limit, offset);
    const items = page.positions.map((i) => {
      const review = reviews.size ? apiReview(table.events[i], reviews) : null;
      return review ? JSON.stringify({ ...listEvent(table.events[i]), ...reviewFields(review) }) : table.unreviewedJson(i);
    });
    return { raw: `{"items":[${items.join(',')}],"limit":${limit},"offset":${offset},"more":${page.more}}` };
  },
});

const getEvent = defineRoute({
  method: 'get', path: '/api/events/{id}', summary: 'One event whole, with its latest review.', access: 'read', params: s.eventParams,
  returns: 'The stored event (every field, with `pipelineVersion`, `addedAt`, `published`, `sentence`) plus `reviewed`, `reviewStatus` and `review`.',
  handle: async ({ params }, deps) => {
    const table = await eventIndexOf(deps).current(deps);
    const event = table ? table.get(params.id) : (await queryEvents(deps, { afterId: params.id - 1, limit: 1 })).find((e) => e.id === params.id);
    if (!event) throw new HttpError(404, `no event with id ${params.id} is stored.`);
    return { json: { ...event, ...reviewFields(apiReview(event, await reviewMap(deps))) } };
  },
});

/** The review fields every event of the API carries. */
function reviewFields(review: ApiReview | null): { reviewed: boolean; reviewStatus: ApiReview['verdict'] | null; review: ApiReview | null } {
  return { reviewed: review !== null, reviewStatus: review?.verdict ?? null, review };
}

const indexes = new WeakMap<ApiDeps, EventIndex>();
const eventIndexOf = (deps: ApiDeps): EventIndex => {
  let index = indexes.get(deps);
  if (!index) indexes.set(deps, (index = new EventIndex()));
  return index;
};

/** Loads the in-memory event index of the application now, so that the first events list does not wait for it. */
export async function warmEventIndex(deps: ApiDeps): Promise<void> {
  await eventIndexOf(deps).current(deps);
}

const search = defineRoute({
  method: 'get', path: '/api/search', summary: 'Full-text search of titles and texts (every word, stemmed), best first.', access: 'read', query: s.searchQuery,
  returns: 'A page of articles.',
  handle: async ({ query }, deps) => ({ json: await fetchPage(query, (page) => deps.store.searchArticles(query.q, page)) }),
});

const dyads = defineRoute({
  method: 'get', path: '/api/dyads', summary: 'Directed dyads (source country - target country) with event counts and Goldstein sums.', access: 'read', query: s.dyadsQuery,
  returns: 'A page of dyads, most events first.',
  handle: async ({ query }, deps) => ({ json: pageOf(listDyads(await eventCache(deps).load(deps, { from: query.from, to: query.to })), query.limit, query.offset) }),
});

const actors = defineRoute({
  method: 'get', path: '/api/actors', summary: 'Actors on events, with how often each acts and is acted on.', access: 'read', query: s.dyadsQuery,
  returns: 'A page of actors, busiest first.',
  handle: async ({ query }, deps) => ({ json: pageOf(listActors(await eventCache(deps).load(deps, { from: query.from, to: query.to })), query.limit, query.offset) }),
});

const daily = defineRoute({
  method: 'get', path: '/api/aggregates/daily', summary: 'Events and Goldstein sums per day per dyad.', access: 'read', query: s.dailyQuery,
  returns: 'A page of `{ day, dyad, events, goldstein, quads }` rows by day then dyad.',
  handle: async ({ query }, deps) => ({ json: pageOf(dailyByDyad(await eventCache(deps).load(deps, { dyad: query.dyad, from: query.from, to: query.to })), query.limit ?? 1000, query.offset) }),
});

const timeline = defineRoute({
  method: 'get', path: '/api/aggregates/timeline', summary: 'Events per day per quad class.', access: 'read', query: s.timelineQuery,
  returns: '`{ items: [{ day, quads: [q1, q2, q3, q4] }] }` by day.',
  handle: async ({ query }, deps) => ({ json: { items: timelineByQuad(await eventCache(deps).load(deps, query)) } }),
});

const escalation = defineRoute({
  method: 'get', path: '/api/escalation', summary: 'The escalation index of one dyad, per day (formula in the README).', access: 'read', query: s.escalationQuery,
  returns: '`{ dyad, halfLife, threshold, items: [{ day, events, pressure, index, crossed }] }`.',
  handle: async ({ query }, deps) => {
    const halfLife = query.halfLife ?? 7;
    const threshold = query.threshold ?? 10;
    const events = await eventCache(deps).load(deps, { dyad: query.dyad });
    const items = escalationIndex(events, { halfLife, threshold, from: query.from, to: query.to });
    return { json: { dyad: query.dyad.toUpperCase(), halfLife, threshold, items } };
  },
});

const review = defineRoute({
  method: 'post', path: '/api/articles/{id}/events/{index}/review', summary: 'Confirm, reject or correct one event (needs the write token).', access: 'write',
  params: s.reviewParams, body: s.reviewBody, maxBody: 16_384,
  returns: 'The stored review (201).',
  handle: async ({ params, body }, deps) => {
    const record = await findRecord(deps, params.id);
    if (!record) throw new HttpError(404, `no article with id "${params.id}" is stored.`);
    const event = record.events[params.index];
    if (!event) throw new HttpError(404, `article "${params.id}" has no event ${params.index} (it has ${record.events.length}).`);
    const saved = await deps.reviews.saveReview({
      articleId: params.id, eventIndex: params.index, verdict: body.verdict, cameo: body.cameo, source: body.source, target: body.target,
      date: body.date, note: body.note, reviewer: body.reviewer ?? 'analyst', evidence: event.evidence, originalCameo: event.cameo,
    });
    return { status: 201, json: saved };
  },
});

const reviews = defineRoute({
  method: 'get', path: '/api/reviews', summary: 'Reviews, newest first.', access: 'read', query: s.reviewsQuery,
  returns: 'A page of reviews.',
  handle: async ({ query }, deps) => ({ json: await fetchPage(query, (page) => deps.reviews.listReviews({ articleId: query.article, ...page })) }),
});

/** Every API route, in the order they are documented. */
export const API_ROUTES: readonly Route[] = [listArticles, getArticle, postArticle, listEvents, getEvent, search, dyads, actors, daily, timeline, escalation, ...VIEW_ROUTES, review, reviews];
