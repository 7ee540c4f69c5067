// Lookups other stages use: entities by id, office holders on a date, places by name, ranked name candidates.
import { distance } from 'fastest-levenshtein';
import type { Entity, KnowledgeBase, Office } from './types.js';
import { firstWord, normAlias, splitName } from './normalize.js';
import { eachSimilar, fuzzyText, givenFits } from './fuzzy.js';

/** The entity with this id, or null. */
export function entityById(kb: KnowledgeBase, id: string): Entity | null {
  return kb.entities.get(id) ?? null;
}

/** True when the office was held on `date` (an unknown date counts as "now", i.e. no end). */
export function activeOn(office: Office, date: string | null): boolean {
  if (!date) return office.end === null;
  return (office.start === null || office.start <= date) && (office.end === null || office.end >= date);
}

/** The offices a person held on `date`. */
export function officesOn(person: Entity, date: string | null): Office[] {
  return (person.offices ?? []).filter((o) => activeOn(o, date));
}

function officeMatches(o: Office, kb: KnowledgeBase, countryOrBody: string): boolean {
  if (o.for === countryOrBody || o.body === countryOrBody) return true;
  const bodyId = kb.byCode.get(countryOrBody);
  return bodyId !== undefined && o.body === bodyId;
}

/** The person holding `role` for a state code or body (code or id) on `date`, or null. */
export function holderOf(kb: KnowledgeBase, role: string, countryOrBody: string, date: string | null): Entity | null {
  const list = kb.holdersByPlace.get(countryOrBody) ?? [];
  const byRole = kb.holdersByRole.get(role) ?? [];
  // Both lists keep the office holders' order: the shorter one is walked.
  const pick = (o: Office): boolean => o.role === role && officeMatches(o, kb, countryOrBody);
  const found = holdersBy(kb, list.length <= byRole.length ? list : byRole, pick, date);
  if (found.length <= 1) return found[0] ?? null;
  // Two holders at once means an office whose end the data does not know yet: the one who took office last holds it.
  const since = (e: Entity): string => (e.offices ?? []).filter((o) => pick(o) && activeOn(o, date)).reduce((a, o) => (o.start && o.start > a ? o.start : a), '');
  return found.reduce((best, e) => (since(e) > since(best) ? e : best));
}

/** People holding an office whose title contains `head` (e.g. "Director") for a state or body on `date`. */
export function holdersByTitle(kb: KnowledgeBase, head: string, countryOrBody: string, date: string | null): Entity[] {
  const h = head.toLowerCase();
  return holdersBy(kb, kb.holdersByPlace.get(countryOrBody) ?? [], (o) => o.title.toLowerCase().includes(h) && officeMatches(o, kb, countryOrBody), date);
}

// `from` holds every office holder that could match (see the holder indexes in kb.ts).
function holdersBy(_kb: KnowledgeBase, from: readonly Entity[], pick: (o: Office) => boolean, date: string | null): Entity[] {
  const out: Entity[] = [];
  for (const e of from) {
    if (e.offices?.some((o) => pick(o) && activeOn(o, date))) out.push(e);
  }
  return out;
}

/** The place or state entities known by this name ("Kiev" → Kyiv). */
export function placeByName(kb: KnowledgeBase, name: string): Entity[] {
  return (kb.places.get(normAlias(name)) ?? []).map((id) => kb.entities.get(id)).filter((e): e is Entity => !!e);
}

/** A candidate entity for a name with the reason it was proposed. */
export interface NameCandidate {
  entity: Entity;
  score: number;
  reason: 'exact' | 'alias' | 'surname' | 'fuzzy';
  /** Office titles held on the date asked about. */
  offices: string[];
}

/** Similarity of two strings in [0, 1] by edit distance. */
export function similarity(a: string, b: string): number {
  if (!a && !b) return 1;
  return 1 - distance(a, b) / Math.max(a.length, b.length);
}

/** Name similarity of a text name and a person: surname weighs more than the given name. */
export function personSimilarity(text: string, person: Entity): number {
  return partsSimilarity(textParts(text), person);
}

/** A text name's normalized given name and surname, for repeated similarity checks. */
export interface TextParts {
  readonly given: string;
  readonly surname: string;
}

/** Splits and normalizes a text name once (see `partsSimilarity`). */
export function textParts(text: string): TextParts {
  const t = splitName(text);
  return { given: normAlias(t.given), surname: normAlias(t.surname) };
}

/** `personSimilarity` with the text name already split and normalized. */
export function partsSimilarity(t: TextParts, person: Entity): number {
  let best = 0;
  for (const p of nameParts(person)) {
    if (!closeInLength(t.surname, p.surname)) continue;
    const sur = similarity(t.surname, p.surname);
    if (sur < 0.7) continue;
    const giv = t.given && p.given ? similarity(t.given, p.given) : 0.5;
    best = Math.max(best, 0.4 * giv + 0.6 * sur);
  }
  return best;
}

// The edit distance is at least the length difference, so a pair this far apart in length can
// never reach a similarity of 0.7 (same arithmetic as `similarity`, so no float surprises).
function closeInLength(a: string, b: string): boolean {
  const longest = Math.max(a.length, b.length);
  return longest === 0 || 1 - Math.abs(a.length - b.length) / longest >= 0.7;
}

const partsCache = new WeakMap<Entity, { given: string; surname: string }[]>();

function nameParts(person: Entity): { given: string; surname: string }[] {
  let parts = partsCache.get(person);
  if (!parts) {
    parts = [person.name, ...person.aliases].map((n) => {
      const p = splitName(n);
      return { given: normAlias(p.given), surname: normAlias(p.surname) };
    });
    partsCache.set(person, parts);
  }
  return parts;
}

// "Cyrus R. Vance" is not JD Vance: a given name in the text must share its initial with, or be close to, one of the person's.
/** True when a text's given name fits one of the person's (same initial or close spelling). */
export function givenCompatible(given: string, person: Entity): boolean {
  if (!given) return true;
  const theirs = [person.name, ...person.aliases].map((n) => normAlias(n.split(/\s+/)[0] ?? ''));
  return theirs.some((g) => g[0] === given[0] || similarity(g, given) >= 0.6);
}

/** Ranked candidates for a name: exact names, aliases, surnames and close spellings of people. */
export function lookupName(kb: KnowledgeBase, text: string, date: string | null = null): NameCandidate[] {
  const key = normAlias(text);
  const found = new Map<string, NameCandidate>();
  const add = (e: Entity | undefined, score: number, reason: NameCandidate['reason']): void => {
    if (!e || (found.get(e.id)?.score ?? 0) >= score) return;
    found.set(e.id, { entity: e, score, reason, offices: e.kind === 'person' ? officesOn(e, date).map((o) => o.title) : [] });
  };
  for (const entry of kb.index.get(firstWord(key)) ?? []) {
    if (entry.key !== key) continue;
    for (const t of entry.targets) if (t.kind === 'entity') add(kb.entities.get(t.id), t.canonical ? 1 : 0.95, t.canonical ? 'exact' : 'alias');
  }
  for (const id of kb.surnames.get(key) ?? []) add(kb.entities.get(id), 0.6, 'surname');
  const t = fuzzyText(text);
  const block = t.surname ? kb.fuzzyBlocks.get(t.surname[0]) : undefined;
  if (block) eachSimilar(t, block, (p, s) => {
    if (givenFits(t.given, p)) add(p.entity, 0.9 * s, 'fuzzy');
  });
  const bonus = (c: NameCandidate): number => (c.offices.length > 0 ? 0.05 : 0);
  return [...found.values()].sort((a, b) => b.score + bonus(b) - (a.score + bonus(a)));
}
