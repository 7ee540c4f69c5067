// Recognising a dateline ("Friday, January 4, 2019") on a line of its own at an article's head.

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_RE = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const WEEKDAY_RE = '(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\\s+)?';
const MDY = new RegExp(`^${WEEKDAY_RE}${MONTH_RE}\\s+(\\d{1,2}),?\\s+(\\d{4})$`, 'i');
const DMY = new RegExp(`^${WEEKDAY_RE}(\\d{1,2})\\s+${MONTH_RE},?\\s+(\\d{4})$`, 'i');
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Returns YYYY-MM-DD when `line` is only a date (with an optional weekday), else null. */
export function parseDateline(line: string): string | null {
  const s = line.trim().replace(/\s+/g, ' ');
  if (s.length > 40) return null;
  let m = MDY.exec(s);
  if (m) return isoDate(Number(m[3]), monthIndex(m[1]), Number(m[2]));
  m = DMY.exec(s);
  if (m) return isoDate(Number(m[3]), monthIndex(m[2]), Number(m[1]));
  m = ISO.exec(s);
  if (m) return isoDate(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return null;
}

function monthIndex(name: string): number {
  const n = name.toLowerCase().replace('.', '').slice(0, 3);
  return MONTHS.findIndex((m) => m.startsWith(n));
}

/** Formats a calendar date as YYYY-MM-DD, or null when it does not exist. */
export function isoDate(year: number, month0: number, day: number): string | null {
  if (month0 < 0 || month0 > 11 || day < 1 || day > 31) return null;
  const d = new Date(Date.UTC(year, month0, day));
  if (d.getUTCMonth() !== month0) return null;
  return d.toISOString().slice(0, 10);
}
