// Event locations for the map: events grouped by place, with their count and mean Goldstein score.
import type { StoredEvent } from '../store/types.js';

/** A place where events happened. */
export interface LocationRow {
  name: string;
  country: string | null;
  lat: number;
  lon: number;
  events: number;
  /** Mean Goldstein score of the events there. */
  goldstein: number;
  /** Events per quad class 1..4. */
  quads: [number, number, number, number];
  first: string | null;
  last: string | null;
}

/** The located events by place (busiest first), and how many events had no coordinates. */
export function groupLocations(events: readonly Pick<StoredEvent, 'location' | 'goldstein' | 'quad' | 'day'>[]): { items: LocationRow[]; unplaced: number } {
  const rows = new Map<string, LocationRow & { sum: number }>();
  let unplaced = 0;
  for (const e of events) {
    const l = e.location;
    if (!l || l.lat === null || l.lon === null || !Number.isFinite(l.lat) || !Number.isFinite(l.lon)) {
      unplaced++;
      continue;
    }
    const key = `${l.lat.toFixed(3)},${l.lon.toFixed(3)}|${l.name}`;
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { name: l.name, country: l.country, lat: l.lat, lon: l.lon, events: 0, goldstein: 0, quads: [0, 0, 0, 0], first: null, last: null, sum: 0 }));
    row.events++;
    row.sum += e.goldstein;
    if (e.quad >= 1 && e.quad <= 4) row.quads[e.quad - 1]++;
    if (e.day && (!row.first || e.day < row.first)) row.first = e.day;
    if (e.day && (!row.last || e.day > row.last)) row.last = e.day;
  }
  const items = [...rows.values()].sort((a, b) => b.events - a.events || a.name.localeCompare(b.name))
    .map(({ sum, ...r }) => ({ ...r, goldstein: Math.round((sum / r.events) * 100) / 100 }));
  return { items, unplaced };
}
