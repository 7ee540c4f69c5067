// Resolving proper-name runs that matched no alias exactly: close spellings of known people,
// surnames of people named elsewhere in the article or in the knowledge base, unknown names.
import type { MentionType } from '../model/types.js';
import type { Entity, KnowledgeBase } from './types.js';
import type { Ctx, NameHints } from './context.js';
import { pickOffice, surnameKey } from './context.js';
import { activeOn, givenCompatible, partsSimilarity, textParts } from './lookup.js';
import { normAlias, splitName } from './normalize.js';

/** What a name run resolved to. */
export interface RunResolution {
  readonly entity: Entity | null;
  readonly name: string;
  readonly type: MentionType;
  readonly via: 'fuzzy' | 'coref' | 'alias' | 'unresolved';
  readonly confidence: number;
  readonly misspelled: boolean;
  readonly country: string | null;
  readonly candidates?: string[];
}

const ORG_WORDS = new Set(['party', 'university', 'ministry', 'church', 'council', 'foundation', 'association', 'agency', 'company', 'corporation', 'inc',
  'ltd', 'news', 'times', 'post', 'herald', 'journal', 'institute', 'committee', 'commission', 'league', 'union', 'federation', 'army', 'navy', 'group',
  'society', 'organization', 'organisation', 'bank', 'court', 'office', 'department', 'authority', 'movement', 'club', 'team', 'network', 'gazette', 'magazine', 'service', 'force', 'corps', 'alliance']);
const LOC_WORDS = new Set(['street', 'river', 'mountain', 'mount', 'hall', 'bridge', 'station', 'stadium', 'centre', 'center', 'mosque', 'square', 'park',
  'lake', 'island', 'islands', 'sea', 'ocean', 'valley', 'hotel', 'airport', 'palace', 'memorial', 'county', 'province', 'district', 'region', 'territories']);

/** Guesses the type of an unknown name from its words. */
export function guessType(text: string): MentionType {
  const words = text.toLowerCase().split(/[\s-]+/);
  if (words.some((w) => ORG_WORDS.has(w))) return 'ORG';
  if (words.some((w) => LOC_WORDS.has(w))) return 'LOC';
  if (/^[\p{Lu}\d]{2,}$/u.test(text)) return 'ORG';
  return words.length >= 2 && words.length <= 4 ? 'PERSON' : 'ORG';
}

function hintBoost(person: Entity, hints: NameHints | null, date: string | null): number {
  if (!hints) return 0;
  let boost = 0;
  const offices = (person.offices ?? []).filter((o) => activeOn(o, date));
  if (hints.country && (person.country === hints.country || offices.some((o) => o.for === hints.country))) boost += 0.06;
  if (hints.role && offices.some((o) => o.role === hints.role)) boost += 0.08;
  if (hints.orgId && offices.some((o) => o.body === hints.orgId)) boost += 0.06;
  return boost;
}

function fuzzyPerson(kb: KnowledgeBase, text: string, hints: NameHints | null, date: string | null): { entity: Entity; score: number } | null {
  const sur = splitName(text).surname;
  const block = normAlias(sur)[0];
  let best: { entity: Entity; score: number } | null = null;
  const parts = textParts(text);
  for (const id of (block && kb.fuzzyBlocks.get(block)) || []) {
    const e = kb.entities.get(id);
    if (!e) continue;
    const sim = partsSimilarity(parts, e);
    if (sim < 0.7 || !givenCompatible(parts.given, e)) continue;
    const score = sim + hintBoost(e, hints, date);
    if (score >= 0.8 && (!best || score > best.score)) best = { entity: e, score };
  }
  return best;
}

function unknown(text: string, hints: NameHints | null): RunResolution {
  return { entity: null, name: text, type: guessType(text), via: 'unresolved', confidence: 0.4, misspelled: false, country: hints?.country ?? null };
}

function fromSurname(ctx: Ctx, word: string, hints: NameHints | null): RunResolution | null {
  const key = normAlias(word);
  const local = ctx.fullest.get(key);
  if (local) {
    const e = local.entity;
    return { entity: e, name: e?.name ?? local.name, type: 'PERSON', via: 'coref', confidence: 0.75, misspelled: false, country: e?.country ?? hints?.country ?? null };
  }
  const ids = ctx.kb.surnames.get(key) ?? [];
  const byGiven = ctx.givens.get(key);
  if (byGiven && ids.length === 0) return { entity: null, name: byGiven.name, type: 'PERSON', via: 'coref', confidence: 0.65, misspelled: false, country: hints?.country ?? null };
  if (ids.length === 0) return null;
  const people = ids.map((id) => ctx.kb.entities.get(id)).filter((e): e is Entity => !!e);
  const active = people.filter((p) => pickOffice(p, ctx.date, null) && (!hints?.country || p.country === hints.country || pickOffice(p, ctx.date, null)?.for === hints.country));
  const pick = active.length === 1 ? active[0] : people.length === 1 && ctx.date === null ? people[0] : null;
  if (pick) return { entity: pick, name: pick.name, type: 'PERSON', via: 'alias', confidence: 0.6, misspelled: false, country: pick.country };
  return { ...unknown(word, hints), type: 'PERSON', candidates: people.map((p) => p.id) };
}

/** Resolves one proper-name run; null when it is not worth a mention (a lone capitalised word seen once). */
export function resolveRun(ctx: Ctx, text: string, hints: NameHints | null): RunResolution | null {
  const words = text.split(/\s+/);
  if (words.length === 1) {
    const bySurname = fromSurname(ctx, text, hints);
    if (bySurname) return bySurname;
    const often = (ctx.counts.get(normAlias(text)) ?? 0) >= 2;
    if (!often && !hints && !/^[\p{Lu}\d]{2,}$/u.test(text)) return null;
    return unknown(text, hints);
  }
  const fuzzy = fuzzyPerson(ctx.kb, text, hints, ctx.date);
  if (fuzzy) {
    const e = fuzzy.entity;
    return { entity: e, name: e.name, type: 'PERSON', via: 'fuzzy', confidence: Math.min(0.9, fuzzy.score - 0.05), misspelled: true, country: e.country };
  }
  const local = ctx.fullest.get(surnameKey(text));
  if (local && local.name.length > text.length && local.name.endsWith(text)) return { ...unknown(local.name, hints), entity: local.entity, via: 'coref' };
  return unknown(text, hints);
}
