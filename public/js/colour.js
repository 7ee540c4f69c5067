// Colours from conflict to cooperation: the Goldstein scale (−10 … +10) from red through grey to green.
const CONFLICT = [192, 57, 43];
const NEUTRAL = [150, 150, 150];
const COOPERATION = [46, 139, 87];

/** The colour of a (mean) Goldstein score, as rgb(). */
export function goldsteinColour(g) {
  const t = Math.max(-1, Math.min(1, g / 10));
  const end = t < 0 ? CONFLICT : COOPERATION;
  const a = Math.abs(t);
  const mix = NEUTRAL.map((n, i) => Math.round(n + (end[i] - n) * Math.min(1, a * 1.6)));
  return `rgb(${mix.join(',')})`;
}

/** A legend strip from −10 to +10, as SVG children drawn at (x, y) with width w. */
export function goldsteinLegend(svg, x, y, w) {
  const steps = 20;
  const cells = [];
  for (let i = 0; i < steps; i++) {
    const g = -10 + (20 * (i + 0.5)) / steps;
    cells.push(svg('rect', { x: x + (i * w) / steps, y, width: w / steps + 0.5, height: 8, fill: goldsteinColour(g) }));
  }
  return [cells,
    svg('text', { x, y: y + 20, class: 'tick' }, '−10 conflict'),
    svg('text', { x: x + w, y: y + 20, class: 'tick', 'text-anchor': 'end' }, 'cooperation +10')];
}
