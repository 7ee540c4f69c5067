// Resolving proper-name runs that matched no alias exactly: close spellings of known people,
// surnames of people named elsewhere in the article or in the knowledge base, unknown names.
import type { MentionType } from '../model/types.js';
import type { Entity, KnowledgeBase, Office } from './types.js';
import type { Ctx, NameHints } from './context.js';
import { capitalsOf, pickOffice, surnameKey } from './context.js';
import { activeOn, officesOn } from './lookup.js';
import { eachSimilar, eachSurnameLike, fuzzyText, givenFits, similarity } from './fuzzy.js';
import type { FuzzyText } from './fuzzy.js';
import { isNameSuffix, isWordChar, nameSuffix, normAlias, splitName } from './normalize.js';
import { familyNameOf } from './kb-build.js';
import { scanAliases } from './scan.js';
import { tokenStartingAt } from '../nlp/token-search.js';

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

/** `guessType` of a name run of the article, worked out once per article. */
export function runType(ctx: Ctx, text: string): MentionType {
  let type = ctx.runTypes.get(text);
  if (type === undefined) {
    type = guessType(text);
    ctx.runTypes.set(text, type);
  }
  return type;
}

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
  const suffix = nameSuffix(text);
  eachSimilar(t, block, (p, sim) => {
    if (!givenFits(t.given, p)) return;
    // "Ferdinand Marcos" is not "Ferdinand Marcos Jr.", nor "Donald Trump Jr." Donald Trump: a text or person with a
    // suffix is scored on the person's forms with the same suffix.
    const fit = suffix !== '' || hasSuffixedForm(p.entity) ? suffixedSimilarity(t, suffix, p.entity) : sim;
    const score = fit + hintBoost(p.entity, hints, date);
    if (score >= 0.8 && (!best || score > best.score)) best = { entity: p.entity, score };
  });
  return best;
}

const suffixed = new WeakMap<Entity, boolean>();

// True when one of the person's name forms ends in a suffix ("Ferdinand Marcos Jr.", "Elizabeth II").
function hasSuffixedForm(e: Entity): boolean {
  let has = suffixed.get(e);
  if (has === undefined) {
    has = nameSuffix(e.name) !== '' || e.aliases.some((a) => nameSuffix(a) !== '');
    suffixed.set(e, has);
  }
  return has;
}

// The name similarity (as `fuzzySimilarity`) over the person's forms with the text's suffix ('' for none).
function suffixedSimilarity(t: FuzzyText, suffix: string, e: Entity): number {
  let best = 0;
  for (const form of [e.name, ...e.aliases]) {
    if (nameSuffix(form) !== suffix) continue;
    const f = fuzzyText(form);
    const sur = similarity(t.surname, f.surname);
    if (sur < 0.7) continue;
    const giv = t.given && f.given ? similarity(t.given, f.given) : 0.5;
    best = Math.max(best, 0.4 * giv + 0.6 * sur);
  }
  return best;
}

function unknown(text: string, hints: NameHints | null, type: MentionType = guessType(text)): RunResolution {
  return { entity: null, name: text, type, via: 'unresolved', confidence: 0.4, misspelled: false, country: hints?.country ?? null };
}

// A lone surname ("Blinken"): a person of the article with it (named in full somewhere in it), else an
// office holder of the knowledge base with it when something points to them (see `cued`). A word
// used as a place ("in Bolton") is no surname; 'place' says so.
function fromSurname(ctx: Ctx, word: string, hints: NameHints | null, tok: number): RunResolution | 'place' | null {
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
  // With no date, the one person of that surname counts even out of office.
  const pool = active.length > 0 ? active : ctx.date === null && people.length === 1 ? people : [];
  const pick = cued(ctx, word, key, pool, hints, tok);
  if (pick === 'place') return pick;
  if (pick) return { entity: pick.entity, name: pick.entity.name, type: 'PERSON', via: 'alias', confidence: pick.confidence, misspelled: false, country: pick.entity.country };
  return { ...unknown(word, hints, 'PERSON'), candidates: people.map((p) => p.id) };
}

/**
 * Which of the office holders in `pool` a lone word names, if something points to one of them: a
 * title, role or country next to the word that fits them (the hints; one that does not fit rules
 * them out); else, unless the word is used as a place, a country of theirs named in the article
 * (the one acting for it, when several share the surname: "Sharif" in an article about Pakistan),
 * or another state's leader named in the same sentence ("Putin agreed to call the president of
 * Finland"), which makes it a leader of a state.
 */
function cued(ctx: Ctx, word: string, key: string, pool: readonly Entity[], hints: NameHints | null, tok: number): { entity: Entity; confidence: number } | 'place' | null {
  if (pool.length === 0) return usedAsPlace(ctx, word, key, tok) ? 'place' : null;
  let fits = pool;
  if (hints && (hints.country || hints.role || hints.orgId)) {
    fits = pool.filter((p) => hintFits(ctx, p, hints));
    if (fits.length === 1) return { entity: fits[0], confidence: 0.6 };
    if (fits.length === 0) return null;
  }
  if (usedAsPlace(ctx, word, key, tok)) return 'place';
  const confidence = pool.length === 1 ? 0.6 : 0.55;
  const countries = articleCountries(ctx);
  const soFar = fits.filter((p) => countryNamed(ctx, p, countries));
  if (soFar.length === 1) return { entity: soFar[0], confidence };
  if (soFar.length > 1) return null;
  const scan = articleScan(ctx);
  const named = fits.filter((p) => countryNamed(ctx, p, scan.countries));
  if (named.length === 1) return { entity: named[0], confidence };
  if (named.length > 1) return null;
  const at = tok >= 0 ? tok : runToken(ctx, word);
  if (at < 0 || !scan.leaderSentences.has(ctx.doc.tokens[at].sentence)) return null;
  const leaders = fits.filter((p) => officesFor(ctx, p).some((o) => LEADER_ROLES.has(o.role)));
  return leaders.length === 1 ? { entity: leaders[0], confidence: 0.55 } : null;
}

const LEADER_ROLES = new Set(['head-of-state', 'head-of-government']);

// The offices that speak for a person on the article date (all of them when the date is unknown and none is current).
function officesFor(ctx: Ctx, p: Entity): readonly Office[] {
  const on = officesOn(p, ctx.date);
  return on.length > 0 || ctx.date !== null ? on : p.offices ?? [];
}

// True when the title, role or country next to the word fits the person ("Prime Minister Johnson", "British Johnson").
function hintFits(ctx: Ctx, p: Entity, hints: NameHints | null): boolean {
  if (!hints || (!hints.country && !hints.role && !hints.orgId)) return false;
  const offices = officesFor(ctx, p);
  if (hints.country && p.country !== hints.country && !offices.some((o) => o.for === hints.country)) return false;
  if (hints.role && !offices.some((o) => o.role === hints.role)) return false;
  return !hints.orgId || offices.some((o) => o.body === hints.orgId);
}

// True when the article has named the person's country or a country or body they act for.
function countryNamed(ctx: Ctx, p: Entity, named: ReadonlySet<string>): boolean {
  return (p.country !== null && named.has(p.country)) || officesFor(ctx, p).some((o) => named.has(o.for));
}

/** What the whole article names, for lone surnames: read once per article, and only when one needs it. */
interface ArticleScan {
  /** Countries of the states, places, bodies and demonyms anywhere in the article. */
  readonly countries: ReadonlySet<string>;
  /** Sentences naming a state and a title of a state's leader ("the president of Finland"). */
  readonly leaderSentences: ReadonlySet<number>;
}

const scans = new WeakMap<Ctx, ArticleScan>();

function articleScan(ctx: Ctx): ArticleScan {
  let scan = scans.get(ctx);
  if (scan) return scan;
  const countries = new Set<string>();
  const states = new Set<number>();
  const titles = new Set<number>();
  const toks = ctx.doc.tokens;
  for (const h of scanAliases(ctx.doc, ctx.kb)) {
    const t = h.entry.best;
    const sentence = toks[h.tokStart].sentence;
    if (t.kind === 'title') {
      if (t.title.role !== null && LEADER_ROLES.has(t.title.role)) titles.add(sentence);
      continue;
    }
    if (t.kind !== 'entity') continue;
    const e = ctx.kb.entities.get(t.id);
    if (!e || e.kind === 'person' || !e.country) continue;
    countries.add(e.country);
    if (e.kind === 'state') states.add(sentence);
  }
  scan = { countries, leaderSentences: new Set([...titles].filter((s) => states.has(s))) };
  scans.set(ctx, scan);
  return scan;
}

const PLACE_PREPS = new Set(['in', 'at', 'near', 'inside', 'outside', 'within', 'throughout', 'across', 'around', 'outskirts']);
const PLACE_NOUNS = new Set(['city', 'town', 'village', 'port', 'county', 'borough', 'district', 'province', 'region', 'suburb']);

// True when the lone word names a known place, stands where a place does ("in Bolton", "the town of Bolton"),
// or was so used earlier in the article.
function usedAsPlace(ctx: Ctx, word: string, key: string, runTok: number): boolean {
  if (ctx.kb.places.has(key) || ctx.mentions.some((m) => m.type === 'LOC' && m.actor === null && m.text === word)) return true;
  const tok = runTok >= 0 ? runTok : runToken(ctx, word);
  if (tok < 0) return false;
  const t = ctx.doc.tokens;
  const prev = t[tok - 1];
  // "in Putin's Russia": a possessive is a person's.
  if (!prev || prev.sentence !== t[tok].sentence || /^['’]s?$/.test(t[tok + 1]?.text ?? '')) return false;
  if (PLACE_PREPS.has(prev.lower)) return true;
  return prev.lower === 'of' && tok >= 2 && PLACE_NOUNS.has(t[tok - 2].lower);
}

// The token starting the run `text` now being resolved, when the caller did not give it: runs are
// resolved in text order, each after the mentions made so far, so it is the first whole-word
// occurrence after them; -1 if none.
function runToken(ctx: Ctx, text: string): number {
  const ms = ctx.mentions;
  const src = ctx.doc.text;
  for (let at = src.indexOf(text, ms.length > 0 ? ms[ms.length - 1].end : 0); at >= 0; at = src.indexOf(text, at + 1)) {
    if (isWordChar(src[at - 1]) || isWordChar(src[at + text.length])) continue;
    const tok = tokenStartingAt(ctx.doc.tokens, at);
    if (tok >= 0) return tok;
  }
  return -1;
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
    for (const e of kb.entities.values()) {
      if (e.kind !== 'person') continue;
      const family = familyNameOf(e);
      const given = family ? splitName(e.name, family).given : e.given;
      if (given) set.add(normAlias(given));
    }
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
    if (k.length < MIN_FUZZY_SURNAME || Math.abs(k.length - key.length) > 2 || surnameKey(v.name, ctx.kb) !== k) continue;
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

// A lone surname close to that of the one office holder on the date with such a surname, when
// something points to them (as for `fromSurname`) and the word is not used as a place.
function closeKnownSurname(ctx: Ctx, text: string, key: string, hints: NameHints | null, tok: number): RunResolution | null {
  if (key.length < MIN_FUZZY_SURNAME) return null;
  const block = ctx.kb.fuzzyBlocks.get(key[0]);
  // A word that is some known person's given name ("Mohammad") is not read as a misspelt surname.
  if (!block || givenNames(ctx.kb).has(key)) return null;
  const found: Entity[] = [];
  eachSurnameLike(key, block, SURNAME_SIMILARITY, (p) => {
    if (pickOffice(p.entity, ctx.date, null)) found.push(p.entity);
  });
  if (found.length !== 1) return null;
  const pick = cued(ctx, text, key, found, hints, tok);
  if (!pick || pick === 'place') return null;
  const e = pick.entity;
  return { entity: e, name: e.name, type: 'PERSON', via: 'fuzzy', confidence: 0.55, misspelled: true, country: e.country };
}

/**
 * Resolves one proper-name run; null when it is not worth a mention (a lone capitalised word seen
 * once). `tok`, the run's first token, is found from the text when not given (-1).
 */
export function resolveRun(ctx: Ctx, text: string, hints: NameHints | null, tok = -1): RunResolution | null {
  // One word: no whitespace in the run's text.
  if (!/\s/.test(text)) {
    // A suffix left alone ("Jr." after a name matched without it) is nobody's name.
    if (isNameSuffix(text)) return null;
    const bySurname = fromSurname(ctx, text, hints, tok);
    if (bySurname && bySurname !== 'place') return bySurname;
    const often = (capitalsOf(ctx).get(normAlias(text)) ?? 0) >= 2;
    if (!often && !hints && !/^[\p{Lu}\d]{2,}$/u.test(text)) return null;
    if (bySurname === 'place') return unknown(text, hints, 'LOC');
    // Only a word that is a mention anyway is tried as a misspelt surname of an office holder.
    return closeKnownSurname(ctx, text, normAlias(text), hints, tok) ?? unknown(text, hints);
  }
  // A name is often written in full more than once in an article: its close spelling is looked up once per hint.
  // A phrase with an organisation or place word ("Supreme Court", "Hyde Park") is nobody's name and is not looked up.
  const memoKey = `${text}\u0000${hints?.country ?? ''}\u0000${hints?.role ?? ''}\u0000${hints?.orgId ?? ''}`;
  let fuzzy = ctx.fuzzyMemo.get(memoKey);
  let type: MentionType | null = null;
  if (fuzzy === undefined) {
    type = runType(ctx, text);
    fuzzy = type === 'PERSON' ? fuzzyPerson(ctx.kb, text, hints, ctx.date) : null;
    ctx.fuzzyMemo.set(memoKey, fuzzy);
  }
  if (fuzzy) {
    const e = fuzzy.entity;
    return { entity: e, name: e.name, type: 'PERSON', via: 'fuzzy', confidence: Math.min(0.9, fuzzy.score - 0.05), misspelled: true, country: e.country };
  }
  const local = ctx.fullest.get(surnameKey(text, ctx.kb));
  if (local && local.name.length > text.length && local.name.endsWith(text)) return { ...unknown(local.name, hints), entity: local.entity, via: 'coref' };
  return unknown(text, hints, type ?? runType(ctx, text));
}
