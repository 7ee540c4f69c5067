// A clause subject no actor mention covers ("Islamic fundamentalist leaders appealed ..."): the
// noun phrase before the verb becomes an unresolved actor, so the event is still coded.
import type { Mention, Token } from '../model/types.js';
import { lemmaOf } from './lemma.js';

/** What the subject-phrase finder reads of a sentence. */
interface SubjectView {
  readonly index: number;
  readonly from: number;
  readonly tokens: readonly Token[];
  readonly mentionAt: readonly (Mention | null)[];
}

const HEAD_POS = new Set(['NOUN', 'PROPN']);
const NP_POS = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM']);
/** Nouns that open adverbial phrases, not subjects ("Last week", "Earlier today"). */
const NOT_ACTORS = new Set([
  'week', 'month', 'year', 'day', 'today', 'yesterday', 'tomorrow', 'time', 'morning', 'evening', 'night', 'weekend',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'report', 'reports', 'there', 'part',
  'meanwhile', 'way', 'move', 'statement', 'talks', 'meeting', 'deal', 'agreement', 'plan', 'attack', 'attempt', 'situation',
]);

/** Plural nouns too generic to stand alone as an actor ("Countries must ..."). */
const GENERIC = new Set(['countries', 'nations', 'states', 'people', 'others', 'members', 'parties', 'governments', 'officials', 'sources', 'many', 'some']);

/** Sector of a few group nouns that often lead a sentence without a named actor. */
const GROUP_SECTORS: ReadonlyMap<string, string> = new Map([
  ['rebel', 'REB'], ['guerrilla', 'REB'], ['militant', 'REB'], ['insurgent', 'REB'], ['fundamentalist', 'REB'],
  ['demonstrator', 'OPP'], ['protester', 'OPP'], ['protestor', 'OPP'], ['opposition', 'OPP'], ['activist', 'OPP'],
  ['student', 'EDU'], ['worker', 'LAB'], ['union', 'LAB'], ['farmer', 'AGR'], ['teacher', 'EDU'],
  ['police', 'COP'], ['policeman', 'COP'], ['troop', 'MIL'], ['soldier', 'MIL'], ['army', 'MIL'], ['force', 'MIL'],
  ['government', 'GOV'], ['minister', 'GOV'], ['official', 'GOV'], ['authority', 'GOV'], ['administration', 'GOV'],
  ['party', 'PTY'], ['refugee', 'REF'], ['prisoner', 'CVL'], ['civilian', 'CVL'], ['villager', 'CVL'], ['resident', 'CVL'],
  ['doctor', 'HLH'], ['cleric', 'REL'], ['priest', 'REL'], ['imam', 'REL'], ['journalist', 'MED'], ['agency', 'NGO'],
]);

function sectorOf(words: readonly Token[]): string | null {
  for (let k = words.length - 1; k >= 0; k--) {
    const s = GROUP_SECTORS.get(lemmaOf(words[k])) ?? GROUP_SECTORS.get(words[k].lower);
    if (s) return s;
  }
  return null;
}

/**
 * The unresolved actor named by the words from `start` to the clause's first verb `verb`, or null:
 * the noun phrase after the last comma, up to its first preposition other than "of". Its country
 * is that of an actor or place mention inside the phrase ("opposition groups in Zimbabwe").
 */
export function subjectPhrase(view: SubjectView, start: number, verb: number): Mention | null {
  const { tokens, from, mentionAt } = view;
  let s = start;
  for (let k = start; k < verb; k++) if (tokens[k].text === ',') s = k + 1;
  if (s >= verb) return null;
  let end = s;
  while (end < verb && (NP_POS.has(tokens[end].pos) || (tokens[end].lower === 'of' && end > s))) end++;
  while (end > s && !HEAD_POS.has(tokens[end - 1].pos)) end--;
  if (end <= s || tokens[end - 1].lower === 'of') return null;
  const words = tokens.slice(s, end);
  if (!words.some((t) => HEAD_POS.has(t.pos) && !NOT_ACTORS.has(t.lower) && !NOT_ACTORS.has(lemmaOf(t)))) return null;
  if (NOT_ACTORS.has(words[words.length - 1].lower)) return null;
  const sector = sectorOf(words);
  // A bare common noun ("countries must obtain ...") is too generic to be an actor.
  if (sector === null && !words.some((t) => t.pos === 'ADJ' || t.pos === 'PROPN')) return null;
  if (words.length === 1 && GENERIC.has(words[0].lower)) return null;
  let country: string | null = null;
  for (let k = s; k < verb && country === null; k++) country = mentionAt[k - from]?.country ?? null;
  const text = words.map((t) => t.text).join(' ');
  return {
    start: words[0].start, end: words[words.length - 1].end, text, type: 'GROUP', actor: null,
    name: text.replace(/^(the|a|an)\s+/i, ''), country, sector, role: null, via: 'unresolved',
    confidence: 0.3, sentence: view.index,
  };
}
