// Recoding candidates from their sentence context: "X said Y must do Z" (a demand from X to Y),
// promised cooperation ("will send aid" is an intent, 03x), promised force ("will impose a curfew"
// is a threat, 13x), and the aim of a protest, appeal or demand ("to demand his resignation" → xx1).
import type { Candidate } from './candidates.js';
import { speakerOf } from './candidates.js';
import type { Lexicon } from './lexicon.js';
import type { SentenceView } from './sentence.js';
import { sameParty, type StateIndex } from './parties.js';
import { lemmaOf } from './lemma.js';

const MUST = new Set(['must', 'should', 'ought']);
const NEED = new Set(['need', 'have']);

/** Recodes `code` through frame `name` (full code, then 3 digits, then root, else the default). */
export function throughFrame(lex: Lexicon, name: string, code: string): string | null {
  const f = lex.frames.get(name);
  if (!f) return null;
  return f.map.get(code) ?? f.map.get(code.slice(0, 3)) ?? f.map.get(code.slice(0, 2)) ?? f.default;
}

/** The obligation word before the trigger in its verb group ("must", "should", "needs to"), or null. */
export function obligationBefore(view: SentenceView, head: number): string | null {
  const clause = view.clauses[view.clauseOf[head - view.from]];
  for (let k = head - 1; k >= clause.start && k >= head - 5; k--) {
    const t = view.tokens[k];
    if (MUST.has(t.lower)) return t.lower;
    if (t.lower === 'to' && k > clause.start && NEED.has(lemmaOf(view.tokens[k - 1]))) return `${view.tokens[k - 1].lower} to`;
    if (!(t.pos === 'AUX' || t.pos === 'ADV' || t.pos === 'PART' || t.lower === 'to' || (t.lemma === 'be' && k === head - 1))) return null;
  }
  return null;
}

function inReported(view: SentenceView, ci: number): boolean {
  for (let c = ci, guard = 0; c >= 0 && guard < 8; c = view.clauses[c].parent, guard++) {
    const kind = view.clauses[c].kind;
    if (kind === 'complement' || kind === 'quote') return true;
  }
  return false;
}

/** "X said that Y must Z": the speaker demands (10x) of Y what Y must do. */
export function reportedDemands(view: SentenceView, lex: Lexicon, list: Candidate[], states: StateIndex | null = null): void {
  for (const c of list) {
    if (c.speech || c.nominal || !inReported(view, c.clause) || c.sources.length === 0) continue;
    const word = obligationBefore(view, c.head);
    if (!word) continue;
    const speaker = speakerOf(view, c.clause);
    // "Rwandan rebels said the Rwandan Patriotic Front must agree": two parties of one country.
    if (speaker.length === 0 || speaker.some((s) => c.sources.some((m) => sameParty(m, m.country, s, s.country, states)))) continue;
    const code = throughFrame(lex, 'demand', c.code);
    if (!code) continue;
    c.notes.push(`"${word}" in reported speech: ${c.code} demanded of the clause subject, coded ${code}`);
    c.targets = c.sources;
    c.targetRole = `subject of the "${word}" clause`;
    c.sources = speaker;
    c.sourceRole = 'speaker of the statement';
    c.code = code;
    c.modality = 'asserted';
    c.pattern = `${word} (reported) + ${c.pattern}`;
  }
}

/** True when the candidate was promised with "will"/"would"/"shall" or "plans to" just before its verb group. */
const PLAN_VERBS = new Set(['plan', 'intend']);

function promised(view: SentenceView, c: Candidate): boolean {
  const clause = view.clauses[c.clause];
  // "plans to impose restrictions", "intends to send troops": announced plans are promises too.
  if (c.head - 2 >= clause.start && view.tokens[c.head - 1].lower === 'to' && PLAN_VERBS.has(lemmaOf(view.tokens[c.head - 2]))) return true;
  for (let k = c.head - 1; k >= clause.start && k >= c.head - 4; k--) {
    const t = view.tokens[k];
    if (t.lower === 'will' || t.lower === 'would' || t.lower === 'shall' || t.lower === "'ll" || t.lower === '’ll') return true;
    if (!(t.pos === 'ADV' || t.pos === 'AUX' || t.pos === 'PART')) return false;
  }
  return false;
}

/**
 * A verb event promised for the future is an intent or a threat, as CAMEO codes it: "will send aid"
 * (073 → 0333), "will withdraw inspectors" (1662 → 136). Meetings and visits (04) stay future events;
 * events reached through a frame keep their code.
 */
export function promisedActs(view: SentenceView, lex: Lexicon, list: Candidate[]): void {
  for (const c of list) {
    if (c.nominal || c.speech || c.modality !== 'future' || c.pattern.includes(' + ') || !promised(view, c)) continue;
    const root = Number(c.code.slice(0, 2));
    // A planned meeting or visit stays itself, marked future ("will visit" → 042, future).
    const frame = root >= 5 && root <= 8 ? 'intent' : root >= 14 ? 'threat' : null;
    const code = frame ? throughFrame(lex, frame, c.code) : null;
    if (!frame || !code) continue;
    c.notes.push(`promised ${c.code} coded as ${frame} ${code}`);
    c.code = code;
    c.modality = 'asserted';
  }
}

/** Adds the aim digit to protest, appeal and demand codes from the words after the trigger. */
export function refineAims(view: SentenceView, lex: Lexicon, list: Candidate[]): void {
  const { codes, words } = lex.purposes;
  for (const c of list) {
    if (c.code.length !== 3 || !codes.has(c.code)) continue;
    for (let k = c.head + 1; k < view.to && k <= c.head + 20; k++) {
      const t = view.tokens[k];
      if (t.text === ';') break;
      const digit = words.get(t.lower) ?? words.get(lemmaOf(t));
      if (!digit) continue;
      c.notes.push(`aim "${t.text}" refines ${c.code} to ${c.code}${digit}`);
      c.code = `${c.code}${digit}`;
      break;
    }
  }
}

const AIM_ROOTS = new Set(['02', '10', '11', '14']);

/** "staged a hunger strike to demand his resignation": the demand is the protest's aim, already in its code. */
export function withoutProtestAims(view: SentenceView, list: Candidate[]): Candidate[] {
  return list.filter((c) => {
    if (!AIM_ROOTS.has(c.code.slice(0, 2)) || c.head === view.from || view.tokens[c.head - 1].lower !== 'to') return true;
    const protest = list.find((o) => o !== c && o.head < c.head && o.code.startsWith('14') && o.sources.some((m) => c.sources.includes(m)));
    if (!protest) return true;
    // "started a hunger strike to protest Assad's failure": whom the aim is against is whom the protest is against.
    if (protest.targets.length === 0 && c.targets.length > 0) {
      protest.targets = c.targets;
      protest.targetRole = `${c.targetRole} of its aim "${c.trigger}"`;
    }
    return false;
  });
}
