// The actor network: who acts on whom, edges weighted by event count and coloured by mean Goldstein.
import type { StoredEvent } from '../store/types.js';

/** One actor (or country) of the network. */
export interface NetworkNode {
  key: string;
  name: string;
  country: string | null;
  /** Events it takes part in, on either side, among the kept edges and its own acts. */
  events: number;
  /** Mean Goldstein score of those events. */
  goldstein: number;
}

/** Events from one node to another. */
export interface NetworkEdge {
  source: string;
  target: string;
  events: number;
  /** Mean Goldstein score: −10 conflict … +10 cooperation. */
  goldstein: number;
  /** Events per quad class 1..4. */
  quads: [number, number, number, number];
}

/** The network, with how much was left out to keep it readable. */
export interface Network {
  nodes: NetworkNode[];
  edges: NetworkEdge[];
  /** Nodes and edges dropped because they fell outside the busiest nodes. */
  omitted: { nodes: number; edges: number };
}

/** Options of {@link buildNetwork}. */
export interface NetworkOptions {
  /** Nodes are actors (by id, else by name) or countries. */
  by?: 'actor' | 'country';
  /** Keep the busiest N nodes (default 40). */
  maxNodes?: number;
}

type Side = StoredEvent['source'];

const round = (n: number): number => Math.round(n * 100) / 100;

function nodeOf(a: Side, by: 'actor' | 'country'): { key: string; name: string; country: string | null } | null {
  if (by === 'country') return a.country ? { key: a.country, name: a.country, country: a.country } : null;
  return { key: a.actor ?? `name:${a.name.toLowerCase()}`, name: a.name, country: a.country };
}

/** Builds the directed network of events with a target; events an actor does to itself are left out. */
export function buildNetwork(events: readonly Pick<StoredEvent, 'source' | 'target' | 'goldstein' | 'quad'>[], options: NetworkOptions = {}): Network {
  const by = options.by ?? 'actor';
  const nodes = new Map<string, NetworkNode & { sum: number }>();
  const edges = new Map<string, NetworkEdge & { sum: number }>();
  const touch = (n: { key: string; name: string; country: string | null }, goldstein: number): void => {
    let node = nodes.get(n.key);
    if (!node) nodes.set(n.key, (node = { ...n, events: 0, goldstein: 0, sum: 0 }));
    node.events++;
    node.sum += goldstein;
  };
  for (const e of events) {
    const s = nodeOf(e.source, by);
    const t = e.target ? nodeOf(e.target, by) : null;
    if (!s || !t || s.key === t.key) continue;
    touch(s, e.goldstein);
    touch(t, e.goldstein);
    const key = `${s.key}\u0000${t.key}`;
    let edge = edges.get(key);
    if (!edge) edges.set(key, (edge = { source: s.key, target: t.key, events: 0, goldstein: 0, quads: [0, 0, 0, 0], sum: 0 }));
    edge.events++;
    edge.sum += e.goldstein;
    if (e.quad >= 1 && e.quad <= 4) edge.quads[e.quad - 1]++;
  }
  const ranked = [...nodes.values()].sort((a, b) => b.events - a.events || a.key.localeCompare(b.key));
  const kept = new Set(ranked.slice(0, options.maxNodes ?? 40).map((n) => n.key));
  const keptEdges = [...edges.values()].filter((e) => kept.has(e.source) && kept.has(e.target));
  return {
    nodes: ranked.filter((n) => kept.has(n.key)).map(({ sum, ...n }) => ({ ...n, goldstein: round(sum / n.events) })),
    edges: keptEdges.sort((a, b) => b.events - a.events || a.source.localeCompare(b.source) || a.target.localeCompare(b.target))
      .map(({ sum, ...e }) => ({ ...e, goldstein: round(sum / e.events) })),
    omitted: { nodes: nodes.size - kept.size, edges: edges.size - keptEdges.length },
  };
}
