// GDELT 2.0 event lines: 61 tab-separated columns in GDELT's order, filled wherever we have the data.
import type { EventActor } from '../model/types.js';
import type { EventGroup, StoredEvent } from '../store/types.js';
import { REVIEW_FIELDS, reviewColumns, type ExportedReview } from './reviews.js';

/** Number of columns in a GDELT 2.0 event line. */
export const GDELT_COLUMNS = 61;

/** Columns 62-70 that `--reviews` appends: {@link REVIEW_FIELDS}. */
export const GDELT_REVIEW_COLUMNS = REVIEW_FIELDS.length;

/** A field made safe for a tab-separated line. */
function cell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  return String(value).replace(/[\t\r\n]+/g, ' ');
}

/** Columns 6-15 (or 16-25): code, name, country, known group, ethnic, religion 1 and 2, type 1-3. */
function actorColumns(a: EventActor | null): string[] {
  if (!a) return Array(10).fill('');
  const country = a.country && /^[A-Z]{3}$/.test(a.country) ? a.country : '';
  const group = a.country && !country ? a.country : '';
  const code = `${a.country ?? ''}${a.sector ?? ''}`;
  return [code, a.name.toUpperCase(), country, group, '', '', '', a.sector ?? '', '', ''];
}

/** Columns 2-5: SQLDATE, MonthYear, Year, FractionDate, from the event's day. */
function dateColumns(day: string | null): string[] {
  const m = day ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(day) : null;
  if (!m) return ['', '', '', ''];
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dayOfYear = (Date.UTC(y, mo - 1, d) - Date.UTC(y, 0, 1)) / 86400000 + 1;
  return [`${m[1]}${m[2]}${m[3]}`, `${m[1]}${m[2]}`, m[1], (y + dayOfYear / 365).toFixed(4)];
}

/** Columns 52-59 (ActionGeo): type (1 country, 4 place with coordinates), name, country, ADM1, ADM2, lat, long, feature id. */
function actionGeoColumns(e: StoredEvent): string[] {
  const l = e.location;
  if (!l) return Array(8).fill('');
  const type = l.lat !== null && l.lon !== null ? 4 : 1;
  return [String(type), cell(l.name), cell(l.country), '', '', cell(l.lat), cell(l.lon), ''];
}

/** DATEADDED (YYYYMMDDHHMMSS, UTC) from an ISO timestamp. */
function dateAdded(iso: string): string {
  return iso.replace(/[-:T]/g, '').slice(0, 14);
}

/**
 * One event as a GDELT 2.0 event line (no newline), with its group's counts (1 each without); AvgTone and actor geography stay empty.
 * With `review` given (null included), the line goes on past GDELT's 61 columns with the 9 review columns ({@link REVIEW_FIELDS}).
 */
export function toGdeltLine(e: StoredEvent, group?: EventGroup, review?: ExportedReview | null): string {
  const cols: string[] = [
    String(e.id), ...dateColumns(e.day),
    ...actorColumns(e.source).map(cell), ...actorColumns(e.target).map(cell),
    e.sentence === 0 ? '1' : '0', e.cameo, e.cameo.slice(0, 3), e.root, String(e.quad), String(e.goldstein),
    String(group?.mentions ?? 1), String(group?.sources ?? 1), String(group?.articles ?? 1), '',
    ...Array(8).fill(''), ...Array(8).fill(''),
    ...actionGeoColumns(e),
    dateAdded(e.addedAt), cell(e.url),
  ];
  if (review !== undefined) cols.push(...reviewColumns(review).map(cell));
  return cols.join('\t');
}
