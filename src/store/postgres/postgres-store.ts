// The PostgreSQL store (pg): the same tables and behaviour as SQLite, for a shared server.
import pg from 'pg';
import type { Store } from '../store.js';
import type { AnalysisRecord, ArticleKey, Counts, EventGroup, EventQuery, Failure, FeedState, Page, ReplaceInput, SaveInput, SaveResult, StoredArticle, StoredEvent } from '../types.js';
import { ARTICLE_SELECT, CANDIDATES_SQL, CHILD_COLUMNS, EVENT_COLUMNS, EVENT_SELECT, childRows, chooseCluster, clusterColumns, eventConditions, eventRow, groupEventsSql,
  searchWords, toEventGroup, toFeedState, toStoredArticle, toStoredEvent } from '../rows.js';
import { POSTGRES_MIGRATIONS } from './migrations.js';
import { StoreError } from '../../errors.js';

type Row = Record<string, unknown>;

/** Where the PostgreSQL store lives. */
export interface PostgresOptions {
  /** A postgres:// URL. */
  url: string;
  /** Schema holding the tables (created when missing); default "public". */
  schema?: string;
}

const ROWS_PER_INSERT = 500;

/** Connects to PostgreSQL at `options.url` and migrates the schema; throws StoreError saying what to start when unreachable. */
export async function openPostgresStore(options: PostgresOptions): Promise<PostgresStore> {
  const store = new PostgresStore(await connectPostgres(options, 4));
  await store.migrate();
  return store;
}

/** A pool of at most `max` connections whose search_path is the options' schema (created when missing). */
export async function connectPostgres(options: PostgresOptions, max: number): Promise<pg.Pool> {
  const schema = options.schema ?? 'public';
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new StoreError('store-open', `schema "${schema}": use lower-case letters, digits and underscores.`);
  const pool = new pg.Pool({ connectionString: options.url, max, options: `-c search_path=${schema}` });
  pool.on('error', () => undefined);
  try {
    await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  } catch (err) {
    await pool.end();
    throw new StoreError('store-open', `${redact(options.url)}: cannot reach PostgreSQL (${(err as Error).message}); start PostgreSQL or check the URL.`);
  }
  return pool;
}

/** A {@link Store} in a PostgreSQL schema. */
export class PostgresStore implements Store {
  private readonly pool: pg.Pool;

  /** Wraps a connection pool whose search_path names the store's schema; call {@link migrate} before use. */
  constructor(pool: pg.Pool) {
    this.pool = pool;
  }

  /** Applies the migrations not yet recorded, under an advisory lock so that two processes do not race. */
  async migrate(): Promise<void> {
    await migratePostgres(this.pool);
  }

  private inTransaction<T>(fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    return inTransaction(this.pool, fn);
  }

  /** Changes whenever articles or events change: a counter every write transaction raises. */
  async generation(): Promise<string> {
    return String((await this.pool.query('SELECT generation FROM store_state WHERE id = 1')).rows[0]?.generation ?? 0);
  }

  /** Writes the article with all its rows in one transaction, and files it in its near-duplicate cluster. */
  async saveAnalysis(input: SaveInput): Promise<SaveResult> {
    const { record: r, contentHash, pipelineVersion } = input;
    const a = r.article;
    const near = clusterColumns(r);
    return this.inTransaction(async (c) => {
      const res = await c.query(
        `INSERT INTO articles (id, url, content_hash, title, published, source, lang, event_count, pipeline_version, added_at, record, tsv,
           outlet, simhash, sh0, sh1, sh2, sh3)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, to_tsvector('english', coalesce($4, '') || ' ' || $12), $13, $14, $15, $16, $17, $18)
         ON CONFLICT DO NOTHING RETURNING key`,
        [a.id, a.url, contentHash, a.title, a.published, a.source, a.lang, r.events.length, pipelineVersion, new Date().toISOString(), JSON.stringify(r), r.text,
          near.outlet, near.simhash, ...near.bands],
      );
      if (!res.rows.length) return { stored: false, events: 0 };
      const key = Number(res.rows[0].key);
      const cluster = await this.clusterOf(c, key, near);
      await writeChildren(c, key, r, pipelineVersion);
      await bumpGeneration(c);
      return { stored: true, events: r.events.length, cluster };
    });
  }

  private async clusterOf(c: pg.PoolClient, key: number, near: ReturnType<typeof clusterColumns>): Promise<number> {
    const rows = near.simhash ? (await c.query(numbered(CANDIDATES_SQL), [...near.bands, key])).rows : [];
    const cluster = chooseCluster(key, near.simhash, rows);
    await c.query('UPDATE articles SET cluster = $1 WHERE key = $2', [cluster, key]);
    return cluster;
  }

  /** Replaces the article's record and rows in one transaction; its cluster stays (one is chosen when it had none). */
  async replaceAnalysis(input: ReplaceInput): Promise<boolean> {
    const { record: r, pipelineVersion } = input;
    const near = clusterColumns(r);
    return this.inTransaction(async (c) => {
      const found = await c.query('SELECT key, cluster FROM articles WHERE id = $1 FOR UPDATE', [input.articleId]);
      if (!found.rows.length) return false;
      const key = Number(found.rows[0].key);
      for (const t of ['events', 'mentions', 'quotes', 'flags']) await c.query(`DELETE FROM ${t} WHERE article_key = $1`, [key]);
      await c.query(
        `UPDATE articles SET event_count = $1, pipeline_version = $2, record = $3, outlet = $4, simhash = $5, sh0 = $6, sh1 = $7, sh2 = $8, sh3 = $9,
           tsv = to_tsvector('english', coalesce(title, '') || ' ' || $10) WHERE key = $11`,
        [r.events.length, pipelineVersion, JSON.stringify(r), near.outlet, near.simhash, ...near.bands, r.text, key],
      );
      if (found.rows[0].cluster === null) await this.clusterOf(c, key, near);
      await writeChildren(c, key, r, pipelineVersion);
      await bumpGeneration(c);
      return true;
    });
  }

  /** The stored record of one article, or null. */
  async getRecord(articleId: string): Promise<AnalysisRecord | null> {
    const res = await this.pool.query('SELECT record FROM articles WHERE id = $1', [articleId]);
    return res.rows.length ? (JSON.parse(String(res.rows[0].record)) as AnalysisRecord) : null;
  }

  /** Matching events merged per cluster by (source, target, code, day). */
  async groupEvents(query: EventQuery = {}): Promise<EventGroup[]> {
    const conds = eventConditions(query);
    const where = conds.length ? `WHERE ${conds.map((c) => c.sql).join(' AND ')}` : '';
    return (await this.pool.query(numbered(groupEventsSql(where)), conds.flatMap((c) => c.values))).rows.map(toEventGroup);
  }

  /** The conditional-GET state of a feed, or null. */
  async getFeedState(url: string): Promise<FeedState | null> {
    const res = await this.pool.query('SELECT * FROM feeds WHERE url = $1', [url]);
    return res.rows.length ? toFeedState(res.rows[0]) : null;
  }

  /** Saves the state of a feed after a poll. */
  async saveFeedState(f: FeedState): Promise<void> {
    await this.pool.query(
      `INSERT INTO feeds (url, etag, last_modified, polled_at, status, error) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, polled_at = excluded.polled_at,
       status = excluded.status, error = excluded.error`,
      [f.url, f.etag, f.lastModified, f.polledAt, f.status, f.error],
    );
  }

  /** True when an article with this id, URL or content hash is stored. */
  async hasArticle(key: ArticleKey): Promise<boolean> {
    const res = await this.pool.query('SELECT 1 FROM articles WHERE id = $1 OR url = $2 OR content_hash = $3 LIMIT 1', [key.id ?? null, key.url ?? null, key.contentHash ?? null]);
    return res.rows.length > 0;
  }

  /** Records (or updates) the failure of one input. */
  async recordFailure(source: string, error: { code: string; message: string }): Promise<void> {
    await this.pool.query(
      `INSERT INTO failures (source, code, message, attempts, last_at) VALUES ($1, $2, $3, 1, $4)
       ON CONFLICT (source) DO UPDATE SET code = excluded.code, message = excluded.message, attempts = failures.attempts + 1, last_at = excluded.last_at`,
      [source, error.code, error.message, new Date().toISOString()],
    );
  }

  /** Forgets the failure of one input. */
  async clearFailure(source: string): Promise<void> {
    await this.pool.query('DELETE FROM failures WHERE source = $1', [source]);
  }

  /** Every recorded failure, oldest first. */
  async listFailures(): Promise<Failure[]> {
    const res = await this.pool.query('SELECT source, code, message, attempts, last_at FROM failures ORDER BY last_at, source');
    return res.rows.map((r: Row) => ({ source: String(r.source), code: String(r.code), message: String(r.message), attempts: Number(r.attempts), lastAt: String(r.last_at) }));
  }

  /** Events matching every filter. */
  async queryEvents(query: EventQuery = {}): Promise<StoredEvent[]> {
    const conds = eventConditions(query);
    const where = conds.length ? `WHERE ${conds.map((c) => c.sql).join(' AND ')}` : '';
    const order = query.afterId !== undefined ? 'e.key' : 'e.day ASC NULLS LAST, e.key';
    const sql = numbered(`SELECT ${EVENT_SELECT} FROM events e JOIN articles a ON a.key = e.article_key ${where} ORDER BY ${order} ${pageSql(query)}`);
    return (await this.pool.query(sql, conds.flatMap((c) => c.values))).rows.map(toStoredEvent);
  }

  /** Stored articles in the order they were stored. */
  async listArticles(page: Page = {}): Promise<StoredArticle[]> {
    return (await this.pool.query(`SELECT ${ARTICLE_SELECT} FROM articles a ORDER BY a.key ${pageSql(page)}`)).rows.map(toStoredArticle);
  }

  /** Articles holding every word of `text` (English stemming), best first. */
  async searchArticles(text: string, page: Page = {}): Promise<StoredArticle[]> {
    const words = searchWords(text);
    if (!words.length) return [];
    const sql = `SELECT ${ARTICLE_SELECT} FROM articles a, plainto_tsquery('english', $1) q
      WHERE a.tsv @@ q ORDER BY ts_rank(a.tsv, q) DESC, a.key ${pageSql(page)}`;
    return (await this.pool.query(sql, [words.join(' ')])).rows.map(toStoredArticle);
  }

  /** The full analysis records, in the order they were stored. */
  async listRecords(page: Page = {}): Promise<AnalysisRecord[]> {
    const res = await this.pool.query(`SELECT record FROM articles ORDER BY key ${pageSql(page)}`);
    return res.rows.map((r: Row) => JSON.parse(String(r.record)) as AnalysisRecord);
  }

  /** How many of each thing the store holds. */
  async counts(): Promise<Counts> {
    const res = await this.pool.query(`SELECT (SELECT count(*) FROM articles) AS articles, (SELECT count(*) FROM events) AS events,
      (SELECT count(*) FROM mentions) AS mentions, (SELECT count(*) FROM quotes) AS quotes, (SELECT count(*) FROM flags) AS flags,
      (SELECT count(*) FROM failures) AS failures`);
    const r = res.rows[0] as Row;
    return { articles: Number(r.articles), events: Number(r.events), mentions: Number(r.mentions), quotes: Number(r.quotes), flags: Number(r.flags), failures: Number(r.failures) };
  }

  /** Closes every connection. */
  async close(): Promise<void> {
    await this.pool.end();
  }
}

/** Applies the migrations not yet recorded to the pool's schema, under an advisory lock so that two processes do not race. */
export async function migratePostgres(pool: pg.Pool): Promise<void> {
  await inTransaction(pool, async (c) => {
    await c.query('SELECT pg_advisory_xact_lock(hashtext(current_schema()))');
    await c.query('CREATE TABLE IF NOT EXISTS migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    const done = new Set((await c.query('SELECT version FROM migrations')).rows.map((r: Row) => Number(r.version)));
    for (const m of POSTGRES_MIGRATIONS) {
      if (done.has(m.version)) continue;
      await c.query(m.sql);
      await c.query('INSERT INTO migrations (version, name, applied_at) VALUES ($1, $2, $3)', [m.version, m.name, new Date().toISOString()]);
    }
  });
}

/** Runs `fn` in one transaction on a client of the pool, rolled back when it throws. */
export async function inTransaction<T>(pool: pg.Pool, fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
  const c = await pool.connect();
  try {
    await c.query('BEGIN');
    const out = await fn(c);
    await c.query('COMMIT');
    return out;
  } catch (err) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    c.release();
  }
}

/** Raises the store generation as the last step of a writing transaction (readers see the new number with the new rows; the row lock is held only until the commit). */
async function bumpGeneration(c: pg.PoolClient): Promise<void> {
  await c.query('UPDATE store_state SET generation = generation + 1 WHERE id = 1');
}

async function writeChildren(c: pg.PoolClient, key: number, r: AnalysisRecord, pipelineVersion: string): Promise<void> {
  await insertRows(c, 'events', EVENT_COLUMNS, r.events.map((e, i) => eventRow(key, i, e, r.article.published, pipelineVersion)));
  const children = childRows(key, r);
  await insertRows(c, 'mentions', CHILD_COLUMNS.mentions, children.mentions);
  await insertRows(c, 'quotes', CHILD_COLUMNS.quotes, children.quotes);
  await insertRows(c, 'flags', CHILD_COLUMNS.flags, children.flags);
}

async function insertRows(c: pg.PoolClient, table: string, columns: readonly string[], rows: unknown[][]): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    const chunk = rows.slice(i, i + ROWS_PER_INSERT);
    const tuples = chunk.map((_, r) => `(${columns.map((_c, k) => `$${r * columns.length + k + 1}`).join(', ')})`);
    await c.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')}`, chunk.flat());
  }
}

/** Turns `?` placeholders into `$1`, `$2`, ... (no `?` appears inside our SQL text otherwise). */
function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

function pageSql(page: Page): string {
  const limit = page.limit !== undefined ? `LIMIT ${Math.max(0, Math.floor(page.limit))}` : '';
  const offset = page.offset ? `OFFSET ${Math.max(0, Math.floor(page.offset))}` : '';
  return `${limit} ${offset}`;
}

/** The URL without its password, for messages. */
function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@/]*@/, '//$1:***@');
}
