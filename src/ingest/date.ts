// Checking dates given from outside (options, JSON fields).
import { InputError } from '../errors.js';

/** Returns the YYYY-MM-DD day of `value` (a date or an ISO timestamp), or throws InputError naming `what`. */
export function checkDate(value: string, what: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(value.trim());
  if (m) {
    const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    if (d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3])) {
      return `${m[1]}-${m[2]}-${m[3]}`;
    }
  }
  throw new InputError('input-date', `${what}: "${value}" is not a date; use YYYY-MM-DD (for example 2022-01-20).`);
}
