// Validation of the knowledge-base data files: every problem is a ConfigError naming the file,
// the entry (index and id) and what is wrong.
import { ConfigError } from '../errors.js';
import type { EntityKind, Membership, Office } from './types.js';
import type { MentionType } from '../model/types.js';
import { normAlias } from './normalize.js';

/** An entity as written in a data file, before defaults and generated aliases. */
export interface RawEntity {
  id: string;
  kind: EntityKind;
  type?: MentionType;
  code?: string;
  name: string;
  aliases?: string[];
  country?: string | null;
  sector?: string | null;
  demonyms?: string[];
  members?: string[];
  gender?: 'm' | 'f';
  /** People: the family name when the name is not written given name first ("Xi" of "Xi Jinping"). */
  familyName?: string;
  offices?: Office[];
  lat?: number;
  lon?: number;
  capital?: boolean;
  metonymOf?: string;
}

/** Extra names and facts for a state built from world-countries. */
export interface RawState {
  code: string;
  aliases?: string[];
  demonyms?: string[];
  capital?: string;
  memberships?: Membership[];
}

/** A per-state entity template ("Ministry of Foreign Affairs of {state}"). */
export interface RawTemplate {
  id: string;
  name: string;
  aliases?: string[];
  type: MentionType;
  sector: string;
  codes?: string[];
}

/** The members of one body with their accession dates. */
export interface RawMembershipList {
  body: string;
  members: { country: string; start: string | null; end?: string | null }[];
}

/** One parsed data file: every section optional. */
export interface RawFile {
  entities?: RawEntity[];
  states?: RawState[];
  templates?: RawTemplate[];
  roles?: { title: string; role: string | null; country?: string | null; sector: string; head?: string }[];
  sectorNouns?: { noun: string; sector: string; alone?: boolean }[];
  teamSports?: { team: string; words: string[]; sides?: string[] }[];
  memberships?: RawMembershipList[];
}

const SECTIONS = new Set(['entities', 'states', 'templates', 'roles', 'sectorNouns', 'teamSports', 'memberships', 'description']);
const KINDS = new Set(['state', 'place', 'org', 'bloc', 'person']);
const TYPES = new Set(['PERSON', 'ORG', 'GPE', 'LOC', 'GROUP']);
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

type Check = (ok: boolean, what: string) => void;

/** The line an entry starts on (1-based), worked out only when an error needs it. */
export type Locate = (section: string, index: number) => number | null;

function checker(file: string, locate: Locate | undefined, section: string, index: number, id: unknown): Check {
  return (ok, what) => {
    if (ok) return;
    const name = typeof id === 'string' ? ` (id "${id}")` : '';
    const line = locate?.(section, index);
    throw new ConfigError('KB_INVALID', `${file}${line ? `:${line}` : ''}: ${section}[${index}]${name}: ${what}. Fix the entry or remove the file.`);
  };
}

const isStr = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;
const isStrList = (v: unknown): boolean => v === undefined || (Array.isArray(v) && v.every(isStr));
const isDate = (v: unknown): boolean => v === null || v === undefined || (typeof v === 'string' && DATE.test(v));

// True when `words` occurs in `name` as whole words (case- and accent-insensitive).
function holdsWords(name: string, words: string): boolean {
  const n = ` ${normAlias(name)} `;
  return n.includes(` ${normAlias(words)} `);
}

function checkOffices(offices: unknown, check: Check): void {
  check(offices === undefined || Array.isArray(offices), '"offices" must be a list');
  for (const [k, o] of ((offices as Office[] | undefined) ?? []).entries()) {
    const at = `offices[${k}]`;
    check(typeof o === 'object' && o !== null, `${at} must be an object`);
    check(isStr(o.title) && isStr(o.role) && isStr(o.for) && isStr(o.sector), `${at} needs title, role, for and sector strings`);
    check(isDate(o.start) && isDate(o.end), `${at} start/end must be YYYY-MM-DD or null`);
    check(!o.start || !o.end || o.start <= o.end, `${at} ends before it starts`);
  }
}

function checkEntity(e: RawEntity, check: Check, seen: Set<string>): void {
  check(typeof e === 'object' && e !== null, 'must be an object');
  check(isStr(e.id) && ID.test(e.id), '"id" must be kebab-case');
  check(!seen.has(e.id), `duplicate id "${e.id}"`);
  seen.add(e.id);
  check(KINDS.has(e.kind), `"kind" must be one of ${[...KINDS].join(', ')}`);
  check(e.type === undefined || TYPES.has(e.type), `"type" must be one of ${[...TYPES].join(', ')}`);
  check(isStr(e.name), '"name" must be a non-empty string');
  check(isStrList(e.aliases) && isStrList(e.demonyms) && isStrList(e.members), 'aliases/demonyms/members must be lists of strings');
  check(e.country === undefined || e.country === null || isStr(e.country), '"country" must be a code or null');
  check(e.gender === undefined || e.gender === 'm' || e.gender === 'f', '"gender" must be "m" or "f"');
  check(e.familyName === undefined || (e.kind === 'person' && isStr(e.familyName) && holdsWords(e.name, e.familyName)),
    '"familyName" is for people only and must be one or more whole words of "name"');
  check(e.lat === undefined || (typeof e.lat === 'number' && Math.abs(e.lat) <= 90), '"lat" must be a number in [-90, 90]');
  check(e.lon === undefined || (typeof e.lon === 'number' && Math.abs(e.lon) <= 180), '"lon" must be a number in [-180, 180]');
  check(e.kind !== 'place' || (e.lat !== undefined && e.lon !== undefined), 'a place needs lat and lon');
  checkOffices(e.offices, check);
}

function checkList(file: string, raw: Record<string, unknown>, key: string): unknown[] {
  const v = raw[key];
  if (v === undefined) return [];
  if (!Array.isArray(v)) throw new ConfigError('KB_INVALID', `${file}: "${key}" must be a list.`);
  return v;
}

/** Validates one parsed data file and returns it typed; throws ConfigError on the first problem. */
export function validateFile(file: string, raw: unknown, seen: Set<string>, locate?: Locate): RawFile {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ConfigError('KB_INVALID', `${file}: the file must hold a JSON object with sections like "entities".`);
  }
  const obj = raw as Record<string, unknown>;
  for (const key of Object.keys(obj)) {
    if (!SECTIONS.has(key)) throw new ConfigError('KB_INVALID', `${file}: unknown section "${key}" (expected ${[...SECTIONS].join(', ')}).`);
  }
  checkList(file, obj, 'entities').forEach((e, i) => checkEntity(e as RawEntity, checker(file, locate, 'entities', i, (e as RawEntity)?.id), seen));
  checkList(file, obj, 'states').forEach((s, i) => {
    const st = s as RawState;
    const check = checker(file, locate, 'states', i, st?.code);
    check(isStr(st?.code) && /^[A-Z]{3}$/.test(st.code), '"code" must be an ISO alpha-3 code');
    check(isStrList(st.aliases) && isStrList(st.demonyms), 'aliases/demonyms must be lists of strings');
    check((st.memberships ?? []).every((m) => isStr(m.body) && isDate(m.start) && isDate(m.end)), 'memberships need body and YYYY-MM-DD dates');
  });
  checkList(file, obj, 'templates').forEach((t, i) => {
    const tp = t as RawTemplate;
    const check = checker(file, locate, 'templates', i, tp?.id);
    check(isStr(tp?.id) && tp.id.includes('{slug}'), '"id" must contain {slug}');
    check(isStr(tp.name) && isStrList(tp.aliases) && TYPES.has(tp.type) && isStr(tp.sector), 'needs name, aliases, type and sector');
  });
  checkList(file, obj, 'roles').forEach((r, i) => {
    const ro = r as NonNullable<RawFile['roles']>[number];
    const check = checker(file, locate, 'roles', i, ro?.title);
    check(isStr(ro?.title) && isStr(ro.sector), 'needs "title" and "sector"');
    check(ro.role === null || isStr(ro.role), '"role" must be a role key or null');
  });
  checkList(file, obj, 'teamSports').forEach((n, i) => {
    const ts = n as { team: string; words: string[]; sides?: string[] };
    checker(file, locate, 'teamSports', i, ts?.team)(isStr(ts?.team) && isStrList(ts.words), 'needs "team" (a name pattern with {state}) and "words"');
    checker(file, locate, 'teamSports', i, ts?.team)(ts?.sides === undefined || isStrList(ts.sides), '"sides" must be a list of place ids');
  });
  checkList(file, obj, 'sectorNouns').forEach((n, i) => {
    const sn = n as { noun: string; sector: string; alone?: unknown };
    checker(file, locate, 'sectorNouns', i, sn?.noun)(isStr(sn?.noun) && isStr(sn.sector) && (sn.alone === undefined || typeof sn.alone === 'boolean'), 'needs "noun" and "sector" ("alone" must be true or false)');
  });
  checkList(file, obj, 'memberships').forEach((m, i) => {
    const ml = m as RawMembershipList;
    const check = checker(file, locate, 'memberships', i, ml?.body);
    check(isStr(ml?.body) && Array.isArray(ml.members), 'needs "body" and "members"');
    ml.members.forEach((x, k) => check(isStr(x.country) && isDate(x.start) && isDate(x.end), `members[${k}] needs country and YYYY-MM-DD dates`));
  });
  return obj as RawFile;
}
