// The Store interface: every backend (SQLite, PostgreSQL) implements it and passes contract.ts.
import type { AnalysisRecord, ArticleKey, Counts, EventGroup, EventQuery, Failure, FeedState, Page, ReplaceInput, SaveInput, SaveResult, StoredArticle, StoredEvent } from './types.js';

export type * from './types.js';

/** Where articles, their events and ingest failures are kept. */
export interface Store {
  /** Brings the schema up to the latest migration; safe to call on every open. */
  migrate(): Promise<void>;
  /** Writes the article and its events, mentions, quotes and flags in one transaction; a stored article is left alone. */
  saveAnalysis(input: SaveInput): Promise<SaveResult>;
  /** True when an article with this id, URL or content hash is stored. */
  hasArticle(key: ArticleKey): Promise<boolean>;
  /** Records (or updates) the failure of one input. */
  recordFailure(source: string, error: { code: string; message: string }): Promise<void>;
  /** Forgets the failure of one input (it has now been stored or skipped). */
  clearFailure(source: string): Promise<void>;
  /** Every recorded failure, oldest first. */
  listFailures(): Promise<Failure[]>;
  /** Events matching every filter, by day then id (by id when `afterId` is given). */
  queryEvents(query?: EventQuery): Promise<StoredEvent[]>;
  /** Stored articles in the order they were stored. */
  listArticles(page?: Page): Promise<StoredArticle[]>;
  /** Articles whose title or text holds every word of `text`, best first. */
  searchArticles(text: string, page?: Page): Promise<StoredArticle[]>;
  /** The full analysis records, in the order they were stored. */
  listRecords(page?: Page): Promise<AnalysisRecord[]>;
  /** A token that changes whenever stored articles or events change, by this process or another: caches key on it. Cheap to call. */
  generation(): Promise<string>;
  /** How many articles, events, mentions, quotes, flags and failures are stored. */
  counts(): Promise<Counts>;
  /** The stored record of one article, or null. */
  getRecord(articleId: string): Promise<AnalysisRecord | null>;
  /** Replaces a stored article's record, events, mentions, quotes and flags in one transaction (re-analysis); false when not stored. */
  replaceAnalysis(input: ReplaceInput): Promise<boolean>;
  /** Matching events merged per near-duplicate cluster by (source, target, code, day), with GDELT's counts, by id. */
  groupEvents(query?: EventQuery): Promise<EventGroup[]>;
  /** The conditional-GET state of a feed, or null when it was never polled. */
  getFeedState(url: string): Promise<FeedState | null>;
  /** Saves the state of a feed after a poll. */
  saveFeedState(state: FeedState): Promise<void>;
  /** Releases the connection. */
  close(): Promise<void>;
}
