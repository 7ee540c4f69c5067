// The time stage: finds temporal expressions sentence by sentence and resolves them against the
// publication date (news conventions: bare weekdays by tense, anchored phrases by their subject).
import type { Doc, Sentence, TimeExpr, Token } from '../model/types.js';
import { findAnchored } from './anchors.js';
import { parseYmd } from './calendar.js';
import type { Ymd } from './calendar.js';
import type { SentenceContext, TimeCandidate } from './candidate.js';
import { caselessSource } from './caseless.js';
import { findChronoTimes } from './chrono-times.js';
import { findVagueFutures, findYearEnd, findYears, findYearsAgo } from './patterns.js';
import type { NextWord } from './patterns.js';
import { tenseAt } from './tense.js';

export { datelineDate } from './dateline.js';

// Cheap gate: chrono and the patterns only run on sentences where a time can be.
const HAS_DIGIT = /\d/;
const HAS_NAME =
  /\b(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.)/;
const HAS_WORD = /\b(?:today|tonight|yesterday|tomorrow|morning|afternoon|evening|night|week|weekend|month|year|decade|ago|future|end)/i;
// The three as one pattern, scanned once per sentence (HAS_WORD spelled caseless, since HAS_NAME
// is case-sensitive): three times cheaper than the three tests in turn.
const MAY_HOLD_TIME = new RegExp(`${HAS_DIGIT.source}|${HAS_NAME.source}|${caselessWords(HAS_WORD)}`);

function caselessWords(re: RegExp): string {
  const source = caselessSource(re.source);
  if (source === null) throw new Error(`time: ${re.source} cannot be spelled without the i flag`);
  return source;
}

const HAS_AGO = /\bago\b/i;
const HAS_END = /\bend\b/i;
const HAS_COMING = /\b(?:future|coming)\b/i;
const HAS_RELATION = /\b(?:after|before|prior|ahead)\b/i;

/** Fills `doc.times` with the sentence-level time expressions of the text, valued where possible. */
export function resolveTimes(doc: Doc): Doc {
  const published = parseYmd(doc.article.published);
  const times: TimeExpr[] = [];
  doc.sentences.forEach((sentence, index) => {
    const text = doc.text.slice(sentence.start, sentence.end);
    if (!MAY_HOLD_TIME.test(text)) return;
    for (const t of findSentenceTimes(doc.tokens, sentence, text, published)) times.push({ ...t, sentence: index });
  });
  return { ...doc, times };
}

function findSentenceTimes(tokens: readonly Token[], sentence: Sentence, text: string, published: Ymd | null): TimeCandidate[] {
  const ctx = contextFor(tokens, sentence, text, published);
  const found = findChronoTimes(ctx);
  if (HAS_AGO.test(text)) found.push(...findYearsAgo(ctx));
  if (HAS_END.test(text)) found.push(...findYearEnd(ctx));
  if (HAS_COMING.test(text)) found.push(...findVagueFutures(ctx));
  if (HAS_DIGIT.test(text)) found.push(...findYears(ctx, (offset) => wordAfter(tokens, sentence, offset)));
  const anchored = HAS_RELATION.test(text) ? findAnchored(ctx, found) : [];
  return settleOverlaps([...anchored, ...found]);
}

function contextFor(tokens: readonly Token[], sentence: Sentence, text: string, published: Ymd | null): SentenceContext {
  return {
    text,
    offset: sentence.start,
    published,
    tenseOf(start, end) {
      let first = -1;
      let last = -1;
      for (let k = sentence.tokenStart; k < sentence.tokenEnd; k++) {
        const t = tokens[k];
        if (t.end <= start || t.start >= end) continue;
        if (first < 0) first = k;
        last = k;
      }
      return first < 0 ? 'past' : tenseAt(tokens, sentence, first, last);
    },
  };
}

function wordAfter(tokens: readonly Token[], sentence: Sentence, offset: number): NextWord | null {
  for (let k = sentence.tokenStart; k < sentence.tokenEnd; k++) if (tokens[k].start >= offset) return tokens[k];
  return null;
}

// Earlier finders win (anchored before chrono before patterns); then longer spans.
function settleOverlaps(candidates: readonly TimeCandidate[]): TimeCandidate[] {
  const kept: TimeCandidate[] = [];
  for (const c of candidates) {
    const clash = kept.findIndex((k) => c.start < k.end && k.start < c.end);
    if (clash < 0) kept.push(c);
    else if (c.via === kept[clash].via && c.end - c.start > kept[clash].end - kept[clash].start) kept[clash] = c;
  }
  return kept.sort((a, b) => a.start - b.start);
}
