// The API's views over many events and records: the actor network, event locations, quotes and flags.
import type { StoredEvent } from '../store/types.js';
import type { ApiDeps } from './route.js';
import { defineRoute, type Route } from './route.js';
import * as s from './schemas.js';
import { eventCacheOf, matchesText } from './events.js';
import { buildNetwork } from './network.js';
import { groupLocations } from './locations.js';
import { PartsCache, spokenBy } from './records.js';

const DEFAULT_LIMIT = 100;

type Filters = Pick<s.EventsQuery, 'actor' | 'dyad' | 'from' | 'to' | 'root' | 'quad' | 'modality' | 'text'>;

/** The events matching the events-list filters, rejected ones left out (cached like the aggregates). */
async function filteredEvents(deps: ApiDeps, query: Filters): Promise<StoredEvent[]> {
  const { actor, dyad, from, to, root, quad, modality, text } = query;
  const events = await eventCacheOf(deps).load(deps, { actor, dyad, from, to, root, quad, modality });
  return text ? events.filter((e) => matchesText(e, text)) : events;
}

function page<T>(all: T[], limit = DEFAULT_LIMIT, offset = 0): { items: T[]; limit: number; offset: number; more: boolean; total: number } {
  return { items: all.slice(offset, offset + limit), limit, offset, more: all.length > offset + limit, total: all.length };
}

const network = defineRoute({
  method: 'get', path: '/api/network', summary: 'Who acts on whom: nodes and directed edges weighted by event count, with mean Goldstein.', access: 'read', query: s.networkQuery,
  returns: '`{ by, nodes: [{ key, name, country, events, goldstein }], edges: [{ source, target, events, goldstein, quads }], omitted: { nodes, edges } }`.',
  handle: async ({ query }, deps) => {
    const by = query.by ?? 'actor';
    return { json: { by, ...buildNetwork(await filteredEvents(deps, query), { by, maxNodes: query.nodes ?? 40 }) } };
  },
});

const locations = defineRoute({
  method: 'get', path: '/api/locations', summary: 'Places of the matching events with coordinates, busiest first.', access: 'read', query: s.locationsQuery,
  returns: 'A page of `{ name, country, lat, lon, events, goldstein, quads, first, last }`, plus `unplaced`: events with no coordinates.',
  handle: async ({ query }, deps) => {
    const { items, unplaced } = groupLocations(await filteredEvents(deps, query));
    return { json: { ...page(items, query.limit, query.offset), unplaced } };
  },
});

const partsCaches = new WeakMap<ApiDeps, PartsCache>();
const partsOf = (deps: ApiDeps): PartsCache => {
  let c = partsCaches.get(deps);
  if (!c) partsCaches.set(deps, (c = new PartsCache()));
  return c;
};

const quotes = defineRoute({
  method: 'get', path: '/api/quotes', summary: 'Quotations in stored articles, in store order.', access: 'read', query: s.quotesQuery,
  returns: 'A page of `{ articleId, index, start, end, text, speaker, actor, kind }`.',
  handle: async ({ query }, deps) => {
    const all = (await partsOf(deps).load(deps, query.article)).quotes
      .filter((q) => (!query.kind || q.kind === query.kind) && (!query.speaker || spokenBy(q, query.speaker)));
    return { json: page(all, query.limit, query.offset) };
  },
});

const flags = defineRoute({
  method: 'get', path: '/api/flags', summary: 'Claims flagged against the knowledge base, in store order.', access: 'read', query: s.flagsQuery,
  returns: 'A page of `{ articleId, index, start, end, kind, text, message, expected }`.',
  handle: async ({ query }, deps) => {
    const all = (await partsOf(deps).load(deps, query.article)).flags.filter((f) => !query.kind || f.kind === query.kind);
    return { json: page(all, query.limit, query.offset) };
  },
});

/** The view routes, in the order they are documented. */
export const VIEW_ROUTES: readonly Route[] = [network, locations, quotes, flags];
