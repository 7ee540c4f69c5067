// Loads the actor knowledge base: reads every JSON file of data/actors (and extra folders),
// validates it, builds states and template entities, and indexes all names for matching.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError } from '../errors.js';
import type { CaseRule, Entity, IndexEntry, IndexTarget, KnowledgeBase, RoleTitle, SectorNoun, SpanTable } from './types.js';
import { validateFile } from './kb-validate.js';
import { lineColumn, scanJson, type JsonWhere } from '../data/json-where.js';
import type { RawFile } from './kb-validate.js';
import { buildStates, buildTemplates, collectMemberships, collectStateOverrides, familyNameOf, toEntity } from './kb-build.js';
import { FNV_OFFSET, firstWord, hashStep, isWordChar, nameSuffix, normAlias, spanHash, splitName } from './normalize.js';
import { buildFuzzyBlocks } from './fuzzy.js';
import { cacheEnabled, cacheKey, readCachedBase, writeCachedBase } from './kb-cache.js';
import type { FuzzyBlock } from './fuzzy.js';

/** The folder holding our own knowledge-base files. */
export function defaultDataDir(): string {
  return fileURLToPath(new URL('../../data/actors/', import.meta.url));
}

function readDir(dir: string, seen: Set<string>): { file: string; raw: RawFile; locate: (section: string, index: number) => number | null }[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.json')).sort();
  } catch {
    throw new ConfigError('KB_MISSING', `${dir}: cannot read the knowledge-base folder; check the path.`);
  }
  return names.map((n) => {
    const file = join(dir, n);
    const text = readFileSync(file, 'utf8');
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (err) {
      const at = scanJson(text).error;
      const where = at === null ? '' : `:${lineColumn(text, at).line}:${lineColumn(text, at).column}`;
      throw new ConfigError('KB_INVALID', `${file}${where}: not valid JSON (${(err as Error).message}).`);
    }
    // Lines are worked out only for an error message: scanning every file on each load would cost time.
    let where: JsonWhere | null = null;
    const locate = (section: string, index: number): number | null => {
      where ??= scanJson(text);
      const at = where.lists.get(section)?.[index];
      return at === undefined ? null : lineColumn(text, at).line;
    };
    return { file, raw: validateFile(file, parsed, seen, locate), locate };
  });
}

/**
 * Loads, validates and indexes the knowledge base from data/actors plus `extraDirs`. It comes from
 * its compiled cache when the data files (built-in and extra) and the code are unchanged (kb-cache.ts).
 */
export function loadKnowledgeBase(extraDirs: string[] = []): KnowledgeBase {
  if (!cacheEnabled()) return buildKnowledgeBase(extraDirs);
  let key: string;
  try {
    key = cacheKey(defaultDataDir(), extraDirs);
  } catch {
    // A folder that cannot be listed: the build says which, with the knowledge base's own error.
    return buildKnowledgeBase(extraDirs);
  }
  const cached = readCachedBase(key);
  if (cached) return { ...cached, cached: true };
  const kb = buildKnowledgeBase(extraDirs);
  writeCachedBase(key, kb);
  return kb;
}

/** Reads, validates and indexes the files (no cache). */
export function buildKnowledgeBase(extraDirs: string[] = []): KnowledgeBase {
  const seen = new Set<string>();
  const loaded = [defaultDataDir(), ...extraDirs].flatMap((d) => readDir(d, seen));
  const files = loaded.map((l) => l.raw);
  const states = buildStates(collectStateOverrides(files), collectMemberships(files));
  const entities = new Map<string, Entity>();
  for (const s of states) entities.set(s.id, s);
  for (const g of buildTemplates(files.flatMap((f) => f.templates ?? []), states)) entities.set(g.id, g);
  const byCode = new Map<string, string>();
  for (const s of states) if (s.country) byCode.set(s.country, s.id);
  for (const l of loaded) {
    for (const [i, raw] of (l.raw.entities ?? []).entries()) {
      const base = entities.get(raw.id);
      if (base && base.kind === 'state') throw new ConfigError('KB_INVALID', `${l.file}:${l.locate('entities', i) ?? '?'}: entities[${i}] (id "${raw.id}"): id taken by a state; use a "states" override.`);
      entities.set(raw.id, toEntity(raw, base));
      if (raw.code) byCode.set(raw.code, raw.id);
    }
  }
  linkCapitals(entities);
  const titles: RoleTitle[] = files.flatMap((f) => f.roles ?? []).map((r) => ({
    title: r.title, role: r.role, country: r.country ?? null, sector: r.sector, head: r.head ?? r.title.split(/\s+/).pop() ?? r.title,
  }));
  const sectorNouns: SectorNoun[] = files.flatMap((f) => f.sectorNouns ?? []);
  const index = buildIndex(entities, titles, sectorNouns);
  const officeHolders = [...entities.values()].filter((e) => e.kind === 'person' && e.offices && e.offices.length > 0);
  const kb: KnowledgeBase = {
    entities,
    titles,
    sectorNouns,
    teamSports: files.flatMap((f) => f.teamSports ?? []).map((t) => ({ team: t.team, words: new Set(t.words.map((w) => w.toLowerCase())), sides: new Set(t.sides ?? []) })),
    index,
    spans: buildSpanTable(index),
    officeHolders,
    ...buildHolderIndexes(officeHolders, byCode),
    ...buildPersonIndexes(entities),
    places: buildPlaceIndex(entities),
    byCode,
    files: loaded.map((l) => l.file),
    familyKeys: buildFamilyKeys(entities),
  };
  return kb;
}

function linkCapitals(entities: Map<string, Entity>): void {
  const stateOf = new Map<string, Entity>();
  for (const e of entities.values()) if (e.kind === 'state' && e.country && !stateOf.has(e.country)) stateOf.set(e.country, e);
  for (const e of entities.values()) {
    if (e.kind !== 'place' || !e.capital || e.metonymOf || !e.country) continue;
    const state = stateOf.get(e.country);
    const gov = state ? entities.get(`government-of-${state.id}`) : undefined;
    if (gov) entities.set(e.id, { ...e, metonymOf: gov.id });
  }
}

function addKey(map: Map<string, { surface: string; targets: IndexTarget[] }>, alias: string, target: IndexTarget): void {
  const key = normAlias(alias);
  if (!firstWord(key)) return;
  const entry = map.get(key) ?? { surface: alias.trim(), targets: [] };
  entry.targets.push(target);
  map.set(key, entry);
}

function buildIndex(entities: Map<string, Entity>, titles: RoleTitle[], nouns: SectorNoun[]): Map<string, IndexEntry[]> {
  const byKey = new Map<string, { surface: string; targets: IndexTarget[] }>();
  for (const e of entities.values()) {
    const priority = e.generated ? 1 : 2;
    addKey(byKey, e.name, { kind: 'entity', id: e.id, entity: e, demonym: false, canonical: true, priority });
    for (const a of e.aliases) addKey(byKey, a, { kind: 'entity', id: e.id, entity: e, demonym: false, canonical: false, priority });
    for (const d of e.demonyms) addKey(byKey, d, { kind: 'entity', id: e.id, entity: e, demonym: true, canonical: false, priority: 0 });
  }
  for (const t of titles) addKey(byKey, t.title, { kind: 'title', title: t });
  for (const n of nouns) addKey(byKey, n.noun, { kind: 'sector', noun: n });
  const index = new Map<string, IndexEntry[]>();
  for (const [key, v] of byKey) {
    const first = firstWord(key);
    const list = index.get(first) ?? [];
    list.push({ key, surface: v.surface, targets: v.targets, caseRule: caseRuleOf(v.surface, v.targets), best: bestTarget(v.targets) });
    index.set(first, list);
  }
  for (const list of index.values()) list.sort((a, b) => b.key.length - a.key.length);
  return index;
}

// Size of the first-word filter in bits (a power of two): 2^18 bits keep false hits to a few per cent.
const FIRST_WORD_BITS = 1 << 18;

// See SpanTable: each key is entered whole, and each of its beginnings followed by a non-letter as a prefix.
function buildSpanTable(index: Map<string, IndexEntry[]>): SpanTable {
  const entries: IndexEntry[] = [];
  for (const list of index.values()) for (const e of list) entries.push(e);
  let count = entries.length;
  for (const e of entries) count += boundaries(e.key);
  let size = 16;
  while (size < count * 1.5) size *= 2;
  const mask = size - 1;
  const slots = new Int32Array(size * 2);
  const firstWordBits = new Uint32Array(FIRST_WORD_BITS / 32);
  const free = (h: number): number => {
    let slot = (h & mask) << 1;
    while (slots[slot] !== 0) slot = (slot + 2) & (size * 2 - 1);
    slots[slot] = h;
    return slot;
  };
  // A beginning shares a slot with anything of the same hash (at worst the scan reads on a little further).
  const addPrefix = (h: number): void => {
    let slot = (h & mask) << 1;
    for (; slots[slot] !== 0; slot = (slot + 2) & (size * 2 - 1)) {
      if (slots[slot] === h) {
        slots[slot + 1] |= 1;
        return;
      }
    }
    slots[slot] = h;
    slots[slot + 1] = 1;
  };
  let maxLen = 0;
  for (let k = 0; k < entries.length; k++) {
    const key = entries[k].key;
    if (key.length > maxLen) maxLen = key.length;
    let h = FNV_OFFSET;
    let firstDone = false;
    for (let p = 0; p < key.length; p++) {
      const c = key.charCodeAt(p);
      if (p > 0 && !wordCode(key, p, c)) {
        addPrefix(spanHash(h) | 0);
        if (!firstDone) {
          firstDone = true;
          setBit(firstWordBits, spanHash(h) & (FIRST_WORD_BITS - 1));
        }
      }
      h = hashStep(h, c);
    }
    if (!firstDone) setBit(firstWordBits, spanHash(h) & (FIRST_WORD_BITS - 1));
    slots[free(spanHash(h) | 0) + 1] = (k + 1) * 2;
  }
  return { mask, slots, entries, maxLen, firstWordBits };
}

// How many beginnings of the key are followed by a non-letter.
function boundaries(key: string): number {
  let n = 0;
  for (let p = 1; p < key.length; p++) if (!wordCode(key, p, key.charCodeAt(p))) n++;
  return n;
}

// `isWordChar` of key[p] (char code c), with a fast path for ASCII (keys are lower-case).
function wordCode(key: string, p: number, c: number): boolean {
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a);
  return isWordChar(key[p]);
}

function setBit(bits: Uint32Array, bit: number): void {
  bits[bit >> 5] |= 1 << (bit & 31);
}

const ALL_CAPS = /^[^\p{Ll}]*\p{Lu}[^\p{Ll}]*\p{Lu}[^\p{Ll}]*$/u;
const UPPER_FIRST = /^\P{L}*\p{Lu}/u;
const THE = /^the\s/i;

function caseRuleOf(surface: string, targets: readonly IndexTarget[]): CaseRule {
  if (targets.every((t) => t.kind !== 'entity')) return 'any';
  if (ALL_CAPS.test(surface)) return 'caps';
  if (THE.test(surface)) return 'upperAfterThe';
  return UPPER_FIRST.test(surface) ? 'upper' : 'any';
}

function bestTarget(targets: readonly IndexTarget[]): IndexTarget {
  const rank = (t: IndexTarget): number => (t.kind === 'entity' ? (t.demonym ? 1 : 10 + t.priority) : t.kind === 'title' ? 5 : 4);
  return [...targets].sort((a, b) => rank(b) - rank(a))[0];
}

// People by surname key: the whole surname of the name (particles included: "von der leyen") and the
// last word of the surname of the name and of each alias ("leyen", "king" of "Martin Luther King Jr.",
// "xi" of "Xi Jinping" when the data gives the family name); forms with a regnal number give none.
function buildPersonIndexes(entities: Map<string, Entity>): { surnames: Map<string, string[]>; fuzzyBlocks: Map<string, FuzzyBlock> } {
  const surnames = new Map<string, string[]>();
  for (const e of entities.values()) {
    if (e.kind !== 'person' || !e.surname) continue;
    const family = familyNameOf(e);
    // A regnal name ("Leo XIV", "Elizabeth II") is a given name, not a surname: only its forms without the number count ("Queen Elizabeth").
    const forms = [e.name, ...e.aliases].filter((a) => !REGNAL.test(nameSuffix(a)));
    const whole = family ?? (forms[0] === e.name ? e.surname : '');
    const keys = new Set([whole, ...forms.map((a) => lastWord(splitName(a, family).surname))].map(normAlias).filter(Boolean));
    for (const k of keys) {
      const list = surnames.get(k);
      if (list) list.push(e.id);
      else surnames.set(k, [e.id]);
    }
  }
  return { surnames, fuzzyBlocks: buildFuzzyBlocks(entities.values()) };
}

const REGNAL = /^[ivx]+$/;

function lastWord(s: string): string {
  return s.slice(s.lastIndexOf(' ') + 1);
}

/**
 * The name forms of people whose family name is not written last, each with its surname key (see
 * `KnowledgeBase.familyKeys`): every form holding the family name is keyed on it.
 */
function buildFamilyKeys(entities: ReadonlyMap<string, Entity>): Map<string, string> {
  const keys = new Map<string, string>();
  for (const e of entities.values()) {
    const family = e.kind === 'person' ? familyNameOf(e) : undefined;
    if (!family) continue;
    for (const form of [e.name, ...e.aliases]) {
      const s = splitName(form, family).surname;
      if (normAlias(s).split(' ').includes(normAlias(family).split(' ').pop() ?? '')) keys.set(normAlias(form), normAlias(lastWord(s)));
    }
  }
  return keys;
}

// Office holders by role and by what the office is for (state code, body code, body id), keeping their order.
// An office is found under its `for`, its body id, and every code whose entity is that body (see `officeMatches` in lookup.ts).
function buildHolderIndexes(holders: readonly Entity[], byCode: ReadonlyMap<string, string>): { holdersByRole: Map<string, Entity[]>; holdersByPlace: Map<string, Entity[]> } {
  const codesOf = new Map<string, string[]>();
  for (const [code, id] of byCode) {
    const list = codesOf.get(id);
    if (list) list.push(code);
    else codesOf.set(id, [code]);
  }
  const holdersByRole = new Map<string, Entity[]>();
  const holdersByPlace = new Map<string, Entity[]>();
  const add = (map: Map<string, Entity[]>, key: string, e: Entity): void => {
    const list = map.get(key);
    if (!list) map.set(key, [e]);
    else if (list[list.length - 1] !== e) list.push(e);
  };
  for (const e of holders) {
    for (const o of e.offices ?? []) {
      add(holdersByRole, o.role, e);
      add(holdersByPlace, o.for, e);
      if (!o.body) continue;
      add(holdersByPlace, o.body, e);
      for (const code of codesOf.get(o.body) ?? []) add(holdersByPlace, code, e);
    }
  }
  return { holdersByRole, holdersByPlace };
}

function buildPlaceIndex(entities: Map<string, Entity>): Map<string, string[]> {
  const places = new Map<string, string[]>();
  for (const e of entities.values()) {
    if (e.kind !== 'place' && e.kind !== 'state') continue;
    for (const n of new Set([e.name, ...e.aliases].map(normAlias))) places.set(n, [...(places.get(n) ?? []), e.id]);
  }
  return places;
}
