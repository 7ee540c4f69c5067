// Filling in the country of an event's parties from the sentence: a demonym before a group noun
// ("Irish nationalist guerrillas"), the place the event happens ("demonstrators in Baghdad"), a
// place named right after a target ("the plant in central Iran"), the source's own country for a
// target of no known country, the ruler's country for protesters of none, and a place as the
// target of an event with none ("imposed a curfew in Cizre"); attacks on civilians become 180.
import type { Mention } from '../model/types.js';
import type { Candidate } from './candidates.js';
import type { SentenceView } from './sentence.js';
import { asPlaceTarget, sameParty, type StateIndex } from './parties.js';
import { opensAttribution } from './match.js';

const GAP_POS = new Set(['ADJ', 'NOUN', 'PROPN']);
/** Roots whose events may take the place where they happen as their target. */
const PLACE_ROOTS = new Set(['03', '04', '05', '06', '07', '08', '09', '14', '15', '17', '18', '19', '20']);

/** True when only adjectives and nouns stand between two mentions ("Irish nationalist guerrillas"). */
function adjacent(view: SentenceView, a: Mention, b: Mention): boolean {
  if (a.end > b.start) return false;
  for (let k = view.from; k < view.to; k++) {
    const t = view.tokens[k];
    if (t.start >= a.end && t.end <= b.start && !GAP_POS.has(t.pos)) return false;
  }
  return true;
}

/** Joins a country-only mention with the countryless group noun right after it into one party; a named group absorbs it. */
function mergeDemonyms(view: SentenceView, list: Mention[]): Mention[] {
  const out: Mention[] = [];
  for (const m of list) {
    const prev = out[out.length - 1];
    if (prev && prev.country !== null && m.country === null && m.sector !== null && !m.members && adjacent(view, prev, m)) {
      // "Hezbollah guerrillas": a named group before its group noun is already the whole party.
      if (prev.sector === null) out[out.length - 1] = { ...m, start: prev.start, country: prev.country };
      continue;
    }
    out.push(m);
  }
  return out;
}

/** The first place named in the candidate's clause. */
function placeIn(view: SentenceView, c: Candidate): Mention | null {
  const clause = view.clauses[c.clause];
  for (let k = clause.start; k < clause.end; k++) {
    const m = view.mentionAt[k - view.from];
    if (m && m.isLocation && m.country) return m;
  }
  return null;
}

/** Roots of cooperation that several actors do together (as in assemble). */
const MUTUAL_ROOTS = new Set(['03', '04', '05', '06']);

/** How far after the trigger an actor may stand and still be read as what the event is done to. */
const AFTER_WINDOW = 12;

/**
 * The actors named after the trigger in its clause that are not its sources ("rejected proposed
 * Israeli changes", "beat up Palestinian detainees", "lift the curfew on Palestinians"): the first
 * one and any listed right after it with "and" or commas.
 */
function namedAfter(view: SentenceView, c: Candidate, sources: Mention[], states: StateIndex | null): Mention[] {
  const clause = view.clauses[c.clause];
  // A closing attribution starts after the clause when the clause ends before its earliest comma.
  const end = Math.min(clause.end, view.to, clause.end <= Math.max(view.from + 1, view.to - 14) ? view.to : reportingTail(view));
  const found: Mention[] = [];
  // A mention passed over at its first token is passed over at the others too (nothing was added since).
  let passed: Mention | null = null;
  // The first actor must stand near the trigger; a list begun there runs on ("Iran, Libya, ..., Sudan").
  for (let k = c.end; k < end && (found.length > 0 || k < c.end + AFTER_WINDOW); k++) {
    const m = view.mentionAt[k - view.from];
    if (!m) {
      const t = view.tokens[k];
      if (found.length > 0 && !(t.text === ',' || t.pos === 'CCONJ')) break;
      continue;
    }
    if (m === passed || found.includes(m) || m.start < view.tokens[c.end].start) continue;
    if (selfTarget(sources, m.country, m, states)) {
      if (found.length > 0) break;
      passed = m;
      continue;
    }
    // A place after the trigger of a root that takes its place as target is left to that rule.
    if ((!m.country && !m.members) || (m.isLocation && PLACE_ROOTS.has(c.code.slice(0, 2)))) {
      if (found.length > 0) break;
      passed = m;
      continue;
    }
    found.push(m);
  }
  return found.map((m) => (m.isLocation ? asPlaceTarget(m) : m));
}

/**
 * Where a closing attribution starts (", the Israeli army said Friday."): a comma near the end of
 * the sentence, a short name and a verb of saying; `view.to` when there is none.
 */
function reportingTail(view: SentenceView): number {
  for (let k = Math.max(view.from + 1, view.to - 14); k < view.to; k++) {
    if (view.tokens[k].text === ',' && opensAttribution(view, k, view.to)) return k;
  }
  return view.to;
}

/** True when `target`, acting for `country`, would be one party with a source, which would drop the event. */
function selfTarget(sources: Mention[], country: string | null, target: Mention, states: StateIndex | null): boolean {
  return sources.some((s) => sameParty(s, s.country, target, country, states));
}

function withCountry(m: Mention, country: string | null): Mention {
  return country && !m.country && !m.members ? { ...m, country } : m;
}

/** The country of a place named right after a mention ("the Esfahan plant (UCF) in central Iran"), or null. */
function placeAfter(view: SentenceView, m: Mention): string | null {
  let k = view.from;
  while (k < view.to && view.tokens[k].start < m.end) k++;
  let sawIn = false;
  for (let n = 0; k < view.to && n < 8; k++, n++) {
    const t = view.tokens[k];
    const other = view.mentionAt[k - view.from];
    // An acronym in brackets repeats the name ("(UCF)").
    if (other && other !== m && !(other.country === null && view.tokens[k - 1].text === '(')) return sawIn && other.country && !other.members ? other.country : null;
    if (t.lower === 'in' && t.pos === 'ADP') sawIn = true;
    else if (!(t.pos === 'ADJ' || t.pos === 'DET' || t.text === '(' || t.text === ')' || (other === m) || (!sawIn && t.pos === 'PROPN'))) return null;
  }
  return null;
}

/** Sectors of international bodies: their code says whom they act for, not where their targets are. */
const BODY_SECTORS = new Set(['IGO', 'NGO']);
const STATE_CODE = /^[A-Z]{3}$/;
/** Sectors of groups that protest against their own rulers. */
const PROTESTERS = new Set(['OPP', 'REB', 'REF', 'LAB', 'EDU', 'AGR', 'CVL', 'REL']);

/**
 * Protesters of no known country protesting against a government or leader of one ("Islamic
 * fundamentalists staged a hunger strike to demand the resignation of the Algerian president")
 * are taken for that country's own people.
 */
function protestersOf(c: Candidate, sources: Mention[]): Mention[] {
  if (!c.code.startsWith('14') || c.targets.length !== 1) return sources;
  const target = c.targets[0];
  const ruler = target.country !== null && !target.isLocation && (target.type === 'PERSON' || target.sector === 'GOV');
  if (!ruler || sources.some((m) => m.country !== null || m.members || !PROTESTERS.has(m.sector ?? ''))) return sources;
  c.notes.push(`protesters of no known country taken for people of ${target.country}, whose ruler they protest against`);
  return sources.map((m) => ({ ...m, country: target.country }));
}

/** Fills the parties' countries of one candidate in place; notes say what was inferred. */
function fillOne(view: SentenceView, c: Candidate, states: StateIndex | null): void {
  const place = placeIn(view, c);
  // A place that is already the target ("cleansing in Kosovo") does not say where the source is from.
  const origin = place && !c.targets.some((t) => t.country === place.country) ? place.country : null;
  const sources = mergeDemonyms(view, c.sources).map((m) => (m.type === 'PERSON' ? m : withCountry(m, origin)));
  if (sources.some((m, i) => m !== c.sources[i])) c.notes.push('source country completed from the sentence');
  c.sources = protestersOf(c, sources);
  // A body's code ("UN", "NATO") is nobody's home country: only a state's (three letters) is lent.
  const home = c.sources.find((m) => m.country && STATE_CODE.test(m.country) && !BODY_SECTORS.has(m.sector ?? ''))?.country ?? null;
  if (c.targets.length > 0) {
    const fill = (m: Mention): string | null => {
      const country = placeAfter(view, m) ?? (m.type === 'PERSON' ? home : place?.country ?? home);
      return country && !selfTarget(c.sources, country, m, states) ? country : null;
    };
    const targets = mergeDemonyms(view, c.targets).map((m) => withCountry(m, fill(m)));
    if (targets.some((m, i) => m !== c.targets[i])) c.notes.push('target country completed from the sentence');
    c.targets = targets;
    return;
  }
  // Several actors cooperating with no target are each other's targets (assemble pairs them).
  const mutual = sources.length > 1 && MUTUAL_ROOTS.has(c.code.slice(0, 2));
  // A bare statement (01) names what it is about, not whom it addresses.
  const after = c.speech || mutual || c.code.startsWith('01') ? [] : namedAfter(view, c, sources, states);
  if (after.length > 0) {
    c.targets = after;
    c.sources = protestersOf(c, c.sources);
    c.targetRole = `actor named after the trigger in its clause ("${after[0].text}")`;
    c.notes.push('no target in a role: the first other actor named after the trigger in its clause is the target');
    return;
  }
  const asTarget = place ? asPlaceTarget(place) : null;
  if (asTarget && !c.speech && PLACE_ROOTS.has(c.code.slice(0, 2)) && !selfTarget(sources, asTarget.country, asTarget, states)) {
    c.targets = [asTarget];
    c.targetRole = `place of the event ("${asTarget.text}")`;
    c.notes.push('no target named: the place where it happened is the target');
  }
}

/** Sectors of people who take no part in fighting. */
const CIVILIANS = new Set(['CVL', 'REF']);

/** A plain attack on civilians or refugees ("a camp for refugees was attacked") is an assault (180), not a battle (190). */
function assaultOnCivilians(c: Candidate): void {
  if (c.code !== '190' || c.targets.length === 0 || !c.targets.every((m) => CIVILIANS.has(m.sector ?? ''))) return;
  c.notes.push('an attack on civilians coded as unconventional violence (180), not 190');
  c.code = '180';
}

/** Completes the countries of the candidates' sources and targets from their sentence. */
export function fillCountries(view: SentenceView, list: Candidate[], states: StateIndex | null = null): Candidate[] {
  for (const c of list) {
    fillOne(view, c, states);
    assaultOnCivilians(c);
  }
  return list;
}
