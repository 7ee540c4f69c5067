// The offline world map: world-atlas's countries-110m TopoJSON, converted once to GeoJSON with topojson-client.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';

const require = createRequire(import.meta.url);

/** Where the installed world-atlas keeps the 1:110m countries (node_modules, no network). */
export const WORLD_FILE: string = require.resolve('world-atlas/countries-110m.json');

type Position = number[];
type Geometry = { type: string; coordinates: unknown } | null;

const round = (c: unknown): unknown => (typeof c === 'number' ? Math.round(c * 100) / 100 : Array.isArray(c) ? c.map(round) : c);

/** The countries as a GeoJSON FeatureCollection ({ name } properties, coordinates rounded to 0.01°), as JSON text. */
export function worldGeoJson(file = WORLD_FILE): string {
  const topology = JSON.parse(readFileSync(file, 'utf8')) as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const collection = feature(topology, topology.objects.countries);
  const features = collection.features.map((f) => {
    const geometry = f.geometry as Geometry;
    return {
      type: 'Feature', id: f.id ?? null, properties: { name: f.properties?.name ?? '' },
      geometry: geometry ? { type: geometry.type, coordinates: round(geometry.coordinates) as Position[][] } : null,
    };
  });
  return JSON.stringify({ type: 'FeatureCollection', features });
}
