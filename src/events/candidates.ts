// From a prepared sentence to candidate events: triggers, their roles, negation and modality,
// and frames that recode or embed a complement ("threatened to impose sanctions").
import type { Mention, Modality } from '../model/types.js';
import type { Lexicon } from './lexicon.js';
import type { Trigger } from './match.js';
import { matchAt } from './match.js';
import { isNegated, modalityOf } from './modality.js';
import { findRoles } from './roles.js';
import { inHypotheticalClause, isHypotheticalNoun } from './hypothetical.js';
import type { SentenceView } from './sentence.js';

/** An event found in a sentence before it is expanded into actor pairs. */
export interface Candidate {
  code: string;
  pattern: string;
  trigger: string;
  /** Global token range of the evidence. */
  head: number;
  end: number;
  clause: number;
  sources: Mention[];
  targets: Mention[];
  sourceRole: string;
  targetRole: string;
  modality: Modality;
  speech: boolean;
  /** Triggered by an event noun rather than a verb. */
  nominal: boolean;
  /** The event is only a possibility ("a possible invasion", "to prevent war"). */
  hypothetical: boolean;
  notes: string[];
}

const COMPLEMENT_GAP = new Set(['DET', 'ADJ', 'NUM', 'ADV', 'PRON', 'PROPN', 'NOUN']);
const COMPLEMENT_PREPS = new Set(['of', 'for', 'to', 'on', 'about', 'in']);

/** The speaker for a clause with no subject of its own: the nearest clause it depends on with one. */
export function speakerOf(view: SentenceView, ci: number): Mention[] {
  const c = view.clauses[ci];
  if (c.kind === 'quote') return view.clauses.find((x) => x.kind !== 'quote' && x.subjects.length > 0)?.subjects ?? [];
  for (let p = c.parent, guard = 0; p >= 0 && guard < 8; p = view.clauses[p].parent, guard++) {
    if (view.clauses[p].subjects.length > 0) return view.clauses[p].subjects;
  }
  return [];
}

/** The last actor mention before token `before` in the sentence that is not one of `exclude`. */
function lastActorBefore(view: SentenceView, before: number, exclude: Mention[]): Mention | null {
  for (let k = before - 1; k >= view.from; k--) {
    const m = view.mentionAt[k - view.from];
    if (m && !m.isLocation && !exclude.some((x) => x === m || (x.country !== null && x.country === m.country))) return m;
  }
  return null;
}

/** The pronoun opening clause `ci` (after its conjunction), lower-cased, or null. */
function pronounOf(view: SentenceView, ci: number): string | null {
  const c = view.clauses[ci];
  for (let k = c.start; k < c.end; k++) {
    const t = view.tokens[k];
    if (t.pos === 'SCONJ' || t.pos === 'CCONJ' || t.pos === 'PUNCT') continue;
    return t.pos === 'PRON' ? t.lower : null;
  }
  return null;
}

function subjectsFor(view: SentenceView, ci: number): [Mention[], string] {
  const c = view.clauses[ci];
  if (c.subjects.length > 0) return [c.subjects, c.subjectVia];
  if (c.pronounSubject && (c.kind === 'conditional' || c.kind === 'subordinate')) {
    const other = lastActorBefore(view, c.start, speakerOf(view, ci));
    if (other) return [[other], 'pronoun subject: the last other actor before the clause'];
  }
  if (c.pronounSubject && c.kind === 'complement' && pronounOf(view, ci) === 'it') {
    // "reminded Iraq that it must cooperate": a person is not "it"; the thing named before is.
    const speaker = speakerOf(view, ci);
    const other = speaker.length > 0 && speaker.every((m) => m.type === 'PERSON') ? lastActorBefore(view, c.start, speaker) : null;
    if (other && other.type !== 'PERSON') return [[other], 'pronoun "it": the last actor before the clause other than the speaker'];
  }
  if (c.pronounSubject || c.kind === 'complement' || c.kind === 'quote') {
    const s = speakerOf(view, ci);
    if (s.length > 0) return [s, 'speaker of the enclosing statement'];
  }
  return [[], 'none'];
}

/** A frame word's complement: its trigger, and whether it is a "that" clause (whose subject is the target). */
interface Complement {
  trig: Trigger;
  viaThat: boolean;
}

/** Frames whose complement may be a "that" clause ("demanded that the US cancel ..."). */
const THAT_FRAMES = new Set(['demand', 'appeal', 'reject']);
/** Frames that pass their own complement on ("refused to commit to any assistance"). */
const CHAIN_FRAMES = new Set(['intent', 'appeal', 'demand', 'reject']);

/** The trigger of the complement of a frame word: "to" + verb, a "that" clause, or an event noun after it. */
function complementOf(view: SentenceView, lex: Lexicon, trig: Trigger, frame: string, depth = 0): Complement | null {
  const { tokens, to } = view;
  let viaThat = false;
  let skippedVerb = false;
  for (let k = trig.end; k < to && k < trig.end + (viaThat ? 14 : 8); k++) {
    const t = tokens[k];
    const afterTo = k > view.from && tokens[k - 1].lower === 'to';
    if (t.pos === 'VERB' && (afterTo || viaThat)) {
      const verb = matchAt(view, lex, k, 'verb');
      if (verb) return chain(view, lex, { trig: verb, viaThat }, depth);
      // "agreed to undertake joint exercises", "to help finance": the event is further on.
      if (skippedVerb) return null;
      skippedVerb = true;
      continue;
    }
    if (t.lower === 'that' && k === trig.end && THAT_FRAMES.has(frame)) {
      viaThat = true;
      continue;
    }
    if (t.lower === 'to' && t.pos === 'PART') continue;
    if (t.pos === 'NOUN' || t.pos === 'VERB') {
      const noun = matchAt(view, lex, k, 'noun');
      if (noun) return chain(view, lex, { trig: noun, viaThat }, depth);
    }
    if (viaThat && (t.pos === 'AUX' || view.mentionAt[k - view.from] || t.pos === 'PART')) continue;
    if (!(COMPLEMENT_GAP.has(t.pos) || COMPLEMENT_PREPS.has(t.lower))) return null;
  }
  return null;
}

/** Follows a complement that is itself a frame word to the event it names. */
function chain(view: SentenceView, lex: Lexicon, c: Complement, depth: number): Complement {
  const frame = c.trig.frame;
  if (depth > 0 || !frame || !CHAIN_FRAMES.has(frame)) return c;
  const next = complementOf(view, lex, c.trig, frame, depth + 1);
  return next && next.trig.entry.frame !== 'speech' ? { trig: next.trig, viaThat: c.viaThat } : c;
}

function frameCode(lex: Lexicon, frame: string, code: string): string {
  const f = lex.frames.get(frame);
  if (!f) return code;
  return f.map.get(code) ?? f.map.get(code.slice(0, 3)) ?? f.map.get(code.slice(0, 2)) ?? f.default;
}

/** Roots of force whose victims are worth an event even when the doer is not named. */
const FORCE_ROOTS = new Set(['17', '18', '19', '20']);

/** The unnamed doer of an agentless passive, placed at its trigger. */
function unknownActor(view: SentenceView, trig: Trigger): Mention {
  const t = view.tokens[trig.head];
  return { start: t.start, end: t.end, text: t.text, type: 'GROUP', actor: null, name: 'unknown', country: null, sector: null, role: null, via: 'unresolved', confidence: 0.2, sentence: view.index };
}

function baseCandidate(view: SentenceView, trig: Trigger): Candidate {
  const ci = view.clauseOf[trig.head - view.from];
  const [subjects, via] = subjectsFor(view, ci);
  const roles = findRoles(view, trig, subjects, via);
  let code = trig.code;
  let negated = isNegated(view, trig.head);
  const notes: string[] = [];
  if (negated && trig.entry.negCode) {
    code = trig.entry.negCode;
    negated = false;
    notes.push(`negated "${trig.entry.head.join(' ')}" coded as ${code}`);
  }
  // Only a subject the clause itself names is the victim, not a speaker it inherits.
  const ownSubject = via === 'subject' || via.startsWith('subject noun phrase') || via === 'relative antecedent';
  if (roles.passive && ownSubject && roles.sources.length === 0 && roles.targets.length > 0 && FORCE_ROOTS.has(code.slice(0, 2))) {
    // "A journalist was killed in Beirut": done by someone the text does not name.
    roles.sources = [unknownActor(view, trig)];
    roles.sourceRole = 'unknown (passive with no agent)';
    notes.push('agentless passive: the source is unknown');
  }
  return {
    code, pattern: trig.pattern, trigger: view.tokens.slice(trig.head, trig.headEnd).map((t) => t.text).join(' '),
    head: trig.head, end: trig.end, clause: ci,
    sources: roles.sources, targets: roles.targets, sourceRole: roles.sourceRole, targetRole: roles.targetRole,
    // "demands for X to ship": what X is asked or allowed to do has not happened yet.
    modality: roles.sourceRole.startsWith('"for X to"') && !negated ? 'future' : modalityOf(view, trig.head, negated),
    speech: trig.frame === 'speech', notes,
    nominal: trig.entry.pos === 'noun',
    hypothetical: (trig.entry.pos === 'noun' && isHypotheticalNoun(view, trig.head)) || inHypotheticalClause(view, trig.head),
  };
}

function applyFrame(view: SentenceView, lex: Lexicon, trig: Trigger, cand: Candidate, used: boolean[]): Candidate {
  let frame = trig.frame;
  if (frame && trig.entry.negFrame && cand.modality === 'negated') {
    frame = trig.entry.negFrame;
    cand.modality = modalityOf(view, trig.head, false);
    cand.notes.push(`negated "${trig.entry.head.join(' ')}" read as ${frame}`);
  }
  if (!frame || frame === 'speech') return cand;
  const found = complementOf(view, lex, trig, frame);
  if (!found || found.trig.entry.frame === 'speech') return withThatSubject(view, trig, frame, cand);
  const comp = found.trig;
  for (let k = comp.head; k < comp.end; k++) used[k - view.from] = true;
  const inner = baseCandidate(view, comp);
  const end = Math.max(cand.end, inner.end);
  if (frame === 'embed') {
    const sources = cand.targets.length > 0 ? cand.targets : cand.sources;
    const role = cand.targets.length > 0 ? `object of "${cand.trigger}"` : `subject of "${cand.trigger}"`;
    // What someone is allowed or asked to do has not happened yet.
    const modality = cand.modality !== 'asserted' ? cand.modality : inner.modality === 'asserted' ? 'future' : inner.modality;
    return { ...inner, sources, sourceRole: role, end, modality,
      pattern: `${cand.pattern} + ${inner.pattern}`, notes: [...cand.notes, `complement of "${cand.trigger}" coded`] };
  }
  const code = frameCode(lex, frame, inner.code);
  const thatSubject = found.viaThat && cand.targets.length === 0 && inner.sources.length > 0;
  const targets = cand.targets.length > 0 ? cand.targets : thatSubject ? inner.sources : inner.targets;
  const targetRole = cand.targets.length > 0 ? cand.targetRole : thatSubject ? `subject of the "that" clause of "${cand.trigger}"` : `${inner.targetRole} of complement "${inner.trigger}"`;
  return { ...cand, code, end, targets, targetRole, pattern: `${cand.pattern} + ${inner.pattern}`,
    notes: [...cand.notes, `${frame} frame: complement "${inner.trigger}" (${inner.code}) gives ${code}`] };
}

/** "demanded that the DPRK forsake its programme": with no event in the "that" clause, its subject is still the target. */
function withThatSubject(view: SentenceView, trig: Trigger, frame: string, cand: Candidate): Candidate {
  if (cand.targets.length > 0 || !THAT_FRAMES.has(frame) || trig.end >= view.to || view.tokens[trig.end].lower !== 'that') return cand;
  const clause = view.clauses[view.clauseOf[trig.end - view.from]];
  const subjects = clause.subjectVia === 'subject' ? clause.subjects : [];
  if (subjects.length === 0 || subjects.some((m) => cand.sources.includes(m))) return cand;
  return { ...cand, targets: subjects, targetRole: `subject of the "that" clause of "${cand.trigger}"` };
}

/** All candidate events of one sentence, in text order. */
export function findCandidates(view: SentenceView, lex: Lexicon): Candidate[] {
  const used = new Array<boolean>(view.to - view.from).fill(false);
  const out: Candidate[] = [];
  const { entries } = view;
  for (let i = view.from; i < view.to; i++) {
    if (used[i - view.from] || (entries && !entries[i - view.from])) continue;
    const trig = matchAt(view, lex, i);
    if (!trig) continue;
    for (let k = trig.head; k < trig.end; k++) used[k - view.from] = true;
    out.push(applyFrame(view, lex, trig, baseCandidate(view, trig), used));
  }
  return out;
}
