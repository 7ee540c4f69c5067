// The state carried through one article while mentions are found: the mentions so far,
// the people mentioned (for pronouns, surnames and counterparts) and the discourse country.
import type { Doc, Mention, MentionType } from '../model/types.js';
import type { Entity, KnowledgeBase, Office } from './types.js';
import { officesOn } from './lookup.js';
import { normAlias, splitName } from './normalize.js';
import { capitalCounts } from './org-spans.js';

/** A person mentioned in the article, as pronouns and surnames see it. */
export interface PersonRef {
  readonly entity: Entity | null;
  readonly name: string;
  readonly gender?: 'm' | 'f';
  readonly sentence: number;
  readonly tok: number;
  readonly country: string | null;
  readonly roleKey: string | null;
  readonly mention: Mention;
}

/** A qualifier before a title or name: a state, demonym or organisation ("US", "Russian", "CIA"). */
export interface Qualifier {
  readonly country: string | null;
  readonly orgId: string | null;
  readonly tokStart: number;
  readonly tokEnd: number;
}

/** Hints a title, qualifier or counterpart phrase gives the name that follows it. */
export interface NameHints {
  readonly country: string | null;
  readonly role: string | null;
  readonly orgId: string | null;
  readonly titleStart: number | null;
  /** "former President X": the person acts as an elite (ELI), not for the office. */
  readonly former?: boolean;
}

/** The per-article working state of findMentions. */
export interface Ctx {
  readonly doc: Doc;
  readonly kb: KnowledgeBase;
  readonly date: string | null;
  readonly quoted: Uint8Array;
  readonly mentions: Mention[];
  readonly persons: PersonRef[];
  /** Normalized surname → fullest name seen in the article (known people and unknown runs). */
  readonly fullest: Map<string, { name: string; entity: Entity | null }>;
  /** Normalized given name → the one unknown person of the article with it (null when two share it). */
  readonly givens: Map<string, { name: string; entity: Entity | null } | null>;
  /** Normalized single-token surface → how often it occurs capitalised; counted when first needed (`capitalsOf`). */
  counts: Map<string, number> | null;
  lastActorCountry: string | null;
  /** Country of the last state or organisation acting (for "its", "their"). */
  lastBodyCountry: string | null;
  lastPossessive: { tok: number; person: PersonRef | null } | null;
  /** Acronyms the article defined in brackets → the mention of the name they abbreviate. */
  readonly acronyms: Map<string, Mention>;
  /** `guessType` of the name runs of this article, each worked out once (text → type). */
  readonly runTypes: Map<string, MentionType>;
  /** Close-spelling lookups of full names already made in this article (text and hints → result). */
  readonly fuzzyMemo: Map<string, { entity: Entity; score: number } | null>;
}

/** The office a person holds on the date, preferring one of the hinted role. */
export function pickOffice(person: Entity, date: string | null, role: string | null): Office | null {
  const active = officesOn(person, date);
  return active.find((o) => role !== null && o.role === role) ?? active[0] ?? null;
}

const MAX_CACHED = 50000;
const noKbKeys = new Map<string, string>();
const kbKeys = new WeakMap<KnowledgeBase, Map<string, string>>();

/**
 * The normalized surname key of a name ("Antony Blinken" → "blinken", "Martin Luther King Jr." → "king");
 * with a knowledge base, a known person's name form whose family name comes first is keyed on it
 * ("Xi Jinping" → "xi", see `KnowledgeBase.familyKeys`).
 */
export function surnameKey(name: string, kb?: KnowledgeBase): string {
  let cache = noKbKeys;
  if (kb && kb.familyKeys.size > 0) {
    cache = kbKeys.get(kb) ?? new Map<string, string>();
    if (cache.size === 0) kbKeys.set(kb, cache);
  }
  const hit = cache.get(name);
  if (hit !== undefined) return hit;
  const key = (cache !== noKbKeys ? kb?.familyKeys.get(normAlias(name)) : undefined) ?? positionalKey(name);
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(name, key);
  return key;
}

const entityKeys = new WeakMap<Entity, string>();

/** `surnameKey` of a known person's name, kept with the entity (looked up by identity, not by the name's text). */
export function personKey(e: Entity, kb: KnowledgeBase): string {
  let key = entityKeys.get(e);
  if (key === undefined) {
    key = surnameKey(e.name, kb);
    entityKeys.set(e, key);
  }
  return key;
}

function positionalKey(name: string): string {
  const s = splitName(name).surname || name;
  return normAlias(s.split(/\s+/).pop() ?? s);
}

/** Records a person mention for later pronouns, surnames and counterparts. */
export function addPerson(ctx: Ctx, m: Mention, entity: Entity | null, tok: number): void {
  const office = entity ? pickOffice(entity, ctx.date, null) : null;
  ctx.persons.push({
    entity, name: m.name, gender: m.gender, sentence: m.sentence, tok, country: m.country,
    roleKey: (m.role && entity?.offices?.find((o) => o.title === m.role)?.role) ?? office?.role ?? null, mention: m,
  });
  if (!ctx.quoted[tok]) ctx.lastActorCountry = m.country ?? ctx.lastActorCountry;
}

/** The person a pronoun of this gender refers to: same sentence first, then the previous sentence's subject. */
export function antecedent(ctx: Ctx, tok: number, gender: 'm' | 'f' | null): PersonRef | null {
  const sentence = ctx.doc.tokens[tok].sentence;
  const fits = (p: PersonRef): boolean => p.tok < tok && !ctx.quoted[p.tok] && (gender === null || p.gender === gender || p.gender === undefined);
  const before = ctx.persons.filter(fits);
  const same = before.filter((p) => p.sentence === sentence);
  if (same.length > 0) return same[same.length - 1];
  for (let s = sentence - 1; s >= 0 && s >= sentence - 3; s--) {
    const first = before.find((p) => p.sentence === s);
    if (first) return first;
  }
  return before[before.length - 1] ?? null;
}

/** How often each lower-cased word occurs capitalised in the article, counted once on first use. */
export function capitalsOf(ctx: Ctx): ReadonlyMap<string, number> {
  return (ctx.counts ??= capitalCounts(ctx.doc));
}
