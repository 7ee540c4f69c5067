// Scoring one analysed article against its gold annotations, as ../shared/eval/FORMAT.md says.
import type { CodedEvent, Doc, Span } from '../model/types.js';
import type { GoldArticle, GoldEvent, GoldMention } from './gold.js';
import { locate, overlaps, toSentences } from './locate.js';

/** A hit count over a total. */
export interface Tally {
  hit: number;
  total: number;
}

/** What one article scored; every figure a tally so that articles add up. */
export interface ArticleScore {
  mentions: Tally;
  coreference: Tally;
  times: Tally;
  eventRecall: Tally;
  eventPrecision: Tally;
  eventDates: Tally;
  eventModality: Tally;
  quotes: Tally;
  attributions: Tally;
  flags: Tally;
  boilerplate: Tally;
  misses: string[];
}

/** An empty tally. */
export const tally = (): Tally => ({ hit: 0, total: 0 });

const norm = (s: string | null | undefined): string => (s ?? '').normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/\s+/g, ' ').trim().toLowerCase();

function nameMatches(name: string | null, gold: string, aliases: string[] = []): boolean {
  const n = norm(name);
  return n !== '' && [gold, ...aliases].some((g) => norm(g) === n);
}

/** Scores `doc` against `gold`. */
export function scoreArticle(doc: Doc, gold: GoldArticle): ArticleScore {
  const s: ArticleScore = {
    mentions: tally(), coreference: tally(), times: tally(), eventRecall: tally(), eventPrecision: tally(),
    eventDates: tally(), eventModality: tally(), quotes: tally(), attributions: tally(), flags: tally(), boilerplate: tally(),
    misses: [],
  };
  scoreMentions(doc, gold.mentions ?? [], s.mentions, s.misses, 'mention');
  scoreMentions(doc, gold.coreference ?? [], s.coreference, s.misses, 'coref');
  for (const t of gold.times ?? []) {
    const spans = locate(doc.text, t.text, t.start);
    const ok = doc.times.some((p) => spans.some((sp) => overlaps(p, sp)) && dateWithin(p.value, t.value, t.tolerance_days ?? 0));
    count(s.times, ok, s.misses, `time "${t.text}" = ${t.value}`);
  }
  if (gold.events) scoreEvents(doc, gold.events, s);
  for (const q of gold.quotes ?? []) {
    if (q.required === false) continue;
    const spans = locate(doc.text, q.text, q.start);
    const ok = doc.quotes.some((p) => spans.some((sp) => overlaps(p, sp)) && nameMatches(p.speaker, q.speaker, q.speaker_aliases));
    count(s.quotes, ok, s.misses, `quote "${q.text.slice(0, 40)}" by ${q.speaker}`);
  }
  for (const a of gold.attributions ?? []) {
    const spans = locate(doc.text, a.claim);
    const ok = doc.attributions.some((p) => spans.some((sp) => overlaps(p, sp)) && nameMatches(p.name, a.source, a.aliases));
    count(s.attributions, ok, s.misses, `attribution to ${a.source}`);
  }
  for (const f of gold.flags ?? []) {
    if (f.required === false) continue;
    const spans = locate(doc.text, f.text);
    const ok = doc.flags.some((p) => p.kind === f.kind && spans.some((sp) => overlaps(p, sp)));
    count(s.flags, ok, s.misses, `flag ${f.kind} "${f.text.slice(0, 40)}"`);
  }
  for (const r of gold.removed ?? []) count(s.boilerplate, !doc.text.includes(r), s.misses, `boilerplate "${r}" survived`);
  return s;
}

function count(t: Tally, ok: boolean, misses: string[], what: string): void {
  t.total++;
  if (ok) t.hit++;
  else misses.push(what);
}

function scoreMentions(doc: Doc, gold: GoldMention[], t: Tally, misses: string[], label: string): void {
  for (const g of gold) {
    const spans = locate(doc.text, g.text, g.start);
    const ok = doc.mentions.some(
      (m) => spans.some((sp) => overlaps(m, sp)) && nameMatches(m.name, g.name, g.aliases) && (!g.country || m.country === g.country),
    );
    const found = doc.mentions.filter((m) => spans.some((sp) => overlaps(m, sp))).map((m) => `${m.name}/${m.country ?? '-'}`);
    count(t, ok, misses, `${label} "${g.text}" -> ${g.name}/${g.country ?? '-'} (got ${found.join(', ') || 'nothing'})`);
  }
}

/** True when two YYYY[-MM[-DD]] values agree within `tolerance` days. */
export function dateWithin(value: string | null, gold: string, tolerance: number): boolean {
  if (!value) return false;
  if (gold.length < 10 || value.length < 10) return value.slice(0, gold.length) === gold && value.length >= gold.length;
  const diff = Math.abs(Date.parse(value.slice(0, 10)) - Date.parse(gold)) / 86400000;
  return diff <= tolerance;
}

/** True when a predicted event has the gold event's codes. */
export function eventCodesMatch(e: CodedEvent, g: GoldEvent): boolean {
  return sameCode(e.source, g.source) && sameCode(e.target, g.target) && g.roots.includes(e.root);
}

function sameCode(actor: CodedEvent['source'] | null, code: string | null): boolean {
  if (code === null) return true;
  return actor !== null && (actor.country === code || actor.sector === code);
}

function eventSpans(e: CodedEvent): Span[] {
  const extra = e.spans ?? [];
  return [{ start: e.start, end: e.end }, ...extra];
}

function scoreEvents(doc: Doc, gold: GoldEvent[], s: ArticleScore): void {
  const located = gold.map((g) => {
    const spans = g.evidence ? locate(doc.text, g.evidence) : [];
    return { g, where: spans.map((sp) => toSentences(sp, doc.sentences)) };
  });
  const matches = (e: CodedEvent, item: (typeof located)[number]): boolean =>
    eventCodesMatch(e, item.g) && (item.where.length === 0 || eventSpans(e).some((sp) => item.where.some((w) => overlaps(sp, w))));
  for (const item of located) {
    if (item.g.required === false) continue;
    const found = doc.events.filter((e) => matches(e, item));
    count(s.eventRecall, found.length > 0, s.misses, `event ${item.g.source}->${item.g.target} ${item.g.roots.join('/')}: "${(item.g.evidence ?? '').slice(0, 60)}"`);
    if (!found.length) continue;
    if (item.g.date) {
      const ok = found.some((e) => dateWithin(e.date, item.g.date as string, item.g.date_tolerance_days ?? 0));
      count(s.eventDates, ok, s.misses, `event date ${item.g.source}->${item.g.target} want ${item.g.date}, got ${found.map((e) => e.date).join(',')}`);
    }
    if (item.g.modality) {
      const ok = found.some((e) => e.modality === item.g.modality);
      count(s.eventModality, ok, s.misses, `event modality ${item.g.source}->${item.g.target} want ${item.g.modality}, got ${found.map((e) => e.modality).join(',')}`);
    }
  }
  for (const e of doc.events) {
    const ok = located.some((item) => matches(e, item));
    count(s.eventPrecision, ok, s.misses, `extra event ${e.source.country}->${e.target?.country ?? '-'} ${e.cameo}: "${e.evidence.slice(0, 60)}"`);
  }
}
