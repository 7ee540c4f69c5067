// Resolving proper-name runs that matched no alias exactly: close spellings of known people,
// surnames of people named elsewhere in the article or in the knowledge base, unknown names.
import type { MentionType } from '../model/types.js';
import type { Entity, KnowledgeBase } from './types.js';
import type { Ctx, NameHints } from './context.js';
import { capitalsOf, pickOffice, surnameKey } from './context.js';
import { activeOn, officesOn } from './lookup.js';
import { eachSimilar, eachSurnameLike, fuzzyText, givenFits, similarity } from './fuzzy.js';
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
  // The words as `split(/[\s-]+/)` gives them (an empty word before a leading or after a trailing
  // separator), walked without building the array: any organisation word makes it an ORG.
  const lower = text.toLowerCase();
  const n = lower.length;
  let count = 0;
  let loc = false;
  for (let from = 0; ; ) {
    let j = from;
    while (j < n && !isSeparator(lower, j)) j++;
    const w = lower.slice(from, j);
    count++;
    if (ORG_WORDS.has(w)) return 'ORG';
    if (LOC_WORDS.has(w)) loc = true;
    if (j >= n) break;
    while (j < n && isSeparator(lower, j)) j++;
    from = j;
  }
  if (loc) return 'LOC';
  if (/^[\p{Lu}\d]{2,}$/u.test(text)) return 'ORG';
  return count >= 2 && count <= 4 ? 'PERSON' : 'ORG';
}

const SPACE = /\s/;

// A hyphen or a whitespace character (as the regular expression class `\s`).
function isSeparator(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c === 0x2d || c === 0x20) return true;
  if (c < 0x80) return c >= 0x09 && c <= 0x0d;
  return SPACE.test(s[i]);
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
  const t = fuzzyText(text);
  let best: { entity: Entity; score: number } | null = null;
  const block = t.surname ? kb.fuzzyBlocks.get(t.surname[0]) : undefined;
  if (!block) return null;
  eachSimilar(t, block, (p, sim) => {
    if (!givenFits(t.given, p)) return;
    const score = sim + hintBoost(p.entity, hints, date);
    if (score >= 0.8 && (!best || score > best.score)) best = { entity: p.entity, score };
  });
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
  // The article's own unknown person with this given name outranks namesakes elsewhere ("Ahmed" after "Ahmed Mohamed").
  if (byGiven) return { entity: null, name: byGiven.name, type: 'PERSON', via: 'coref', confidence: 0.65, misspelled: false, country: hints?.country ?? null };
  if (ids.length === 0) return closeSurname(ctx, key, hints);
  const people = ids.map((id) => ctx.kb.entities.get(id)).filter((e): e is Entity => !!e);
  const active = people.filter((p) => pickOffice(p, ctx.date, null) && (!hints?.country || p.country === hints.country || pickOffice(p, ctx.date, null)?.for === hints.country));
  const pick = active.length === 1 ? active[0] : people.length === 1 && ctx.date === null ? people[0] : null;
  if (pick) return { entity: pick, name: pick.name, type: 'PERSON', via: 'alias', confidence: 0.6, misspelled: false, country: pick.country };
  // Several namesakes in office: the one acting for a country the article has named ("Sharif" in an article about Pakistan).
  const named = articleCountries(ctx);
  const inContext = active.filter((p) => (p.country !== null && named.has(p.country)) || officesOn(p, ctx.date).some((o) => named.has(o.for)));
  if (inContext.length === 1) return { entity: inContext[0], name: inContext[0].name, type: 'PERSON', via: 'alias', confidence: 0.55, misspelled: false, country: inContext[0].country };
  return { ...unknown(word, hints), type: 'PERSON', candidates: people.map((p) => p.id) };
}

// Countries of the states, places and bodies named so far in the article.
function articleCountries(ctx: Ctx): Set<string> {
  const out = new Set<string>();
  for (const m of ctx.mentions) if (m.country && m.type !== 'PERSON' && m.actor !== null) out.add(m.country);
  return out;
}

const MIN_FUZZY_SURNAME = 5;
const givensCache = new WeakMap<KnowledgeBase, Set<string>>();

// The normalized given names of all people of the knowledge base.
function givenNames(kb: KnowledgeBase): Set<string> {
  let set = givensCache.get(kb);
  if (!set) {
    set = new Set();
    for (const e of kb.entities.values()) if (e.kind === 'person' && e.given) set.add(normAlias(e.given));
    givensCache.set(kb, set);
  }
  return set;
}
const SURNAME_SIMILARITY = 0.85;
// Within one article, the same bar for a surname already named.
const LOCAL_SURNAME_SIMILARITY = 0.85;

// A lone surname spelt differently from every known one ("Zelenskiy", "Shoygu"): a person named
// earlier in the article with a close surname (else `closeKnownSurname`, once the word is a mention).
function closeSurname(ctx: Ctx, key: string, hints: NameHints | null): RunResolution | null {
  if (key.length < MIN_FUZZY_SURNAME) return null;
  let local: { name: string; entity: Entity | null } | null = null;
  let localSim = 0;
  let tie = false;
  for (const [k, v] of ctx.fullest) {
    // Only a surname proper ("Trump" of "the President" is no surname "President").
    if (k.length < MIN_FUZZY_SURNAME || Math.abs(k.length - key.length) > 2 || surnameKey(v.name) !== k) continue;
    const sim = similarity(k, key);
    if (sim < LOCAL_SURNAME_SIMILARITY || sim < localSim) continue;
    tie = sim === localSim && local !== null && local.name !== v.name;
    local = v;
    localSim = sim;
  }
  if (local && !tie) {
    const e = local.entity;
    return { entity: e, name: e?.name ?? local.name, type: 'PERSON', via: 'coref', confidence: 0.65, misspelled: true, country: e?.country ?? hints?.country ?? null };
  }
  return null;
}

// A lone surname close to that of the one office holder on the date with such a surname.
function closeKnownSurname(ctx: Ctx, key: string): RunResolution | null {
  if (key.length < MIN_FUZZY_SURNAME) return null;
  const block = ctx.kb.fuzzyBlocks.get(key[0]);
  // A word that is some known person's given name ("Mohammad") is not read as a misspelt surname.
  if (!block || givenNames(ctx.kb).has(key)) return null;
  const found: Entity[] = [];
  eachSurnameLike(key, block, SURNAME_SIMILARITY, (p) => {
    if (pickOffice(p.entity, ctx.date, null)) found.push(p.entity);
  });
  if (found.length !== 1) return null;
  return { entity: found[0], name: found[0].name, type: 'PERSON', via: 'fuzzy', confidence: 0.55, misspelled: true, country: found[0].country };
}

/** Resolves one proper-name run; null when it is not worth a mention (a lone capitalised word seen once). */
export function resolveRun(ctx: Ctx, text: string, hints: NameHints | null): RunResolution | null {
  // One word: no whitespace in the run's text.
  if (!/\s/.test(text)) {
    const bySurname = fromSurname(ctx, text, hints);
    if (bySurname) return bySurname;
    const often = (capitalsOf(ctx).get(normAlias(text)) ?? 0) >= 2;
    if (!often && !hints && !/^[\p{Lu}\d]{2,}$/u.test(text)) return null;
    // Only a word that is a mention anyway is tried as a misspelt surname of an office holder.
    return closeKnownSurname(ctx, normAlias(text)) ?? unknown(text, hints);
  }
  // A name is often written in full more than once in an article: its close spelling is looked up once per hint.
  // A phrase with an organisation or place word ("Supreme Court", "Hyde Park") is nobody's name and is not looked up.
  const memoKey = `${text}\u0000${hints?.country ?? ''}\u0000${hints?.role ?? ''}\u0000${hints?.orgId ?? ''}`;
  let fuzzy = ctx.fuzzyMemo.get(memoKey);
  if (fuzzy === undefined) {
    fuzzy = guessType(text) === 'PERSON' ? fuzzyPerson(ctx.kb, text, hints, ctx.date) : null;
    ctx.fuzzyMemo.set(memoKey, fuzzy);
  }
  if (fuzzy) {
    const e = fuzzy.entity;
    return { entity: e, name: e.name, type: 'PERSON', via: 'fuzzy', confidence: Math.min(0.9, fuzzy.score - 0.05), misspelled: true, country: e.country };
  }
  const local = ctx.fullest.get(surnameKey(text));
  if (local && local.name.length > text.length && local.name.endsWith(text)) return { ...unknown(local.name, hints), entity: local.entity, via: 'coref' };
  return unknown(text, hints);
}
