// Wikidata entity records (P31, P27, P39 with P580/P582, labels, aliases) → a knowledge-base file
// in our own format. Pure: text and maps in, entities and a report out; the CLI reads and writes.
import { ConfigError, InputError } from '../errors.js';
import type { EntityKind, KnowledgeBase } from './types.js';
import type { RawEntity } from './kb-validate.js';
import { lookupName } from './lookup.js';

/** How records are read: classes → kinds, items → state codes, positions → offices. */
export interface WikidataMap {
  readonly classes: Readonly<Record<string, { kind: EntityKind; sector?: string; capital?: boolean }>>;
  readonly countries: Readonly<Record<string, string>>;
  readonly positions: Readonly<Record<string, { title: string; role: string; for: string; sector: string }>>;
  readonly roles: readonly { pattern: RegExp; role: string; sector: string }[];
}

/** Options of one import. */
export interface ImportOptions {
  /** Label languages in order of preference; the first found names the entity, the rest become aliases. */
  readonly languages: readonly string[];
  /** Keep entities whose name the knowledge base already knows (default: skip them). */
  readonly keepKnown?: boolean;
}

/** What an import did: counts, and each record left out with the reason. */
export interface ImportReport {
  read: number;
  written: Record<string, number>;
  skipped: { id: string; reason: string }[];
  officesDropped: { id: string; position: string; reason: string }[];
}

/** An imported entity: our entity format plus the item id it came from. */
export type ImportedEntity = RawEntity & { wikidata: string };

type Snak = { snaktype?: string; datavalue?: { value?: unknown } };
type Statement = { mainsnak?: Snak; rank?: string; qualifiers?: Record<string, Snak[]> };
/** One Wikidata entity record, as far as we read it. */
export interface WikidataItem {
  id: string;
  labels?: Record<string, { value: string }>;
  aliases?: Record<string, { value: string }[]>;
  claims?: Record<string, Statement[]>;
}

/** Parses a map file's JSON (ours or a user's) into a WikidataMap; bad entries are ConfigErrors naming the file. */
export function parseWikidataMap(raw: unknown, file: string, base?: WikidataMap): WikidataMap {
  const bad = (what: string): never => { throw new ConfigError('WIKIDATA_MAP_INVALID', `${file}: ${what}.`); };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) bad('the file must hold a JSON object with "classes", "countries", "positions" and "roles"');
  const obj = raw as Record<string, unknown>;
  const record = (key: string): Record<string, unknown> => {
    const v = obj[key] ?? {};
    if (typeof v !== 'object' || v === null || Array.isArray(v)) bad(`"${key}" must be an object keyed by item id`);
    for (const k of Object.keys(v as object)) if (!/^Q\d+$/.test(k)) bad(`"${key}": "${k}" is not an item id (Q followed by digits)`);
    return v as Record<string, unknown>;
  };
  const kinds = new Set(['state', 'place', 'org', 'bloc', 'person']);
  const classes = record('classes');
  for (const [k, v] of Object.entries(classes)) if (!kinds.has((v as { kind?: string })?.kind ?? '')) bad(`classes.${k}: "kind" must be one of ${[...kinds].join(', ')}`);
  const countries = record('countries');
  for (const [k, v] of Object.entries(countries)) if (typeof v !== 'string' || !/^[A-Z]{3}$/.test(v)) bad(`countries.${k}: must be an ISO alpha-3 code`);
  const positions = record('positions');
  for (const [k, v] of Object.entries(positions)) {
    const p = v as Record<string, unknown>;
    if (!['title', 'role', 'for', 'sector'].every((f) => typeof p?.[f] === 'string')) bad(`positions.${k}: needs "title", "role", "for" and "sector" strings`);
  }
  const roles = obj.roles ?? [];
  if (!Array.isArray(roles)) bad('"roles" must be a list');
  const parsedRoles = (roles as Record<string, unknown>[]).map((r, i) => {
    if (typeof r?.pattern !== 'string' || typeof r.role !== 'string' || typeof r.sector !== 'string') bad(`roles[${i}]: needs "pattern", "role" and "sector" strings`);
    try {
      return { pattern: new RegExp(r.pattern as string, 'i'), role: r.role as string, sector: r.sector as string };
    } catch (err) {
      return bad(`roles[${i}]: the pattern is not a valid regular expression (${(err as Error).message})`);
    }
  });
  return {
    classes: { ...base?.classes, ...(classes as WikidataMap['classes']) },
    countries: { ...base?.countries, ...(countries as WikidataMap['countries']) },
    positions: { ...base?.positions, ...(positions as WikidataMap['positions']) },
    roles: [...parsedRoles, ...(base?.roles ?? [])],
  };
}

/** Reads the records of a Wikidata JSON file: EntityData object, array, dump (one per line) or JSON Lines. */
export function parseWikidataRecords(text: string, source: string): WikidataItem[] {
  const body = text.trim();
  if (!body) throw new InputError('input-empty', `${source}: the file is empty.`);
  try {
    const whole = JSON.parse(body) as unknown;
    if (Array.isArray(whole)) return whole.map((e, i) => checkItem(e, `${source}: item ${i + 1}`));
    if (whole && typeof whole === 'object') {
      const o = whole as Record<string, unknown>;
      if (o.entities && typeof o.entities === 'object') return Object.values(o.entities).map((e, i) => checkItem(e, `${source}: entity ${i + 1}`));
      return [checkItem(o, source)];
    }
  } catch (err) {
    if (err instanceof InputError) throw err;
  }
  // A dump or JSON Lines: one entity per line, dumps wrap them in [ ] with a comma after each.
  const items: WikidataItem[] = [];
  body.split('\n').forEach((line, i) => {
    const l = line.trim().replace(/,$/, '');
    if (!l || l === '[' || l === ']') return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(l);
    } catch (err) {
      throw new InputError('input-json', `${source}:${i + 1}: not a Wikidata entity record (${(err as Error).message}).`);
    }
    items.push(checkItem(parsed, `${source}:${i + 1}`));
  });
  return items;
}

function checkItem(e: unknown, where: string): WikidataItem {
  const id = (e as { id?: unknown })?.id;
  if (typeof id !== 'string' || !/^[QP]\d+$/.test(id)) throw new InputError('input-json', `${where}: not a Wikidata entity record (no "id" like "Q42").`);
  return e as WikidataItem;
}

const itemOf = (s: Snak | undefined): string | null => {
  const v = s?.snaktype === undefined || s.snaktype === 'value' ? (s?.datavalue?.value as { id?: string } | undefined) : undefined;
  return typeof v?.id === 'string' ? v.id : null;
};

/** The statements of a property, best rank first, deprecated ones left out. */
function statements(item: WikidataItem, prop: string): Statement[] {
  const all = (item.claims?.[prop] ?? []).filter((s) => s.rank !== 'deprecated');
  return [...all.filter((s) => s.rank === 'preferred'), ...all.filter((s) => s.rank !== 'preferred')];
}

const values = (item: WikidataItem, prop: string): string[] => statements(item, prop).map((s) => itemOf(s.mainsnak)).filter((v): v is string => v !== null);

function stringValue(item: WikidataItem, prop: string): string | null {
  const v = statements(item, prop)[0]?.mainsnak?.datavalue?.value;
  return typeof v === 'string' ? v : null;
}

/** A time qualifier as YYYY-MM-DD when it is given to the day; 'imprecise' when it is not; null when absent. */
function dayOf(snaks: Snak[] | undefined): string | null | 'imprecise' {
  const v = snaks?.[0]?.datavalue?.value as { time?: string; precision?: number } | undefined;
  if (!v?.time) return null;
  const m = /^\+(\d{4})-(\d{2})-(\d{2})T/.exec(v.time);
  if (!m || (v.precision ?? 0) < 11) return 'imprecise';
  return `${m[1]}-${m[2]}-${m[3]}`;
}

function labelOf(item: WikidataItem, languages: readonly string[]): string | null {
  for (const l of languages) if (item.labels?.[l]?.value) return item.labels[l].value;
  return null;
}

function slug(name: string): string {
  return name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'entity';
}

/** Converts Wikidata records into entities of our format, with a report of what was left out and why. */
export function importWikidata(items: readonly WikidataItem[], map: WikidataMap, kb: KnowledgeBase, options: ImportOptions): { entities: ImportedEntity[]; report: ImportReport } {
  const byId = new Map(items.map((i) => [i.id, i]));
  const report: ImportReport = { read: items.length, written: {}, skipped: [], officesDropped: [] };
  const stateCodes = new Set([...kb.entities.values()].filter((e) => e.kind === 'state' && e.country).map((e) => e.country as string));

  const countryOf = (qid: string | undefined): string | null => {
    if (!qid) return null;
    if (map.countries[qid]) return map.countries[qid];
    const item = byId.get(qid);
    if (!item) return null;
    const iso = stringValue(item, 'P298');
    if (iso && stateCodes.has(iso)) return iso;
    const label = labelOf(item, ['en']);
    const hit = label ? lookupName(kb, label).find((c) => c.entity.kind === 'state' && c.score >= 0.95) : undefined;
    return hit?.entity.country ?? null;
  };
  const bodyOf = (qid: string): string | null => {
    const label = byId.get(qid) ? labelOf(byId.get(qid) as WikidataItem, ['en']) : null;
    const hit = label ? lookupName(kb, label).find((c) => c.entity.kind === 'org' && c.score >= 0.95) : undefined;
    if (!hit) return null;
    for (const [code, id] of kb.byCode) if (id === hit.entity.id) return code;
    return hit.entity.country;
  };
  const positionOf = (qid: string): { title: string; role: string; for: string; sector: string } | string => {
    if (map.positions[qid]) return map.positions[qid];
    const item = byId.get(qid);
    if (!item) return `position ${qid} is neither in the file nor in the map`;
    const title = labelOf(item, ['en']);
    if (!title) return `position ${qid} has no English label`;
    const jurisdiction = values(item, 'P1001')[0] ?? values(item, 'P17')[0];
    const where = countryOf(jurisdiction) ?? (jurisdiction ? bodyOf(jurisdiction) : null);
    if (!where) return `position "${title}" (${qid}) has no jurisdiction (P1001) we can place`;
    const rule = map.roles.find((r) => r.pattern.test(title));
    if (!rule) return `position "${title}" (${qid}) matches no role pattern`;
    return { title: title.charAt(0).toUpperCase() + title.slice(1), role: rule.role, for: where, sector: rule.sector };
  };

  const referenced = referencedItems(items);
  const entities: ImportedEntity[] = [];
  for (const item of items) {
    const skip = (reason: string): void => { report.skipped.push({ id: item.id, reason }); };
    if (!item.id.startsWith('Q')) { skip('a property, not an item'); continue; }
    const cls = values(item, 'P31').map((c) => ({ c, m: map.classes[c] })).find((x) => x.m);
    if (!cls) { if (!referenced.has(item.id)) skip(`no known class in P31 (${values(item, 'P31').join(', ') || 'none'})`); continue; }
    const name = labelOf(item, options.languages);
    if (!name) { skip(`no label in ${options.languages.join(', ')}`); continue; }
    const kind = cls.m.kind;
    if (kind === 'state') {
      if (!referenced.has(item.id)) skip(`states come from the built-in list; add other names for "${name}" in a "states" section`);
      continue;
    }
    const id = `${slug(name)}-${item.id.toLowerCase()}`;
    // An entity imported from this item before (a re-import into the same folder) is not "known".
    const known = lookupName(kb, name).find((c) => c.score >= 0.95 && c.entity.kind === kind && c.entity.id !== id);
    if (known && !options.keepKnown) { skip(`already in the knowledge base as "${known.entity.id}" (--keep-known imports it anyway)`); continue; }
    const aliases = aliasesOf(item, name, kind, options.languages);
    const entity: ImportedEntity = { id, kind, name, aliases, wikidata: item.id };
    if (kind === 'person') {
      const gender = values(item, 'P21')[0];
      if (gender === 'Q6581097') entity.gender = 'm';
      if (gender === 'Q6581072') entity.gender = 'f';
      entity.country = values(item, 'P27').map(countryOf).find((c) => c) ?? null;
      entity.offices = [];
      for (const s of statements(item, 'P39')) {
        const pos = itemOf(s.mainsnak);
        if (!pos) continue;
        const start = dayOf(s.qualifiers?.P580);
        const end = dayOf(s.qualifiers?.P582);
        if (start === 'imprecise' || end === 'imprecise') { report.officesDropped.push({ id: item.id, position: pos, reason: 'start or end not given to the day' }); continue; }
        const office = positionOf(pos);
        if (typeof office === 'string') { report.officesDropped.push({ id: item.id, position: pos, reason: office }); continue; }
        entity.offices.push({ ...office, body: null, start, end });
      }
    } else {
      entity.country = countryOf(values(item, 'P17')[0]) ?? null;
      if (cls.m.sector) entity.sector = cls.m.sector;
      if (kind === 'place') {
        const c = statements(item, 'P625')[0]?.mainsnak?.datavalue?.value as { latitude?: number; longitude?: number } | undefined;
        if (typeof c?.latitude !== 'number' || typeof c.longitude !== 'number') { skip(`place "${name}" has no coordinates (P625)`); continue; }
        entity.lat = c.latitude;
        entity.lon = c.longitude;
        if (cls.m.capital) entity.capital = true;
      }
    }
    entities.push(entity);
    report.written[kind] = (report.written[kind] ?? 0) + 1;
  }
  return { entities, report };
}

/** Items other records point at (countries and positions given for context, not to import). */
function referencedItems(items: readonly WikidataItem[]): Set<string> {
  const out = new Set<string>();
  for (const i of items) {
    for (const ss of Object.values(i.claims ?? {})) {
      for (const s of ss) {
        const v = itemOf(s.mainsnak);
        if (v && v !== i.id) out.add(v);
      }
    }
  }
  return out;
}

function aliasesOf(item: WikidataItem, name: string, kind: EntityKind, languages: readonly string[]): string[] {
  const out = new Set<string>();
  for (const l of languages) {
    const label = item.labels?.[l]?.value;
    if (label && label !== name) out.add(label);
    for (const a of item.aliases?.[l] ?? []) out.add(a.value);
  }
  // A bare surname or given name as a person's alias would match everyone who shares it.
  return [...out].filter((a) => a.trim() && a !== name && (kind !== 'person' || /\s/.test(a.trim())));
}
