// Calendar arithmetic on plain YYYY-MM-DD strings, in UTC so no local timezone leaks in.

/** A calendar day as numbers (month 1-12). */
export interface Ymd {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Parses "YYYY-MM-DD"; returns null for anything else. */
export function parseYmd(value: string | null | undefined): Ymd | null {
  const m = value ? ISO_DAY.exec(value) : null;
  if (!m) return null;
  const ymd = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return isValidDay(ymd.year, ymd.month, ymd.day) ? ymd : null;
}

/** True when the numbers name a real calendar day. */
export function isValidDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

/** Number of days in the month. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Formats a day as YYYY-MM-DD. */
export function formatDay(d: Ymd): string {
  return `${pad(d.year, 4)}-${pad(d.month, 2)}-${pad(d.day, 2)}`;
}

/** Formats a month as YYYY-MM. */
export function formatMonth(year: number, month: number): string {
  return `${pad(year, 4)}-${pad(month, 2)}`;
}

/** Adds (or with a negative count subtracts) days. */
export function addDays(d: Ymd, days: number): Ymd {
  return fromTime(toTime(d) + days * DAY_MS);
}

/** Adds whole months, clamping the day to the target month's length. */
export function addMonths(d: Ymd, months: number): Ymd {
  const index = d.year * 12 + (d.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return { year, month, day: Math.min(d.day, daysInMonth(year, month)) };
}

/** Day of the week, 0 = Sunday ... 6 = Saturday. */
export function weekdayOf(d: Ymd): number {
  return new Date(toTime(d)).getUTCDay();
}

/** The Monday that starts the (ISO) week holding `d`. */
export function mondayOf(d: Ymd): Ymd {
  return addDays(d, -((weekdayOf(d) + 6) % 7));
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: Ymd, b: Ymd): number {
  return Math.round((toTime(b) - toTime(a)) / DAY_MS);
}

function toTime(d: Ymd): number {
  return Date.UTC(d.year, d.month - 1, d.day);
}

function fromTime(t: number): Ymd {
  const date = new Date(t);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}
