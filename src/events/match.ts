// Finding triggers: a token whose lemma heads a lexicon entry, the entry's variant that matches
// the words after it, and the actor mentions in the pattern's target slot.
import type { Mention, Token } from '../model/types.js';
import type { LexEntry, Lexicon, PatternPart } from './lexicon.js';
import type { SentenceView } from './sentence.js';
import { lemmaOf } from './lemma.js';

/** A matched trigger. */
export interface Trigger {
  readonly entry: LexEntry;
  readonly code: string;
  readonly pattern: string;
  /** Global token index of the first head word, and the index after the last matched token. */
  readonly head: number;
  readonly headEnd: number;
  readonly end: number;
  readonly frame: string | null;
  /** Mentions found in a {T} slot of the variant, or null when the variant has none. */
  readonly slot: Mention[] | null;
  readonly targetPreps: readonly string[];
}

const FILLER = new Set(['DET', 'ADJ', 'NUM', 'NOUN', 'PROPN']);
const LIST_GLUE = new Set([',', 'and', 'or', 'as', 'well', 'of', 'for', '&']);
const LIST_GO_ON = new Set(['and', 'or', 'as', 'plus', 'along']);

function posFits(entry: LexEntry, t: Token, prev: Token | null, next: Token | null): boolean {
  // "the occupied territories": a participle after a determiner describes, it does not report.
  if (entry.pos === 'verb') return (t.pos === 'VERB' && !(prev !== null && prev.pos === 'DET')) || taggedNounButVerb(t, prev, next);
  if (entry.pos === 'adj') return t.pos === 'ADJ';
  if (t.pos === 'NOUN' || t.pos === 'PROPN') return true;
  // The tagger sometimes reads plural nouns as verbs ("the talks"): accept after a determiner.
  return t.pos === 'VERB' && prev !== null && (prev.pos === 'DET' || prev.pos === 'ADJ' || prev.lower === '’s' || prev.lower === "'s");
}

/** The tagger reads some third-person verbs as plural nouns ("Libya attacks Tunisia"): a name before and after tells. */
function taggedNounButVerb(t: Token, prev: Token | null, next: Token | null): boolean {
  return t.pos === 'NOUN' && t.lower.endsWith('s') && prev !== null && prev.pos === 'PROPN' && next !== null && (next.pos === 'PROPN' || next.pos === 'DET');
}

function wordIs(t: Token, word: string): boolean {
  return t.lower === word || lemmaOf(t) === word;
}

/** Quantity words before a counted group ("more than 100 Palestinians", "dozens of protesters"). */
const QUANTITY = new Set(['more', 'than', 'least', 'at', 'about', 'nearly', 'around', 'almost', 'some', 'several', 'over', 'up', 'dozens', 'hundreds', 'thousands', 'of']);

function fillerOk(t: Token): boolean {
  return FILLER.has(t.pos) || (t.pos === 'PRON' && /^(his|her|its|their|our|my|your)$/.test(t.lower));
}

/** Nouns for people who stand for their states: "counterparts in Britain, France and Germany". */
const STAND_INS = new Set(['counterpart', 'counterparts', 'colleague', 'colleagues', 'officials', 'leaders', 'ministers', 'envoys', 'diplomats']);

function leadingFillerOk(t: Token, prev: Token | null): boolean {
  if (prev && STAND_INS.has(prev.lower) && (t.lower === 'in' || t.lower === 'from' || t.text === ',')) return true;
  return fillerOk(t) || QUANTITY.has(t.lower);
}

/** Verbs that close a sentence with its source (", Defense Secretary William Perry said"). */
const REPORTING = new Set(['say', 'report', 'tell', 'announce', 'add', 'confirm', 'claim', 'state', 'quote', 'write']);
const NAME_POS = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'PART']);

/** True when the comma at `k` opens an attribution: a short name and a verb of saying. */
export function opensAttribution(view: SentenceView, k: number, limit: number): boolean {
  const { tokens } = view;
  for (let j = k + 1; j < limit && j <= k + 8; j++) {
    const t = tokens[j];
    if (t.pos === 'VERB') return j > k + 1 && REPORTING.has(lemmaOf(t));
    if (!(NAME_POS.has(t.pos) || t.text === '-' || t.text === '.')) return false;
  }
  return false;
}

/** Collects the mention (and mentions coordinated with it) starting near token `i`. */
export function collectList(view: SentenceView, i: number, limit: number, places: boolean): { mentions: Mention[]; end: number } | null {
  const { tokens, from, mentionAt } = view;
  let k = i;
  let skipped = 0;
  while (k < limit && !mentionAt[k - from] && leadingFillerOk(tokens[k], k > from ? tokens[k - 1] : null) && skipped < 5) { k++; skipped++; }
  const first = k < limit ? mentionAt[k - from] : null;
  if (!first || (first.isLocation && !places)) return null;
  const mentions: Mention[] = [first];
  let end = k;
  let glue = false;
  // After "A and B" the list is closed: a comma then starts an apposition or a new clause
  // ("the United States and Israel, a weekly reports"), unless "as well as", "and" or "or" follow.
  let closed = false;
  for (; k < limit; k++) {
    const m = mentionAt[k - from];
    const t = tokens[k];
    if (m) {
      if (!mentions.includes(m) && (places || !m.isLocation) && glue) {
        mentions.push(m);
        closed = tokens[k - 1].pos === 'CCONJ';
      }
      end = k + 1;
      glue = false;
      continue;
    }
    if (closed && t.text === ',' && !(k + 1 < limit && LIST_GO_ON.has(tokens[k + 1].lower))) break;
    if (t.text === ',' && opensAttribution(view, k, limit)) break;
    // The head noun after a modifier mention belongs to it ("Western countries").
    if (end === k && !glue && (t.pos === 'NOUN' || t.pos === 'PROPN')) {
      end = k + 1;
      continue;
    }
    if (LIST_GLUE.has(t.lower) || t.pos === 'CCONJ') glue = true;
    else if (!fillerOk(t)) break;
  }
  return { mentions, end };
}

/** Matches `parts` from token `i`; skips stay inside the clause of the head token `head`. */
function matchParts(view: SentenceView, parts: readonly PatternPart[], p: number, i: number, head: number, slot: Mention[]): number {
  if (p === parts.length) return i;
  const part = parts[p];
  const { tokens, to, from } = view;
  if (part.kind === 'word') {
    if (i >= to || !(part.alts.has(tokens[i].lower) || part.alts.has(lemmaOf(tokens[i])))) return -1;
    return matchParts(view, parts, p + 1, i + 1, head, slot);
  }
  if (part.kind === 'skip') {
    // The clauses are looked up only here: most patterns have no skip, and the view builds them lazily.
    const clause = view.clauseOf[head - from];
    for (let n = 0; n <= part.max && i + n <= to; n++) {
      if (n > 0 && view.clauseOf[i + n - 1 - from] !== clause) break;
      const r = matchParts(view, parts, p + 1, i + n, head, slot);
      if (r >= 0) return r;
    }
    return -1;
  }
  const list = collectList(view, i, to, true);
  if (!list) return -1;
  const r = matchParts(view, parts, p + 1, list.end, head, slot);
  if (r >= 0) slot.push(...list.mentions);
  return r;
}

/** The slot passed for a pattern with no {T} part: nothing is ever added to it. */
const NO_SLOT: Mention[] = [];

function headEndAt(view: SentenceView, entry: LexEntry, i: number): number {
  let k = i + 1;
  for (let w = 1; w < entry.head.length; w++, k++) {
    if (k >= view.to || !wordIs(view.tokens[k], entry.head[w])) return -1;
  }
  return k;
}

function tryEntry(view: SentenceView, entry: LexEntry, i: number): Trigger | null {
  const headEnd = headEndAt(view, entry, i);
  if (headEnd < 0) return null;
  // A verb is tagged on its first word ("rule out"), a noun on its last ("military aid").
  const at = entry.pos === 'noun' ? headEnd - 1 : i;
  if (!posFits(entry, view.tokens[at], at > view.from ? view.tokens[at - 1] : null, at + 1 < view.to ? view.tokens[at + 1] : null)) return null;
  const next = headEnd < view.to ? view.tokens[headEnd] : null;
  let nextLemma: string | null = null;
  for (const v of entry.variants) {
    // A variant whose pattern opens with words other than the next token's is not tried further.
    const first = v.parts[0];
    if (first.kind === 'word' && (next === null || !(first.alts.has(next.lower) || first.alts.has((nextLemma ??= lemmaOf(next)))))) continue;
    // Mentions are added to the slot only when the whole pattern matched (and only by a {T} part).
    const slot: Mention[] = v.hasTarget ? [] : NO_SLOT;
    const end = matchParts(view, v.parts, 0, headEnd, i, slot);
    if (end < 0) continue;
    return {
      entry, code: v.code, pattern: v.pattern, head: i, headEnd, end,
      frame: v.frame ?? entry.frame, slot: v.hasTarget ? slot : null,
      targetPreps: v.target ?? entry.target,
    };
  }
  if (!entry.bare) return null;
  return { entry, code: entry.code, pattern: entry.headText, head: i, headEnd, end: headEnd, frame: entry.frame, slot: null, targetPreps: entry.target };
}

/**
 * The forms to look a token up by: its lemma, its lower-cased form, and for an inflected form the
 * lemmatiser got wrong ("staged" → "stag") the form with "-d", "-ed" or "-s" taken off.
 */
export function lookupForms(t: Token): string[] {
  const lemma = lemmaOf(t);
  const forms = lemma === t.lower ? [lemma] : [lemma, t.lower];
  const w = t.lower;
  if (w.length > 4 && w.endsWith('ed')) forms.push(w.slice(0, -1), w.slice(0, -2));
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) forms.push(w.slice(0, -1));
  return forms;
}

/** What a token may start: lexicon entries (null when none) and an evaluation phrase. */
export interface TokenStarts {
  entries: readonly LexEntry[] | null;
  evaluation: boolean;
}

/**
 * Looks a token up once (by lemma, and by form when that differs) and fills `into`: the lexicon
 * entries whose first head word it may be, in the order they are tried (by lemma, then by form, and
 * only when neither is known, by the form without "-d" or "-ed": a lemma the tagger got wrong,
 * "staged" → "stag"), and whether it may start an evaluation phrase.
 */
export function lookUpToken(lex: Lexicon, t: Token, into: TokenStarts): TokenStarts {
  const lemma = lemmaOf(t);
  const byLemma = lex.starts.get(lemma);
  const byForm = t.lower === lemma ? byLemma : lex.starts.get(t.lower);
  into.evaluation = (byLemma !== undefined && byLemma.evaluation) || (byForm !== undefined && byForm.evaluation);
  const a = byLemma ? byLemma.entries : null;
  const b = byForm && byForm !== byLemma ? byForm.entries : null;
  if (a) into.entries = b ? [...a, ...b] : a;
  else if (b) into.entries = b;
  else into.entries = byForm && t.lower.length > 4 ? byForm.edEntries : null;
  return into;
}

/** The lexicon entries a token may head, in the order they are tried (see `lookUpToken`), or null. */
export function entriesFor(lex: Lexicon, t: Token): readonly LexEntry[] | null {
  return lookUpToken(lex, t, { entries: null, evaluation: false }).entries;
}

/** The trigger starting at global token `i`, or null. `pos` limits the entries tried. */
export function matchAt(view: SentenceView, lex: Lexicon, i: number, pos?: LexEntry['pos']): Trigger | null {
  const t = view.tokens[i];
  if (view.mentionAt[i - view.from] && t.pos === 'PROPN') return null;
  const list = view.entries ? view.entries[i - view.from] : entriesFor(lex, t);
  if (!list) return null;
  let fallback: Trigger | null = null;
  for (const entry of list) {
    if (pos && entry.pos !== pos) continue;
    const found = tryEntry(view, entry, i);
    if (!found) continue;
    // A matched variant beats a bare head from another entry with the same head word.
    if (found.pattern !== entry.headText) return found;
    fallback = fallback ?? found;
  }
  return fallback;
}

