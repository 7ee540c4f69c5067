// Events as CSV (RFC 4180, with a header line) and as flat rows for tables.
import type { StoredEvent } from '../store/types.js';
import { REVIEW_FIELDS, reviewColumns, type ExportedReview } from './reviews.js';

/** The CSV header fields, in column order: the event's, then its review's ({@link REVIEW_FIELDS}). */
export const EVENT_CSV_FIELDS = [
  'id', 'day', 'date', 'source_actor', 'source_name', 'source_country', 'source_sector', 'cameo', 'root', 'quad', 'goldstein',
  'plover', 'target_actor', 'target_name', 'target_country', 'target_sector', 'modality', 'location', 'location_country',
  'lat', 'lon', 'confidence', 'evidence', 'article_id', 'url', 'published', 'pipeline_version', ...REVIEW_FIELDS,
] as const;

/** The values of one event in {@link EVENT_CSV_FIELDS} order, with its review (none: `reviewed` 0 and blanks). */
export function eventFields(e: StoredEvent, review: ExportedReview | null = null): (string | number | null)[] {
  return [
    e.id, e.day, e.date, e.source.actor, e.source.name, e.source.country, e.source.sector, e.cameo, e.root, e.quad, e.goldstein,
    e.plover, e.target?.actor ?? null, e.target?.name ?? null, e.target?.country ?? null, e.target?.sector ?? null, e.modality,
    e.location?.name ?? null, e.location?.country ?? null, e.location?.lat ?? null, e.location?.lon ?? null, e.confidence,
    e.evidence, e.articleId, e.url, e.published, e.pipelineVersion, ...reviewColumns(review),
  ];
}

/** One CSV field, quoted when it holds a comma, quote or line break. */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The CSV header line (no newline). */
export function eventCsvHeader(): string {
  return EVENT_CSV_FIELDS.join(',');
}

/** One event as a CSV line (no newline), with its review. */
export function toEventCsvLine(e: StoredEvent, review: ExportedReview | null = null): string {
  return eventFields(e, review).map(csvCell).join(',');
}
