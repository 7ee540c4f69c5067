// "a day after X", "two weeks before X": X is an event whose date the expression gives. When an
// earlier expression in the sentence dates the subject ("Today's meetings come a day after X"),
// X lies the stated distance on the other side of it; otherwise the publication date stands in.
import { addDays, addMonths, formatDay, parseYmd } from './calendar.js';
import type { Ymd } from './calendar.js';
import type { SentenceContext, TimeCandidate } from './candidate.js';
import { NUMBER_SOURCE, numberValue } from './numbers.js';

const ANCHORED = new RegExp(
  `\\b(a\\s+few|several|a\\s+couple\\s+of|${NUMBER_SOURCE})\\s+(days?|weeks?|months?|years?)\\s+(after|before|prior\\s+to|ahead\\s+of)(?=\\s+[^\\s.,;!?])`,
  'gi',
);

/** Finds anchored expressions, valued from `others` (the sentence's other times) or publication. */
export function findAnchored(ctx: SentenceContext, others: readonly TimeCandidate[]): TimeCandidate[] {
  const out: TimeCandidate[] = [];
  const matches = [...ctx.text.matchAll(ANCHORED)];
  const spans = matches.map((m) => ({ start: ctx.offset + (m.index ?? 0), end: ctx.offset + (m.index ?? 0) + m[0].length }));
  const free = others.filter((t) => !spans.some((s) => t.start < s.end && s.start < t.end));
  for (const [i, m] of matches.entries()) {
    const { start, end } = spans[i];
    const count = numberValue(m[1]);
    const before = /^(?:before|prior|ahead)/i.test(m[3]);
    const base = { start, end, text: m[0], precision: 'day' as const };
    const subject = subjectDate(free, start);
    if (count === null) out.push({ ...base, value: null, via: 'relative' });
    else if (subject) out.push({ ...base, value: formatDay(shift(subject, m[2], before ? count : -count)), via: 'anchor' });
    else if (ctx.published) {
      out.push({ ...base, value: formatDay(shift(ctx.published, m[2], before ? -count : count)), via: 'anchor-default' });
    } else out.push({ ...base, value: null, via: 'relative' });
  }
  return out;
}

// The nearest day-precise expression ending before the anchored one.
function subjectDate(others: readonly TimeCandidate[], before: number): Ymd | null {
  let best: TimeCandidate | null = null;
  for (const t of others) {
    if (t.end > before || t.precision !== 'day' || !t.value) continue;
    if (!best || t.end > best.end) best = t;
  }
  return best ? parseYmd(best.value) : null;
}

function shift(day: Ymd, unit: string, count: number): Ymd {
  const u = unit.toLowerCase();
  if (u.startsWith('day')) return addDays(day, count);
  if (u.startsWith('week')) return addDays(day, 7 * count);
  if (u.startsWith('month')) return addMonths(day, count);
  return addMonths(day, 12 * count);
}
