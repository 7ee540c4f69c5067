// "British Foreign Secretary James Cleverly" on a day Liz Truss held that office: titles checked
// against who held the office on the article's date.
import type { Doc, Flag, Mention } from '../model/types.js';
import type { KnowledgeBase, RoleTitle } from '../actors/index.js';
import { entityById, holderOf, officesOn } from '../actors/index.js';

/** Roles whose holders the knowledge base lists completely enough to contradict a title. */
const CHECKED_ROLES = new Set(['foreign-minister', 'head-of-state', 'head-of-government', 'defence-minister']);
const NOT_CURRENT = /\b(former|ex|then|late|acting|deputy|vice|shadow|junior|outgoing|incoming|future|would-be|one-time|onetime)\b[^.;:]{0,20}$/i;
/** Words that set a sentence in another time than the article's day: titles there may be historical. */
const OTHER_TIME = /\b(during|under|when|while|at the time|was then|had been|previously|earlier|ago|once)\b/i;
const MAX_DAYS_AWAY = 7;

/** `role` flags for a person given a title whose office someone else held on the article's date. */
export function flagRoles(doc: Doc, kb: KnowledgeBase): Flag[] {
  const date = doc.article.published;
  if (!date) return [];
  const titles = [...kb.titles].filter((t) => t.role && CHECKED_ROLES.has(t.role)).sort((a, b) => b.title.length - a.title.length);
  const flags: Flag[] = [];
  for (const m of doc.mentions) {
    if (m.type !== 'PERSON' || !m.actor || m.via === 'coref' || m.via === 'role') continue;
    const flag = checkTitle(doc, kb, titles, m, date);
    if (flag) flags.push(flag);
  }
  return flags;
}

function checkTitle(doc: Doc, kb: KnowledgeBase, titles: RoleTitle[], m: Mention, date: string): Flag | null {
  const before = doc.text.slice(Math.max(0, m.start - 90), m.start);
  const lower = before.toLowerCase();
  const title = titles.find((t) => lower.trimEnd().endsWith(t.title.toLowerCase()) && /\s$/.test(before));
  if (!title || !title.role) return null;
  const titleStart = m.start - (before.length - lower.trimEnd().length) - title.title.length;
  if (NOT_CURRENT.test(doc.text.slice(Math.max(0, titleStart - 30), titleStart))) return null;
  if (inAnotherTime(doc, m, date)) return null;
  const qualifier = qualifierBefore(doc, kb, titleStart);
  if (qualifier === 'other') return null;
  const country = qualifier?.country ?? title.country ?? m.country;
  if (!country) return null;
  const person = entityById(kb, m.actor as string);
  if (!person?.offices?.length) return null;
  const held = officesOn(person, date);
  if (held.some((o) => o.role === title.role && o.for === country)) return null;
  const holder = holderOf(kb, title.role, country, date);
  if (!holder || holder.id === person.id) return null;
  const spanStart = qualifier ? qualifier.start : titleStart;
  const text = doc.text.slice(spanStart, m.end);
  const theirs = held.length ? `${person.name} was ${held.map((o) => o.title).join(' and ')}` : `${person.name} held no such office`;
  const expected = `${holder.name} was ${title.title} on ${date}; ${theirs}`;
  return { kind: 'role', start: spanStart, end: m.end, text, expected, message: expected };
}

/** True when the sentence of `m` speaks of another time than the article's date: its title may have been true then. */
function inAnotherTime(doc: Doc, m: Mention, date: string): boolean {
  const s = doc.sentences[m.sentence];
  if (!s) return true;
  if (OTHER_TIME.test(doc.text.slice(s.start, s.end))) return true;
  const day = Date.parse(date);
  return doc.times.some((t) => t.sentence === m.sentence && t.value !== null && (t.value.length < 10 || Math.abs(Date.parse(t.value) - day) > MAX_DAYS_AWAY * 86400000));
}

/**
 * The state named right before a title ("British" in "British Foreign Secretary", "Mexico's"): from a mention
 * there, or from the word there when it is a state's name or demonym. "other" when a body or
 * anything else qualifies the title ("European Commission President"): then the title is not checked.
 */
function qualifierBefore(doc: Doc, kb: KnowledgeBase, titleStart: number): { country: string; start: number } | 'other' | null {
  // "British Foreign Secretary", and the possessive "Mexico's Foreign Secretary".
  const q = doc.mentions.find((x) => x.end <= titleStart && /^(?:['’]s)?\s?$/.test(doc.text.slice(x.end, titleStart)));
  if (q) return (q.type === 'GPE' || q.via === 'demonym') && q.country ? { country: q.country, start: q.start } : 'other';
  const word = /([\p{L}.]+)\s$/u.exec(doc.text.slice(Math.max(0, titleStart - 30), titleStart));
  if (!word || !/^\p{Lu}/u.test(word[1])) return null;
  const key = word[1].toLowerCase();
  for (const entry of kb.index.get(key) ?? []) {
    if (entry.key !== key) continue;
    for (const t of entry.targets) {
      const e = t.kind === 'entity' ? kb.entities.get(t.id) : undefined;
      if (e?.kind === 'state' && e.country) return { country: e.country, start: titleStart - word[0].length };
    }
  }
  return 'other';
}
