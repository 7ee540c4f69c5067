// Builds entities from the raw data files: states from world-countries plus our overrides,
// per-state template entities, explicit entities merged over generated ones.
import { createRequire } from 'node:module';
import type { Entity, Membership } from './types.js';
import type { RawEntity, RawFile, RawState, RawTemplate } from './kb-validate.js';
import { kebab, splitName } from './normalize.js';

interface WorldCountry {
  name: { common: string; official: string };
  cca3: string;
  capital?: string[];
  altSpellings: string[];
  latlng: number[];
  demonyms?: { eng?: { m: string; f: string } };
  independent?: boolean;
}

const LATIN = /^[\p{Script=Latin}\p{N}\s.,'()\-]+$/u;

function readWorldCountries(): WorldCountry[] {
  const require = createRequire(import.meta.url);
  return require('world-countries') as WorldCountry[];
}

function uniq(list: readonly string[]): string[] {
  return [...new Set(list.filter((s) => s && s.trim()))];
}

/** Builds one state entity per world-countries record, with our overrides folded in. */
export function buildStates(overrides: Map<string, RawState[]>, memberships: Map<string, Membership[]>): Entity[] {
  const states: Entity[] = [];
  const countries = readWorldCountries();
  // A territory shares its sovereign's demonym ("American" for the Northern Mariana Islands, "French"
  // for the French Southern Territories): the word belongs to the sovereign state.
  const sovereignDemonyms = new Set(countries.filter((c) => c.independent !== false && c.demonyms?.eng).flatMap((c) => [c.demonyms?.eng?.m, c.demonyms?.eng?.f]));
  for (const c of countries) {
    const extra = overrides.get(c.cca3) ?? [];
    const alt = c.altSpellings.filter((a) => a.length > 2 && LATIN.test(a) && !a.includes(','));
    const own = c.demonyms?.eng ? [c.demonyms.eng.m, c.demonyms.eng.f] : [];
    const dem = c.independent === false ? own.filter((d) => !sovereignDemonyms.has(d)) : own;
    states.push({
      id: kebab(c.name.common),
      kind: 'state',
      type: 'GPE',
      name: c.name.common,
      aliases: uniq([c.name.official, ...alt, ...extra.flatMap((o) => o.aliases ?? [])]),
      country: c.cca3,
      sector: null,
      demonyms: uniq([...dem, ...dem.map(pluralDemonym), ...extra.flatMap((o) => o.demonyms ?? [])]),
      lat: c.latlng[0],
      lon: c.latlng[1],
      capitalId: extra.find((o) => o.capital)?.capital ?? (c.capital?.[0] ? kebab(c.capital[0]) : undefined),
      memberships: [...(memberships.get(c.cca3) ?? []), ...extra.flatMap((o) => o.memberships ?? [])],
    });
  }
  return states;
}

// "Palestinian" → "Palestinians", "Iraqi" → "Iraqis"; adjectives in -ese, -ish, -ch stay as they are.
function pluralDemonym(d: string): string {
  return /(an|i|ine|ite|ot|ek|ab)$/.test(d) ? `${d}s` : d;
}

function expand(pattern: string, state: Entity): string[] {
  if (!pattern.includes('{demonym}')) return [pattern.replaceAll('{state}', state.name).replaceAll('{slug}', state.id)];
  const singular = state.demonyms.filter((d) => !(d.endsWith('s') && state.demonyms.includes(d.slice(0, -1))));
  return singular.map((d) => pattern.replaceAll('{demonym}', d).replaceAll('{state}', state.name));
}

/** Generates one entity per state and template ("Government of Russia", "Ministry of Foreign Affairs of Russia"). */
export function buildTemplates(templates: RawTemplate[], states: Entity[]): Entity[] {
  const out: Entity[] = [];
  for (const t of templates) {
    for (const s of states) {
      if (t.codes && !t.codes.includes(s.country ?? '')) continue;
      out.push({
        id: t.id.replaceAll('{slug}', s.id),
        kind: 'org',
        type: t.type,
        name: expand(t.name, s)[0],
        aliases: uniq((t.aliases ?? []).flatMap((a) => expand(a, s))),
        country: s.country,
        sector: t.sector,
        demonyms: [],
        generated: true,
      });
    }
  }
  return out;
}

function defaultType(e: RawEntity): Entity['type'] {
  if (e.type) return e.type;
  if (e.kind === 'person') return 'PERSON';
  if (e.kind === 'place' || e.kind === 'state') return 'GPE';
  if (e.kind === 'bloc') return 'GROUP';
  return 'ORG';
}

/**
 * An entity as built from a data file. A person whose family name is not written last carries it
 * (`familyName` in the data, "Xi" of "Xi Jinping"); `given` and `surname` stay split by position,
 * as fuzzy matching splits text names, and the surname index and article coreference use
 * `familyName` (see `familyNameOf`).
 */
export type BuiltEntity = Entity & { readonly familyName?: string };

/** The family name the data gives a person whose family name is not written last, else undefined. */
export function familyNameOf(e: Entity): string | undefined {
  return (e as BuiltEntity).familyName;
}

/** Turns a raw entity into an Entity, merging it over a generated one with the same id. */
export function toEntity(e: RawEntity, base: Entity | undefined): BuiltEntity {
  const names = e.kind === 'person' ? splitName(e.name) : null;
  const noInitial = e.kind === 'person' ? e.name.replace(/\s\p{L}\.\s/u, ' ') : e.name;
  return {
    ...(base ?? {}),
    id: e.id,
    kind: e.kind,
    type: defaultType(e),
    name: e.name,
    aliases: uniq([...(base?.aliases ?? []), ...(base && base.name !== e.name ? [base.name] : []), ...(e.aliases ?? []), noInitial]).filter((a) => a !== e.name),
    country: e.country !== undefined ? e.country : base?.country ?? null,
    sector: e.sector !== undefined ? e.sector : base?.sector ?? null,
    demonyms: uniq([...(base?.demonyms ?? []), ...(e.demonyms ?? [])]),
    members: e.members,
    gender: e.gender,
    offices: e.offices?.map((o) => ({ ...o, body: o.body ?? null, start: o.start ?? null, end: o.end ?? null })),
    lat: e.lat ?? base?.lat,
    lon: e.lon ?? base?.lon,
    capital: e.capital,
    metonymOf: e.metonymOf ?? base?.metonymOf,
    given: names?.given,
    surname: names?.surname,
    // Always present (mostly undefined), so that all people share one object shape.
    familyName: e.kind === 'person' ? e.familyName : undefined,
    generated: false,
  };
}

/** Collects the state overrides of all files by state code. */
export function collectStateOverrides(files: RawFile[]): Map<string, RawState[]> {
  const map = new Map<string, RawState[]>();
  for (const f of files) for (const s of f.states ?? []) map.set(s.code, [...(map.get(s.code) ?? []), s]);
  return map;
}

/** Collects membership lists of all files into per-state memberships. */
export function collectMemberships(files: RawFile[]): Map<string, Membership[]> {
  const map = new Map<string, Membership[]>();
  for (const f of files) {
    for (const list of f.memberships ?? []) {
      for (const m of list.members) {
        map.set(m.country, [...(map.get(m.country) ?? []), { body: list.body, start: m.start, end: m.end ?? null }]);
      }
    }
  }
  return map;
}
