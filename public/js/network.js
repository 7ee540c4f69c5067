// The actor network: who acts on whom, edges weighted by event count and coloured from conflict to cooperation.
import { get } from './api.js';
import { h, svg, replace } from './dom.js';
import { filterForm, filtersOf } from './events.js';
import { goldsteinColour, goldsteinLegend } from './colour.js';

const W = 960;
const H = 640;

/** Positions for the nodes: a force layout (repulsion, weighted springs, gravity) started from a circle, so it is the same every time. */
export function layout(nodes, edges, width = W, height = H) {
  const n = nodes.length;
  const index = new Map(nodes.map((d, i) => [d.key, i]));
  const pos = nodes.map((_, i) => ({ x: Math.cos((2 * Math.PI * i) / n) * 200, y: Math.sin((2 * Math.PI * i) / n) * 200 }));
  const links = edges.map((e) => [index.get(e.source), index.get(e.target), Math.log2(1 + e.events)]);
  const k = Math.sqrt((width * height) / Math.max(1, n)) * 0.5;
  for (let it = 0, temp = 60; it < 300; it++, temp *= 0.985) {
    const disp = pos.map(() => ({ x: 0, y: 0 }));
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const dx = pos[i].x - pos[j].x || 0.01;
        const dy = pos[i].y - pos[j].y || 0.01;
        const d2 = dx * dx + dy * dy;
        // Repulsion only nearby, so that unconnected groups pack around the centre instead of flying apart.
        if (d2 > 9 * k * k) continue;
        const f = (k * k) / d2;
        disp[i].x += dx * f; disp[i].y += dy * f; disp[j].x -= dx * f; disp[j].y -= dy * f;
      }
    }
    for (const [a, b, w] of links) {
      const dx = pos[a].x - pos[b].x;
      const dy = pos[a].y - pos[b].y;
      const d = Math.sqrt(dx * dx + dy * dy) || 0.01;
      const f = ((d * d) / k) * (0.5 + 0.25 * w);
      disp[a].x -= (dx / d) * f; disp[a].y -= (dy / d) * f;
      disp[b].x += (dx / d) * f; disp[b].y += (dy / d) * f;
    }
    for (let i = 0; i < n; i++) {
      disp[i].x -= pos[i].x * 0.08; disp[i].y -= pos[i].y * 0.08;
      const d = Math.hypot(disp[i].x, disp[i].y) || 1;
      pos[i].x += (disp[i].x / d) * Math.min(d, temp);
      pos[i].y += (disp[i].y / d) * Math.min(d, temp);
    }
  }
  return fit(pos, width, height, 60);
}

function fit(pos, width, height, margin) {
  const xs = pos.map((p) => p.x);
  const ys = pos.map((p) => p.y);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  // Each axis scaled to fill the frame: a wide frame holds a round layout better stretched than letterboxed.
  const sx = (width - 2 * margin) / (x1 - x0 || 1);
  const sy = (height - 2 * margin) / (y1 - y0 || 1);
  return pos.map((p) => ({ x: x1 > x0 ? margin + (p.x - x0) * sx : width / 2, y: y1 > y0 ? margin + (p.y - y0) * sy : height / 2 }));
}

const radius = (node) => 5 + Math.sqrt(node.events) * 2;

function edgeShape(a, b, ra, rb, e) {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len = Math.hypot(dx, dy) || 1;
  const [ux, uy] = [dx / len, dy / len];
  // Curved a little to the left of the direction of travel, so A→B and B→A stay apart.
  const c = { x: (a.x + b.x) / 2 - uy * len * 0.12, y: (a.y + b.y) / 2 + ux * len * 0.12 };
  const cl = Math.hypot(b.x - c.x, b.y - c.y) || 1;
  const [vx, vy] = [(b.x - c.x) / cl, (b.y - c.y) / cl];
  const tip = { x: b.x - vx * rb, y: b.y - vy * rb };
  const width = 1 + Math.log2(1 + e.events) * 1.5;
  const head = 6 + width;
  const base = { x: tip.x - vx * head, y: tip.y - vy * head };
  const colour = goldsteinColour(e.goldstein);
  const start = { x: a.x + ((c.x - a.x) / (Math.hypot(c.x - a.x, c.y - a.y) || 1)) * ra, y: a.y + ((c.y - a.y) / (Math.hypot(c.x - a.x, c.y - a.y) || 1)) * ra };
  return [
    svg('path', { d: `M${start.x.toFixed(1)},${start.y.toFixed(1)} Q${c.x.toFixed(1)},${c.y.toFixed(1)} ${base.x.toFixed(1)},${base.y.toFixed(1)}`, class: 'edge', stroke: colour, 'stroke-width': width.toFixed(1), fill: 'none' }),
    svg('polygon', { class: 'edge-head', fill: colour, points: [tip, { x: base.x - vy * head / 2, y: base.y + vx * head / 2 }, { x: base.x + vy * head / 2, y: base.y - vx * head / 2 }].map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ') }),
  ];
}

function filterKey(node) {
  return node.key.startsWith('name:') ? node.name : node.key;
}

function networkChart(net) {
  const pos = layout(net.nodes, net.edges);
  const at = new Map(net.nodes.map((d, i) => [d.key, { ...pos[i], node: d }]));
  const edges = net.edges.map((e) => {
    const a = at.get(e.source);
    const b = at.get(e.target);
    return svg('g', { class: 'link', dataset: { source: e.source, target: e.target } }, edgeShape(a, b, radius(a.node), radius(b.node) + 1, e),
      svg('title', {}, `${a.node.name} → ${b.node.name}: ${e.events} event${e.events === 1 ? '' : 's'}, mean Goldstein ${e.goldstein}`));
  });
  const nodes = net.nodes.map((d) => {
    const p = at.get(d.key);
    const link = h('a', { href: `#/events?actor=${encodeURIComponent(filterKey(d))}` });
    const g = svg('g', { class: 'node', dataset: { key: d.key } },
      svg('circle', { cx: p.x.toFixed(1), cy: p.y.toFixed(1), r: radius(d).toFixed(1), fill: goldsteinColour(d.goldstein) }),
      svg('text', { x: p.x.toFixed(1), y: (p.y - radius(d) - 4).toFixed(1), 'text-anchor': 'middle', class: 'node-label' }, d.name),
      svg('title', {}, `${d.name}${d.country && d.country !== d.name ? ` (${d.country})` : ''}: ${d.events} events, mean Goldstein ${d.goldstein}. Click for its events.`));
    g.addEventListener('click', () => { location.hash = link.getAttribute('href'); });
    return g;
  });
  return svg('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart network', id: 'network', role: 'img', 'aria-label': 'Actor network' },
    edges, nodes, goldsteinLegend(svg, 20, H - 34, 220));
}

/** Renders the network page for the filters in `params` (and `by`, `nodes`). */
export async function showNetwork(view, params) {
  const by = params.get('by') === 'country' ? 'country' : 'actor';
  const bySelect = h('label', {}, 'Nodes ', h('select', { name: 'by' }, ['actor', 'country'].map((v) => h('option', { value: v, selected: v === by }, v === 'actor' ? 'actors' : 'countries'))));
  const form = filterForm(params, '/network', 'network-filters', [bySelect]);
  let body;
  try {
    const net = await get('network', { ...filtersOf(params), by, nodes: params.get('nodes') ?? '' });
    body = net.edges.length
      ? [networkChart(net), h('p', { class: 'note' }, `${net.nodes.length} ${by === 'actor' ? 'actors' : 'countries'}, ${net.edges.length} directed links; width grows with the number of events, colour is the mean Goldstein score.`,
        net.omitted.nodes ? ` ${net.omitted.nodes} less active nodes (${net.omitted.edges} links) left out.` : '')]
      : h('p', { class: 'empty' }, 'No event with both a source and a target matches these filters.');
  } catch (err) {
    body = h('p', { class: 'error', id: 'filter-error' }, err.message);
  }
  replace(view, h('h2', {}, 'Who acts on whom'), form, body);
}
