// Filling in the country of an event's parties from the sentence: a demonym before a group noun
// ("Irish nationalist guerrillas"), the place the event happens ("demonstrators in Baghdad"), the
// source's own country for a target of no known country, and a place as the target of an event
// with none ("imposed a curfew in Cizre").
import type { Mention } from '../model/types.js';
import type { Candidate } from './candidates.js';
import type { SentenceView } from './sentence.js';

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

/** Joins a country-only mention with the countryless group noun right after it into one party. */
function mergeDemonyms(view: SentenceView, list: Mention[]): Mention[] {
  const out: Mention[] = [];
  for (const m of list) {
    const prev = out[out.length - 1];
    if (prev && prev.country !== null && prev.sector === null && m.country === null && m.sector !== null && !m.members && adjacent(view, prev, m)) {
      out[out.length - 1] = { ...m, start: prev.start, country: prev.country };
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
function namedAfter(view: SentenceView, c: Candidate, sources: Mention[]): Mention[] {
  const clause = view.clauses[c.clause];
  const stop = Math.min(clause.end, view.to, c.end + AFTER_WINDOW);
  const found: Mention[] = [];
  for (let k = c.end; k < stop; k++) {
    const m = view.mentionAt[k - view.from];
    if (!m) {
      const t = view.tokens[k];
      if (found.length > 0 && !(t.text === ',' || t.pos === 'CCONJ')) break;
      continue;
    }
    if (found.includes(m) || m.start < view.tokens[c.end].start) continue;
    if (sources.some((s) => s === m || (s.country !== null && s.country === m.country && s.sector === m.sector)) || (m.country && selfTarget(sources, m.country, m))) {
      if (found.length > 0) break;
      continue;
    }
    // A place after the trigger of a root that takes its place as target is left to that rule.
    if ((!m.country && !m.members) || (m.isLocation && PLACE_ROOTS.has(c.code.slice(0, 2)))) {
      if (found.length > 0) break;
      continue;
    }
    found.push(m);
  }
  return found.map((m) => (m.isLocation ? { ...m, isLocation: false } : m));
}

/** Sectors of the state itself (as in assemble): an event between them and their own country is dropped there. */
const STATE_SECTORS = new Set(['GOV', 'MIL', 'LEG', 'JUD', 'COP', 'SPY', 'ELI']);

function stateSide(m: Mention): boolean {
  return m.sector === null || STATE_SECTORS.has(m.sector);
}

/** True when a target in `country` would be the source's own state, which would drop the event. */
function selfTarget(sources: Mention[], country: string, target: Mention | null): boolean {
  return sources.some((s) => s.country === country && stateSide(s) && (target === null || stateSide(target)));
}

function withCountry(m: Mention, country: string | null): Mention {
  return country && !m.country && !m.members ? { ...m, country } : m;
}

/** Fills the parties' countries of one candidate in place; notes say what was inferred. */
function fillOne(view: SentenceView, c: Candidate): void {
  const place = placeIn(view, c);
  // A place that is already the target ("cleansing in Kosovo") does not say where the source is from.
  const origin = place && !c.targets.some((t) => t.country === place.country) ? place.country : null;
  const sources = mergeDemonyms(view, c.sources).map((m) => (m.type === 'PERSON' ? m : withCountry(m, origin)));
  if (sources.some((m, i) => m !== c.sources[i])) c.notes.push('source country completed from the sentence');
  c.sources = sources;
  const home = sources.find((m) => m.country)?.country ?? null;
  if (c.targets.length > 0) {
    const fill = (m: Mention): string | null => {
      const country = m.type === 'PERSON' ? home : place?.country ?? home;
      return country && !selfTarget(sources, country, m) ? country : null;
    };
    const targets = mergeDemonyms(view, c.targets).map((m) => withCountry(m, fill(m)));
    if (targets.some((m, i) => m !== c.targets[i])) c.notes.push('target country completed from the sentence');
    c.targets = targets;
    return;
  }
  // Several actors cooperating with no target are each other's targets (assemble pairs them).
  const mutual = sources.length > 1 && MUTUAL_ROOTS.has(c.code.slice(0, 2));
  // A bare statement (01) names what it is about, not whom it addresses.
  const after = c.speech || mutual || c.code.startsWith('01') ? [] : namedAfter(view, c, sources);
  if (after.length > 0) {
    c.targets = after;
    c.targetRole = `actor named after the trigger in its clause ("${after[0].text}")`;
    c.notes.push('no target in a role: the first other actor named after the trigger in its clause is the target');
    return;
  }
  if (place && place.country && !c.speech && PLACE_ROOTS.has(c.code.slice(0, 2)) && !selfTarget(sources, place.country, null)) {
    c.targets = [{ ...place, isLocation: false }];
    c.targetRole = `place of the event ("${place.text}")`;
    c.notes.push('no target named: the place where it happened is the target');
  }
}

/** Completes the countries of the candidates' sources and targets from their sentence. */
export function fillCountries(view: SentenceView, list: Candidate[]): Candidate[] {
  for (const c of list) fillOne(view, c);
  return list;
}
