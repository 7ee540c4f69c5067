// The SQLite store (better-sqlite3): the default, one file, WAL, FTS5 search.
import Database from 'better-sqlite3';
import type { Store } from '../store.js';
import type { AnalysisRecord, ArticleKey, Counts, EventQuery, Failure, Page, SaveInput, SaveResult, StoredArticle, StoredEvent } from '../types.js';
import { ARTICLE_SELECT, CHILD_COLUMNS, EVENT_COLUMNS, EVENT_SELECT, childRows, eventConditions, eventRow, searchWords, toStoredArticle, toStoredEvent } from '../rows.js';
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
      article: db.prepare(`INSERT INTO articles (id, url, content_hash, title, published, source, lang, event_count, pipeline_version, added_at, record)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING key`),
      event: db.prepare(insertSql('events', EVENT_COLUMNS)),
      mention: db.prepare(insertSql('mentions', CHILD_COLUMNS.mentions)),
      quote: db.prepare(insertSql('quotes', CHILD_COLUMNS.quotes)),
      flag: db.prepare(insertSql('flags', CHILD_COLUMNS.flags)),
      fts: db.prepare('INSERT INTO articles_fts (rowid, title, body) VALUES (?, ?, ?)'),
      has: db.prepare('SELECT 1 FROM articles WHERE id = ? OR url = ? OR content_hash = ? LIMIT 1'),
      failure: db.prepare(`INSERT INTO failures (source, code, message, attempts, last_at) VALUES (?, ?, ?, 1, ?)
        ON CONFLICT (source) DO UPDATE SET code = excluded.code, message = excluded.message, attempts = attempts + 1, last_at = excluded.last_at`),
      clearFailure: db.prepare('DELETE FROM failures WHERE source = ?'),
    };
  }

  private get st(): NonNullable<SqliteStore['statements']> {
    if (!this.statements) throw new StoreError('store-closed', 'the store is not open (call migrate() first).');
    return this.statements;
  }

  /** Writes the article with all its rows in one transaction. */
  async saveAnalysis(input: SaveInput): Promise<SaveResult> {
    const st = this.st;
    const { record: r, contentHash, pipelineVersion } = input;
    const a = r.article;
    return this.db.transaction((): SaveResult => {
      const row = st.article.get(a.id, a.url, contentHash, a.title, a.published, a.source, a.lang, r.events.length, pipelineVersion,
        new Date().toISOString(), JSON.stringify(r)) as Row | undefined;
      if (!row) return { stored: false, events: 0 };
      const key = Number(row.key);
      r.events.forEach((e, i) => st.event.run(...eventRow(key, i, e, a.published, pipelineVersion)));
      const children = childRows(key, r);
      for (const m of children.mentions) st.mention.run(...m);
      for (const q of children.quotes) st.quote.run(...q);
      for (const f of children.flags) st.flag.run(...f);
      st.fts.run(key, a.title ?? '', r.text);
      return { stored: true, events: r.events.length };
    }).immediate();
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

  /** Events matching every filter. */
  async queryEvents(query: EventQuery = {}): Promise<StoredEvent[]> {
    const conds = eventConditions(query);
    const where = conds.length ? `WHERE ${conds.map((c) => c.sql).join(' AND ')}` : '';
    const order = query.afterId !== undefined ? 'e.key' : 'e.day IS NULL, e.day, e.key';
    const sql = `SELECT ${EVENT_SELECT} FROM events e JOIN articles a ON a.key = e.article_key ${where} ORDER BY ${order} ${pageSql(query)}`;
    return (this.db.prepare(sql).all(...conds.flatMap((c) => c.values)) as Row[]).map(toStoredEvent);
  }

  /** Stored articles in the order they were stored. */
  async listArticles(page: Page = {}): Promise<StoredArticle[]> {
    return (this.db.prepare(`SELECT ${ARTICLE_SELECT} FROM articles a ORDER BY a.key ${pageSql(page)}`).all() as Row[]).map(toStoredArticle);
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
    const n = (table: string): number => Number((this.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as Row).n);
    return { articles: n('articles'), events: n('events'), mentions: n('mentions'), quotes: n('quotes'), flags: n('flags'), failures: n('failures') };
  }

  /** Closes the database file. */
  async close(): Promise<void> {
    this.statements = null;
    if (this.db.open) this.db.close();
  }
}

function pageSql(page: Page): string {
  const limit = page.limit !== undefined ? Math.max(0, Math.floor(page.limit)) : -1;
  const offset = page.offset !== undefined ? Math.max(0, Math.floor(page.offset)) : 0;
  return limit < 0 && !offset ? '' : `LIMIT ${limit} OFFSET ${offset}`;
}
