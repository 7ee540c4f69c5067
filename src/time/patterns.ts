// Time expressions chrono does not read: bare years, "N years ago" in words, "a decade ago",
// the end of the year, and vague futures that get no value.
import { formatDay } from './calendar.js';
import type { SentenceContext, TimeCandidate } from './candidate.js';
import { NUMBER_SOURCE, numberValue } from './numbers.js';

const YEAR = /(?<![\d$€£#.,:/-])\b(18\d\d|19\d\d|20\d\d)\b(?![\d%]|[.,:]\d|s\b|-\d{1,2}\b)/g;
const YEARS_AGO = new RegExp(`\\b\\[?(${NUMBER_SOURCE})\\]?\\s+(years?|decades?)\\s+ago\\b`, 'gi');
const YEAR_END = /\b(?:(?:the\s+)?end\s+of\s+(?:the|this)\s+year|year[-\s]end)\b/gi;
const VAGUE_FUTURE = /\b(?:in\s+the\s+(?:near|foreseeable)\s+future|in\s+the\s+coming\s+(?:days|weeks|months))\b/gi;
const DETERMINER_BEFORE = /\b(?:the|its|their|his|her|this|that|[’']s)\s*$/i;
const PREPOSITION_BEFORE = /\b(?:in|since|until|by|from|of|during)\s*$/i;
const YEAR_RANGE_AFTER = /^\s*[-–—]\s*(?:18|19|20)\d\d/;
const QUANTITY_BEFORE = /\b(?:about|some|around|nearly|over|than|approximately|almost|least|up to|only|just)\s*$/i;

/** The next word after a year: its POS and lower-cased text. */
export interface NextWord {
  readonly pos: string;
  readonly lower: string;
}

/** Finds bare years ("in 2014", "since 2004") that chrono leaves alone. */
export function findYears(ctx: SentenceContext, wordAfter: (offset: number) => NextWord | null): TimeCandidate[] {
  const out: TimeCandidate[] = [];
  for (const m of ctx.text.matchAll(YEAR)) {
    const at = m.index ?? 0;
    const before = ctx.text.slice(Math.max(0, at - 16), at);
    const start = ctx.offset + at;
    const end = start + m[0].length;
    const range = YEAR_RANGE_AFTER.test(ctx.text.slice(at + 4, at + 12));
    if (!range && looksLikeCount(before, wordAfter(end))) continue;
    out.push({ start, end, text: m[0], value: m[1], precision: 'year', via: 'year' });
  }
  return out;
}

// "2000 people", "about 1900 troops": a count, not a year.
function looksLikeCount(before: string, next: NextWord | null): boolean {
  if (QUANTITY_BEFORE.test(before)) return true;
  const plural = next !== null && next.pos === 'NOUN' && next.lower.endsWith('s');
  return plural && !DETERMINER_BEFORE.test(before) && !PREPOSITION_BEFORE.test(before);
}

/** Finds "Seventeen years ago", "a decade ago": the publication year minus the count. */
export function findYearsAgo(ctx: SentenceContext): TimeCandidate[] {
  const out: TimeCandidate[] = [];
  for (const m of ctx.text.matchAll(YEARS_AGO)) {
    const count = numberValue(m[1]);
    if (count === null) continue;
    const years = /^decade/i.test(m[2]) ? count * 10 : count;
    const start = ctx.offset + (m.index ?? 0);
    const value = ctx.published ? String(ctx.published.year - years) : null;
    out.push({ start, end: start + m[0].length, text: m[0], value, precision: 'year', via: value ? 'ago' : 'relative' });
  }
  return out;
}

/** Finds "the end of the year" / "year end": the last day of the publication year. */
export function findYearEnd(ctx: SentenceContext): TimeCandidate[] {
  const out: TimeCandidate[] = [];
  for (const m of ctx.text.matchAll(YEAR_END)) {
    const start = ctx.offset + (m.index ?? 0);
    const value = ctx.published ? formatDay({ year: ctx.published.year, month: 12, day: 31 }) : null;
    out.push({ start, end: start + m[0].length, text: m[0], value, precision: 'day', via: value ? 'period-end' : 'relative' });
  }
  return out;
}

/** Finds vague futures ("in the near future"): kept as time expressions without a value. */
export function findVagueFutures(ctx: SentenceContext): TimeCandidate[] {
  const out: TimeCandidate[] = [];
  for (const m of ctx.text.matchAll(VAGUE_FUTURE)) {
    const start = ctx.offset + (m.index ?? 0);
    out.push({ start, end: start + m[0].length, text: m[0], value: null, precision: 'week', via: 'relative' });
  }
  return out;
}
