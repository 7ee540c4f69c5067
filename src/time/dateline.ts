// The dateline many news texts open with ("Friday, January 4, 2019"): the ingest stage reads the
// publication date from it.
import { formatDay, isValidDay } from './calendar.js';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const WEEKDAY = '(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\\.?,?\\s+)?';
const MONTH_FIRST = new RegExp(`^\\s*${WEEKDAY}${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'i');
const DAY_FIRST = new RegExp(`^\\s*${WEEKDAY}(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH},?\\s+(\\d{4})\\b`, 'i');
const ISO = /^\s*(\d{4})-(\d{2})-(\d{2})\b/;

/** The YYYY-MM-DD of a dateline at the very start of `text`, or null when there is none. */
export function datelineDate(text: string): string | null {
  const head = text.slice(0, 80);
  let m = MONTH_FIRST.exec(head);
  if (m) return build(Number(m[3]), monthNumber(m[1]), Number(m[2]));
  m = DAY_FIRST.exec(head);
  if (m) return build(Number(m[3]), monthNumber(m[2]), Number(m[1]));
  m = ISO.exec(head);
  if (m) return build(Number(m[1]), Number(m[2]), Number(m[3]));
  return null;
}

function monthNumber(name: string): number {
  const prefix = name.toLowerCase().slice(0, 3);
  return MONTHS.findIndex((m) => m.startsWith(prefix)) + 1;
}

function build(year: number, month: number, day: number): string | null {
  return isValidDay(year, month, day) ? formatDay({ year, month, day }) : null;
}
