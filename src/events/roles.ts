// Who did it and to whom: the source and target mentions of a trigger, from the clause subject,
// passive "by" phrases, possessors of event nouns, pattern slots and target prepositions.
import type { Mention, Token } from '../model/types.js';
import type { Trigger } from './match.js';
import { collectList, lookupForms } from './match.js';
import type { SentenceView } from './sentence.js';
import { isVerbal } from './sentence.js';
import { lemmaOf } from './lemma.js';

/** Source and target mentions of a trigger and how each was found. */
export interface Roles {
  sources: Mention[];
  targets: Mention[];
  sourceRole: string;
  targetRole: string;
  passive: boolean;
}

const POSSESSIVE = new Set(["'s", '’s', "'", '’']);

/** True when the verb at `i` is passive: a form of "be"/"get" before it and a participle form. */
export function isPassive(view: SentenceView, i: number): boolean {
  const t = view.tokens[i];
  if (t.pos !== 'VERB' || t.lower.endsWith('ing') || t.lower === lemmaOf(t)) return false;
  for (let k = i - 1; k >= view.from && k >= i - 4; k--) {
    const p = view.tokens[k];
    if (p.lemma === 'be' || p.lemma === 'get') return true;
    if (!(p.pos === 'ADV' || p.pos === 'PART' || p.pos === 'AUX')) return false;
  }
  return false;
}

/** The mentions after preposition `prep` following token `after`, with no verb in between. */
function afterPrep(view: SentenceView, after: number, prep: string, maxGap: number): Mention[] {
  const { tokens, to } = view;
  for (let k = after; k < to && k < after + maxGap; k++) {
    const t = tokens[k];
    if (t.pos === 'VERB' || t.text === ';' || t.pos === 'SCONJ') return [];
    if (t.lower === prep && (t.pos === 'ADP' || t.pos === 'PART' || t.pos === 'SCONJ' || t.pos === 'ADV')) {
      return collectList(view, k + 1, to, true)?.mentions ?? [];
    }
  }
  return [];
}

/** The mentions directly after the trigger (its object), with no preposition in between. */
function objectOf(view: SentenceView, after: number): Mention[] {
  const { tokens, to, from, mentionAt } = view;
  let k = after;
  while (k < to && !mentionAt[k - from] && (tokens[k].pos === 'ADV' || tokens[k].pos === 'PART') && tokens[k].lower !== 'to') k++;
  if (k < to && tokens[k].pos === 'ADP' && !mentionAt[k - from]) return [];
  return collectList(view, k, to, true)?.mentions ?? [];
}

/** Finds the targets of a trigger from its slot or its target prepositions, in the entry's order. */
function findTargets(view: SentenceView, trig: Trigger): [Mention[], string] {
  if (trig.slot && trig.slot.length > 0) return [trig.slot, `pattern slot of "${trig.pattern}"`];
  // A variant that ends in a target preposition ("meeting with") has consumed it: the target follows.
  const last = view.tokens[trig.end - 1];
  if (trig.end > trig.headEnd && trig.targetPreps.includes(last.lower)) {
    const list = collectList(view, trig.end, view.to, true);
    if (list && list.mentions.length > 0) return [list.mentions, `after "${last.lower}"`];
  }
  for (const how of trig.targetPreps) {
    const found = how === 'obj' ? objectOf(view, trig.headEnd) : afterPrep(view, trig.headEnd, how, trig.entry.pos === 'noun' ? 6 : 14);
    if (found.length > 0) return [found, how === 'obj' ? 'object' : `after "${how}"`];
  }
  return [[], 'none'];
}

/** The possessor or pre-modifier mention of an event noun ("Blinken's meeting", "US threats"). */
function possessorOf(view: SentenceView, head: number): Mention | null {
  const { tokens, from, mentionAt } = view;
  for (let k = head - 1; k >= from && k >= head - 5; k--) {
    const m = mentionAt[k - from];
    if (m) {
      // A city as a bare modifier names a place ("the Brussels consultations"); with "'s" it acts.
      const possessive = k + 1 < view.to && POSSESSIVE.has(tokens[k + 1].lower);
      // A demonym stands for its people ("Palestinian riots"), not for a place.
      const place = m.via === 'metonym' || (m.type === 'GPE' && m.lat !== undefined && m.via !== 'demonym');
      return m.isLocation || (place && !possessive) ? null : m;
    }
    const t: Token = tokens[k];
    if (POSSESSIVE.has(t.lower) || t.pos === 'ADJ' || t.pos === 'NOUN' || t.pos === 'NUM') continue;
    return null;
  }
  return null;
}

function betweenList(view: SentenceView, trig: Trigger): Mention[] {
  return afterPrep(view, trig.end, 'between', 4).filter((m) => !m.isLocation);
}

function nounRoles(view: SentenceView, trig: Trigger, clauseSubjects: Mention[]): Roles {
  const [targets, targetRole] = findTargets(view, trig);
  const owner = possessorOf(view, trig.head);
  if (owner) return { sources: [owner], targets, sourceRole: 'possessor or modifier of the event noun', targetRole, passive: false };
  const by = afterPrep(view, trig.end, 'by', 4);
  if (by.length > 0) return { sources: by, targets, sourceRole: 'after "by"', targetRole, passive: false };
  const pair = betweenList(view, trig);
  // "undertook a mediation mission between Syria and the PLO": the subject acts on both sides.
  if (pair.length > 0 && targets.every((m) => pair.includes(m)) && clauseSubjects.length > 0 && isObjectOfVerb(view, trig.head) && !pair.some((m) => clauseSubjects.includes(m))) {
    return { sources: clauseSubjects, targets: pair, sourceRole: 'subject of the verb governing the noun', targetRole: 'the parties after "between"', passive: false };
  }
  if (pair.length >= 2) return { sources: [pair[0]], targets: pair.slice(1), sourceRole: 'first of "between"', targetRole: 'rest of "between"', passive: false };
  if (isObjectOfVerb(view, trig.head)) return { sources: clauseSubjects, targets, sourceRole: 'subject of the verb governing the noun', targetRole, passive: false };
  return { sources: [], targets, sourceRole: 'none', targetRole, passive: false };
}

/** Verbs whose object names the event their subject carries out ("held talks", "launched an attack"). */
const LIGHT_VERBS = new Set([
  'hold', 'launch', 'carry', 'conduct', 'stage', 'begin', 'start', 'renew', 'resume', 'make', 'sign', 'reach', 'continue',
  'open', 'mount', 'intensify', 'escalate', 'deliver', 'issue', 'undertake', 'wage', 'order', 'host', 'impose', 'extend',
  'step', 'seek', 'pursue', 'announce', 'offer', 'propose', 'provide', 'send', 'grant', 'have',
  'organize', 'organise', 'lead', 'join', 'declare', 'commit', 'perpetrate', 'engage', 'reimpose', 'tighten', 'maintain',
  'enforce', 'lift', 'end', 'call', 'submit', 'file', 'lodge', 'publish', 'remain', 'stay', 'put', 'place', 'go',
  'undertake', 'attempt', 'broker', 'facilitate',
]);

/** "engaged in ethnic cleansing", "responsible for mass killings", "remained on alert": the preposition belongs to the verb. */
const VERB_PREPS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['in', new Set(['engage', 'engaged', 'participate', 'involve', 'involved', 'part'])],
  ['for', new Set(['responsible', 'blame', 'blamed'])],
  ['on', new Set(['remain', 'stay', 'put', 'place', 'go', 'remained', 'stayed', 'went'])],
]);

/** True when the event noun is the object of a light verb close before it: its subject is the event's actor. */
function isObjectOfVerb(view: SentenceView, head: number): boolean {
  const clause = view.clauses[view.clauseOf[head - view.from]];
  for (let k = head - 1; k >= clause.start && k >= head - 6; k--) {
    const t = view.tokens[k];
    if (isVerbal(t)) return lookupForms(t).some((f) => LIGHT_VERBS.has(f));
    const verbPrep = VERB_PREPS.get(t.lower);
    if (verbPrep && k > clause.start) {
      const before = view.tokens[k - 1];
      if (verbPrep.has(before.lower) || verbPrep.has(lemmaOf(before))) return true;
    }
    if ((t.pos === 'ADP' && t.lower !== 'of') || t.text === ',') return false;
  }
  return false;
}

/** The subject of an infinitive introduced by "for X to" ("demands for the Baltic states to ship"). */
function forToSubject(view: SentenceView, head: number): Mention[] {
  const { tokens, from, mentionAt } = view;
  if (head - 2 < from || tokens[head - 1].lower !== 'to') return [];
  const found: Mention[] = [];
  for (let k = head - 2; k >= from && k >= head - 10; k--) {
    const m = mentionAt[k - from];
    const t = tokens[k];
    if (m) {
      if (!found.includes(m)) found.unshift(m);
      continue;
    }
    if (t.lower === 'for') return found.filter((x) => !x.isLocation);
    if (!(t.text === ',' || t.pos === 'CCONJ' || t.pos === 'DET' || t.pos === 'ADJ')) return [];
  }
  return [];
}

/** Source and target mentions of `trig`, given the subjects of its clause. */
export function findRoles(view: SentenceView, trig: Trigger, clauseSubjects: Mention[], subjectVia: string): Roles {
  if (trig.entry.pos === 'noun') return nounRoles(view, trig, clauseSubjects);
  // An intent word that takes no object is adjectival after "be" ("is prepared to", "is committed to");
  // "was planned to" stays passive.
  const adjectival = trig.frame === 'intent' && !trig.entry.target.includes('obj') && trig.headEnd < view.to && view.tokens[trig.headEnd].lower === 'to';
  if (!adjectival && isPassive(view, trig.head)) {
    const by = afterPrep(view, trig.end, 'by', 8);
    if (by.length > 0 || clauseSubjects.length > 0) {
      return { sources: by, targets: clauseSubjects, sourceRole: by.length > 0 ? 'passive agent ("by")' : 'none', targetRole: 'passive subject', passive: true };
    }
    const [targets, targetRole] = findTargets(view, trig);
    return { sources: by, targets, sourceRole: 'none', targetRole, passive: true };
  }
  const forSubject = forToSubject(view, trig.head);
  if (forSubject.length > 0) {
    const [targets, targetRole] = findTargets(view, trig);
    return { sources: forSubject, targets, sourceRole: '"for X to" subject of the infinitive', targetRole, passive: false };
  }
  const [targets, targetRole] = findTargets(view, trig);
  return { sources: clauseSubjects, targets, sourceRole: subjectVia, targetRole, passive: false };
}
