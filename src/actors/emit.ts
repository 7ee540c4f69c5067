// Building Mention records for entities, people, places and generic groups.
import type { Mention } from '../model/types.js';
import type { Entity, Office } from './types.js';
import type { Ctx, NameHints } from './context.js';
import { addPerson, personKey, pickOffice, surnameKey } from './context.js';

/** Fields of a mention besides its span, text and sentence. */
export type MentionFields = Omit<Mention, 'start' | 'end' | 'text' | 'sentence'>;

/** Adds a mention over tokens [tokStart, tokEnd) and returns it. */
export function pushMention(ctx: Ctx, tokStart: number, tokEnd: number, fields: MentionFields): Mention {
  const a = ctx.doc.tokens[tokStart];
  const b = ctx.doc.tokens[tokEnd - 1];
  const m: Mention = { start: a.start, end: b.end, text: ctx.doc.text.slice(a.start, b.end), sentence: a.sentence, ...fields };
  ctx.mentions.push(m);
  return m;
}

/** Mention fields for a known person on the article date (office, acting country, gender). */
export function personFields(ctx: Ctx, e: Entity, via: Mention['via'], confidence: number, hints: NameHints | null): MentionFields {
  const office = pickOffice(e, ctx.date, hints?.role ?? null) ?? (hints?.former ? null : titledOffice(ctx, e, hints));
  // Former: said so ("former President X"), or, on a known date, every office the person held had ended by then.
  const former = hints?.former || (!office && ctx.date !== null && (e.offices ?? []).some((o) => o.end !== null && o.end < (ctx.date ?? '')));
  const past = former ? formerOffice(e, hints?.role ?? null, ctx.date) : null;
  const pastFor = past && !hints?.former && !isState(ctx, past.for) ? e.country ?? past.for : past?.for;
  const fields: MentionFields = former
    ? { type: 'PERSON', actor: e.id, name: e.name, country: pastFor ?? e.country, sector: 'ELI', role: past ? `former ${past.title}` : null, via, confidence }
    : { type: 'PERSON', actor: e.id, name: e.name, country: office?.for ?? e.country, sector: office?.sector ?? null, role: office?.title ?? null, via, confidence };
  if (e.gender) fields.gender = e.gender;
  return fields;
}

function isState(ctx: Ctx, code: string): boolean {
  const id = ctx.kb.byCode.get(code);
  return id !== undefined && ctx.kb.entities.get(id)?.kind === 'state';
}

// "U.N. Secretary-General Kofi Annan" where the date is not known or the data has no office on it:
// the office the text gives the person (its role, and its body or country when named), latest first.
function titledOffice(ctx: Ctx, e: Entity, hints: NameHints | null): Office | null {
  if (!hints?.role) return null;
  const ofBody = (o: Office): boolean => o.body === hints.orgId || ctx.kb.byCode.get(o.for) === hints.orgId;
  const fits = (e.offices ?? []).filter((o) => o.role === hints.role && (!hints.orgId || ofBody(o)) && (!hints.country || o.for === hints.country || o.body === hints.country));
  return fits.sort((a, b) => descending(a.start, b.start))[0] ?? null;
}

// Latest first for ISO dates (a missing date last): plain code-unit order, which for YYYY-MM-DD
// strings is the calendar order (and much cheaper than localeCompare).
function descending(a: string | null, b: string | null): number {
  const x = a ?? '';
  const y = b ?? '';
  return x < y ? 1 : x > y ? -1 : 0;
}

// The latest office of the hinted role (else any) that ended before the date.
function formerOffice(e: Entity, role: string | null, date: string | null): Office | null {
  const past = (e.offices ?? []).filter((o) => o.end !== null && (!date || o.end < date));
  past.sort((a, b) => descending(a.end, b.end));
  return past.find((o) => o.role === role) ?? past[0] ?? null;
}

/** Adds a person mention and records the person for the discourse. */
export function pushPerson(ctx: Ctx, tokStart: number, tokEnd: number, fields: MentionFields, e: Entity | null): Mention {
  const m = pushMention(ctx, tokStart, tokEnd, fields);
  addPerson(ctx, m, e, tokStart);
  if (e && fields.via !== 'coref') {
    ctx.fullest.set(personKey(e, ctx.kb), { name: e.name, entity: e });
    ctx.fullest.set(surnameKey(m.text, ctx.kb), { name: e.name, entity: e });
  }
  return m;
}

/** Mention fields for an organisation, state, bloc or place entity used as such. */
export function entityFields(e: Entity, via: Mention['via'], confidence: number): MentionFields {
  const f: { -readonly [K in keyof MentionFields]: MentionFields[K] } = {
    type: e.type, actor: e.id, name: e.name, country: e.country, sector: e.sector, role: null, via, confidence,
  };
  if (e.members) f.members = [...e.members];
  if (e.lat !== undefined && e.lon !== undefined && (e.kind === 'place' || e.kind === 'state')) {
    f.lat = e.lat;
    f.lon = e.lon;
  }
  return f;
}

const LOCATIVE = new Set(['in', 'at', 'near', 'to', 'into', 'outside', 'inside', 'around', 'across', 'towards', 'toward', 'through', 'via', 'within', 'throughout', 'en', 'onto', 'outskirts']);
const STATE_LOCATIVE = new Set(['in', 'at', 'near', 'inside', 'within', 'throughout', 'across', 'around']);
const PLACE_NOUNS = new Set(['city', 'capital', 'town', 'village', 'port', 'region', 'province']);
const ACTOR_PREPS = new Set(['from', 'with', 'by', 'against', 'between']);

/** True when the place at tokens [start, end) is used as a location ("in Berlin", "the Swiss city of Geneva"). */
export function isLocative(ctx: Ctx, start: number, stateLike: boolean): boolean {
  const t = ctx.doc.tokens;
  const prev = t[start - 1];
  if (!prev || prev.sentence !== t[start].sentence) return false;
  if ((stateLike ? STATE_LOCATIVE : LOCATIVE).has(prev.lower)) return true;
  if (stateLike) return false;
  if (prev.lemma === 'visit' && prev.pos === 'VERB') return true;
  const prev2 = t[start - 2];
  if (prev.lower === 'of' && prev2 && PLACE_NOUNS.has(prev2.lower)) return true;
  if ((prev.text === ',' || PLACE_NOUNS.has(prev.lower)) && prev2 && (PLACE_NOUNS.has(prev2.lower) || prev2.lower === 'capital')) return true;
  return false;
}

/** True when a capital outside a locative phrase acts ("Moscow accuses", "Washington's statements", "from Washington"). */
export function actsAsActor(ctx: Ctx, start: number, end: number): boolean {
  const t = ctx.doc.tokens;
  const next = t[end];
  const prev = t[start - 1];
  if (next && next.sentence === t[start].sentence && (next.pos === 'VERB' || next.pos === 'AUX' || /^['’]s?$/.test(next.text))) return true;
  return !!prev && ACTOR_PREPS.has(prev.lower);
}
