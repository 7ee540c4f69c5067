// The crisis overview: events per day by quad class, and the escalation index of a chosen dyad.
import { get } from './api.js';
import { h, svg, replace } from './dom.js';

/** Colours and names of the four quad classes. */
export const QUADS = [
  { n: 1, name: 'Verbal cooperation', cls: 'q1' },
  { n: 2, name: 'Material cooperation', cls: 'q2' },
  { n: 3, name: 'Verbal conflict', cls: 'q3' },
  { n: 4, name: 'Material conflict', cls: 'q4' },
];

const W = 900;
const H = 220;
const PAD = { l: 40, r: 10, t: 10, b: 40 };

function axisLabels(days, x) {
  const step = Math.max(1, Math.ceil(days.length / 10));
  return days.map((d, i) => (i % step === 0 ? svg('text', { x: x(i), y: H - PAD.b + 16, class: 'tick', 'text-anchor': 'middle' }, d.slice(5)) : null));
}

function timelineChart(items) {
  if (!items.length) return h('p', { class: 'empty' }, 'No dated events stored yet.');
  const max = Math.max(...items.map((d) => d.quads.reduce((a, b) => a + b, 0)));
  const bw = (W - PAD.l - PAD.r) / items.length;
  const x = (i) => PAD.l + i * bw + bw / 2;
  const y = (v) => H - PAD.b - (v / max) * (H - PAD.t - PAD.b);
  const bars = items.flatMap((d, i) => {
    let acc = 0;
    return d.quads.map((n, q) => {
      if (!n) return null;
      const rect = svg('rect', { x: PAD.l + i * bw + 1, width: Math.max(1, bw - 2), y: y(acc + n), height: y(acc) - y(acc + n), class: `bar q${q + 1}` },
        svg('title', {}, `${d.day}: ${n} ${QUADS[q].name.toLowerCase()}`));
      acc += n;
      return rect;
    });
  });
  return svg('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart', id: 'timeline', role: 'img', 'aria-label': 'Events per day by quad class' },
    svg('text', { x: 4, y: PAD.t + 10, class: 'tick' }, String(max)), svg('line', { x1: PAD.l, x2: W - PAD.r, y1: y(0), y2: y(0), class: 'axis' }),
    bars, axisLabels(items.map((d) => d.day), x));
}

function escalationChart(data) {
  const items = data.items;
  if (!items.length) return h('p', { class: 'empty' }, 'No dated events for this dyad.');
  const max = Math.max(data.threshold * 1.2, ...items.map((d) => d.index));
  const step = (W - PAD.l - PAD.r) / Math.max(1, items.length - 1);
  const x = (i) => PAD.l + i * step;
  const y = (v) => H - PAD.b - (v / max) * (H - PAD.t - PAD.b);
  const points = items.map((d, i) => `${x(i).toFixed(1)},${y(d.index).toFixed(1)}`).join(' ');
  const crossings = items.map((d, i) => (d.crossed ? svg('circle', { cx: x(i), cy: y(d.index), r: 5, class: 'crossed' }, svg('title', {}, `${d.day}: crossed ${data.threshold}`)) : null));
  return svg('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart', id: 'escalation', role: 'img', 'aria-label': `Escalation index ${data.dyad}` },
    svg('line', { x1: PAD.l, x2: W - PAD.r, y1: y(data.threshold), y2: y(data.threshold), class: 'threshold' }),
    svg('text', { x: W - PAD.r, y: y(data.threshold) - 4, class: 'tick', 'text-anchor': 'end' }, `threshold ${data.threshold}`),
    svg('polyline', { points, class: 'index' }), crossings, axisLabels(items.map((d) => d.day), (i) => x(i)));
}

async function drawEscalation(box, dyad, threshold) {
  const data = await get('escalation', { dyad, threshold });
  const crossed = data.items.filter((d) => d.crossed).map((d) => d.day);
  replace(box, escalationChart(data),
    h('p', { class: 'note' }, crossed.length ? `Crossed ${data.threshold} on ${crossed.join(', ')}.` : `Never crossed ${data.threshold}.`,
      ' Index: E(d) = E(d−1)·2^(−1/', String(data.halfLife), ') + Σ max(0, −Goldstein)·w(modality).'));
}

/** Renders the overview page. */
export async function showOverview(view, params) {
  const [timeline, dyads] = await Promise.all([get('aggregates/timeline'), get('dyads', { limit: 200 })]);
  const candidates = dyads.items.filter((d) => d.first);
  const chosen = params.get('dyad') ?? (candidates.find((d) => d.dyad === 'RUS-UKR') ?? [...candidates].sort((a, b) => b.conflict - a.conflict)[0])?.dyad ?? '';
  const escBox = h('div', { class: 'escalation-box' });
  const select = h('select', { id: 'dyad-select', 'aria-label': 'Dyad' }, candidates.map((d) => h('option', { value: d.dyad, selected: d.dyad === chosen }, `${d.dyad} (${d.events})`)));
  const threshold = h('input', { id: 'threshold', type: 'number', min: 0, step: 1, value: params.get('threshold') ?? 10, 'aria-label': 'Threshold' });
  const redraw = () => (select.value ? drawEscalation(escBox, select.value, threshold.value || 10) : replace(escBox, h('p', { class: 'empty' }, 'No dyad with dated events.')));
  select.addEventListener('change', redraw);
  threshold.addEventListener('change', redraw);
  replace(view,
    h('section', {}, h('h2', {}, 'Events per day by quad class'),
      h('ul', { class: 'legend' }, QUADS.map((q) => h('li', {}, h('span', { class: `swatch ${q.cls}` }), q.name))),
      timelineChart(timeline.items)),
    h('section', {}, h('h2', {}, 'Escalation index'), h('div', { class: 'controls' }, h('label', {}, 'Dyad ', select), h('label', {}, 'Threshold ', threshold)), escBox),
    h('section', {}, h('h2', {}, 'Dyads'), dyadTable(dyads.items)));
  await redraw();
}

function dyadTable(items) {
  return h('table', { class: 'grid' },
    h('thead', {}, h('tr', {}, ['Dyad', 'Events', 'Goldstein sum', 'Conflict', 'First', 'Last'].map((t) => h('th', {}, t)))),
    h('tbody', {}, items.slice(0, 30).map((d) => h('tr', {},
      h('td', {}, h('a', { href: `#/events?dyad=${encodeURIComponent(d.dyad)}` }, d.dyad)), h('td', { class: 'num' }, d.events),
      h('td', { class: 'num' }, d.goldstein), h('td', { class: 'num' }, d.conflict), h('td', {}, d.first ?? '—'), h('td', {}, d.last ?? '—')))));
}
