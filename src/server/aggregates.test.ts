import { describe, it, expect } from 'vitest';
import { dailyByDyad, escalationIndex, listActors, listDyads, timelineByQuad, type AggregateEvent } from './aggregates.js';

const ev = (day: string | null, src: string, tgt: string | null, goldstein: number, quad = 4, modality: AggregateEvent['modality'] = 'asserted'): AggregateEvent => ({
  day, quad, goldstein, modality,
  source: { actor: src.toLowerCase(), name: src, country: src },
  target: tgt ? { actor: tgt.toLowerCase(), name: tgt, country: tgt } : null,
});

describe('aggregates', () => {
  it('sums events and Goldstein per day per dyad, by day then dyad', () => {
    const rows = dailyByDyad([ev('2022-01-02', 'RUS', 'UKR', -5), ev('2022-01-01', 'RUS', 'UKR', -2, 3), ev('2022-01-01', 'RUS', 'UKR', 3, 1), ev('2022-01-01', 'USA', null, 1)]);
    expect(rows).toEqual([
      { day: '2022-01-01', dyad: 'RUS-UKR', events: 2, goldstein: 1, quads: [1, 0, 1, 0] },
      { day: '2022-01-02', dyad: 'RUS-UKR', events: 1, goldstein: -5, quads: [0, 0, 0, 1] },
    ]);
  });

  it('counts events per day per quad class', () => {
    expect(timelineByQuad([ev('2022-01-01', 'A', 'B', 1, 1), ev('2022-01-01', 'A', null, -1, 4), ev(null, 'A', 'B', 1, 2)]))
      .toEqual([{ day: '2022-01-01', quads: [1, 0, 0, 1] }]);
  });

  it('lists dyads busiest first with their conflict sum and day range', () => {
    const [top] = listDyads([ev('2022-01-03', 'RUS', 'UKR', -5), ev('2022-01-01', 'RUS', 'UKR', 2), ev('2022-01-01', 'UKR', 'RUS', -1)]);
    expect(top).toEqual({ dyad: 'RUS-UKR', source: 'RUS', target: 'UKR', events: 2, goldstein: -3, conflict: 5, first: '2022-01-01', last: '2022-01-03' });
  });

  it('counts actors on both sides', () => {
    expect(listActors([ev('2022-01-01', 'RUS', 'UKR', -1), ev('2022-01-01', 'UKR', null, 1)])[0]).toMatchObject({ key: 'ukr', asSource: 1, asTarget: 1 });
  });

  it('decays the escalation index by half every half-life and adds each day\'s negative Goldstein', () => {
    const days = escalationIndex([ev('2022-01-01', 'RUS', 'UKR', -8), ev('2022-01-08', 'RUS', 'UKR', -4), ev('2022-01-08', 'RUS', 'UKR', 3)], { halfLife: 7, threshold: 7 });
    expect(days).toHaveLength(8);
    expect(days[0]).toMatchObject({ day: '2022-01-01', pressure: 8, index: 8, crossed: true });
    expect(days[7]).toMatchObject({ day: '2022-01-08', events: 2, pressure: 4, index: 8 });
    expect(days.filter((d) => d.crossed).map((d) => d.day)).toEqual(['2022-01-01', '2022-01-08']);
  });

  it('weights future and conditional events less, and negated ones not at all', () => {
    const [d] = escalationIndex([ev('2022-01-01', 'A', 'B', -4, 4, 'future'), ev('2022-01-01', 'A', 'B', -4, 4, 'conditional'), ev('2022-01-01', 'A', 'B', -10, 4, 'negated')]);
    expect(d.pressure).toBe(3);
  });

  it('spans the requested range with empty days', () => {
    const days = escalationIndex([ev('2022-01-02', 'A', 'B', -1)], { from: '2022-01-01', to: '2022-01-03' });
    expect(days.map((d) => [d.day, d.index])).toEqual([['2022-01-01', 0], ['2022-01-02', 1], ['2022-01-03', 0.906]]);
  });
});
