// The SQLite store (better-sqlite3): the default, one file, WAL, FTS5 search.
import Database from 'better-sqlite3';
import type { Store } from '../store.js';
import type { AnalysisRecord, ArticleKey, Counts, EventGroup, EventQuery, Failure, FeedState, Page, ReplaceInput, SaveInput, SaveResult, StoredArticle, StoredEvent } from '../types.js';
import { ARTICLE_SELECT, CANDIDATES_SQL, CHILD_COLUMNS, EVENT_COLUMNS, EVENT_SELECT, childRows, chooseCluster, clusterColumns, eventConditions, eventRow, groupEventsSql,
  searchWords, toEventGroup, toFeedState, toStoredArticle, toStoredEvent } from '../rows.js';
import { SQLITE_MIGRATIONS } from './migrations.js';
import { StoreError } from '../../errors.js';

type Row = Record<string, unknown>;

const insertSql = (table: string, columns: readonly string[]): string =>
  `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;

/** Opens (creating when missing) the SQLite database at `file` and migrates it. */
export async function openSqliteStore(file: string): Promise<SqliteStore> {
  let db: Database.Database;
  try {
    db = new Database(file);
  } catch (err) {
    throw new StoreError('store-open', `${file}: cannot open the SQLite database (${(err as Error).message}); check the path and permissions.`);
  }
  const store = new SqliteStore(db);
  await store.migrate();
  return store;
}

/** A {@link Store} in one SQLite file. */
export class SqliteStore implements Store {
  private readonly db: Database.Database;
  private statements: ReturnType<SqliteStore['prepare']> | null = null;
  /** Prepared statements of the queries built from filters, by SQL text. */
  private readonly cache = new Map<string, Database.Statement>();
  /** Writes made through this connection (PRAGMA data_version counts only other connections' commits). */
  private writes = 0;

  /** Wraps an open better-sqlite3 database; call {@link migrate} before use. */
  constructor(db: Database.Database) {
    this.db = db;
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
  }

  /** Applies the migrations not yet recorded, each in its own transaction. */
  async migrate(): Promise<void> {
    this.db.exec('CREATE TABLE IF NOT EXISTS migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    const done = new Set((this.db.prepare('SELECT version FROM migrations').all() as Row[]).map((r) => Number(r.version)));
    for (const m of SQLITE_MIGRATIONS) {
      if (done.has(m.version)) continue;
      this.db.transaction(() => {
        this.db.exec(m.sql);
        this.db.prepare('INSERT INTO migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, new Date().toISOString());
      }).immediate();
    }
    this.statements = this.prepare();
  }

  private prepare() {
    const db = this.db;
    return {
      article: db.prepare(`INSERT INTO articles (id, url, content_hash, title, published, source, lang, event_count, pipeline_version, added_at, record,
        outlet, simhash, sh0, sh1, sh2, sh3) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING key`),
      candidates: db.prepare(CANDIDATES_SQL),
      setCluster: db.prepare('UPDATE articles SET cluster = ? WHERE key = ?'),
      findArticle: db.prepare('SELECT key, cluster, title FROM articles WHERE id = ?'),
      updateArticle: db.prepare('UPDATE articles SET event_count = ?, pipeline_version = ?, record = ?, outlet = ?, simhash = ?, sh0 = ?, sh1 = ?, sh2 = ?, sh3 = ? WHERE key = ?'),
      deleteChildren: ['events', 'mentions', 'quotes', 'flags'].map((t) => db.prepare(`DELETE FROM ${t} WHERE article_key = ?`)),
      deleteFts: db.prepare('DELETE FROM articles_fts WHERE rowid = ?'),
      record: db.prepare('SELECT record FROM articles WHERE id = ?'),
      feed: db.prepare('SELECT * FROM feeds WHERE url = ?'),
      saveFeed: db.prepare(`INSERT INTO feeds (url, etag, last_modified, polled_at, status, error) VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, polled_at = excluded.polled_at,
        status = excluded.status, error = excluded.error`),
      event: db.prepare(insertSql('events', EVENT_COLUMNS)),
      mention: db.prepare(insertSql('mentions', CHILD_COLUMNS.mentions)),
      quote: db.prepare(insertSql('quotes', CHILD_COLUMNS.quotes)),
      flag: db.prepare(insertSql('flags', CHILD_COLUMNS.flags)),
      fts: db.prepare('INSERT INTO articles_fts (rowid, title, body) VALUES (?, ?, ?)'),
      has: db.prepare('SELECT 1 FROM articles WHERE id = ? OR url = ? OR content_hash = ? LIMIT 1'),
      failure: db.prepare(`INSERT INTO failures (source, code, message, attempts, last_at) VALUES (?, ?, ?, 1, ?)
        ON CONFLICT (source) DO UPDATE SET code = excluded.code, message = excluded.message, attempts = attempts + 1, last_at = excluded.last_at`),
      clearFailure: db.prepare('DELETE FROM failures WHERE source = ?'),
      dataVersion: db.prepare('PRAGMA data_version').pluck(),
    };
  }

  private get st(): NonNullable<SqliteStore['statements']> {
    if (!this.statements) throw new StoreError('store-closed', 'the store is not open (call migrate() first).');
    return this.statements;
  }

  /** Writes the article with all its rows in one transaction, and files it in its near-duplicate cluster. */
  async saveAnalysis(input: SaveInput): Promise<SaveResult> {
    const st = this.st;
    const { record: r, contentHash, pipelineVersion } = input;
    const a = r.article;
    const near = clusterColumns(r);
    this.writes++;
    return this.db.transaction((): SaveResult => {
      const row = st.article.get(a.id, a.url, contentHash, a.title, a.published, a.source, a.lang, r.events.length, pipelineVersion,
        new Date().toISOString(), JSON.stringify(r), near.outlet, near.simhash, ...near.bands) as Row | undefined;
      if (!row) return { stored: false, events: 0 };
      const key = Number(row.key);
      const cluster = near.simhash ? chooseCluster(key, near.simhash, st.candidates.all(...near.bands, key) as Row[]) : key;
      st.setCluster.run(cluster, key);
      this.writeChildren(key, r, pipelineVersion);
      return { stored: true, events: r.events.length, cluster };
    }).immediate();
  }

  private writeChildren(key: number, r: AnalysisRecord, pipelineVersion: string): void {
    const st = this.st;
    r.events.forEach((e, i) => st.event.run(...eventRow(key, i, e, r.article.published, pipelineVersion)));
    const children = childRows(key, r);
    for (const m of children.mentions) st.mention.run(...m);
    for (const q of children.quotes) st.quote.run(...q);
    for (const f of children.flags) st.flag.run(...f);
    st.fts.run(key, r.article.title ?? '', r.text);
  }

  /** Replaces the article's record and rows in one transaction; its cluster stays (one is chosen when it had none). */
  async replaceAnalysis(input: ReplaceInput): Promise<boolean> {
    const st = this.st;
    const { record: r, pipelineVersion } = input;
    const near = clusterColumns(r);
    this.writes++;
    return this.db.transaction((): boolean => {
      const row = st.findArticle.get(input.articleId) as Row | undefined;
      if (!row) return false;
      const key = Number(row.key);
      for (const del of st.deleteChildren) del.run(key);
      st.deleteFts.run(key);
      st.updateArticle.run(r.events.length, pipelineVersion, JSON.stringify(r), near.outlet, near.simhash, ...near.bands, key);
      if (row.cluster === null) st.setCluster.run(chooseCluster(key, near.simhash, st.candidates.all(...near.bands, key) as Row[]), key);
      this.writeChildren(key, r, pipelineVersion);
      return true;
    }).immediate();
  }

  /** Changes whenever articles or events change, in this process (writes counted) or another (SQLite's data version). */
  async generation(): Promise<string> {
    return `${String(this.st.dataVersion.get())}.${this.writes}`;
  }

  /** A prepared statement for `sql`, kept for the next query of the same shape. */
  private statement(sql: string): Database.Statement {
    let st = this.cache.get(sql);
    if (!st) {
      if (this.cache.size >= 256) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(sql, (st = this.db.prepare(sql)));
    }
    return st;
  }

  /** The stored record of one article, or null. */
  async getRecord(articleId: string): Promise<AnalysisRecord | null> {
    const row = this.st.record.get(articleId) as Row | undefined;
    return row ? (JSON.parse(String(row.record)) as AnalysisRecord) : null;
  }

  /** Matching events merged per cluster by (source, target, code, day). */
  async groupEvents(query: EventQuery = {}): Promise<EventGroup[]> {
    const conds = eventConditions(query);
    const where = conds.length ? `WHERE ${conds.map((c) => c.sql).join(' AND ')}` : '';
    return (this.statement(groupEventsSql(where)).all(...conds.flatMap((c) => c.values)) as Row[]).map(toEventGroup);
  }

  /** The conditional-GET state of a feed, or null. */
  async getFeedState(url: string): Promise<FeedState | null> {
    const row = this.st.feed.get(url) as Row | undefined;
    return row ? toFeedState(row) : null;
  }

  /** Saves the state of a feed after a poll. */
  async saveFeedState(f: FeedState): Promise<void> {
    this.st.saveFeed.run(f.url, f.etag, f.lastModified, f.polledAt, f.status, f.error);
  }

  /** True when an article with this id, URL or content hash is stored. */
  async hasArticle(key: ArticleKey): Promise<boolean> {
    return this.st.has.get(key.id ?? null, key.url ?? null, key.contentHash ?? null) !== undefined;
  }

  /** Records (or updates) the failure of one input. */
  async recordFailure(source: string, error: { code: string; message: string }): Promise<void> {
    this.st.failure.run(source, error.code, error.message, new Date().toISOString());
  }

  /** Forgets the failure of one input. */
  async clearFailure(source: string): Promise<void> {
    this.st.clearFailure.run(source);
  }

  /** Every recorded failure, oldest first. */
  async listFailures(): Promise<Failure[]> {
    const rows = this.db.prepare('SELECT source, code, message, attempts, last_at FROM failures ORDER BY last_at, source').all() as Row[];
    return rows.map((r) => ({ source: String(r.source), code: String(r.code), message: String(r.message), attempts: Number(r.attempts), lastAt: String(r.last_at) }));
  }

  /**
   * Events matching every filter. The list order (day, undated last, then id) is read in two index-ordered parts,
   * dated then undated: one `ORDER BY day IS NULL, day` would sort every match before the first page comes out.
   */
  async queryEvents(query: EventQuery = {}): Promise<StoredEvent[]> {
    const conds = eventConditions(query);
    const values = conds.flatMap((c) => c.values);
    const where = (extra?: string): string => {
      const all = [...conds.map((c) => c.sql), ...(extra ? [extra] : [])];
      return all.length ? `WHERE ${all.join(' AND ')}` : '';
    };
    const select = (w: string, order: string, page: Page): StoredEvent[] =>
      (this.statement(`SELECT ${EVENT_SELECT} FROM events e JOIN articles a ON a.key = e.article_key ${w} ORDER BY ${order} ${pageSql(page)}`).all(...values) as Row[])
        .map(toStoredEvent);
    if (query.afterId !== undefined) return select(where(), 'e.key', query);
    const dated = select(where('e.day IS NOT NULL'), 'e.day, e.key', query);
    const limit = query.limit ?? Infinity;
    if (query.from || query.to || dated.length >= limit) return dated;
    const offset = Math.max(0, Math.floor(query.offset ?? 0));
    let skip = 0;
    if (!dated.length && offset > 0) {
      const datedCount = Number(this.statement(`SELECT count(*) FROM events e ${where('e.day IS NOT NULL')}`).pluck().get(...values));
      skip = Math.max(0, offset - datedCount);
    }
    const rest = limit === Infinity ? undefined : limit - dated.length;
    return [...dated, ...select(where('e.day IS NULL'), 'e.key', { limit: rest, offset: skip })];
  }

  /** Stored articles in the order they were stored. */
  async listArticles(page: Page = {}): Promise<StoredArticle[]> {
    return (this.statement(`SELECT ${ARTICLE_SELECT} FROM articles a ORDER BY a.key ${pageSql(page)}`).all() as Row[]).map(toStoredArticle);
  }

  /** Articles holding every word of `text` (stemmed), best first. */
  async searchArticles(text: string, page: Page = {}): Promise<StoredArticle[]> {
    const words = searchWords(text);
    if (!words.length) return [];
    const match = words.map((w) => `"${w}"`).join(' ');
    const sql = `SELECT ${ARTICLE_SELECT} FROM articles_fts f JOIN articles a ON a.key = f.rowid WHERE articles_fts MATCH ? ORDER BY f.rank, a.key ${pageSql(page)}`;
    return (this.db.prepare(sql).all(match) as Row[]).map(toStoredArticle);
  }

  /** The full analysis records, in the order they were stored. */
  async listRecords(page: Page = {}): Promise<AnalysisRecord[]> {
    const rows = this.db.prepare(`SELECT record FROM articles ORDER BY key ${pageSql(page)}`).all() as Row[];
    return rows.map((r) => JSON.parse(String(r.record)) as AnalysisRecord);
  }

  /** How many of each thing the store holds. */
  async counts(): Promise<Counts> {
    const n = (table: string): number => Number(this.statement(`SELECT count(*) FROM ${table}`).pluck().get());
    return { articles: n('articles'), events: n('events'), mentions: n('mentions'), quotes: n('quotes'), flags: n('flags'), failures: n('failures') };
  }

  /** Closes the database file. */
  async close(): Promise<void> {
    this.statements = null;
    this.cache.clear();
    if (this.db.open) this.db.close();
  }
}

function pageSql(page: Page): string {
  const limit = page.limit !== undefined ? Math.max(0, Math.floor(page.limit)) : -1;
  const offset = page.offset !== undefined ? Math.max(0, Math.floor(page.offset)) : 0;
  return limit < 0 && !offset ? '' : `LIMIT ${limit} OFFSET ${offset}`;
}
