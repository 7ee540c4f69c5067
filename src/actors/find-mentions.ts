// The actors stage: finds mentions of people, organisations, states, places and blocs in a Doc
// and resolves them against the knowledge base, titles, counterparts, pronouns and surnames.
import type { Doc, Mention } from '../model/types.js';
import type { Entity, IndexTarget, KnowledgeBase, RoleTitle } from './types.js';
import type { AliasHit, NameRun } from './scan.js';
import type { Ctx, NameHints, Qualifier } from './context.js';
import type { OrgSpan } from './org-spans.js';
import { entryByKey, findNameRuns, quotedTokens, scanAliases } from './scan.js';
import { findOrgSpans } from './org-spans.js';
import { defineAcronym, expandAcronyms, isAcronym } from './acronyms.js';
import { antecedent, capitalsOf, personKey, surnameKey } from './context.js';
import { actsAsActor, entityFields, isLocative, personFields, pushMention, pushPerson } from './emit.js';
import { guessType, resolveRun, runType } from './names.js';
import { officesOn } from './lookup.js';
import { fillCountries } from './countries.js';
import { asNationalTeams } from './teams.js';
import { resolveHalves } from './halves.js';
import { resolveTitle } from './titles.js';
import { isNameSuffix, normAlias, normText } from './normalize.js';

type Item =
  | { kind: 'hit'; tokStart: number; tokEnd: number; hit: AliasHit; target: IndexTarget }
  | { kind: 'run'; tokStart: number; tokEnd: number; run: NameRun }
  | { kind: 'pron'; tokStart: number; tokEnd: number; gender: 'm' | 'f'; possessive: boolean }
  | { kind: 'cp'; tokStart: number; tokEnd: number }
  | { kind: 'org'; tokStart: number; tokEnd: number; org: OrgSpan };

const PRONOUNS = new Map<string, { gender: 'm' | 'f'; possessive: boolean }>([
  ['he', { gender: 'm', possessive: false }], ['his', { gender: 'm', possessive: true }],
  ['she', { gender: 'f', possessive: false }], ['her', { gender: 'f', possessive: true }],
]);

function bestTarget(hit: AliasHit): IndexTarget {
  return hit.entry.best;
}

function buildItems(doc: Doc, kb: KnowledgeBase, capitals: () => ReadonlyMap<string, number>): { items: Item[]; runs: NameRun[]; hits: AliasHit[] } {
  const allHits = withoutSuffixed(doc, scanAliases(doc, kb, normText(doc.text)));
  const orgs = findOrgSpans(doc, kb, allHits, capitals);
  const toks = doc.tokens;
  const covered = new Uint8Array(toks.length);
  for (const o of orgs) covered.fill(2, o.tokStart, o.tokEnd);
  const hits = orgs.length ? allHits.filter((h) => covered[h.tokStart] !== 2) : allHits;
  for (const h of hits) covered.fill(1, h.tokStart, h.tokEnd);
  const runs = withoutAffiliation(doc, findNameRuns(doc, covered));
  // Orgs, hits and runs each come in token order: merged here in one walk over the tokens (ties in
  // that order), with the pronouns and "counterpart" words of the uncovered tokens between them.
  const items: Item[] = [];
  let o = 0;
  let h = 0;
  let r = 0;
  for (let i = 0; i < toks.length; i++) {
    while (o < orgs.length && orgs[o].tokStart === i) {
      const org = orgs[o++];
      items.push({ kind: 'org', tokStart: org.tokStart, tokEnd: org.tokEnd, org });
    }
    while (h < hits.length && hits[h].tokStart === i) {
      const hit = hits[h++];
      items.push({ kind: 'hit', tokStart: hit.tokStart, tokEnd: hit.tokEnd, hit, target: bestTarget(hit) });
    }
    while (r < runs.length && runs[r].tokStart === i) {
      const run = runs[r++];
      items.push({ kind: 'run', tokStart: run.tokStart, tokEnd: run.tokEnd, run });
    }
    if (covered[i]) continue;
    const t = toks[i];
    if (t.pos === 'PRON') {
      const p = PRONOUNS.get(t.lower);
      if (p) items.push({ kind: 'pron', tokStart: i, tokEnd: i + 1, gender: p.gender, possessive: p.possessive });
    } else if (t.lower === 'counterpart' || t.lower === 'counterparts') items.push({ kind: 'cp', tokStart: i, tokEnd: i + 1 });
  }
  return { items, runs, hits };
}

// "Pro-Beijing DAB", "Pan-democrat Lam Cheuk-ting", "Anti-war Jane Doe": a pro-/anti-/pan- word opening a
// run says whom the name belongs with, and is no part of it when what follows is a person's name or an
// acronym ("Anti-Defamation League", "Pan-African Congress" stay whole).
const AFFILIATION = /^(?:pro|anti|pan)-\p{L}/iu;

function withoutAffiliation(doc: Doc, runs: NameRun[]): NameRun[] {
  const toks = doc.tokens;
  if (!runs.some((r) => AFFILIATION.test(toks[r.tokStart].text))) return runs;
  const out: NameRun[] = [];
  for (const r of runs) {
    if (!AFFILIATION.test(toks[r.tokStart].text)) out.push(r);
    // Alone ("Pro-Beijing candidates"), the word is an adjective, not a name.
    else if (r.tokEnd - r.tokStart > 1) {
      const from = r.tokStart + 1;
      const rest = doc.text.slice(toks[from].start, toks[r.tokEnd - 1].end);
      out.push(isAcronym(rest) || guessType(rest) === 'PERSON' ? { tokStart: from, tokEnd: r.tokEnd, text: rest } : r);
    }
  }
  return out;
}

// A person's name or a title right before a name suffix is part of a longer name: "Donald Trump Jr."
// is not Donald Trump, nor is "King" a title in "Martin Luther King Jr.". Such hits are dropped, so
// the whole name is read as one run.
function withoutSuffixed(doc: Doc, hits: AliasHit[]): AliasHit[] {
  const toks = doc.tokens;
  let out: AliasHit[] | null = null;
  for (let k = 0; k < hits.length; k++) {
    const h = hits[k];
    const next = toks[h.tokEnd];
    const drop = next !== undefined && next.sentence === toks[h.tokEnd - 1].sentence && isNameSuffix(next.text) && personOrTitle(h.entry.best);
    if (drop && out === null) out = hits.slice(0, k);
    else if (!drop && out !== null) out.push(h);
  }
  return out ?? hits;
}

function personOrTitle(t: IndexTarget): boolean {
  return t.kind === 'title' || (t.kind === 'entity' && t.entity.kind === 'person');
}

function prescan(ctx: Ctx, runs: NameRun[], hits: AliasHit[]): void {
  for (const h of hits) {
    const t = bestTarget(h);
    const e = t.kind === 'entity' ? t.entity : undefined;
    if (e?.kind === 'person') ctx.fullest.set(personKey(e, ctx.kb), { name: e.name, entity: e });
  }
  for (const r of runs) {
    if (!/\s/.test(r.text)) continue;
    const key = surnameKey(r.text, ctx.kb);
    // The first full form wins: later namesakes ("Mohamed El-Hassan Mohamed") do not take over the surname.
    if (!ctx.fullest.has(key)) ctx.fullest.set(key, { name: r.text, entity: null });
    const first = r.text.slice(0, r.text.search(/\s/));
    if (runType(ctx, r.text) !== 'PERSON' || isAcronym(first)) continue;
    const given = normText(first);
    const prev = ctx.givens.get(given);
    if (prev === undefined) ctx.givens.set(given, { name: ctx.fullest.get(key)?.name ?? r.text, entity: ctx.fullest.get(key)?.entity ?? null });
    else if (prev && prev.name !== (ctx.fullest.get(key)?.name ?? r.text)) ctx.givens.set(given, null);
  }
}

/** Finds and resolves the actor and place mentions of `doc`; returns a new Doc with `mentions` filled. */
export function findMentions(doc: Doc, kb: KnowledgeBase): Doc {
  const ctx: Ctx = {
    doc, kb, date: doc.article.published, quoted: quotedTokens(doc), mentions: [], persons: [],
    fullest: new Map(), givens: new Map(), counts: null, lastActorCountry: null, lastBodyCountry: null, lastPossessive: null,
    acronyms: new Map(), fuzzyMemo: new Map(), runTypes: new Map(),
  };
  const { items, runs, hits } = buildItems(doc, kb, () => capitalsOf(ctx));
  prescan(ctx, runs, hits);
  let qualifier: Qualifier | null = null;
  let hints: NameHints | null = null;
  let grouped = -1;
  for (let k = 0; k < items.length; k++) {
    const item = items[k];
    const next = items[k + 1];
    const possessive = possessiveTitle(ctx, item, next);
    const adjacent = next !== undefined && (next.tokStart === item.tokEnd || possessive);
    const q = qualifier && qualifier.tokEnd === item.tokStart ? qualifier : null;
    const h = hints && hints.titleStart !== null && hints.titleStart === item.tokStart ? hints : null;
    qualifier = null;
    if ((item.kind === 'run' || item.kind === 'hit') && useAcronym(ctx, item)) continue;
    if (item.kind === 'pron') handlePronoun(ctx, item.tokStart, item.gender, item.possessive);
    else if (item.kind === 'cp') hints = handleCounterpart(ctx, item.tokStart, q, items[k + 1]);
    else if (item.kind === 'org') handleOrg(ctx, item.org);
    else if (item.kind === 'run') handleRun(ctx, item.run, h ?? (q ? { country: q.country, role: null, orgId: q.orgId, titleStart: null } : null));
    else if (item.target.kind === 'entity' && !adjacent && (grouped = groupAhead(ctx, items, k)) >= 0) k = grouped;
    else {
      const r = handleHit(ctx, item.hit, item.target, q, h, adjacent ? next : undefined, next);
      // "Thailand's foreign minister": the state qualifies the title across its "'s".
      qualifier = r.qualifier && possessive ? { ...r.qualifier, tokEnd: next.tokStart } : r.qualifier;
      hints = r.hints;
      if (r.consumeNext) k++;
    }
    if (item.kind !== 'pron' && item.kind !== 'cp') defineAcronym(doc, ctx.acronyms, ctx.mentions[ctx.mentions.length - 1], items[k].tokEnd);
  }
  const mentions = resolveHalves(doc, kb, asNationalTeams(doc, kb, fillCountries(doc, expandAcronyms(ctx.mentions.sort((a, b) => a.start - b.start || b.end - a.end)))));
  return { ...doc, mentions };
}

const POSSESSIVE_MARK = /^['’]s?$/;

// A state or bloc, its "'s" and a title right after ("Thailand's foreign minister", "Russia's President").
function possessiveTitle(ctx: Ctx, item: Item, next: Item | undefined): next is Item & { kind: 'hit' } {
  if (!next || next.kind !== 'hit' || next.target.kind !== 'title' || next.tokStart !== item.tokEnd + 1) return false;
  const mark = ctx.doc.tokens[item.tokEnd];
  return POSSESSIVE_MARK.test(mark.text) && mark.sentence === ctx.doc.tokens[item.tokStart].sentence && stateLikeHit(ctx, item) !== null;
}

// An acronym the article defined ("... (USI)") opening a hit or run: it resolves as its definition did.
function useAcronym(ctx: Ctx, item: Item & { kind: 'run' | 'hit' }): boolean {
  const t = ctx.doc.tokens;
  const def = ctx.acronyms.get(t[item.tokStart].text);
  if (!def) return false;
  const { start: _s, end: _e, text: _t, sentence: _n, ...fields } = def;
  pushMention(ctx, item.tokStart, item.tokStart + 1, { ...fields, via: 'alias', confidence: Math.min(0.85, def.confidence) });
  if (item.kind === 'run' && item.tokEnd - item.tokStart > 1) {
    const from = item.tokStart + 1;
    handleRun(ctx, { tokStart: from, tokEnd: item.tokEnd, text: ctx.doc.text.slice(t[from].start, t[item.tokEnd - 1].end) }, null);
  }
  return true;
}

function handlePronoun(ctx: Ctx, tok: number, gender: 'm' | 'f', possessive: boolean): void {
  if (ctx.quoted[tok]) return;
  const ante = antecedent(ctx, tok, gender);
  if (possessive) {
    ctx.lastPossessive = { tok, person: ante };
    return;
  }
  const t = ctx.doc.tokens;
  let n = tok + 1;
  while (t[n] && t[n].pos === 'ADV') n++;
  if (!ante || !t[n] || (t[n].pos !== 'VERB' && t[n].pos !== 'AUX')) return;
  const src = ante.mention;
  pushPerson(ctx, tok, tok + 1, {
    type: 'PERSON', actor: src.actor, name: src.name, country: src.country, sector: src.sector, role: src.role, via: 'coref', confidence: 0.7,
    ...(src.gender ? { gender: src.gender } : {}),
  }, ante.entity);
}

function handleCounterpart(ctx: Ctx, tok: number, q: Qualifier | null, next: Item | undefined): NameHints | null {
  const start = q ? q.tokStart : tok;
  const poss = ctx.lastPossessive && start - ctx.lastPossessive.tok <= 1 ? ctx.lastPossessive.person : null;
  if (!poss || ctx.doc.tokens[tok].lower === 'counterparts') return null;
  const role = poss.roleKey;
  const t = ctx.doc.tokens;
  const nameAt = t[tok + 1]?.text === ',' ? tok + 2 : tok + 1;
  if (next && next.tokStart === nameAt && (next.kind === 'run' || (next.kind === 'hit' && next.target.kind === 'entity'))) {
    return { country: q?.country ?? null, role, orgId: null, titleStart: nameAt };
  }
  if (!role || !q?.country) return null;
  const holder = resolveTitle(ctx, { title: 'counterpart', role, country: q.country, sector: 'GOV', head: 'counterpart' }, q);
  if (holder) pushPerson(ctx, start, tok + 1, personFields(ctx, holder, 'role', 0.75, { country: q.country, role, orgId: null, titleStart: null }), holder);
  return null;
}

function handleRun(ctx: Ctx, run: NameRun, hints: NameHints | null): void {
  const r = resolveRun(ctx, run.text, hints, run.tokStart);
  if (!r) return;
  if (r.entity && r.entity.kind === 'person') {
    const f = personFields(ctx, r.entity, r.via, r.confidence, hints);
    pushPerson(ctx, run.tokStart, run.tokEnd, r.misspelled ? { ...f, misspelled: true } : f, r.entity);
    return;
  }
  const fields = { type: r.type, actor: null, name: r.name, country: r.country, sector: null, role: null, via: r.via, confidence: r.confidence, ...(r.candidates ? { candidates: r.candidates } : {}) };
  if (r.type === 'PERSON') pushPerson(ctx, run.tokStart, run.tokEnd, fields, null);
  else pushMention(ctx, run.tokStart, run.tokEnd, fields);
}

function handleOrg(ctx: Ctx, org: OrgSpan): void {
  const e = org.entityId ? ctx.kb.entities.get(org.entityId) : ownedBody(ctx, org);
  if (e) {
    pushMention(ctx, org.tokStart, org.tokEnd, entityFields(e, 'alias', 0.85));
    return;
  }
  pushMention(ctx, org.tokStart, org.tokEnd, { type: guessType(org.text), actor: null, name: org.text, country: org.country, sector: null, role: null, via: 'unresolved', confidence: 0.5 });
}

// "Russia's Defence Ministry", "Ukraine's Armed Forces": a body named after a state's possessive is
// the state's body of that name, looked up as "<demonym> <name>" or "<state> <name>"
// ("Russian Defence Ministry").
function ownedBody(ctx: Ctx, org: OrgSpan): Entity | undefined {
  const t = ctx.doc.tokens;
  const mark = t[org.tokStart - 1];
  if (!mark || !POSSESSIVE_MARK.test(mark.text) || mark.sentence !== t[org.tokStart].sentence) return undefined;
  const owner = ctx.mentions[ctx.mentions.length - 1];
  const state = owner && owner.end === mark.start && owner.actor ? ctx.kb.entities.get(owner.actor) : undefined;
  if (!state || state.kind !== 'state') return undefined;
  for (const prefix of [...state.demonyms, state.name]) {
    const hit = entryByKey(ctx.kb.spans, normAlias(`${prefix} ${org.text}`))?.best;
    if (hit?.kind === 'entity' && hit.entity.kind === 'org' && hit.entity.country === state.country) return hit.entity;
  }
  return undefined;
}

// Lower-case words that may stand between a country word and a sector noun ("Bangladeshi peacekeeping troops").
const MODIFIER_POS = new Set(['ADJ', 'NOUN', 'VERB']);
const MAX_MODIFIERS = 2;
const LOWER_WORD = /^\p{Ll}[\p{L}-]*$/u;
const LIST_WORDS = new Set(['and', 'or', ',']);

function stateLikeHit(ctx: Ctx, item: Item | undefined): Entity | null {
  if (!item || item.kind !== 'hit' || item.target.kind !== 'entity') return null;
  const e: Entity | undefined = item.target.entity;
  return e && (e.kind === 'state' || e.kind === 'bloc') ? e : null;
}

// The index of the sector-noun item at `j` when only modifiers (at most two) lie between `from` and it, else -1.
function sectorNounAt(ctx: Ctx, items: Item[], j: number, from: number): number {
  const it = items[j];
  if (!it || it.kind !== 'hit' || it.target.kind !== 'sector') return -1;
  const t = ctx.doc.tokens;
  if (it.tokStart - from > MAX_MODIFIERS || it.tokStart < from) return -1;
  for (let i = from; i < it.tokStart; i++) {
    if (t[i].sentence !== t[from - 1].sentence || !MODIFIER_POS.has(t[i].pos) || !LOWER_WORD.test(t[i].text)) return -1;
    // A verb only as a participle ("peacekeeping", "armed"), not as the verb of the clause ("North Korea puts military ...").
    if (t[i].pos === 'VERB' && !/(?:ing|ed)$/.test(t[i].lower)) return -1;
  }
  return j;
}

/**
 * A country word opening a group of a sector though not right before its noun: with modifiers
 * between ("Bangladeshi peacekeeping troops", "French border police": one mention over the phrase),
 * or in a list sharing the noun ("Hungarian and Romanian officials": the first country here, the
 * next ones when their turn comes). Returns the index of the last item used, or -1.
 */
function groupAhead(ctx: Ctx, items: Item[], k: number): number {
  const item = items[k];
  const e = stateLikeHit(ctx, item);
  if (!e || item.kind !== 'hit') return -1;
  const t = ctx.doc.tokens;
  const direct = sectorNounAt(ctx, items, k + 1, item.tokEnd);
  let j = k;
  while (direct < 0 && stateLikeHit(ctx, items[j + 1]) && items[j + 1].tokStart === items[j].tokEnd + 1 && LIST_WORDS.has(t[items[j].tokEnd].lower)) j++;
  const noun = direct >= 0 ? direct : j > k ? sectorNounAt(ctx, items, j + 1, items[j].tokEnd) : -1;
  if (noun < 0) return -1;
  const n = items[noun];
  if (n.kind !== 'hit' || n.target.kind !== 'sector') return -1;
  const end = direct >= 0 ? n.tokEnd : item.tokEnd;
  const surface = ctx.doc.text.slice(t[item.tokStart].start, t[item.tokEnd - 1].end);
  pushMention(ctx, item.tokStart, end, {
    type: 'GROUP', actor: null, name: direct >= 0 ? ctx.doc.text.slice(t[item.tokStart].start, t[end - 1].end) : `${surface} ${n.target.noun.noun}`,
    country: e.country, sector: n.target.noun.sector, role: null, via: 'generic', confidence: direct >= 0 ? 0.75 : 0.7, ...(e.members ? { members: [...e.members] } : {}),
  });
  return direct >= 0 ? noun : k;
}

interface HitResult {
  qualifier: Qualifier | null;
  hints: NameHints | null;
  consumeNext: boolean;
}

const NONE: HitResult = { qualifier: null, hints: null, consumeNext: false };

function handleHit(ctx: Ctx, hit: AliasHit, target: IndexTarget, q: Qualifier | null, h: NameHints | null, next: Item | undefined, rawNext: Item | undefined): HitResult {
  if (target.kind === 'title') return handleTitle(ctx, hit, target.title, q, rawNext);
  if (target.kind === 'sector') {
    if (target.noun.alone) pushMention(ctx, hit.tokStart, hit.tokEnd, { type: 'GROUP', actor: null, name: target.noun.noun, country: null, sector: target.noun.sector, role: null, via: 'generic', confidence: 0.5 });
    return NONE;
  }
  const e: Entity | undefined = target.entity;
  if (!e) return NONE;
  const via = target.demonym ? 'demonym' : target.canonical ? 'exact' : 'alias';
  if (e.kind === 'person') {
    const nameHints = h ?? (q ? { country: q.country, role: null, orgId: q.orgId, titleStart: null } : null);
    const namesakes = personTargets(ctx, hit);
    const person = namesakes.length > 1 ? pickNamesake(ctx, namesakes, nameHints) : e;
    if (!person) {
      const countries = new Set(namesakes.map((p) => p.country));
      pushPerson(ctx, hit.tokStart, hit.tokEnd, {
        type: 'PERSON', actor: null, name: ctx.doc.text.slice(ctx.doc.tokens[hit.tokStart].start, ctx.doc.tokens[hit.tokEnd - 1].end),
        country: countries.size === 1 ? namesakes[0].country : nameHints?.country ?? null, sector: null, role: null, via: 'unresolved', confidence: 0.5,
        candidates: namesakes.map((p) => p.id),
      }, null);
      return NONE;
    }
    pushPerson(ctx, hit.tokStart, hit.tokEnd, personFields(ctx, person, via, namesakes.length > 1 ? 0.8 : target.canonical ? 0.95 : 0.9, nameHints), person);
    return NONE;
  }
  const stateLike = e.kind === 'state' || e.kind === 'bloc';
  const asQualifier: Qualifier = { country: e.country, orgId: e.kind === 'org' ? e.id : null, tokStart: hit.tokStart, tokEnd: hit.tokEnd };
  if (next?.kind === 'hit' && next.target.kind === 'sector' && stateLike) {
    pushMention(ctx, hit.tokStart, next.tokEnd, {
      type: 'GROUP', actor: null, name: ctx.doc.text.slice(ctx.doc.tokens[hit.tokStart].start, ctx.doc.tokens[next.tokEnd - 1].end),
      country: e.country, sector: next.target.noun.sector, role: null, via: 'generic', confidence: 0.8, ...(e.members ? { members: [...e.members] } : {}),
    });
    return { ...NONE, consumeNext: true };
  }
  const qualifies = next && (next.kind === 'cp' || next.kind === 'run' || (next.kind === 'hit' && next.target.kind !== 'sector'));
  if (qualifies && (stateLike || (next.kind === 'hit' && next.target.kind === 'title'))) {
    if (e.kind === 'org' || (e.kind === 'state' && via !== 'demonym')) pushMention(ctx, hit.tokStart, hit.tokEnd, entityFields(e, via, 0.9));
    const nextIsName = next.kind === 'run' || (next.kind === 'hit' && next.target.kind === 'entity' && next.target.entity.kind === 'person');
    const nextIsOrg = next.kind === 'hit' && next.target.kind === 'entity' && !next.target.demonym && next.target.entity.kind === 'org';
    if (nextIsName || next.kind === 'cp' || (next.kind === 'hit' && next.target.kind === 'title') || nextIsOrg) return { ...NONE, qualifier: asQualifier };
  }
  emitEntity(ctx, hit, e, via);
  return NONE;
}

// The distinct people a name in the index stands for (two politicians may share a name).
function personTargets(ctx: Ctx, hit: AliasHit): Entity[] {
  const out: Entity[] = [];
  for (const t of hit.entry.targets) {
    const e = t.kind === 'entity' ? t.entity : undefined;
    if (e && e.kind === 'person' && !out.includes(e)) out.push(e);
  }
  return out;
}

// One of several people sharing a name: the one in office on the date, else the one who held the
// office the text gives, else the one acting for a country the article names; null when still ambiguous.
function pickNamesake(ctx: Ctx, people: Entity[], hints: NameHints | null): Entity | null {
  const one = (list: Entity[]): Entity | null => (list.length === 1 ? list[0] : null);
  const active = people.filter((p) => officesOn(p, ctx.date).length > 0);
  if (active.length === 1 && ctx.date !== null) return active[0];
  const byRole = hints?.role ? people.filter((p) => (p.offices ?? []).some((o) => o.role === hints.role)) : [];
  if (byRole.length === 1) return byRole[0];
  const named = new Set(ctx.mentions.filter((m) => m.country && m.type !== 'PERSON' && m.actor !== null).map((m) => m.country));
  return one(people.filter((p) => (p.offices ?? []).some((o) => named.has(o.for) && (ctx.date === null || (o.start ?? '') <= ctx.date))).filter((p) => !hints?.country || p.country === hints.country));
}

function emitEntity(ctx: Ctx, hit: AliasHit, e: Entity, via: Mention['via']): void {
  if (e.kind === 'place') {
    const loc = isLocative(ctx, hit.tokStart, false);
    const gov = e.metonymOf ? ctx.kb.entities.get(e.metonymOf) : undefined;
    if (!loc && gov && actsAsActor(ctx, hit.tokStart, hit.tokEnd)) {
      pushMention(ctx, hit.tokStart, hit.tokEnd, { ...entityFields(e, 'metonym', 0.8), type: 'GPE', actor: gov.id, name: gov.name, country: gov.country, sector: 'GOV' });
      if (!ctx.quoted[hit.tokStart]) ctx.lastActorCountry = ctx.lastBodyCountry = gov.country;
      return;
    }
    // entityFields returns a new object: the flags are set on it rather than spread into copies.
    const fields = entityFields(e, via, 0.9);
    fields.isLocation = loc;
    if (isStateCode(ctx, e.country)) fields.subnational = true;
    pushMention(ctx, hit.tokStart, hit.tokEnd, fields);
    return;
  }
  const fields = entityFields(e, via, via === 'demonym' ? 0.7 : 0.9);
  if (e.kind === 'state' || e.kind === 'bloc') {
    const isLocation = via !== 'demonym' && isLocative(ctx, hit.tokStart, true);
    fields.isLocation = isLocation;
    pushMention(ctx, hit.tokStart, hit.tokEnd, fields);
    if (!isLocation && !ctx.quoted[hit.tokStart]) ctx.lastBodyCountry = e.country ?? ctx.lastBodyCountry;
    return;
  }
  pushMention(ctx, hit.tokStart, hit.tokEnd, fields);
  if (!ctx.quoted[hit.tokStart] && e.type === 'ORG' && e.sector !== 'MED') ctx.lastActorCountry = ctx.lastBodyCountry = e.country ?? ctx.lastActorCountry;
}

// True when `code` is the code of a state (not of a region or body).
function isStateCode(ctx: Ctx, code: string | null): boolean {
  const id = code ? ctx.kb.byCode.get(code) : undefined;
  return id !== undefined && ctx.kb.entities.get(id)?.kind === 'state';
}

function qualifierAfter(ctx: Ctx, hit: AliasHit, next: Item | undefined): Qualifier | null {
  const t = ctx.doc.tokens;
  let i = hit.tokEnd;
  if (t[i]?.lower !== 'of') return null;
  i++;
  if (!next || next.kind !== 'hit' || next.target.kind !== 'entity') return null;
  if (next.tokStart !== i && !(t[i]?.lower === 'the' && next.tokStart === i + 1)) return null;
  const e: Entity | undefined = next.target.entity;
  if (!e || e.kind === 'person' || e.kind === 'place') return null;
  return { country: e.country, orgId: e.kind === 'org' ? e.id : null, tokStart: next.tokStart, tokEnd: next.tokEnd };
}

function isPersonItem(ctx: Ctx, item: Item | undefined): boolean {
  return !!item && (item.kind === 'run' || (item.kind === 'hit' && item.target.kind === 'entity' && item.target.entity.kind === 'person'));
}

// The name a title introduces: right after it, or after a comma ("Its foreign minister, Sergey Lavrov,").
function namedAt(ctx: Ctx, hit: AliasHit, next: Item | undefined): number | null {
  if (!next || !isPersonItem(ctx, next)) return null;
  if (next.tokStart === hit.tokEnd) return hit.tokEnd;
  return ctx.doc.tokens[hit.tokEnd]?.text === ',' && next.tokStart === hit.tokEnd + 1 ? next.tokStart : null;
}

const POSSESSIVE_BODY = new Set(['its', 'their']);
const STATE_HEADS = new Set(['minister', 'ministers', 'ambassador', 'ambassadors', 'envoy', 'envoys', 'senator', 'senators', 'diplomat', 'diplomats',
  'spokesman', 'spokeswoman', 'spokesperson', 'official', 'officials', 'secretary', 'lawmaker', 'lawmakers', 'legislator', 'legislators', 'deputy', 'deputies']);

// "A French minister", "European Community foreign ministers": a title qualified by a country or
// body but held by nobody the knowledge base knows is a generic actor of that country and sector.
function titleGroup(ctx: Ctx, q: Qualifier | null, title: RoleTitle, start: number, end: number, plural: boolean): HitResult {
  // A bare head word makes a generic actor only when it names a state office ("a French minister", not "a Hong Kong director").
  if (!q || !q.country || (!title.role && !STATE_HEADS.has(title.head.toLowerCase()))) return NONE;
  const body = q.orgId ? ctx.kb.entities.get(q.orgId) : undefined;
  const t = ctx.doc.tokens;
  pushMention(ctx, start, end, {
    type: plural ? 'GROUP' : 'PERSON', actor: null, name: ctx.doc.text.slice(t[q.tokStart].start, t[end - 1].end), country: q.country,
    sector: body?.sector === 'IGO' ? 'IGO' : title.sector, role: null, via: 'generic', confidence: 0.6,
  });
  return NONE;
}

function handleTitle(ctx: Ctx, hit: AliasHit, title: RoleTitle, qual: Qualifier | null, next: Item | undefined): HitResult {
  const before = ctx.doc.tokens[hit.tokStart - 1];
  const former = before?.lower === 'former' || ctx.doc.tokens[(qual?.tokStart ?? hit.tokStart) - 1]?.lower === 'former';
  const q = qual ?? (before && POSSESSIVE_BODY.has(before.lower) && ctx.lastBodyCountry ? { country: ctx.lastBodyCountry, orgId: null, tokStart: hit.tokStart, tokEnd: hit.tokStart } : null);
  const country = q?.country ?? title.country;
  const nameAt = namedAt(ctx, hit, next);
  if (nameAt !== null) return { ...NONE, hints: { country, role: title.role, orgId: q?.orgId ?? null, titleStart: nameAt, former } };
  if (former) return NONE;
  const start = q && !ctx.mentions.some((m) => m.start === ctx.doc.tokens[q.tokStart].start) ? q.tokStart : hit.tokStart;
  const plural = /s$/.test(title.title) && !/ss$/.test(title.title);
  if (plural) return titleGroup(ctx, qual, title, start, hit.tokEnd, true);
  const after = q ?? qualifierAfter(ctx, hit, next);
  if (!title.role && !after) return NONE;
  const holder = resolveTitle(ctx, title, after);
  if (!holder) return titleGroup(ctx, qual, title, start, hit.tokEnd, false);
  const hints: NameHints = { country: after?.country ?? title.country, role: title.role, orgId: after?.orgId ?? null, titleStart: null };
  pushPerson(ctx, start, hit.tokEnd, personFields(ctx, holder, 'role', 0.75, hints), holder);
  return NONE;
}
