// Reviews in PostgreSQL: the reviews table of the store's schema (migration 3), on a small pool of their own.
import type pg from 'pg';
import { completeReview, type Review, type ReviewInput, type ReviewStore } from '../reviews.js';
import { REVIEW_COLUMNS, reviewValues, toReview } from '../reviews-sqlite.js';
import { connectPostgres, migratePostgres, type PostgresOptions } from './postgres-store.js';

/** Connects to the store's schema (migrating it when needed) and gives its reviews. */
export async function openPostgresReviews(options: PostgresOptions): Promise<PostgresReviewStore> {
  const pool = await connectPostgres(options, 2);
  try {
    await migratePostgres(pool);
  } catch (err) {
    await pool.end();
    throw err;
  }
  return new PostgresReviewStore(pool);
}

const UPSERT = `INSERT INTO reviews (${REVIEW_COLUMNS.join(', ')}) VALUES (${REVIEW_COLUMNS.map((_, i) => `$${i + 1}`).join(', ')})
  ON CONFLICT (article_id, event_index) DO UPDATE SET ${REVIEW_COLUMNS.slice(2).map((c) => `${c} = excluded.${c}`).join(', ')}, seq = nextval('reviews_seq')`;

/** A {@link ReviewStore} in a PostgreSQL table. */
export class PostgresReviewStore implements ReviewStore {
  /** Wraps a pool whose search_path names a migrated schema. */
  constructor(private readonly pool: pg.Pool) {}

  /** Stores the review, replacing an earlier one of the same event. */
  async saveReview(input: ReviewInput): Promise<Review> {
    const r = completeReview(input);
    await this.pool.query(UPSERT, reviewValues(r));
    return r;
  }

  /** Reviews, newest first, optionally of one article. */
  async listReviews(query: { articleId?: string; limit?: number; offset?: number } = {}): Promise<Review[]> {
    const where = query.articleId !== undefined ? 'WHERE article_id = $1' : '';
    const limit = query.limit !== undefined ? `LIMIT ${Math.max(0, Math.floor(query.limit))}` : '';
    const offset = query.offset ? `OFFSET ${Math.max(0, Math.floor(query.offset))}` : '';
    const res = await this.pool.query(`SELECT * FROM reviews ${where} ORDER BY at DESC, seq DESC ${limit} ${offset}`, query.articleId !== undefined ? [query.articleId] : []);
    return res.rows.map(toReview);
  }

  /** The number of the latest save: every save draws a new one. */
  async generation(): Promise<string> {
    return String((await this.pool.query('SELECT coalesce(max(seq), 0) AS g FROM reviews')).rows[0].g);
  }

  /** Closes the pool. */
  async close(): Promise<void> {
    await this.pool.end();
  }
}
