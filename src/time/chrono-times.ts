// Time expressions found by chrono-node, turned into our values with news conventions:
// bare weekdays by tense, yearless dates by tense, weeks to their Monday, vague spans unvalued.
import { casual } from 'chrono-node';
import type { Chrono, ParsedComponents, ParsedResult } from 'chrono-node';
import {
  addDays, daysBetween, formatDay, formatMonth, isValidDay, mondayOf, weekdayOf,
} from './calendar.js';
import type { Ymd } from './calendar.js';
import type { SentenceContext, TimeCandidate } from './candidate.js';
import type { Tense } from './tense.js';
import { caseless } from './caseless.js';

// The parsers whose patterns V8 is slowest to compile (a fifth of a second each, once per
// process); the other patterns compile as fast or faster with the i flag, so they stay as they are.
const SLOW_TO_COMPILE = /^EN(?:TimeUnitAgoFormatParser|TimeUnitLaterFormatParser)$/;

// One parser for the process, built once. Clock times and time zones are never used, so their
// parsers and refiners are left out: that halves chrono's cost on news text.
const PARSER = leanParser();
// A fixed reference when the publication date is unknown: only absolute dates are kept then.
const NO_REFERENCE = new Date(Date.UTC(2000, 0, 1, 12));

const DAY_REFERENCE = /^(?:today|tonight|yesterday|tomorrow|this morning|this afternoon|this evening|last night)$/i;
const VAGUE = /\b(?:few|several|some|couple|many)\b/i;
const DROPPED = /^(?:now|right now|the day (?:before|after))$/i;
const LATER_EARLIER = /\b(?:later|earlier)$/i;
const MONTH_PREPOSITION = /(?:\b(?:in|since|until|till|by|from|during|of|early|late|last|next|this|through|before|after|between|and|to|mid|end|start|beginning)[\s-]*)$/i;
const TIME_OF_DAY_PREFIX = /^(?:morning|afternoon|evening|night|noon|midnight),\s+/i;
const RANGE_SEPARATOR = /\s+(?:to|through|until|till|and)\s+|\s*[-–—]\s*/i;
const NEXT = /^(?:next|this\s+coming|coming)\b/i;
const LAST = /^(?:last|this\s+past|past)\b/i;
const SLASH_WITH_YEAR = /\d{1,2}\/\d{1,2}\/\d{2,4}/;

function leanParser(): Chrono {
  const parser = casual.clone();
  parser.parsers = parser.parsers
    .filter((p) => !/TimeExpression/.test(p.constructor.name))
    .map((p) => (SLOW_TO_COMPILE.test(p.constructor.name) ? withCaselessPattern(p) : p));
  parser.refiners = parser.refiners.filter((r) => !/Timezone|ForwardDate/.test(r.constructor.name));
  return parser;
}

type Parser = Chrono['parsers'][number];

// The parser as it is, but matching with the caseless spelling of its own pattern (see
// caseless.ts): the same matches, so the same results. chrono's parser instances are shared with
// every other user of chrono in the process, so they are wrapped, not changed.
function withCaselessPattern(parser: Parser): Parser {
  const converted = new WeakMap<RegExp, RegExp>();
  return Object.create(parser, {
    pattern: {
      value(context: Parameters<Parser['pattern']>[0]): RegExp {
        const original = parser.pattern(context);
        let re = converted.get(original);
        if (!re) {
          re = caseless(original);
          converted.set(original, re);
        }
        return re;
      },
    },
  }) as Parser;
}

// Text every match of a chrono parser must contain (read off the parsers' patterns). A parser
// whose trigger is absent from a sentence can find nothing there, so leaving it out of the run
// gives the same results; parsers not listed always run.
const TRIGGERS: Record<string, RegExp> = {
  ENYearMonthDayParser: /\d{4}/,
  ISOFormatParser: /\d{4}-/,
  SlashDateFormatParser: /\d[/.-]\d/,
  ENSlashMonthFormatParser: /\d\/\d/,
  ENYearMonthNameParser: /\d/,
  ENMonthNameLittleEndianParser: /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/i,
  ENMonthNameMiddleEndianParser: /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/i,
  ENMonthNameParser: /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/i,
  ENWeekdayParser: /sun|mon|tue|wed|thu|fri|sat|week/i,
  ENCasualDateParser: /now|today|tonight|tomorrow|overmorrow|tmr|yesterday|night/i,
  ENCasualTimeParser: /morning|afternoon|evening|night|midday|noon/i,
  ENEndOfCurrentMonthParser: /month/i,
  ENRelativeDateFormatParser: /this|last|past|next/i,
  ENTimeUnitAgoFormatParser: /ago|before|earlier/i,
  ENTimeUnitLaterFormatParser: /later|after|from now|henceforth|forward|out/i,
};
// The two "<duration> ago/later" parsers have costly patterns, and their keywords are common
// words; every match ends in "<number> <unit> <keyword>", so that (loosely, as a necessary
// condition) must occur as well. Number words and units are chrono's own lists.
const DURATION_NUMBER = '(?:\\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|half|an?|few|several|the|couple|of)';
const DURATION_UNIT = '(?:s|sec|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|weeks?|mo|mon|mos|months?|qtr|quarters?|y|yr|years?)';
const DURATION_BEFORE = new RegExp(`${DURATION_NUMBER}\\s*${DURATION_UNIT}\\s*(?:ago|before|earlier)`, 'i');
const DURATION_AFTER = new RegExp(`${DURATION_NUMBER}\\s*${DURATION_UNIT}\\s*(?:later|after|from now|henceforth|forward|out)`, 'i');
const SECOND_TRIGGERS: Record<string, RegExp> = {
  ENTimeUnitAgoFormatParser: DURATION_BEFORE,
  ENTimeUnitLaterFormatParser: DURATION_AFTER,
};
// Parsers with the same trigger share one gate, which answers again for the text it just read
// (the three month-name parsers test one sentence once, not three times).
const SHARED_GATES = new Map<string, (text: string) => boolean>();
const GATES = PARSER.parsers.map((p) => gateFor(p.constructor.name));

function gateFor(name: string): ((text: string) => boolean) | null {
  const first = TRIGGERS[name];
  const second = SECOND_TRIGGERS[name];
  if (!first) return null;
  const key = `${first.source}/${first.flags} ${second?.source ?? ''}`;
  let gate = SHARED_GATES.get(key);
  if (!gate) {
    let lastText: string | null = null;
    let lastResult = false;
    gate = (text) => {
      if (text !== lastText) {
        lastText = text;
        lastResult = first.test(text) && (!second || second.test(text));
      }
      return lastResult;
    };
    SHARED_GATES.set(key, gate);
  }
  return gate;
}
// One parser per set of triggered parsers, built on first use (there are few distinct sets).
const SUBSETS = new Map<number, Chrono>();

function parserFor(text: string): Chrono {
  let mask = 0;
  for (let k = 0; k < GATES.length; k++) {
    const gate = GATES[k];
    if (!gate || gate(text)) mask |= 1 << k;
  }
  let parser = SUBSETS.get(mask);
  if (!parser) {
    parser = PARSER.clone();
    parser.parsers = PARSER.parsers.filter((_, k) => mask & (1 << k));
    SUBSETS.set(mask, parser);
  }
  return parser;
}

/** Runs chrono over one sentence and returns the expressions it can value. */
export function findChronoTimes(ctx: SentenceContext): TimeCandidate[] {
  const instant = ctx.published
    ? new Date(Date.UTC(ctx.published.year, ctx.published.month - 1, ctx.published.day, 12))
    : NO_REFERENCE;
  const out: TimeCandidate[] = [];
  for (const r of parseSentence(ctx.text, instant)) {
    if (!isWanted(r, ctx.text)) continue;
    for (const part of splitRange(r)) {
      const start = ctx.offset + part.index;
      const end = start + part.text.length;
      const valued = valueOf(part, ctx, start, end);
      if (valued) out.push({ start, end, text: part.text, ...valued });
    }
  }
  return out;
}

// chrono glues a leading time of day onto a date ("night, January 23, 2014") and then marks no
// component certain; the date is read again without it.
function parseSentence(text: string, instant: Date): Found[] {
  const out: Found[] = [];
  for (const r of parserFor(text).parse(text, { instant, timezone: 0 })) {
    const prefix = TIME_OF_DAY_PREFIX.exec(r.text);
    if (!prefix) {
      out.push(toFound(r, 0));
      continue;
    }
    const from = r.index + prefix[0].length;
    const inner = text.slice(from, r.index + r.text.length);
    for (const found of parserFor(inner).parse(inner, { instant, timezone: 0 })) {
      out.push(toFound(found, from));
    }
  }
  return out;
}

function toFound(r: ParsedResult, shift: number): Found {
  return { text: r.text, index: r.index + shift, start: r.start, end: r.end ?? null };
}

/** A chrono result placed in the sentence. */
interface Found extends Part {
  readonly end: ParsedComponents | null;
}

/** One side of a chrono result: its text, where it starts in the sentence, and its components. */
interface Part {
  readonly text: string;
  readonly index: number;
  readonly start: ParsedComponents;
}

// "November 20 to December 11" becomes two expressions, one per end of the range.
function splitRange(r: Found): Part[] {
  const whole = { text: r.text, index: r.index, start: r.start };
  if (!r.end) return [whole];
  const sep = RANGE_SEPARATOR.exec(r.text);
  if (!sep || sep.index === 0) return [whole];
  const tailAt = sep.index + sep[0].length;
  return [
    { text: r.text.slice(0, sep.index), index: r.index, start: r.start },
    { text: r.text.slice(tailAt), index: r.index + tailAt, start: r.end },
  ];
}

function isWanted(r: Found, text: string): boolean {
  const s = r.start;
  const dated = s.isCertain('year') || s.isCertain('month') || s.isCertain('day') || s.isCertain('weekday');
  if (DAY_REFERENCE.test(r.text)) return true;
  if (!dated || DROPPED.test(r.text) || LATER_EARLIER.test(r.text)) return false;
  if (r.text.includes('/') && !SLASH_WITH_YEAR.test(r.text)) return false;
  if (isBareMonth(r)) return /^[A-Z]/.test(r.text) && MONTH_PREPOSITION.test(text.slice(0, r.index).trimEnd());
  return true;
}

function isBareMonth(r: Part): boolean {
  const s = r.start;
  return s.isCertain('month') && !s.isCertain('day') && !s.isCertain('year');
}

type Valued = Pick<TimeCandidate, 'value' | 'precision' | 'via'>;

function valueOf(r: Part, ctx: SentenceContext, start: number, end: number): Valued | null {
  const s = r.start;
  const relative = s.tags().has('result/relativeDate') || DAY_REFERENCE.test(r.text) || /\b(?:this|last|next)\b/i.test(r.text);
  if (!ctx.published && (relative || !s.isCertain('year'))) return { value: null, precision: precisionOf(r), via: 'relative' };
  if (VAGUE.test(r.text)) return { value: null, precision: precisionOf(r), via: 'relative' };
  const got = { year: s.get('year') ?? 0, month: s.get('month') ?? 1, day: s.get('day') ?? 1 };
  if (/\bweek\b/i.test(r.text)) return { value: formatDay(mondayOf(got)), precision: 'week', via: 'chrono' };
  if (s.isCertain('weekday') && !s.isCertain('day') && ctx.published) {
    const tense = NEXT.test(r.text) ? 'future' : LAST.test(r.text) ? 'past' : ctx.tenseOf(start, end);
    return weekdayValue(ctx.published, s.get('weekday') ?? 0, tense);
  }
  if (relative || s.isCertain('year')) return certainValue(r, got);
  return yearlessValue(r, got, ctx.published as Ymd, ctx.tenseOf(start, end));
}

function precisionOf(r: Part): TimeCandidate['precision'] {
  if (/\bweek/i.test(r.text)) return 'week';
  if (r.start.isCertain('day') || r.start.isCertain('weekday') || DAY_REFERENCE.test(r.text)) return 'day';
  return r.start.isCertain('month') ? 'month' : 'year';
}

function certainValue(r: Part, got: Ymd): Valued {
  const s = r.start;
  if (s.isCertain('day') || DAY_REFERENCE.test(r.text)) return { value: formatDay(got), precision: 'day', via: 'chrono' };
  if (s.isCertain('month')) return { value: formatMonth(got.year, got.month), precision: 'month', via: 'chrono' };
  return { value: String(got.year).padStart(4, '0'), precision: 'year', via: 'chrono' };
}

/** The day a bare weekday names: the last one on or before publication, or the next one when future. */
export function weekdayValue(published: Ymd, weekday: number, tense: Tense): Valued {
  const back = (weekdayOf(published) - weekday + 7) % 7;
  const day = tense === 'future' ? addDays(published, back === 0 ? 7 : 7 - back) : addDays(published, -back);
  return { value: formatDay(day), precision: 'day', via: 'weekday' };
}

// "September 14" or "in March" without a year: the publication year, unless the tense says the
// date must lie on the other side of the publication date.
function yearlessValue(r: Part, got: Ymd, published: Ymd, tense: Tense): Valued {
  const hasDay = r.start.isCertain('day');
  const year = yearFor(got.month, hasDay ? got.day : 1, published, tense);
  if (!hasDay) return { value: formatMonth(year, got.month), precision: 'month', via: 'chrono' };
  const day = isValidDay(year, got.month, got.day) ? got.day : got.day - 1;
  return { value: formatDay({ year, month: got.month, day }), precision: 'day', via: 'chrono' };
}

function yearFor(month: number, day: number, published: Ymd, tense: Tense): number {
  const safeDay = Math.min(day, 28);
  const gap = daysBetween(published, { year: published.year, month, day: safeDay });
  if (tense === 'past' && gap > 45) return published.year - 1;
  if (tense === 'future' && gap < -60) return published.year + 1;
  return published.year;
}
