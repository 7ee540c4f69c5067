// Sentence-level adjustments of candidates: criticism reported through evaluation words, bare
// statements, targets taken from the reporting speaker or a parallel clause, conditional threats
// ("will impose sanctions if ...") and conditional offers to meet ("would meet X if ...").
import type { Mention } from '../model/types.js';
import type { Candidate } from './candidates.js';
import { speakerOf } from './candidates.js';
import type { Lexicon } from './lexicon.js';
import { hasCondition, isNegated } from './modality.js';
import { promisedActs, refineAims, reportedDemands, throughFrame, withoutProtestAims } from './recode.js';
import type { SentenceView } from './sentence.js';
import type { StateIndex } from './parties.js';
import { lemmaOf } from './lemma.js';

function countryOf(m: Mention): string {
  return m.country ?? m.name;
}

function sameSide(a: Mention[], b: Mention[]): boolean {
  return a.length > 0 && b.length > 0 && a.every((x) => b.some((y) => countryOf(x) === countryOf(y)));
}

function phraseAt(view: SentenceView, phrase: readonly string[], i: number): boolean {
  for (let w = 0; w < phrase.length; w++) {
    const t = view.tokens[i + w];
    if (!t || i + w >= view.to) return false;
    const neg = phrase[w].startsWith('!');
    const word = neg ? phrase[w].slice(1) : phrase[w];
    if (t.lower !== word && lemmaOf(t) !== word) return false;
    if (neg && !isNegated(view, i + w)) return false;
  }
  return true;
}

/** The first subject mention and those coordinated with it ("US and British statements"), not later modifiers. */
function firstGroup(view: SentenceView, subjects: Mention[]): Mention[] {
  if (subjects.length === 0) return [];
  const out = [subjects[0]];
  for (let i = 1; i < subjects.length; i++) {
    const gapFrom = out[out.length - 1].end;
    const gap = view.tokens.slice(view.from, view.to).filter((t) => t.start >= gapFrom && t.end <= subjects[i].start);
    if (gap.length > 0 && gap.every((t) => t.text === ',' || t.pos === 'CCONJ')) out.push(subjects[i]);
    else break;
  }
  return out;
}

/** Where a reported clause's words end: its own end, extended over the quotes and complements that continue it. */
function evaluationEnd(view: SentenceView, ci: number): number {
  let end = view.clauses[ci].end;
  for (let k = ci + 1; k < view.clauses.length; k++) {
    const next = view.clauses[k];
    if (next.kind === 'main' && next.subjects.length > 0) break;
    if (next.kind === 'coord' || next.kind === 'participle' || next.kind === 'conditional') break;
    end = next.end;
  }
  return end;
}

/** Reported criticism: "X said that Y's threats do not help" gives X criticises Y (111). */
function evaluations(view: SentenceView, lex: Lexicon): Candidate[] {
  const out: Candidate[] = [];
  view.clauses.forEach((c, ci) => {
    if (c.kind !== 'complement' && c.kind !== 'quote') return;
    const speaker = speakerOf(view, ci);
    const evaluated = firstGroup(view, c.subjects);
    if (speaker.length === 0 || evaluated.length === 0 || sameSide(speaker, evaluated)) return;
    const end = evaluationEnd(view, ci);
    for (let i = c.start; i < end; i++) {
      // A phrase starts with one of the evaluation words: other tokens need no phrase tried.
      const t = view.tokens[i];
      if (!lex.evaluationWords.has(t.lower) && !lex.evaluationWords.has(lemmaOf(t))) continue;
      const phrase = lex.negative.find((p) => phraseAt(view, p, i));
      if (!phrase) continue;
      out.push({
        code: '111', pattern: `evaluation: ${phrase.join(' ')}`, trigger: view.tokens[i].text, head: i, end: i + phrase.length,
        clause: ci, sources: speaker, targets: evaluated, sourceRole: 'speaker of the statement', targetRole: 'actor of the evaluated subject',
        modality: 'asserted', speech: false, nominal: false, hypothetical: false, notes: ['negative evaluation of another actor in reported speech'],
      });
      return;
    }
  });
  return out;
}

function firstOtherMention(view: SentenceView, after: number, sources: Mention[]): Mention[] {
  for (let k = after; k < view.to; k++) {
    const m = view.mentionAt[k - view.from];
    if (m && !m.isLocation && !sources.some((s) => countryOf(s) === countryOf(m))) return [m];
  }
  return [];
}

function inReportedClause(view: SentenceView, ci: number): boolean {
  for (let c = ci, guard = 0; c >= 0 && guard < 8; c = view.clauses[c].parent, guard++) {
    const kind = view.clauses[c].kind;
    if (kind === 'complement' || kind === 'quote') return true;
  }
  return false;
}

function borrowTargets(view: SentenceView, list: Candidate[]): void {
  list.forEach((c, i) => {
    if (c.targets.length > 0 || c.speech) return;
    const kind = view.clauses[c.clause].kind;
    if (kind === 'subordinate' || kind === 'coord') {
      const prev = list.slice(0, i).reverse().find((p) => p.targets.length > 0 && p.code.slice(0, 2) === c.code.slice(0, 2));
      if (prev) {
        c.targets = prev.targets;
        c.targetRole = `target of the parallel clause ("${prev.trigger}")`;
        return;
      }
    }
    const speaker = speakerOf(view, c.clause);
    if (inReportedClause(view, c.clause) && speaker.length > 0 && c.sources.length > 0 && !sameSide(speaker, c.sources)) {
      c.targets = speaker;
      c.targetRole = 'the reporting speaker (no target in the text)';
      c.notes.push('target inferred from the speaker');
    }
  });
}

/**
 * A material conflict promised for when a condition is met is a threat (CAMEO 13); a meeting
 * offered on a condition ("would meet the mediator if ...") is an intent to meet (036).
 */
function conditionalThreats(view: SentenceView, lex: Lexicon, list: Candidate[]): void {
  if (!hasCondition(view)) return;
  for (const c of list) {
    const root = Number(c.code.slice(0, 2));
    if (c.modality !== 'future' || (root < 15 && root !== 4)) continue;
    const frame = root === 4 ? 'intent' : 'threat';
    const code = throughFrame(lex, frame, c.code);
    if (!code) continue;
    c.notes.push(`future ${c.code} under a condition coded as ${frame} ${code}`);
    c.code = code;
    c.modality = 'asserted';
  }
}

/** True when event noun `c` sits in the object of verb event `o` of the same root, with no comma between. */
function repeatsVerb(view: SentenceView, o: Candidate, c: Candidate): boolean {
  if (o.nominal || o.clause !== c.clause || o.head >= c.head || o.code.slice(0, 2) !== c.code.slice(0, 2)) return false;
  if (c.sourceRole.startsWith('possessor')) return false;
  for (let k = o.head + 1; k < c.head; k++) if (view.tokens[k].text === ',') return false;
  return true;
}

/** Adjusts one sentence's candidates and returns the ones to keep. */
export function adjustCandidates(view: SentenceView, lex: Lexicon, found: Candidate[], states: StateIndex | null = null): Candidate[] {
  const list = [...found, ...evaluations(view, lex)].filter((c) => !c.hypothetical).sort((a, b) => a.head - b.head);
  // An event noun in the object of a verb of the same kind repeats it ("ship missiles and other weapons").
  const substantive = withoutProtestAims(view, list.filter((c) => !c.speech && !(c.nominal && list.some((o) => repeatsVerb(view, o, c)))));
  reportedDemands(view, lex, substantive, states);
  borrowTargets(view, substantive);
  conditionalThreats(view, lex, substantive);
  promisedActs(view, lex, substantive);
  refineAims(view, lex, substantive);
  // An event with no target after a targeted one of the same actor is usually its purpose or a
  // detail ("met ... to discuss"); an event noun with no target whose actor is only its possessor
  // ("Blinken's trip") refers to an event told elsewhere.
  const kept = substantive.filter((c) => {
    if (c.targets.length > 0) return true;
    if (c.nominal && c.sourceRole.startsWith('possessor')) return false;
    return !substantive.some((o) => o.head < c.head && o.targets.length > 0 && o.sources.some((m) => c.sources.includes(m)));
  });
  if (kept.length > 0) return kept;
  for (const c of list) {
    if (c.targets.length === 0) {
      c.targets = firstOtherMention(view, c.end, c.sources);
      if (c.targets.length > 0) c.targetRole = 'first other actor named after the statement verb';
    }
  }
  return list.filter((c) => !(c.nominal && c.targets.length === 0 && c.sourceRole.startsWith('possessor')));
}
