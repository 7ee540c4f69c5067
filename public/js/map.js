// The map of event locations on an offline world map (world-atlas countries, served by this server).
import { get } from './api.js';
import { h, svg, replace } from './dom.js';
import { filterForm, filtersOf } from './events.js';
import { goldsteinColour, goldsteinLegend } from './colour.js';

const W = 960;
const TOP = 84;
const BOTTOM = -58;
const H = Math.round((W * (TOP - BOTTOM)) / 360);

/** Equirectangular projection of [lon, lat] into the map's viewBox. */
export function project(lon, lat) {
  return [((lon + 180) / 360) * W, ((TOP - lat) / (TOP - BOTTOM)) * H];
}

/** An SVG path of a GeoJSON (Multi)Polygon; a ring that jumps across the antimeridian starts a new subpath there. */
export function pathOf(geometry) {
  if (!geometry) return '';
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.type === 'MultiPolygon' ? geometry.coordinates : [];
  let d = '';
  for (const rings of polygons) {
    for (const ring of rings) {
      let prev = null;
      for (const [lon, lat] of ring) {
        const [x, y] = project(lon, lat);
        d += `${prev === null || Math.abs(lon - prev) > 180 ? 'M' : 'L'}${x.toFixed(1)},${y.toFixed(1)}`;
        prev = lon;
      }
      d += 'Z';
    }
  }
  return d;
}

let world = null;
async function loadWorld() {
  if (!world) {
    const res = await fetch('/geo/countries.json');
    if (!res.ok) throw new Error(`the world map could not be loaded (${res.status})`);
    world = await res.json();
  }
  return world;
}

const radius = (n, max) => 3 + 14 * Math.sqrt(n / max);

function mapChart(geo, places) {
  const countries = geo.features.map((f) => svg('path', { d: pathOf(f.geometry), class: 'country' }, svg('title', {}, f.properties.name)));
  const max = Math.max(1, ...places.map((p) => p.events));
  const dots = [...places].sort((a, b) => b.events - a.events).map((p) => {
    const [x, y] = project(p.lon, p.lat);
    return svg('circle', { cx: x.toFixed(1), cy: y.toFixed(1), r: radius(p.events, max).toFixed(1), class: 'place', fill: goldsteinColour(p.goldstein) },
      svg('title', {}, `${p.name}${p.country ? ` (${p.country})` : ''}: ${p.events} event${p.events === 1 ? '' : 's'}, mean Goldstein ${p.goldstein}${p.first ? `, ${p.first}${p.last !== p.first ? ` to ${p.last}` : ''}` : ''}`));
  });
  return svg('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart map', id: 'map', role: 'img', 'aria-label': 'Map of event locations' },
    svg('rect', { x: 0, y: 0, width: W, height: H, class: 'sea' }), countries, dots, goldsteinLegend(svg, 20, H - 34, 220));
}

function placeTable(items) {
  return h('table', { class: 'grid', id: 'places-table' },
    h('thead', {}, h('tr', {}, ['Place', 'Country', 'Events', 'Mean Goldstein', 'First', 'Last'].map((t) => h('th', {}, t)))),
    h('tbody', {}, items.slice(0, 50).map((p) => h('tr', {}, h('td', {}, p.name), h('td', {}, p.country ?? '—'), h('td', { class: 'num' }, p.events),
      h('td', { class: 'num' }, p.goldstein), h('td', {}, p.first ?? '—'), h('td', {}, p.last ?? '—')))));
}

/** Renders the map page for the filters in `params`. */
export async function showMap(view, params) {
  const form = filterForm(params, '/map', 'map-filters');
  let body;
  try {
    const [geo, places] = await Promise.all([loadWorld(), get('locations', { ...filtersOf(params), limit: 1000 })]);
    body = [mapChart(geo, places.items),
      h('p', { class: 'note' }, `${places.total} place${places.total === 1 ? '' : 's'} with coordinates; ${places.unplaced} matching event${places.unplaced === 1 ? '' : 's'} had no place with coordinates.`),
      places.items.length ? placeTable(places.items) : null];
  } catch (err) {
    body = h('p', { class: 'error', id: 'filter-error' }, err.message);
  }
  replace(view, h('h2', {}, 'Where events happened'), form, body);
}
