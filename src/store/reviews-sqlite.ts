// Reviews in the SQLite store's file: their own table, created when missing, on their own connection.
import Database from 'better-sqlite3';
import { completeReview, type Review, type ReviewInput, type ReviewStore } from './reviews.js';
import { StoreError } from '../errors.js';

type Row = Record<string, unknown>;

const SCHEMA = `CREATE TABLE IF NOT EXISTS reviews (
  article_id TEXT NOT NULL, event_index INTEGER NOT NULL, verdict TEXT NOT NULL,
  cameo TEXT, source TEXT, target TEXT, date TEXT, note TEXT, reviewer TEXT NOT NULL,
  evidence TEXT NOT NULL, original_cameo TEXT NOT NULL, at TEXT NOT NULL,
  PRIMARY KEY (article_id, event_index)
)`;

const COLUMNS = ['article_id', 'event_index', 'verdict', 'cameo', 'source', 'target', 'date', 'note', 'reviewer', 'evidence', 'original_cameo', 'at'];

/** Opens the reviews table in the SQLite file `file` (creating it when missing). */
export function openSqliteReviews(file: string): SqliteReviewStore {
  let db: Database.Database;
  try {
    db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 5000');
    db.exec(SCHEMA);
  } catch (err) {
    throw new StoreError('store-open', `${file}: cannot open the reviews table (${(err as Error).message}).`);
  }
  return new SqliteReviewStore(db);
}

/** A {@link ReviewStore} in a SQLite table. */
export class SqliteReviewStore implements ReviewStore {
  private readonly db: Database.Database;
  private readonly upsert: Database.Statement;

  /** Wraps an open database whose reviews table exists. */
  constructor(db: Database.Database) {
    this.db = db;
    this.upsert = db.prepare(`INSERT OR REPLACE INTO reviews (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map(() => '?').join(', ')})`);
  }

  /** Stores the review, replacing an earlier one of the same event. */
  async saveReview(input: ReviewInput): Promise<Review> {
    const r = completeReview(input);
    this.upsert.run(r.articleId, r.eventIndex, r.verdict, r.cameo, r.source, r.target, r.date, r.note, r.reviewer, r.evidence, r.originalCameo, r.at);
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

  /** Closes the connection. */
  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

function toReview(r: Row): Review {
  const s = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
  return {
    articleId: String(r.article_id), eventIndex: Number(r.event_index), verdict: String(r.verdict) as Review['verdict'],
    cameo: s(r.cameo), source: s(r.source), target: s(r.target), date: s(r.date), note: s(r.note), reviewer: String(r.reviewer),
    evidence: String(r.evidence), originalCameo: String(r.original_cameo), at: String(r.at),
  } as Review;
}
