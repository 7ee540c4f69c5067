// Finds who a speech verb belongs to: its subject before it ("Lavrov said"), or the name right
// after it ("said Lavrov"); pronouns go through coreference or the last fitting person named.
import type { Mention, Token } from '../model/types.js';
import { insideQuote, isQuoteMark, isStop, mentionAt, tokenIndexAt } from './context.js';
import type { QuoteContext, Speaker } from './context.js';
import { nameStart, speakerOfMention, speakerOfPhrase, speakerOfRun, touches } from './names.js';

const SUBJECT_PRONOUNS = new Set(['he', 'she', 'it', 'they']);
const NOT_SUBJECT_BEFORE = new Set(['ADP', 'VERB', 'AUX']);
const NP_POS = new Set(['PROPN', 'NOUN', 'ADJ', 'DET', 'NUM']);
const MAX_BACK = 40;
const APPOSITIVE_MAX = 14;
const APPOSITIVE_OPENERS = new Set(['DET', 'NOUN', 'PROPN', 'ADJ', 'ADP']);
const AFTER_REACH = 6;
const NAME_POS = new Set(['PROPN', 'NOUN']);
const APPOSITION_REACH = 14;
const RECENT_SENTENCES = 2;

/** The subject of the verb at token `verb`, looking back no further than token `limit`. */
export function subjectOf(ctx: QuoteContext, verb: number, limit: number): Speaker | null {
  const tokens = ctx.doc.tokens;
  const floor = Math.max(limit, verb - MAX_BACK);
  const head = headBefore(tokens, verb, floor);
  if (head >= 0 && tokens[head].text === ',') {
    const named = appositiveSubject(ctx, head, floor);
    if (named) return named;
  }
  const joined = head > floor && touches(tokens[head - 1], tokens[head]);
  if (head >= 0 && tokens[head].pos === 'NOUN' && !joined && !mentionAt(ctx, tokens[head])) return nounPhraseBefore(ctx, verb, floor);
  for (let k = verb - 1; k >= floor; k--) {
    const t = tokens[k];
    if (t.text === ';' || isStop(t)) break;
    if (insideQuote(ctx, t.start) || isQuoteMark(t)) continue;
    const m = mentionAt(ctx, t);
    if (m) {
      const first = firstTokenOf(tokens, m, k);
      if (!isObject(tokens, Math.max(floor, nameStart(ctx, first)), floor) && !isModifier(ctx, m)) return speakerOfMention(ctx, m);
      k = first;
      continue;
    }
    if (t.pos === 'PRON' && SUBJECT_PRONOUNS.has(t.lower)) return resolvePronoun(ctx, k);
    if (t.pos === 'PROPN') {
      const first = properRunStart(tokens, k, floor);
      const next = tokens[k + 1];
      const modifier = next && next.pos === 'NOUN';
      if (!modifier && !isObject(tokens, Math.max(floor, nameStart(ctx, first)), floor)) return speakerOfRun(ctx, first, k);
      k = first;
    }
  }
  return nounPhraseBefore(ctx, verb, floor);
}

// "Jeff Rathke, the State Department spokesperson, said": the name before the appositive speaks.
function appositiveSubject(ctx: QuoteContext, comma: number, floor: number): Speaker | null {
  const tokens = ctx.doc.tokens;
  for (let c = comma - 1; c > floor && comma - c <= APPOSITIVE_MAX; c--) {
    const t = tokens[c];
    if (isStop(t) || isQuoteMark(t)) return null;
    if (t.text !== ',') continue;
    const opener = tokens[c + 1];
    const before = tokens[c - 1];
    const opens = opener.lower === 'who' || APPOSITIVE_OPENERS.has(opener.pos);
    if (!opens || !(mentionAt(ctx, before) || before.pos === 'PROPN')) return null;
    return subjectOf(ctx, c, floor);
  }
  return null;
}

// A name the actors stage did not know: the run of proper nouns (with inner hyphens) ending at k.
function properRunStart(tokens: readonly Token[], k: number, floor: number): number {
  let first = k;
  while (first - 1 >= floor && (tokens[first - 1].pos === 'PROPN' || (tokens[first - 1].text === '-' && tokens[first - 2]?.pos === 'PROPN'))) first--;
  return first;
}

/** The name (or pronoun) right after the verb at token `verb`: "said Lavrov", "according to the prosecutor, Mark Tedeschi". */
export function nameAfter(ctx: QuoteContext, verb: number, end: number): Speaker | null {
  const tokens = ctx.doc.tokens;
  let titled = false;
  let reach = verb + AFTER_REACH;
  for (let k = verb + 1; k < Math.min(end, reach); k++) {
    const t = tokens[k];
    if (isStop(t) || isQuoteMark(t) || t.text === ':') break;
    if (t.text === ',') {
      // "the Crown prosecutor, Mark Tedeschi": a title before the comma, the name after it.
      if (!titled) break;
      titled = false;
      reach = Math.max(reach, k + AFTER_REACH);
      continue;
    }
    const m = mentionAt(ctx, t);
    const place = m ? placeAsModifier(ctx, m) : null;
    if (place) return place;
    if (m && isModifier(ctx, m)) {
      titled = true;
      reach = verb + APPOSITION_REACH;
      k = tokenIndexAt(tokens, m.end) - 1;
      continue;
    }
    if (m) return startsClause(tokens, tokenIndexAt(tokens, m.end)) ? null : speakerOfMention(ctx, m);
    if (t.pos === 'PRON' && SUBJECT_PRONOUNS.has(t.lower)) return startsClause(tokens, k + 1) ? null : resolvePronoun(ctx, k);
    if (t.pos === 'PROPN' && /^\p{Lu}/u.test(t.text)) {
      const last = properRunEnd(tokens, k, end);
      if (tokens[last + 1]?.pos === 'NOUN') titled = true;
      else return startsClause(tokens, last + 1) ? null : speakerOfRun(ctx, k, last);
      k = last;
    } else if (t.pos === 'NOUN') titled = true;
  }
  return null;
}

// "the Sydney Morning Herald": a place opening a longer name is part of that name.
function placeAsModifier(ctx: QuoteContext, m: Mention): Speaker | null {
  if (m.type !== 'GPE' && m.type !== 'LOC') return null;
  const tokens = ctx.doc.tokens;
  const next = tokens[tokenIndexAt(tokens, m.end)];
  if (!next || !NAME_POS.has(next.pos) || !/^\p{Lu}/u.test(next.text) || next.start - m.end > 1 || mentionAt(ctx, next)) return null;
  const first = tokenIndexAt(tokens, m.start);
  return speakerOfRun(ctx, first, tokenIndexAt(tokens, m.end) - 1);
}

function properRunEnd(tokens: readonly Token[], k: number, end: number): number {
  let last = k;
  while (last + 1 < end && tokens[last + 1].pos === 'PROPN') last++;
  return last;
}

// "said Russia was …": a name followed by a verb is the subject of a reported clause, not the speaker.
function startsClause(tokens: readonly Token[], next: number): boolean {
  const t = tokens[next];
  return Boolean(t && (t.pos === 'VERB' || t.pos === 'AUX'));
}

/** The speaker a pronoun stands for: its coreference mention, else the last person named before it. */
export function resolvePronoun(ctx: QuoteContext, k: number): Speaker | null {
  const t = ctx.doc.tokens[k];
  const own = mentionAt(ctx, t);
  if (own) return speakerOfMention(ctx, own);
  const fits = pronounFilter(t.lower);
  // Subjects of the last few sentences first (the centre of attention), then anyone fitting.
  return lastFitting(ctx, t, fits, true) ?? lastFitting(ctx, t, fits, false);
}

function pronounFilter(pronoun: string): (m: Mention) => boolean {
  if (pronoun === 'he' || pronoun === 'she') {
    const gender = pronoun === 'he' ? 'm' : 'f';
    return (m) => m.type === 'PERSON' && (!m.gender || m.gender === gender);
  }
  return (m) => m.type === 'ORG' || m.type === 'GROUP';
}

function lastFitting(ctx: QuoteContext, pronoun: Token, fits: (m: Mention) => boolean, subjectsOnly: boolean): Speaker | null {
  const tokens = ctx.doc.tokens;
  for (let i = ctx.mentions.length - 1; i >= 0; i--) {
    const m = ctx.mentions[i];
    if (m.end > pronoun.start || m.isLocation || !fits(m) || insideQuote(ctx, m.start)) continue;
    if (!subjectsOnly) return speakerOfMention(ctx, m);
    if (pronoun.sentence - m.sentence > RECENT_SENTENCES) return null;
    const first = tokenIndexAt(tokens, m.start);
    const floor = ctx.doc.sentences[m.sentence]?.tokenStart ?? 0;
    if (!isObject(tokens, first, floor) && !isModifier(ctx, m)) return speakerOfMention(ctx, m);
  }
  return null;
}

// "Panama coach", "Tunisia's coach": a name modifying a noun is not the speaker.
function isModifier(ctx: QuoteContext, m: Mention): boolean {
  const tokens = ctx.doc.tokens;
  let k = tokenIndexAt(tokens, m.end);
  if (tokens[k] && /^[’']s?$/.test(tokens[k].text)) k++;
  const next = tokens[k];
  return Boolean(next && next.pos === 'NOUN' && next.start - m.end <= 3 && !mentionAt(ctx, next));
}

function firstTokenOf(tokens: readonly Token[], m: Mention, k: number): number {
  let first = k;
  while (first > 0 && tokens[first - 1].end > m.start) first--;
  return first;
}

// A mention right after a preposition or verb ("of Ukraine", "accusing the West") is no subject.
function isObject(tokens: readonly Token[], first: number, floor: number): boolean {
  let k = first - 1;
  while (k >= floor && (tokens[k].pos === 'DET' || tokens[k].pos === 'ADJ' || tokens[k].pos === 'PROPN')) k--;
  return k >= floor && NOT_SUBJECT_BEFORE.has(tokens[k].pos);
}

// No mention: the noun phrase before the verb ("the ministry said") names the speaker as written,
// or an organisation it refers to again ("the Church"); a document speaks for its author ("the Home
// Office letter reads", "the ministry's statement said").
function nounPhraseBefore(ctx: QuoteContext, verb: number, floor: number): Speaker | null {
  const tokens = ctx.doc.tokens;
  const end = headBefore(tokens, verb, floor);
  if (end < floor || !['NOUN', 'PROPN'].includes(tokens[end].pos)) return null;
  const document = ctx.lexicon.documents.has(tokens[end].lower);
  let k = end;
  while (k >= floor && (NP_POS.has(tokens[k].pos) || (document && /^[’']s$/.test(tokens[k].text)))) {
    const m = document && k < end ? mentionAt(ctx, tokens[k]) : null;
    if (m) return speakerOfMention(ctx, m);
    k--;
  }
  let first = k + 1;
  while (first <= end && tokens[first].pos === 'DET') first++;
  if (first > end) return null;
  return speakerOfPhrase(ctx, ctx.doc.text.slice(tokens[first].start, tokens[end].end), tokens[first].start);
}

// The last word before the verb, adverbs skipped ("the ministry also said").
function headBefore(tokens: readonly Token[], verb: number, floor: number): number {
  let k = verb - 1;
  while (k >= floor && (tokens[k].pos === 'ADV' || tokens[k].pos === 'AUX' || tokens[k].pos === 'PART')) k--;
  return k >= floor ? k : -1;
}
