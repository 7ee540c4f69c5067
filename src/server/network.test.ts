import { describe, it, expect } from 'vitest';
import { buildNetwork } from './network.js';

const side = (country: string, actor: string | null = country.toLowerCase(), name = country) => ({ actor, name, country, sector: null });
const ev = (s: string, t: string | null, goldstein: number, quad = 4) => ({ source: side(s), target: t ? side(t) : null, goldstein, quad });

describe('buildNetwork', () => {
  it('weights directed edges by event count and colours them by mean Goldstein', () => {
    const net = buildNetwork([ev('RUS', 'UKR', -8), ev('RUS', 'UKR', -2, 3), ev('USA', 'RUS', 4, 1), ev('UKR', null, 1)]);
    expect(net.edges).toEqual([
      { source: 'rus', target: 'ukr', events: 2, goldstein: -5, quads: [0, 0, 1, 1] },
      { source: 'usa', target: 'rus', events: 1, goldstein: 4, quads: [1, 0, 0, 0] },
    ]);
    expect(net.nodes[0]).toEqual({ key: 'rus', name: 'RUS', country: 'RUS', events: 3, goldstein: -2 });
  });

  it('leaves out events an actor does to itself and events without a target', () => {
    expect(buildNetwork([ev('RUS', 'RUS', -1), ev('RUS', null, -1)])).toEqual({ nodes: [], edges: [], omitted: { nodes: 0, edges: 0 } });
  });

  it('keeps the busiest nodes and says how much it left out', () => {
    const net = buildNetwork([ev('A', 'B', 1), ev('A', 'B', 1), ev('A', 'C', 1), ev('D', 'E', 1)], { maxNodes: 2 });
    expect(net.nodes.map((n) => n.key)).toEqual(['a', 'b']);
    expect(net.omitted).toEqual({ nodes: 3, edges: 2 });
  });

  it('groups by country when asked, and by name when an actor has no id', () => {
    const putin = { source: { actor: 'vladimir-putin', name: 'Vladimir Putin', country: 'RUS', sector: 'GOV' }, target: side('UKR'), goldstein: -4, quad: 3 };
    const crowd = { source: { actor: null, name: 'Protesters', country: 'UKR', sector: null }, target: side('RUS'), goldstein: -6, quad: 4 };
    expect(buildNetwork([putin, ev('RUS', 'UKR', -2)], { by: 'country' }).edges).toEqual([{ source: 'RUS', target: 'UKR', events: 2, goldstein: -3, quads: [0, 0, 1, 1] }]);
    expect(buildNetwork([crowd]).nodes.map((n) => n.key)).toEqual(['name:protesters', 'rus']);
  });
});
