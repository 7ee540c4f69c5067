import { describe, it, expect } from 'vitest';
import { groupLocations } from './locations.js';

const at = (name: string, lat: number | null, lon: number | null, goldstein: number, day: string | null = '2022-01-01', quad = 4) =>
  ({ location: lat === null && lon === null && !name ? null : { name, country: 'UKR', lat, lon }, goldstein, quad, day });

describe('groupLocations', () => {
  it('groups events by place, busiest first, with the mean Goldstein and the day range', () => {
    const { items, unplaced } = groupLocations([at('Kyiv', 50.45, 30.52, -8, '2022-01-03'), at('Kyiv', 50.45, 30.52, -2, '2022-01-01', 3), at('Lviv', 49.84, 24.03, 3)]);
    expect(items[0]).toEqual({ name: 'Kyiv', country: 'UKR', lat: 50.45, lon: 30.52, events: 2, goldstein: -5, quads: [0, 0, 1, 1], first: '2022-01-01', last: '2022-01-03' });
    expect(items.map((r) => r.name)).toEqual(['Kyiv', 'Lviv']);
    expect(unplaced).toBe(0);
  });

  it('counts events without a location or without coordinates as unplaced', () => {
    expect(groupLocations([at('', null, null, 1), at('Somewhere', null, null, 1), at('Bad', Number.NaN, 3, 1)])).toEqual({ items: [], unplaced: 3 });
  });
});
