// Reviews in the SQLite store's file: their own table (migration 3, also created here when missing), on their own connection.
import Database from 'better-sqlite3';
import { completeReview, type Review, type ReviewInput, type ReviewStore } from './reviews.js';
import { SQLITE_REVIEWS_TABLE } from './sqlite/migrations.js';
import { StoreError } from '../errors.js';

type Row = Record<string, unknown>;

/** The columns of the reviews table, in the order {@link reviewValues} gives them. */
export const REVIEW_COLUMNS = ['article_id', 'event_index', 'verdict', 'cameo', 'source', 'target', 'date', 'note', 'reviewer', 'evidence', 'original_cameo', 'at'] as const;

/** The values of a review in {@link REVIEW_COLUMNS} order. */
export function reviewValues(r: Review): unknown[] {
  return [r.articleId, r.eventIndex, r.verdict, r.cameo, r.source, r.target, r.date, r.note, r.reviewer, r.evidence, r.originalCameo, r.at];
}

/** Opens the reviews table in the SQLite file `file` (creating it when missing). */
export function openSqliteReviews(file: string): SqliteReviewStore {
  let db: Database.Database;
  try {
    db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 5000');
    db.exec(SQLITE_REVIEWS_TABLE);
  } catch (err) {
    throw new StoreError('store-open', `${file}: cannot open the reviews table (${(err as Error).message}).`);
  }
  return new SqliteReviewStore(db);
}

/** A {@link ReviewStore} in a SQLite table. */
export class SqliteReviewStore implements ReviewStore {
  private readonly db: Database.Database;
  private readonly upsert: Database.Statement;
  private readonly dataVersion: Database.Statement;
  private saved = 0;

  /** Wraps an open database whose reviews table exists. */
  constructor(db: Database.Database) {
    this.db = db;
    this.upsert = db.prepare(`INSERT OR REPLACE INTO reviews (${REVIEW_COLUMNS.join(', ')}) VALUES (${REVIEW_COLUMNS.map(() => '?').join(', ')})`);
    this.dataVersion = db.prepare('PRAGMA data_version').pluck();
  }

  /** Stores the review, replacing an earlier one of the same event. */
  async saveReview(input: ReviewInput): Promise<Review> {
    const r = completeReview(input);
    this.upsert.run(...reviewValues(r));
    this.saved++;
    return r;
  }

  /** Reviews, newest first, optionally of one article. */
  async listReviews(query: { articleId?: string; limit?: number; offset?: number } = {}): Promise<Review[]> {
    const where = query.articleId !== undefined ? 'WHERE article_id = ?' : '';
    const limit = query.limit ?? -1;
    const sql = `SELECT * FROM reviews ${where} ORDER BY at DESC, rowid DESC LIMIT ${Math.floor(limit)} OFFSET ${Math.floor(query.offset ?? 0)}`;
    const rows = (query.articleId !== undefined ? this.db.prepare(sql).all(query.articleId) : this.db.prepare(sql).all()) as Row[];
    return rows.map(toReview);
  }

  /** Changes with every review saved here (counted) or by another connection (SQLite's data version). */
  async generation(): Promise<string> {
    return `${String(this.dataVersion.get())}.${this.saved}`;
  }

  /** Closes the connection. */
  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

/** A review from a row of the reviews table (SQLite or PostgreSQL). */
export function toReview(r: Row): Review {
  const s = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
  return {
    articleId: String(r.article_id), eventIndex: Number(r.event_index), verdict: String(r.verdict) as Review['verdict'],
    cameo: s(r.cameo), source: s(r.source), target: s(r.target), date: s(r.date), note: s(r.note), reviewer: String(r.reviewer),
    evidence: String(r.evidence), originalCameo: String(r.original_cameo), at: String(r.at),
  } as Review;
}
