// Sentence-level adjustments of candidates: criticism reported through evaluation words, bare
// statements, targets taken from the reporting speaker or a parallel clause, and conditional
// threats ("will impose sanctions if ...").
import type { Mention } from '../model/types.js';
import type { Candidate } from './candidates.js';
import { speakerOf } from './candidates.js';
import type { Lexicon } from './lexicon.js';
import { hasCondition, isNegated } from './modality.js';
import type { SentenceView } from './sentence.js';

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
    if (t.lower !== word && t.lemma.toLowerCase() !== word) return false;
    if (neg && !isNegated(view, i + w)) return false;
  }
  return true;
}

/** Reported criticism: "X said that Y's threats do not help" gives X criticises Y (111). */
function evaluations(view: SentenceView, lex: Lexicon): Candidate[] {
  const out: Candidate[] = [];
  view.clauses.forEach((c, ci) => {
    if (c.kind !== 'complement' && c.kind !== 'quote') return;
    const speaker = speakerOf(view, ci);
    if (speaker.length === 0 || c.subjects.length === 0 || sameSide(speaker, c.subjects)) return;
    for (let i = c.start; i < c.end; i++) {
      const phrase = lex.negative.find((p) => phraseAt(view, p, i));
      if (!phrase) continue;
      out.push({
        code: '111', pattern: `evaluation: ${phrase.join(' ')}`, trigger: view.tokens[i].text, head: i, end: i + phrase.length,
        clause: ci, sources: speaker, targets: c.subjects, sourceRole: 'speaker of the statement', targetRole: 'actor of the evaluated subject',
        modality: 'asserted', speech: false, notes: ['negative evaluation of another actor in reported speech'],
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

/** A material conflict promised for when a condition is met is a threat (CAMEO 13). */
function conditionalThreats(view: SentenceView, lex: Lexicon, list: Candidate[]): void {
  if (!hasCondition(view)) return;
  const threat = lex.frames.get('threat');
  for (const c of list) {
    const root = Number(c.code.slice(0, 2));
    if (!threat || c.modality !== 'future' || root < 15) continue;
    const code = threat.map.get(c.code) ?? threat.map.get(c.code.slice(0, 3)) ?? threat.map.get(c.code.slice(0, 2)) ?? threat.default;
    c.notes.push(`future ${c.code} under a condition coded as threat ${code}`);
    c.code = code;
    c.modality = 'asserted';
  }
}

/** Adjusts one sentence's candidates and returns the ones to keep. */
export function adjustCandidates(view: SentenceView, lex: Lexicon, found: Candidate[]): Candidate[] {
  const list = [...found, ...evaluations(view, lex)].sort((a, b) => a.head - b.head);
  const substantive = list.filter((c) => !c.speech);
  borrowTargets(view, substantive);
  conditionalThreats(view, lex, substantive);
  // An untargeted event beside a targeted one of the same actor is usually its purpose ("to discuss").
  const kept = substantive.filter((c) => c.targets.length > 0 || !substantive.some((o) => o.targets.length > 0 && o.head < c.head && o.sources.some((m) => c.sources.includes(m))));
  if (kept.length > 0) return kept;
  for (const c of list) {
    if (c.targets.length === 0) {
      c.targets = firstOtherMention(view, c.end, c.sources);
      if (c.targets.length > 0) c.targetRole = 'first other actor named after the statement verb';
    }
  }
  return list;
}
