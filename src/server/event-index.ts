// Every stored event in memory, in list order (day, then id), with postings per filter: filtered event lists in well under a millisecond.
import type { EventQuery, StoredEvent } from '../store/types.js';
import { textWords } from '../store/rows.js';
import type { ApiDeps } from './route.js';

/** The events-list filters the index answers (the store's, plus words in the evidence or names). */
export type IndexQuery = Pick<EventQuery, 'actor' | 'dyad' | 'from' | 'to' | 'root' | 'quad' | 'modality' | 'text'>;

/** Stores holding more events than this are queried directly instead of indexed in memory. */
export const MAX_INDEXED_EVENTS = 1_000_000;

/** Characters of list JSON kept per table (about 64 MB): beyond it, rows are serialised on each request. */
const MAX_JSON_CHARS = 32_000_000;

/** An event as the events list gives it: the stored event without the fields only its detail needs. */
export type ListEvent = Omit<StoredEvent, 'pipelineVersion' | 'addedAt' | 'published' | 'sentence'>;

/** The list form of an event (GET /api/events/{id} gives the whole event). */
export function listEvent(e: StoredEvent): ListEvent {
  const { pipelineVersion: _v, addedAt: _a, published: _p, sentence: _s, ...rest } = e;
  return rest;
}

type Postings = Map<string, number[]>;
/** Positions in list order: a posting list or a run of positions, and the filter it already satisfies. */
type Candidates = { length: number; get(k: number): number; covers?: 'range' | 'dyad' | 'root' | 'actor' };

/** Small whole numbers for repeated strings (countries, actor ids, codes): the filters compare numbers in typed arrays. */
class Interner {
  private readonly ids = new Map<string, number>();
  /** The number of `value` (-1 for null), given a new one when unseen. */
  add(value: string | null | undefined): number {
    if (value === null || value === undefined) return -1;
    let id = this.ids.get(value);
    if (id === undefined) this.ids.set(value, (id = this.ids.size));
    return id;
  }
  /** The number of `value`, or -2 (matching nothing) when unseen. */
  find(value: string): number {
    return this.ids.get(value) ?? -2;
  }
}

/** A day as a sortable number: 2022-01-20 is 20220120; a partial day sorts before its first full day, as strings do. */
const dayNumber = (day: string): number => Number(day.slice(0, 10).replace(/-/g, '').padEnd(8, '0'));

const listOf = (l: ArrayLike<number> | undefined): Candidates => ({ length: l?.length ?? 0, get: (k) => l![k] });

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
  /** Source and target names, lower-cased, joined by a NUL: what an actor filter's name part searches. */
  private readonly names: string[];
  private readonly byCountry: Postings = new Map();
  private readonly byActor: Postings = new Map();
  private readonly byName: Postings = new Map();
  private readonly byDyad: Postings = new Map();
  private readonly byRoot: Postings = new Map();
  /** Positions of the first event with no day (nulls sort last). */
  private readonly dated: number;
  /** Positions of the events of an actor filter, by filter text (the union of several posting lists is worth keeping). */
  private readonly actorCache = new Map<string, ArrayLike<number>>();
  /** The list JSON of each event served so far (as unreviewed), by position. */
  private readonly json: (string | undefined)[] = [];
  private jsonChars = 0;
  /** Positions by event id. */
  private byId: Map<number, number> | null = null;
  /** Per position, the fields the filters test, as numbers (events are scattered objects; these are contiguous). */
  private readonly col: { day: Int32Array; quad: Uint8Array; modality: Int32Array; root: Int32Array; sc: Int32Array; tc: Int32Array; sa: Int32Array; ta: Int32Array };
  private readonly countries = new Interner();
  private readonly actorIds = new Interner();
  private readonly codes = new Interner();

  /** Sorts `events` by day (no day last) then id and indexes them. */
  constructor(events: StoredEvent[]) {
    // Days are ASCII YYYY-MM-DD: compared as strings (localeCompare would cost a collator call per comparison).
    const byDay = (a: string | null, b: string | null): number => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1);
    this.events = [...events].sort((a, b) => byDay(a.day, b.day) || a.id - b.id);
    this.names = this.events.map((e) => `${e.source.name}\u0000${e.target?.name ?? ''}`.toLowerCase());
    this.hay = this.events.map((e, i) => `${e.evidence.toLowerCase()}\u0000${this.names[i]}`);
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
    const n = this.events.length;
    this.col = { day: new Int32Array(n), quad: new Uint8Array(n), modality: new Int32Array(n), root: new Int32Array(n), sc: new Int32Array(n), tc: new Int32Array(n), sa: new Int32Array(n), ta: new Int32Array(n) };
    this.events.forEach((e, i) => {
      const c = this.col;
      c.day[i] = e.day === null ? -1 : dayNumber(e.day);
      c.quad[i] = e.quad;
      c.modality[i] = this.codes.add(e.modality);
      c.root[i] = this.codes.add(e.root);
      c.sc[i] = this.countries.add(e.source.country);
      c.tc[i] = this.countries.add(e.target?.country);
      c.sa[i] = this.actorIds.add(e.source.actor);
      c.ta[i] = this.actorIds.add(e.target?.actor);
    });
  }

  /** One page of the events matching every filter, and whether more follow. */
  query(q: IndexQuery, limit: number, offset: number): { rows: StoredEvent[]; more: boolean } {
    const { positions, more } = this.positions(q, limit, offset);
    return { rows: positions.map((i) => this.events[i]), more };
  }

  /** Positions of one page of the events matching every filter, and whether more follow. */
  positions(q: IndexQuery, limit: number, offset: number): { positions: number[]; more: boolean } {
    const candidates = this.candidates(q);
    const test = this.predicate(q, candidates.covers);
    const positions: number[] = [];
    let seen = 0;
    for (let k = 0; k < candidates.length; k++) {
      const i = candidates.get(k);
      if (!test(i)) continue;
      if (seen++ < offset) continue;
      if (positions.length === limit) return { positions, more: true };
      positions.push(i);
    }
    return { positions, more: false };
  }

  /** The list JSON of the event at `position` as it stands when no one reviewed it, serialised once. */
  unreviewedJson(position: number): string {
    const cached = this.json[position];
    if (cached !== undefined) return cached;
    const text = JSON.stringify({ ...listEvent(this.events[position]), reviewed: false, reviewStatus: null, review: null });
    if (this.jsonChars < MAX_JSON_CHARS) {
      this.json[position] = text;
      this.jsonChars += text.length;
    }
    return text;
  }

  /** The event with this id, or undefined. */
  get(id: number): StoredEvent | undefined {
    this.byId ??= new Map(this.events.map((e, i) => [e.id, i]));
    const i = this.byId.get(id);
    return i === undefined ? undefined : this.events[i];
  }

  /** The shortest list of positions that holds every match, in order. */
  private candidates(q: IndexQuery): Candidates {
    const [lo, hi] = this.dayRange(q.from, q.to);
    const lists: Candidates[] = [{ length: Math.max(0, hi - lo), get: (k) => lo + k, covers: 'range' }];
    if (q.dyad) lists.push({ ...listOf(this.byDyad.get(q.dyad.toUpperCase())), covers: 'dyad' });
    if (q.root) lists.push({ ...listOf(this.byRoot.get(q.root.padStart(2, '0'))), covers: 'root' });
    if (q.actor) lists.push({ ...listOf(this.actorPositions(q.actor)), covers: 'actor' });
    return lists.reduce((best, l) => (l.length < best.length ? l : best));
  }

  private actorPositions(actor: string): ArrayLike<number> {
    const hit = this.actorCache.get(actor);
    if (hit) return hit;
    const needle = actor.toLowerCase();
    const lists = [this.byActor.get(actor), this.byCountry.get(actor.toUpperCase())];
    for (const [name, list] of this.byName) if (name.includes(needle)) lists.push(list);
    const present = lists.filter((l): l is number[] => l !== undefined);
    const union = present.length === 1 ? present[0] : unionOf(present);
    if (this.actorCache.size >= 512) this.actorCache.delete(this.actorCache.keys().next().value!);
    this.actorCache.set(actor, union);
    return union;
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

  /** The test of every filter the candidates do not already satisfy, on the typed columns. */
  private predicate(q: IndexQuery, covered: Candidates['covers']): (i: number) => boolean {
    const c = this.col;
    const tests: ((i: number) => boolean)[] = [];
    if (q.actor && covered !== 'actor') {
      const [id, code, needle] = [this.actorIds.find(q.actor), this.countries.find(q.actor.toUpperCase()), q.actor.toLowerCase()];
      tests.push((i) => c.sa[i] === id || c.ta[i] === id || c.sc[i] === code || c.tc[i] === code || this.names[i].includes(needle));
    }
    if (q.dyad && covered !== 'dyad') {
      const [s, t] = q.dyad.toUpperCase().split('-').map((x) => this.countries.find(x));
      tests.push((i) => c.sc[i] === s && c.tc[i] === t);
    }
    if (covered !== 'range') {
      const [from, to] = [q.from ? dayNumber(q.from) : null, q.to ? dayNumber(q.to) : null];
      if (from !== null) tests.push((i) => c.day[i] >= from);
      if (to !== null) tests.push((i) => c.day[i] !== -1 && c.day[i] <= to);
    }
    if (q.root && covered !== 'root') {
      const root = this.codes.find(q.root.padStart(2, '0'));
      tests.push((i) => c.root[i] === root);
    }
    if (q.quad !== undefined) {
      const quad = q.quad;
      tests.push((i) => c.quad[i] === quad);
    }
    if (q.modality) {
      const modality = this.codes.find(q.modality);
      tests.push((i) => c.modality[i] === modality);
    }
    const words = textWords(q.text);
    if (words.length) tests.push((i) => words.every((w) => this.hay[i].includes(w)));
    const n = tests.length;
    return (i) => {
      for (let k = 0; k < n; k++) if (!tests[k](i)) return false;
      return true;
    };
  }
}

/** Sorted union of sorted posting lists. */
function unionOf(lists: number[][]): Int32Array {
  const all = new Int32Array(lists.reduce((n, l) => n + l.length, 0));
  let k = 0;
  for (const l of lists) for (const p of l) all[k++] = p;
  all.sort();
  let n = 0;
  for (let j = 0; j < all.length; j++) if (j === 0 || all[j] !== all[j - 1]) all[n++] = all[j];
  return all.subarray(0, n);
}

/** The event table of a store, reloaded when the store's generation changes (new events are read incrementally). */
export class EventIndex {
  private table: EventTable | null = null;
  /** The store generation the table (or the too-large verdict) belongs to. */
  private generation = '';
  private tooLarge = false;
  private loading: Promise<EventTable | null> | null = null;

  /** The current table, or null when the store is too large to hold in memory. */
  async current(deps: ApiDeps): Promise<EventTable | null> {
    const generation = await deps.store.generation();
    if (generation === this.generation && (this.table || this.tooLarge)) return this.tooLarge ? null : this.table;
    this.loading ??= this.reload(deps, generation).finally(() => {
      this.loading = null;
    });
    return this.loading;
  }

  private async reload(deps: ApiDeps, generation: string): Promise<EventTable | null> {
    const total = (await deps.store.counts()).events;
    this.tooLarge = total > (deps.maxIndexedEvents ?? MAX_INDEXED_EVENTS);
    if (this.tooLarge) {
      this.table = null;
      this.generation = generation;
      return null;
    }
    const old = this.table?.events ?? [];
    const maxId = old.reduce((m, e) => Math.max(m, e.id), 0);
    const added = old.length ? await deps.store.queryEvents({ afterId: maxId }) : [];
    const events = old.length && old.length + added.length === total ? [...old, ...added] : await deps.store.queryEvents({});
    this.table = new EventTable(events);
    this.generation = generation;
    return this.table;
  }
}
