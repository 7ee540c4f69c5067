// From candidates to CodedEvent records: one event per (source, target) pair and bloc member,
// with code facts, date, place, attribution, evidence and explanation; duplicates merged.
import type { CodedEvent, Doc, EventActor, EventLocation, Mention, Modality, TimeExpr } from '../model/types.js';
import type { Candidate } from './candidates.js';
import type { CodeTable } from './codes.js';
import type { SentenceView } from './sentence.js';
import { sameParty, type StateIndex } from './parties.js';

interface Party {
  actor: EventActor;
  mention: Mention;
}

/** The parties of the mentions, in order: one per member of a bloc, else one. */
function partiesOf(list: readonly Mention[]): Party[] {
  const out: Party[] = [];
  for (const m of list) {
    if (m.members && m.members.length > 0) for (const c of m.members) out.push({ actor: { actor: m.actor, name: m.name, sector: m.sector, country: c }, mention: m });
    else out.push({ actor: { actor: m.actor, name: m.name, sector: m.sector, country: m.country }, mention: m });
  }
  return out;
}

function sameActor(a: Party, b: Party, states: StateIndex | null): boolean {
  return sameParty(a.mention, a.actor.country, b.mention, b.actor.country, states);
}

/** True for "..., and a day before X": an anchored time opening a new conjunct dates X, not what precedes it. */
function datesWhatFollows(doc: Doc, t: TimeExpr): boolean {
  if (!t.via.startsWith('anchor')) return false;
  let k = doc.tokens.findIndex((x) => x.start >= t.start);
  while (k > 0 && doc.tokens[k - 1].text === ',') k--;
  return k > 0 && doc.tokens[k - 1].pos === 'CCONJ';
}

/**
 * The time expression for a candidate: the nearest one before it in its clause; else the first one
 * after it in its clause, unless that one opens a conjunct anchored on another event ("..., and a day
 * before the meeting"); else the nearest one before it in the sentence; else the first one after it.
 */
function pickTime(doc: Doc, view: SentenceView, c: Candidate, times: TimeExpr[]): [TimeExpr | null, string] {
  const clause = view.clauses[c.clause];
  const lo = doc.tokens[clause.start].start;
  const hi = doc.tokens[clause.end - 1].end;
  const head = doc.tokens[c.head].start;
  const usable = times.filter((t) => t.value).sort((a, b) => a.start - b.start);
  const inClause = usable.filter((t) => t.start >= lo && t.end <= hi);
  const lastBefore = (list: TimeExpr[]): TimeExpr | undefined => list.filter((t) => t.end <= head).pop();
  const before = lastBefore(inClause);
  if (before) return [before, `time expression "${before.text}" before it in the clause`];
  const after = inClause.find((t) => t.start >= head);
  if (after && !datesWhatFollows(doc, after)) return [after, `time expression "${after.text}" in the clause`];
  const earlier = lastBefore(usable);
  if (earlier) return [earlier, `time expression "${earlier.text}" earlier in the sentence`];
  const later = usable.find((t) => t.start >= head && !datesWhatFollows(doc, t));
  if (later) return [later, `time expression "${later.text}" in the sentence`];
  return [null, 'none'];
}

function place(m: Mention): EventLocation {
  return { name: m.name, country: m.country, lat: m.lat ?? null, lon: m.lon ?? null };
}

/** The place of a candidate's events with no place as target: the first in its clause, else the sentence's only one. */
function placeOf(doc: Doc, view: SentenceView, c: Candidate): Mention | null {
  const clause = view.clauses[c.clause];
  const lo = doc.tokens[clause.start].start;
  const hi = doc.tokens[clause.end - 1].end;
  const locs = view.mentions.filter((m) => m.isLocation);
  const inClause = locs.find((m) => m.start >= lo && m.end <= hi);
  return inClause ?? (locs.length === 1 ? locs[0] : null);
}

function datePart(doc: Doc, view: SentenceView, c: Candidate, times: TimeExpr[]): { date: string | null; precision: CodedEvent['datePrecision']; from: string; modality: Modality } {
  const [t, from] = pickTime(doc, view, c, times);
  const published = doc.article.published;
  if (t && t.value) {
    const later = published !== null && t.value.slice(0, 10) > published && t.value.length >= published.length;
    return { date: t.value, precision: t.precision, from, modality: later && c.modality === 'asserted' ? 'future' : c.modality };
  }
  if (c.modality === 'future' || !published) return { date: null, precision: null, from: 'no time expression', modality: c.modality };
  return { date: published, precision: 'day', from: 'publication date (no time expression)', modality: c.modality };
}

function spanOf(doc: Doc, view: SentenceView, c: Candidate, source: Mention, target: Mention | null): { start: number; end: number } {
  const s = doc.sentences[view.index];
  let start = doc.tokens[c.head].start;
  let end = doc.tokens[Math.max(c.head, c.end - 1)].end;
  if (source.sentence === view.index && source.start < start && start - source.start < 160) start = source.start;
  // A passive's subject is its target and stands before it ("A journalist was killed").
  if (target && target.sentence === view.index && target.start < start && start - target.start < 160) start = target.start;
  if (target && target.sentence === view.index && target.end > end && target.end - end < 200) end = target.end;
  return { start: Math.max(start, s.start), end: Math.min(end, s.end) };
}

/** Roots of cooperation that are mutual when several actors do them together ("Germany and France met"). */
const MUTUAL_ROOTS = new Set(['03', '04', '05', '06']);

/** With no target, a cooperative act by several actors is done to each other: each is the others' target. */
function mutualTargets(c: Candidate, sources: Party[], src: Party, states: StateIndex | null): (Party | null)[] {
  if (!MUTUAL_ROOTS.has(c.code.slice(0, 2))) return [null];
  const others = sources.filter((o) => !sameActor(o, src, states));
  return others.length > 0 ? others : [null];
}

/** Turns one candidate into events, one per source-target pair, each with its own span in `spans`. */
export function buildEvents(doc: Doc, view: SentenceView, c: Candidate, codes: CodeTable, times: TimeExpr[], states: StateIndex | null = null): CodedEvent[] {
  const info = codes.get(c.code);
  if (!info || c.sources.length === 0) return [];
  const out: CodedEvent[] = [];
  const when = datePart(doc, view, c, times);
  const sources = partiesOf(c.sources);
  // The candidate's place is looked up once, when an event first needs it.
  let where: Mention | null | undefined;
  const locationOf = (target: Mention | null): EventLocation | null => {
    if (target?.isLocation) return place(target);
    if (where === undefined) where = placeOf(doc, view, c);
    return where ? place(where) : null;
  };
  for (const src of sources) {
    const targets: (Party | null)[] = c.targets.length > 0 ? partiesOf(c.targets) : mutualTargets(c, sources, src, states);
    // A news agency passing on a report is the reporter, not the actor of what it reports.
    if (src.actor.sector === 'MED' && (c.sourceRole.startsWith('speaker') || reportedBy(doc, view, src.actor.name))) continue;
    for (const tgt of targets) {
      if (tgt && sameActor(src, tgt, states)) continue;
      const span = spanOf(doc, view, c, src.mention, tgt?.mention ?? null);
      let confidence = 0.75 - (c.sourceRole.startsWith('speaker') ? 0.1 : 0) - (when.from.startsWith('publication') ? 0.1 : 0);
      confidence += (c.pattern.includes(' ') ? 0.05 : 0) - (tgt ? 0 : 0.15) - (c.targetRole.includes('inferred') || c.targetRole.includes('speaker') ? 0.1 : 0);
      out.push({
        start: span.start, end: span.end, sentence: view.index,
        source: src.actor, target: tgt?.actor ?? null,
        cameo: info.code, root: info.root, quad: info.quad, goldstein: info.goldstein, plover: info.plover ?? '',
        date: when.date, datePrecision: when.precision,
        location: locationOf(tgt?.mention ?? null),
        modality: when.modality, attribution: attributionFor(doc, span),
        evidence: doc.text.slice(span.start, span.end),
        confidence: Math.round(Math.min(0.95, Math.max(0.1, confidence)) * 100) / 100,
        explain: { pattern: c.pattern, trigger: c.trigger, sourceRole: c.sourceRole, targetRole: tgt ? c.targetRole : 'none', dateFrom: when.from, notes: [...c.notes] },
        spans: [{ start: span.start, end: span.end }],
      });
    }
  }
  return out;
}

function reportedBy(doc: Doc, view: SentenceView, name: string): boolean {
  const s = doc.sentences[view.index];
  return doc.attributions.some((a) => a.name === name && a.start < s.end && a.end > s.start);
}

function attributionFor(doc: Doc, span: { start: number; end: number }): CodedEvent['attribution'] {
  const a = doc.attributions.find((x) => x.start <= span.end && x.end >= span.start);
  return a ? { name: a.name, via: a.via } : null;
}

/**
 * Merges events with the same source, target, code and date (one a day); every evidence span is kept
 * in `spans`. The first event of each key is kept and completed in place.
 */
export function dedupeEvents(events: CodedEvent[]): CodedEvent[] {
  const byKey = new Map<string, CodedEvent>();
  const key = (a: EventActor | null): string => (a ? a.country ?? a.actor ?? a.name : '-');
  for (const e of events) {
    const k = `${key(e.source)}|${key(e.target)}|${e.cameo}|${e.date}`;
    const first = byKey.get(k);
    if (!first) {
      byKey.set(k, e.spans ? e : { ...e, spans: [{ start: e.start, end: e.end }] });
      continue;
    }
    const spans = first.spans ?? [];
    if (!spans.some((s) => s.start === e.start && s.end === e.end)) {
      spans.push({ start: e.start, end: e.end });
      first.explain?.notes.push(`also reported at ${e.start}-${e.end}: ${e.evidence}`);
    }
    first.confidence = Math.max(first.confidence, e.confidence);
  }
  return [...byKey.values()];
}
