// Every stored event in memory, in list order (day, then id), with postings per filter: filtered event lists in well under a millisecond.
import type { EventQuery, StoredEvent } from '../store/types.js';
import type { ApiDeps } from './route.js';

/** The events-list filters the index answers (the store's, plus words in the evidence or names). */
export type IndexQuery = Pick<EventQuery, 'actor' | 'dyad' | 'from' | 'to' | 'root' | 'quad' | 'modality'> & { text?: string };

/** Stores holding more events than this are queried directly instead of indexed in memory. */
export const MAX_INDEXED_EVENTS = 1_000_000;

type Postings = Map<string, number[]>;
/** Positions in list order: a posting list or a run of positions. */
type Candidates = { length: number; get(k: number): number };

const listOf = (l: number[] | undefined): Candidates => ({ length: l?.length ?? 0, get: (k) => l![k] });

const push = (map: Postings, key: string | null | undefined, pos: number): void => {
  if (key === null || key === undefined) return;
  const list = map.get(key);
  if (list === undefined) map.set(key, [pos]);
  else if (list[list.length - 1] !== pos) list.push(pos);
};

/** The events of one store version, sorted like the store's list, with their postings. */
export class EventTable {
  readonly events: StoredEvent[];
  private readonly hay: string[];
  private readonly byCountry: Postings = new Map();
  private readonly byActor: Postings = new Map();
  private readonly byName: Postings = new Map();
  private readonly byDyad: Postings = new Map();
  private readonly byRoot: Postings = new Map();
  /** Positions of the first event with no day (nulls sort last). */
  private readonly dated: number;

  /** Sorts `events` by day (no day last) then id and indexes them. */
  constructor(events: StoredEvent[]) {
    this.events = [...events].sort((a, b) => (a.day === null ? 1 : 0) - (b.day === null ? 1 : 0) || (a.day ?? '').localeCompare(b.day ?? '') || a.id - b.id);
    this.hay = this.events.map((e) => `${e.evidence}\u0000${e.source.name}\u0000${e.target?.name ?? ''}`.toLowerCase());
    this.events.forEach((e, i) => {
      push(this.byCountry, e.source.country, i);
      push(this.byCountry, e.target?.country, i);
      push(this.byActor, e.source.actor, i);
      push(this.byActor, e.target?.actor, i);
      push(this.byName, e.source.name.toLowerCase(), i);
      push(this.byName, e.target?.name.toLowerCase(), i);
      if (e.source.country && e.target?.country) push(this.byDyad, `${e.source.country}-${e.target.country}`, i);
      push(this.byRoot, e.root, i);
    });
    const firstUndated = this.events.findIndex((e) => e.day === null);
    this.dated = firstUndated < 0 ? this.events.length : firstUndated;
  }

  /** One page of the events matching every filter, and whether more follow. */
  query(q: IndexQuery, limit: number, offset: number): { rows: StoredEvent[]; more: boolean } {
    const candidates = this.candidates(q);
    const test = this.predicate(q);
    const rows: StoredEvent[] = [];
    let seen = 0;
    for (let k = 0; k < candidates.length; k++) {
      const i = candidates.get(k);
      if (!test(i)) continue;
      if (seen++ < offset) continue;
      if (rows.length === limit) return { rows, more: true };
      rows.push(this.events[i]);
    }
    return { rows, more: false };
  }

  /** The shortest list of positions that holds every match, in order. */
  private candidates(q: IndexQuery): Candidates {
    const [lo, hi] = this.dayRange(q.from, q.to);
    const lists: Candidates[] = [{ length: Math.max(0, hi - lo), get: (k) => lo + k }];
    if (q.dyad) lists.push(listOf(this.byDyad.get(q.dyad.toUpperCase())));
    if (q.root) lists.push(listOf(this.byRoot.get(q.root.padStart(2, '0'))));
    if (q.actor) lists.push(listOf(this.actorPositions(q.actor)));
    return lists.reduce((best, l) => (l.length < best.length ? l : best));
  }

  private actorPositions(actor: string): number[] {
    const needle = actor.toLowerCase();
    const lists = [this.byActor.get(actor), this.byCountry.get(actor.toUpperCase())];
    for (const [name, list] of this.byName) if (name.includes(needle)) lists.push(list);
    const present = lists.filter((l): l is number[] => l !== undefined);
    if (present.length === 1) return present[0];
    return [...new Set(present.flat())].sort((a, b) => a - b);
  }

  /** Positions [lo, hi) of the events whose day lies in from..to (every event when neither is given). */
  private dayRange(from?: string, to?: string): [number, number] {
    if (!from && !to) return [0, this.events.length];
    const bound = (day: string, after: boolean): number => {
      let [a, b] = [0, this.dated];
      while (a < b) {
        const m = (a + b) >> 1;
        const d = this.events[m].day!;
        if (d < day || (after && d === day)) a = m + 1;
        else b = m;
      }
      return a;
    };
    return [from ? bound(from, false) : 0, to ? bound(to, true) : this.dated];
  }

  private predicate(q: IndexQuery): (i: number) => boolean {
    const tests: ((e: StoredEvent, i: number) => boolean)[] = [];
    if (q.actor) {
      const [id, code, needle] = [q.actor, q.actor.toUpperCase(), q.actor.toLowerCase()];
      tests.push((e) => e.source.actor === id || e.target?.actor === id || e.source.country === code || e.target?.country === code
        || e.source.name.toLowerCase().includes(needle) || (e.target?.name.toLowerCase().includes(needle) ?? false));
    }
    if (q.dyad) {
      const [s, t] = q.dyad.toUpperCase().split('-');
      tests.push((e) => e.source.country === s && e.target?.country === t);
    }
    if (q.from) tests.push((e) => e.day !== null && e.day >= q.from!);
    if (q.to) tests.push((e) => e.day !== null && e.day <= q.to!);
    if (q.root) tests.push((e) => e.root === q.root!.padStart(2, '0'));
    if (q.quad !== undefined) tests.push((e) => e.quad === q.quad);
    if (q.modality) tests.push((e) => e.modality === q.modality);
    if (q.text) {
      const t = q.text.toLowerCase();
      tests.push((_, i) => this.hay[i].includes(t));
    }
    return (i) => tests.every((test) => test(this.events[i], i));
  }
}

/** The event table of a store, reloaded when the store's counts change (new events are read incrementally). */
export class EventIndex {
  private table: EventTable | null = null;
  private version = '';
  private loading: Promise<EventTable | null> | null = null;

  /** The current table, or null when the store is too large to hold in memory. */
  async current(deps: ApiDeps): Promise<EventTable | null> {
    const c = await deps.store.counts();
    const version = `${c.articles}/${c.events}`;
    if (version === this.version && this.table) return this.table;
    if (c.events > MAX_INDEXED_EVENTS) return null;
    this.loading ??= this.reload(deps, version, c.events).finally(() => {
      this.loading = null;
    });
    return this.loading;
  }

  private async reload(deps: ApiDeps, version: string, total: number): Promise<EventTable> {
    const old = this.table?.events ?? [];
    const maxId = old.reduce((m, e) => Math.max(m, e.id), 0);
    const added = old.length ? await deps.store.queryEvents({ afterId: maxId }) : [];
    const events = old.length && old.length + added.length === total ? [...old, ...added] : await deps.store.queryEvents({});
    this.table = new EventTable(events);
    this.version = version;
    return this.table;
  }
}
