// A sentence prepared for coding: its tokens, the actor mention covering each token, and its
// clauses (split at subordinators, relative pronouns, coordinated verbs, participles and quotes).
import type { Doc, Mention, Token } from '../model/types.js';
import type { LexEntry } from './lexicon.js';
import { subjectPhrase } from './subject-phrase.js';
import { lemmaOf } from './lemma.js';

/** What introduced a clause. */
export type ClauseKind = 'main' | 'complement' | 'conditional' | 'subordinate' | 'relative' | 'coord' | 'participle' | 'quote';

/** A clause: a token range of the sentence, what introduced it and its subject mentions. */
export interface Clause {
  /** Global token indexes, end exclusive. */
  readonly start: number;
  readonly end: number;
  readonly kind: ClauseKind;
  readonly marker: string;
  /** Index of the clause this one depends on, or -1. */
  readonly parent: number;
  subjects: Mention[];
  subjectVia: string;
  /** True when the clause opens with a pronoun subject no mention resolves. */
  pronounSubject: boolean;
}

/** A sentence with its mention index and clauses. */
export interface SentenceView {
  readonly index: number;
  readonly from: number;
  readonly to: number;
  readonly tokens: readonly Token[];
  /** Mention covering each token of the sentence (index: token - from). */
  readonly mentionAt: readonly (Mention | null)[];
  readonly mentions: readonly Mention[];
  readonly clauses: readonly Clause[];
  /** Clause index of each token (index: token - from). */
  readonly clauseOf: readonly number[];
  /** The lexicon entries each token may head (index: token - from), when looked up beforehand. */
  readonly entries?: readonly (readonly LexEntry[] | null)[];
}

const COND = new Set(['if', 'unless']);
const SUBORD = new Set(['because', 'although', 'though', 'while', 'whereas', 'after', 'before', 'when', 'since', 'once', 'until', 'as']);
const RELATIVE = new Set(['which', 'who', 'whom', 'where', 'whose']);
/** The words that may open a clause, by kind, for one look-up a token. */
const COND_WORD = 1;
const SUBORD_WORD = 2;
const RELATIVE_WORD = 4;
const THAT_WORD = 8;
const CLAUSE_WORDS: ReadonlyMap<string, number> = (() => {
  const m = new Map<string, number>();
  const add = (words: Iterable<string>, flag: number): void => {
    for (const w of words) m.set(w, (m.get(w) ?? 0) | flag);
  };
  add(COND, COND_WORD);
  add(SUBORD, SUBORD_WORD);
  add(RELATIVE, RELATIVE_WORD);
  add(['that'], THAT_WORD);
  return m;
})();
const QUOTES = new Set(['"', '“', '”', '«', '»']);

/** True for a quotation mark (each is one character). */
function isQuote(text: string): boolean {
  return text.length === 1 && QUOTES.has(text);
}
const PRONOUNS = new Set(['he', 'she', 'it', 'they', 'we', 'i']);
/** Clauses whose subject may be an unresolved noun phrase. */
const PHRASE_KINDS = new Set<ClauseKind>(['main', 'complement', 'coord', 'subordinate', 'conditional']);

/** True when the token is a verb or auxiliary. */
export function isVerbal(t: Token): boolean {
  return t.pos === 'VERB' || t.pos === 'AUX';
}

/** Builds the mention-per-token index for a sentence. */
function indexMentions(tokens: readonly Token[], from: number, to: number, mentions: readonly Mention[]): (Mention | null)[] {
  const at = new Array<Mention | null>(to - from).fill(null);
  let k = from;
  for (const m of mentions) {
    while (k < to && tokens[k].end <= m.start) k++;
    for (let i = k; i < to && tokens[i].start < m.end; i++) if (tokens[i].end > m.start && at[i - from] === null) at[i - from] = m;
  }
  return at;
}

function boundaryKind(tokens: readonly Token[], i: number, from: number, to: number): [ClauseKind, string] | null {
  const t = tokens[i];
  const prev = i > from ? tokens[i - 1] : null;
  const next = i + 1 < to ? tokens[i + 1] : null;
  if (isQuote(t.text)) return ['quote', t.text];
  if (prev && (prev.text === ';' || prev.text === ':')) return ['main', prev.text];
  const word = CLAUSE_WORDS.get(t.lower) ?? 0;
  if ((word & COND_WORD) !== 0) return ['conditional', t.lower];
  if ((word & THAT_WORD) !== 0 && t.pos === 'SCONJ') return ['complement', 'that'];
  if ((word & SUBORD_WORD) !== 0 && t.pos === 'SCONJ') return ['subordinate', t.lower];
  if ((word & RELATIVE_WORD) !== 0 && prev && prev.text === ',') return ['relative', t.lower];
  if (t.pos === 'CCONJ' && next && startsVerbGroup(tokens, i + 1, to)) return ['coord', t.lower];
  if (t.pos === 'CCONJ' && prev && prev.text === ',' && startsSubjectAndVerb(tokens, i + 1, to)) return ['coord', t.lower];
  if (prev && prev.text === ',' && t.pos === 'VERB' && t.lower.endsWith('ing')) return ['participle', t.lower];
  const said = prev ? speechVerbBefore(tokens, i, from) : null;
  if (said && startsClause(tokens, i, to)) return ['complement', said];
  return null;
}

function startsVerbGroup(tokens: readonly Token[], i: number, to: number): boolean {
  let k = i;
  while (k < to && tokens[k].pos === 'ADV') k++;
  return k < to && isVerbal(tokens[k]) && !tokens[k].lower.endsWith('ing');
}

const NP_WORDS = new Set(['DET', 'ADJ', 'PROPN', 'NOUN', 'NUM']);

/** Verbs of saying whose clause may follow with no "that" ("said Vietnam is committed to ..."). */
const SPEECH_LEMMAS = new Set(['say', 'announce', 'declare', 'claim', 'insist', 'state', 'add', 'confirm', 'believe', 'think', 'warn', 'report', 'stress', 'argue', 'acknowledge', 'admit']);
const DAY_WORDS = new Set(['today', 'yesterday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'tonight']);
const SUBJECT_PRONOUNS = new Set(['he', 'she', 'it', 'they', 'we', 'i']);

/** The verb of saying right before token `i` (past an "on Tuesday" or "yesterday"), or null. */
function speechVerbBefore(tokens: readonly Token[], i: number, from: number): string | null {
  let k = i - 1;
  let v = tokens[k];
  if (v.pos !== 'VERB') {
    if (!DAY_WORDS.has(v.lower)) return null;
    k--;
    if (k > from && tokens[k].lower === 'on') k--;
    if (k <= from) return null;
    v = tokens[k];
    if (v.pos !== 'VERB') return null;
  }
  return k > from && SPEECH_LEMMAS.has(lemmaOf(v)) ? v.lower : null;
}

/** True when a subject (a pronoun or a short noun phrase) and then a finite verb start at `i`. */
function startsClause(tokens: readonly Token[], i: number, to: number): boolean {
  if (i < to && tokens[i].pos === 'PRON' && SUBJECT_PRONOUNS.has(tokens[i].lower)) return i + 1 < to && isVerbal(tokens[i + 1]) && !tokens[i + 1].lower.endsWith('ing');
  return startsSubjectAndVerb(tokens, i, to);
}

/** True when a noun phrase of a few words and then a finite verb follow ("and the Kremlin added"). */
function startsSubjectAndVerb(tokens: readonly Token[], i: number, to: number): boolean {
  let k = i;
  while (k < to && k < i + 6 && (NP_WORDS.has(tokens[k].pos) || tokens[k].lower === "'s" || tokens[k].lower === '’s')) k++;
  return k > i && k < to && isVerbal(tokens[k]) && !tokens[k].lower.endsWith('ing') && tokens[k - 1].pos !== 'DET';
}

/** Quote marks around a few words with no verb (“enormous”) are a partial quote, not a clause; null when none. */
function partialQuoteMarks(tokens: readonly Token[], from: number, to: number): Set<number> | null {
  let marks: Set<number> | null = null;
  for (let i = from; i < to; i++) {
    if (!isQuote(tokens[i].text)) continue;
    for (let k = i + 1; k < to && k <= i + 6; k++) {
      if (isVerbal(tokens[k])) break;
      if (isQuote(tokens[k].text)) {
        if (k > i + 1) {
          marks ??= new Set<number>();
          marks.add(i);
          marks.add(k);
          i = k;
        }
        break;
      }
    }
  }
  return marks;
}

function newClause(start: number, kind: ClauseKind, marker: string, parent: number, end: number): Clause {
  return { start, kind, marker, parent, end, subjects: [], subjectVia: 'none', pronounSubject: false };
}

function splitClauses(tokens: readonly Token[], from: number, to: number): { clauses: Clause[]; clauseOf: number[] } {
  const clauses: Clause[] = [];
  const clauseOf = new Array<number>(to - from).fill(0);
  const partial = partialQuoteMarks(tokens, from, to);
  let inQuote = isQuote(tokens[from].text) && !(partial !== null && partial.has(from));
  // The open clause, closed at the next boundary.
  let start = from;
  let kind: ClauseKind = inQuote ? 'quote' : 'main';
  let marker = '';
  let parent = -1;
  for (let i = from + 1; i < to; i++) {
    if (partial !== null && partial.has(i)) continue;
    const b = boundaryKind(tokens, i, from, to);
    if (!b) continue;
    let next = b[0];
    const current = clauses.length;
    if (next === 'quote') {
      inQuote = !inQuote;
      next = inQuote ? 'quote' : 'main';
    }
    if (i > start) clauses.push(newClause(start, kind, marker, parent, i));
    const p = next === 'main' ? -1 : (next === 'coord' || next === 'participle') && kind !== 'main' ? parent : current;
    start = i;
    kind = next;
    marker = b[1];
    parent = clauses.length > 0 ? p : -1;
  }
  if (to > start) clauses.push(newClause(start, kind, marker, parent, to));
  for (let c = 0; c < clauses.length; c++) for (let i = clauses[c].start; i < clauses[c].end; i++) clauseOf[i - from] = c;
  return { clauses, clauseOf };
}

/** True when the mention sits inside a prepositional phrase ("in Berlin", "with the minister"). */
export function afterPreposition(tokens: readonly Token[], first: number, floor: number): boolean {
  for (let k = first - 1; k >= floor; k--) {
    const p = tokens[k].pos;
    if (p === 'DET' || p === 'ADJ' || p === 'NUM' || (p === 'PRON' && tokens[k].lower.endsWith('s'))) continue;
    return p === 'ADP' && tokens[k].lower !== 'of';
  }
  return false;
}

/** The actor mentions of the clause's subject: those before its first verb, outside PPs. */
function findSubjects(view: Omit<SentenceView, 'clauses'>, c: Clause): void {
  const { tokens, from, mentionAt } = view;
  let i = c.start;
  while (i < c.end && (tokens[i].pos === 'SCONJ' || tokens[i].pos === 'CCONJ' || tokens[i].pos === 'PUNCT' || RELATIVE.has(tokens[i].lower))) i++;
  const first = i;
  for (; i < c.end && !isVerbal(tokens[i]); i++) {
    const m = mentionAt[i - from];
    if (!m) {
      if (c.subjects.length === 0 && PRONOUNS.has(tokens[i].lower)) c.pronounSubject = true;
      continue;
    }
    if (c.subjects.some((x) => x === m || (x.via === 'unresolved' && x.end === m.end)) || m.isLocation || afterPreposition(tokens, i, c.start)) continue;
    c.subjects.push(partisansOf(view, i, c.start, m) ?? m);
  }
  if (c.subjects.length > 1) c.subjects = withoutPossessors(view, c.subjects);
  if (c.subjects.length > 0) c.subjectVia = 'subject';
  else if (!c.pronounSubject && i < c.end && PHRASE_KINDS.has(c.kind)) {
    const phrase = subjectPhrase(view, first, i);
    if (phrase) {
      c.subjects.push(phrase);
      c.subjectVia = 'subject noun phrase (no actor mention)';
    }
  }
}

const POSSESSIVE = new Set(["'s", '’s', "'", '’']);
/** Nouns for the followers of a leader, who act on their own ("supporters of the former president"). */
const PARTISANS = new Set(['supporters', 'followers', 'loyalists', 'partisans', 'backers', 'sympathizers', 'sympathisers']);

/**
 * "About 200 supporters of former President Ben Bella blocked roads": the supporters acted, not
 * their leader. Returns an unresolved group of the leader's country for a mention after
 * "<partisans> of", or null.
 */
function partisansOf(view: Omit<SentenceView, 'clauses'>, i: number, floor: number, m: Mention): Mention | null {
  const { tokens } = view;
  let k = i - 1;
  while (k > floor && k >= i - 4 && (tokens[k].pos === 'DET' || tokens[k].pos === 'ADJ' || tokens[k].pos === 'NOUN' || tokens[k].pos === 'PROPN') && !PARTISANS.has(tokens[k].lower)) k--;
  if (k <= floor || tokens[k].lower !== 'of' || !PARTISANS.has(tokens[k - 1].lower)) return null;
  const head = tokens[k - 1];
  return {
    start: head.start, end: m.end, text: `${head.text} of ${m.text}`, type: 'GROUP', actor: null, name: `${head.lower} of ${m.name}`,
    country: m.country, sector: null, role: null, via: 'unresolved', confidence: 0.4, sentence: m.sentence,
  };
}

/** "Osama bin Laden's al-Qaeda threatened", "NATO-member Norway": a modifier of the subject is not a subject of its own. */
function withoutPossessors(view: Omit<SentenceView, 'clauses'>, subjects: Mention[]): Mention[] {
  const { tokens, from, mentionAt } = view;
  return subjects.filter((m) => {
    let k = from;
    while (k < view.to && tokens[k].start < m.end) k++;
    // "NATO-member Norway": a name joined to a noun by a hyphen modifies the name after it.
    if (k + 2 < view.to && tokens[k].text === '-' && (tokens[k + 1].pos === 'NOUN' || tokens[k + 1].pos === 'ADJ')) {
      const next = mentionAt[k + 2 - from];
      return !(next && next !== m && subjects.includes(next));
    }
    if (k >= view.to || !POSSESSIVE.has(tokens[k].lower)) return true;
    for (k++; k < view.to; k++) {
      const next = mentionAt[k - from];
      if (next && next !== m) return !subjects.includes(next);
      if (!(tokens[k].pos === 'ADJ' || tokens[k].pos === 'NOUN' || tokens[k].pos === 'PROPN')) return true;
    }
    return true;
  });
}

function inheritSubjects(view: Omit<SentenceView, 'clauses'>, clauses: Clause[]): void {
  for (let ci = 0; ci < clauses.length; ci++) {
    const c = clauses[ci];
    if (c.subjects.length > 0) continue;
    if (c.kind === 'relative' && c.marker !== 'where') {
      const m = view.mentionAt[c.start - 2 - view.from];
      if (m && !m.isLocation) {
        c.subjects = antecedents(view, c.start - 2);
        c.subjectVia = 'relative antecedent';
      }
      continue;
    }
    const inheritFrom = c.kind === 'participle' ? mainWithSubject(clauses, ci) : c.kind === 'coord' ? previousWithSubject(clauses, ci) : -1;
    if (inheritFrom >= 0 && !c.pronounSubject) {
      c.subjects = clauses[inheritFrom].subjects;
      c.subjectVia = `shared subject (${c.kind})`;
    }
  }
}

/** A participle (", accusing the West") hangs on the last main clause before it, not on a complement. */
function mainWithSubject(clauses: Clause[], ci: number): number {
  for (let k = ci - 1; k >= 0; k--) {
    if (clauses[k].subjects.length > 0 && (clauses[k].kind === 'main' || clauses[k].kind === 'coord')) return k;
  }
  return previousWithSubject(clauses, ci);
}

function previousWithSubject(clauses: Clause[], ci: number): number {
  for (let k = ci - 1; k >= 0; k--) {
    if (clauses[k].subjects.length > 0 && clauses[k].kind !== 'conditional') return k;
  }
  return -1;
}

/** The coordinated mentions ending at token `last` ("Latvia, Estonia and Lithuania"). */
function antecedents(view: Omit<SentenceView, 'clauses'>, last: number): Mention[] {
  const out: Mention[] = [];
  for (let k = last; k >= view.from; k--) {
    const m = view.mentionAt[k - view.from];
    const t = view.tokens[k];
    if (m) {
      if (!out.includes(m)) out.unshift(m);
    } else if (!(t.text === ',' || t.pos === 'CCONJ')) break;
  }
  return out.filter((m) => !m.isLocation);
}

/** A view whose clauses are split (and their subjects found) only when first asked for. */
class LazyView implements SentenceView {
  private split: { clauses: Clause[]; clauseOf: number[] } | null = null;

  constructor(
    readonly index: number,
    readonly from: number,
    readonly to: number,
    readonly tokens: readonly Token[],
    readonly mentions: readonly Mention[],
    readonly mentionAt: readonly (Mention | null)[],
    readonly entries?: readonly (readonly LexEntry[] | null)[],
  ) {}

  get clauses(): readonly Clause[] {
    return (this.split ?? this.build()).clauses;
  }

  get clauseOf(): readonly number[] {
    return (this.split ?? this.build()).clauseOf;
  }

  private build(): { clauses: Clause[]; clauseOf: number[] } {
    const split = splitClauses(this.tokens, this.from, this.to);
    this.split = split;
    for (const c of split.clauses) findSubjects(this, c);
    inheritSubjects(this, split.clauses);
    return split;
  }
}

/**
 * Prepares sentence `index` of `doc`; `mentions` are the actor mentions of that sentence, in order;
 * `entries`, when given, the lexicon entries each of its tokens may head (see `entriesFor` in match.ts).
 * The clauses are built on first use, so a sentence with no trigger costs only its mention index.
 */
export function viewSentence(doc: Doc, index: number, mentions: readonly Mention[], entries?: readonly (readonly LexEntry[] | null)[]): SentenceView {
  const s = doc.sentences[index];
  const mentionAt = indexMentions(doc.tokens, s.tokenStart, s.tokenEnd, mentions);
  return new LazyView(index, s.tokenStart, s.tokenEnd, doc.tokens, mentions, mentionAt, entries);
}
