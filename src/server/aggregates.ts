// Aggregates over stored events: per-day counts and Goldstein sums, dyads, actors, the escalation index.
import type { Modality } from '../model/types.js';

/** The fields of a stored event the aggregates read. */
export interface AggregateEvent {
  day: string | null;
  source: { actor: string | null; name: string; country: string | null };
  target: { actor: string | null; name: string; country: string | null } | null;
  quad: number;
  goldstein: number;
  modality: Modality;
}

/** Events and Goldstein sum of one dyad on one day. */
export interface DailyRow {
  day: string;
  dyad: string;
  events: number;
  goldstein: number;
  /** Events per quad class 1..4. */
  quads: [number, number, number, number];
}

/** A directed dyad and what it holds. */
export interface DyadRow {
  dyad: string;
  source: string;
  target: string;
  events: number;
  goldstein: number;
  /** Sum of the negative Goldstein scores, as a positive number. */
  conflict: number;
  first: string | null;
  last: string | null;
}

/** One day of the escalation index. */
export interface EscalationDay {
  day: string;
  events: number;
  /** The day's weighted conflict pressure P(d). */
  pressure: number;
  /** The index E(d) = E(d-1)·2^(-1/halfLife) + P(d). */
  index: number;
  /** True on the days the index rises to or above the threshold from below it. */
  crossed: boolean;
}

/** How much each modality counts toward the escalation index. */
export const MODALITY_WEIGHT: Readonly<Record<Modality, number>> = { asserted: 1, future: 0.5, conditional: 0.25, negated: 0 };

const DAY_MS = 86_400_000;
/** The longest run of days the escalation index spans (ten years). */
export const MAX_ESCALATION_DAYS = 3660;

/** The directed dyad of an event ("RUS-UKR"), or null when either side has no country. */
export function dyadOf(e: AggregateEvent): string | null {
  return e.source.country && e.target?.country ? `${e.source.country}-${e.target.country}` : null;
}

const round = (n: number): number => Math.round(n * 1000) / 1000;

/** Events and Goldstein sums per day per dyad, by day then dyad; events with no day or no dyad are left out. */
export function dailyByDyad(events: readonly AggregateEvent[]): DailyRow[] {
  const rows = new Map<string, DailyRow>();
  for (const e of events) {
    const dyad = dyadOf(e);
    if (!e.day || !dyad) continue;
    const key = `${e.day}|${dyad}`;
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { day: e.day, dyad, events: 0, goldstein: 0, quads: [0, 0, 0, 0] }));
    row.events++;
    row.goldstein = round(row.goldstein + e.goldstein);
    if (e.quad >= 1 && e.quad <= 4) row.quads[e.quad - 1]++;
  }
  return [...rows.values()].sort((a, b) => a.day.localeCompare(b.day) || a.dyad.localeCompare(b.dyad));
}

/** Events per day per quad class (every event with a day), by day. */
export function timelineByQuad(events: readonly AggregateEvent[]): { day: string; quads: [number, number, number, number] }[] {
  const days = new Map<string, [number, number, number, number]>();
  for (const e of events) {
    if (!e.day || e.quad < 1 || e.quad > 4) continue;
    let q = days.get(e.day);
    if (!q) days.set(e.day, (q = [0, 0, 0, 0]));
    q[e.quad - 1]++;
  }
  return [...days.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([day, quads]) => ({ day, quads }));
}

/** Every directed dyad with its event count and Goldstein sums, most events first. */
export function listDyads(events: readonly AggregateEvent[]): DyadRow[] {
  const rows = new Map<string, DyadRow>();
  for (const e of events) {
    const dyad = dyadOf(e);
    if (!dyad) continue;
    let row = rows.get(dyad);
    if (!row) rows.set(dyad, (row = { dyad, source: e.source.country!, target: e.target!.country!, events: 0, goldstein: 0, conflict: 0, first: null, last: null }));
    row.events++;
    row.goldstein = round(row.goldstein + e.goldstein);
    if (e.goldstein < 0) row.conflict = round(row.conflict - e.goldstein);
    if (e.day && (!row.first || e.day < row.first)) row.first = e.day;
    if (e.day && (!row.last || e.day > row.last)) row.last = e.day;
  }
  return [...rows.values()].sort((a, b) => b.events - a.events || a.dyad.localeCompare(b.dyad));
}

/** An actor and how often it acts and is acted on. */
export interface ActorRow {
  key: string;
  name: string;
  country: string | null;
  asSource: number;
  asTarget: number;
}

/** Every actor on an event (by id, else by name), busiest first. */
export function listActors(events: readonly AggregateEvent[]): ActorRow[] {
  const rows = new Map<string, ActorRow>();
  const add = (a: { actor: string | null; name: string; country: string | null }, side: 'asSource' | 'asTarget'): void => {
    const key = a.actor ?? `name:${a.name}`;
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { key, name: a.name, country: a.country, asSource: 0, asTarget: 0 }));
    row[side]++;
  };
  for (const e of events) {
    add(e.source, 'asSource');
    if (e.target) add(e.target, 'asTarget');
  }
  return [...rows.values()].sort((a, b) => b.asSource + b.asTarget - (a.asSource + a.asTarget) || a.name.localeCompare(b.name));
}

/** Options of {@link escalationIndex}. */
export interface EscalationOptions {
  /** Days after which a day's pressure counts half (default 7). */
  halfLife?: number;
  threshold?: number;
  from?: string;
  to?: string;
}

const toMs = (day: string): number => Date.parse(`${day}T00:00:00Z`);
const toDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/**
 * The escalation index of one dyad's events, one entry per calendar day from the first to the last
 * (or `from`..`to`): P(d) = Σ max(0, −Goldstein)·w(modality) over the day's events, and
 * E(d) = E(d−1)·2^(−1/halfLife) + P(d).
 */
export function escalationIndex(events: readonly AggregateEvent[], options: EscalationOptions = {}): EscalationDay[] {
  const halfLife = options.halfLife ?? 7;
  const threshold = options.threshold ?? 10;
  const perDay = new Map<string, { events: number; pressure: number }>();
  for (const e of events) {
    if (!e.day || (options.from && e.day < options.from) || (options.to && e.day > options.to)) continue;
    const d = perDay.get(e.day) ?? { events: 0, pressure: 0 };
    d.events++;
    d.pressure += Math.max(0, -e.goldstein) * MODALITY_WEIGHT[e.modality];
    perDay.set(e.day, d);
  }
  const days = [...perDay.keys()].sort();
  const first = options.from ?? days[0];
  const last = options.to ?? days[days.length - 1];
  if (!first || !last || first > last) return [];
  const start = Math.max(toMs(first), toMs(last) - (MAX_ESCALATION_DAYS - 1) * DAY_MS);
  const decay = Math.pow(2, -1 / halfLife);
  const out: EscalationDay[] = [];
  let index = 0;
  for (let ms = start; ms <= toMs(last); ms += DAY_MS) {
    const day = toDay(ms);
    const d = perDay.get(day) ?? { events: 0, pressure: 0 };
    const before = index;
    index = index * decay + d.pressure;
    out.push({ day, events: d.events, pressure: round(d.pressure), index: round(index), crossed: before < threshold && index >= threshold });
  }
  return out;
}
