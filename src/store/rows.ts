// Turning records into rows and rows back into stored events: shared by every backend.
import { createHash } from 'node:crypto';
import type { AnalysisRecord, EventGroup, EventQuery, FeedState, StoredArticle, StoredEvent } from './types.js';
import type { CodedEvent, Modality } from '../model/types.js';
import { StoreError } from '../errors.js';
import { nearestDuplicate, outletOf, simhash } from './simhash.js';

/** Hash of an article's content with whitespace collapsed: the same text stored twice hashes the same. */
export function contentHash(body: string): string {
  return createHash('sha256').update(body.replace(/\s+/g, ' ').trim()).digest('hex').slice(0, 32);
}

type Row = Record<string, unknown>;

/** Column names of the events table, in the order {@link eventRow} gives values. */
export const EVENT_COLUMNS = [
  'article_key', 'idx', 'date', 'day', 'source_actor', 'source_name', 'source_country', 'source_sector',
  'target_actor', 'target_name', 'target_country', 'target_sector', 'cameo', 'root', 'quad', 'goldstein',
  'plover', 'modality', 'location_name', 'location_country', 'lat', 'lon', 'evidence', 'sentence',
  'span_start', 'span_end', 'confidence', 'pipeline_version',
] as const;

/** The day an event is filed under: its own date (partial dates at their first day), else the publication date. */
export function eventDay(date: string | null, published: string | null): string | null {
  if (date && /^\d{4}-\d{2}-\d{2}$/.test(date)) return date;
  if (date && /^\d{4}-\d{2}$/.test(date)) return `${date}-01`;
  if (date && /^\d{4}$/.test(date)) return `${date}-01-01`;
  return published;
}

/** The values of one event row, in {@link EVENT_COLUMNS} order. */
export function eventRow(articleKey: number, index: number, e: CodedEvent, published: string | null, version: string): unknown[] {
  return [
    articleKey, index, e.date, eventDay(e.date, published), e.source.actor, e.source.name, e.source.country, e.source.sector,
    e.target?.actor ?? null, e.target?.name ?? null, e.target?.country ?? null, e.target?.sector ?? null,
    e.cameo, e.root, e.quad, e.goldstein, e.plover, e.modality, e.location?.name ?? null, e.location?.country ?? null,
    e.location?.lat ?? null, e.location?.lon ?? null, e.evidence, e.sentence, e.start, e.end, e.confidence, version,
  ];
}

/** The SELECT list both backends use for events joined with their articles. */
export const EVENT_SELECT = `e.key AS id, a.id AS article_id, e.idx, e.date, e.day, e.source_actor, e.source_name,
  e.source_country, e.source_sector, e.target_actor, e.target_name, e.target_country, e.target_sector, e.cameo, e.root,
  e.quad, e.goldstein, e.plover, e.modality, e.location_name, e.location_country, e.lat, e.lon, e.evidence,
  e.sentence, e.confidence, e.pipeline_version, a.url, a.published, a.added_at`;

/** The SELECT list both backends use for articles. */
export const ARTICLE_SELECT = 'a.id, a.title, a.published, a.source, a.url, a.content_hash, a.event_count, a.pipeline_version, a.added_at, a.cluster';

/** Events merged per cluster by (source, target, code, day), with GDELT's counts; both backends run it. */
export function groupEventsSql(where: string): string {
  return `SELECT min(e.key) AS id, count(*) AS mentions, count(DISTINCT coalesce(a.outlet, a.source)) AS sources,
    count(DISTINCT e.article_key) AS articles
    FROM events e JOIN articles a ON a.key = e.article_key ${where}
    GROUP BY coalesce(a.cluster, a.key), coalesce(e.source_actor, e.source_name), coalesce(e.target_actor, e.target_name, ''), e.cameo, coalesce(e.day, '')
    ORDER BY 1`;
}

/** An event group from a row selected by {@link groupEventsSql}. */
export function toEventGroup(r: Row): EventGroup {
  return { id: Number(r.id), mentions: Number(r.mentions), sources: Number(r.sources), articles: Number(r.articles) };
}

/** A feed state from a row of the feeds table. */
export function toFeedState(r: Row): FeedState {
  return { url: String(r.url), etag: str(r.etag), lastModified: str(r.last_modified), polledAt: String(r.polled_at), status: Number(r.status), error: str(r.error) };
}

const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** A stored event from a row selected with {@link EVENT_SELECT}. */
export function toStoredEvent(r: Row): StoredEvent {
  const hasTarget = r.target_name !== null && r.target_name !== undefined;
  const hasLocation = r.location_name !== null && r.location_name !== undefined;
  return {
    id: Number(r.id),
    articleId: String(r.article_id),
    index: Number(r.idx),
    date: str(r.date),
    day: str(r.day),
    source: { actor: str(r.source_actor), name: String(r.source_name), country: str(r.source_country), sector: str(r.source_sector) },
    target: hasTarget ? { actor: str(r.target_actor), name: String(r.target_name), country: str(r.target_country), sector: str(r.target_sector) } : null,
    cameo: String(r.cameo),
    root: String(r.root),
    quad: Number(r.quad),
    goldstein: Number(r.goldstein),
    plover: String(r.plover),
    modality: String(r.modality) as Modality,
    location: hasLocation ? { name: String(r.location_name), country: str(r.location_country), lat: num(r.lat), lon: num(r.lon) } : null,
    evidence: String(r.evidence),
    sentence: Number(r.sentence),
    confidence: Number(r.confidence),
    pipelineVersion: String(r.pipeline_version),
    url: str(r.url),
    published: str(r.published),
    addedAt: String(r.added_at),
  };
}

/** A stored article from a row selected with {@link ARTICLE_SELECT}. */
export function toStoredArticle(r: Row): StoredArticle {
  return {
    id: String(r.id),
    title: str(r.title),
    published: str(r.published),
    source: String(r.source),
    url: str(r.url),
    contentHash: String(r.content_hash),
    events: Number(r.event_count),
    pipelineVersion: String(r.pipeline_version),
    addedAt: String(r.added_at),
    cluster: num(r.cluster),
  };
}

/** One WHERE condition with its values; `?` marks each value (PostgreSQL renumbers them). */
export interface Condition {
  sql: string;
  values: unknown[];
}

/** The WHERE conditions of an event query; throws StoreError on a malformed dyad or date. */
export function eventConditions(q: EventQuery): Condition[] {
  const out: Condition[] = [];
  if (q.actor) {
    const like = `%${q.actor.toLowerCase()}%`;
    out.push({
      sql: '(e.source_actor = ? OR e.target_actor = ? OR e.source_country = ? OR e.target_country = ? OR lower(e.source_name) LIKE ? OR lower(e.target_name) LIKE ?)',
      values: [q.actor, q.actor, q.actor.toUpperCase(), q.actor.toUpperCase(), like, like],
    });
  }
  if (q.dyad) {
    const m = /^([A-Za-z]{2,4})-([A-Za-z]{2,4})$/.exec(q.dyad.trim());
    if (!m) throw new StoreError('store-query', `dyad "${q.dyad}": give two country codes joined by a dash, for example RUS-UKR.`);
    out.push({ sql: 'e.source_country = ? AND e.target_country = ?', values: [m[1].toUpperCase(), m[2].toUpperCase()] });
  }
  if (q.from) out.push({ sql: 'e.day >= ?', values: [checkDay(q.from, 'from')] });
  if (q.to) out.push({ sql: 'e.day <= ?', values: [checkDay(q.to, 'to')] });
  if (q.root) out.push({ sql: 'e.root = ?', values: [q.root.padStart(2, '0')] });
  if (q.quad !== undefined) out.push({ sql: 'e.quad = ?', values: [q.quad] });
  if (q.modality) out.push({ sql: 'e.modality = ?', values: [q.modality] });
  for (const word of textWords(q.text)) {
    const like = `%${word.replace(/[!%_]/g, '!$&')}%`;
    out.push({
      sql: "(lower(e.evidence) LIKE ? ESCAPE '!' OR lower(e.source_name) LIKE ? ESCAPE '!' OR lower(coalesce(e.target_name, '')) LIKE ? ESCAPE '!')",
      values: [like, like, like],
    });
  }
  if (q.afterId !== undefined) out.push({ sql: 'e.key > ?', values: [q.afterId] });
  return out;
}

/** The words of the events `text` filter, lower-cased: each must appear in the evidence or an actor name (at most 8 count). */
export function textWords(text: string | undefined): string[] {
  return text ? text.toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8) : [];
}

/** True when every word of `text` appears in the event's evidence or one of its actors' names (case-insensitive). */
export function eventHasText(e: Pick<StoredEvent, 'evidence' | 'source' | 'target'>, text: string | undefined): boolean {
  const fields = [e.evidence.toLowerCase(), e.source.name.toLowerCase(), e.target?.name.toLowerCase() ?? ''];
  return textWords(text).every((w) => fields.some((f) => f.includes(w)));
}

function checkDay(value: string, what: string): string {
  if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(value)) throw new StoreError('store-query', `--${what} "${value}": use YYYY-MM-DD.`);
  return value.length === 4 ? `${value}-01-01` : value.length === 7 ? `${value}-01` : value;
}

/** The words of a search text, for full-text queries (punctuation and operators dropped). */
export function searchWords(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 32);
}

/** Mention, quote and flag rows of a record, in the column orders the backends use. */
export function childRows(articleKey: number, record: AnalysisRecord): { mentions: unknown[][]; quotes: unknown[][]; flags: unknown[][] } {
  return {
    mentions: record.mentions.map((m, i) => [articleKey, i, m.start, m.end, m.text, m.type, m.actor, m.name, m.country, m.sector, m.via, m.sentence]),
    quotes: record.quotes.map((q, i) => [articleKey, i, q.start, q.end, q.text, q.speaker, q.actor, q.kind]),
    flags: record.flags.map((f, i) => [articleKey, i, f.start, f.end, f.kind, f.text, f.message, f.expected]),
  };
}

/** Column names of the mention, quote and flag tables, in {@link childRows} order. */
export const CHILD_COLUMNS = {
  mentions: ['article_key', 'idx', 'span_start', 'span_end', 'text', 'type', 'actor', 'name', 'country', 'sector', 'via', 'sentence'],
  quotes: ['article_key', 'idx', 'span_start', 'span_end', 'text', 'speaker', 'actor', 'kind'],
  flags: ['article_key', 'idx', 'span_start', 'span_end', 'kind', 'text', 'message', 'expected'],
} as const;

/** The near-duplicate columns of an article: outlet, SimHash and its four bands (nulls for a text without words). */
export function clusterColumns(record: AnalysisRecord): { outlet: string; simhash: string | null; bands: (number | null)[] } {
  const hash = simhash(record.text);
  return { outlet: outletOf(record.article.url, record.article.source), simhash: hash?.hex ?? null, bands: hash ? hash.bands : [null, null, null, null] };
}

/** The SQL (with `?` marks) finding near-duplicate candidates of an article: any band equal, another article. */
export const CANDIDATES_SQL = 'SELECT key, simhash, cluster FROM articles WHERE (sh0 = ? OR sh1 = ? OR sh2 = ? OR sh3 = ?) AND key <> ? AND simhash IS NOT NULL LIMIT 500';

/** The cluster an article joins given its candidates' rows: the nearest one's cluster, else its own key. */
export function chooseCluster(key: number, hash: string | null, rows: Row[]): number {
  if (!hash) return key;
  const near = nearestDuplicate(hash, rows.map((r) => ({ key: Number(r.key), simhash: String(r.simhash), cluster: r.cluster === null ? Number(r.key) : Number(r.cluster) })));
  return near ? near.cluster : key;
}
