// The PostgreSQL schema as numbered migrations; the same tables as SQLite, full-text search by tsvector.
import type { Migration } from '../sqlite/migrations.js';

/** Every PostgreSQL migration, oldest first. Never edit a released one: add a new one. */
export const POSTGRES_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'articles, events, mentions, quotes, flags, failures, full-text search',
    sql: `
CREATE TABLE articles (
  key BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  url TEXT UNIQUE,
  content_hash TEXT NOT NULL UNIQUE,
  title TEXT,
  published TEXT,
  source TEXT NOT NULL,
  lang TEXT,
  event_count INTEGER NOT NULL,
  pipeline_version TEXT NOT NULL,
  added_at TEXT NOT NULL,
  record TEXT NOT NULL,
  tsv TSVECTOR NOT NULL
);
CREATE INDEX articles_tsv ON articles USING GIN (tsv);
CREATE TABLE events (
  key BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  article_key BIGINT NOT NULL REFERENCES articles(key) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  date TEXT, day TEXT,
  source_actor TEXT, source_name TEXT NOT NULL, source_country TEXT, source_sector TEXT,
  target_actor TEXT, target_name TEXT, target_country TEXT, target_sector TEXT,
  cameo TEXT NOT NULL, root TEXT NOT NULL, quad INTEGER NOT NULL, goldstein DOUBLE PRECISION NOT NULL, plover TEXT NOT NULL,
  modality TEXT NOT NULL,
  location_name TEXT, location_country TEXT, lat DOUBLE PRECISION, lon DOUBLE PRECISION,
  evidence TEXT NOT NULL, sentence INTEGER NOT NULL, span_start INTEGER NOT NULL, span_end INTEGER NOT NULL,
  confidence DOUBLE PRECISION NOT NULL,
  pipeline_version TEXT NOT NULL,
  UNIQUE (article_key, idx)
);
CREATE INDEX events_dyad_day ON events (source_country, target_country, day);
CREATE INDEX events_target_day ON events (target_country, day);
CREATE INDEX events_day ON events (day);
CREATE INDEX events_root_day ON events (root, day);
CREATE INDEX events_source_actor ON events (source_actor);
CREATE INDEX events_target_actor ON events (target_actor);
CREATE TABLE mentions (
  article_key BIGINT NOT NULL REFERENCES articles(key) ON DELETE CASCADE, idx INTEGER NOT NULL,
  span_start INTEGER NOT NULL, span_end INTEGER NOT NULL, text TEXT NOT NULL, type TEXT NOT NULL,
  actor TEXT, name TEXT NOT NULL, country TEXT, sector TEXT, via TEXT NOT NULL, sentence INTEGER NOT NULL,
  PRIMARY KEY (article_key, idx)
);
CREATE INDEX mentions_actor ON mentions (actor);
CREATE TABLE quotes (
  article_key BIGINT NOT NULL REFERENCES articles(key) ON DELETE CASCADE, idx INTEGER NOT NULL,
  span_start INTEGER NOT NULL, span_end INTEGER NOT NULL, text TEXT NOT NULL, speaker TEXT, actor TEXT, kind TEXT NOT NULL,
  PRIMARY KEY (article_key, idx)
);
CREATE TABLE flags (
  article_key BIGINT NOT NULL REFERENCES articles(key) ON DELETE CASCADE, idx INTEGER NOT NULL,
  span_start INTEGER NOT NULL, span_end INTEGER NOT NULL, kind TEXT NOT NULL, text TEXT NOT NULL,
  message TEXT NOT NULL, expected TEXT NOT NULL,
  PRIMARY KEY (article_key, idx)
);
CREATE TABLE failures (
  source TEXT PRIMARY KEY, code TEXT NOT NULL, message TEXT NOT NULL, attempts INTEGER NOT NULL, last_at TEXT NOT NULL
);
`,
  },
  {
    version: 2,
    name: 'near-duplicate clusters (SimHash), outlets, feed states',
    sql: `
ALTER TABLE articles ADD COLUMN cluster BIGINT;
ALTER TABLE articles ADD COLUMN outlet TEXT;
ALTER TABLE articles ADD COLUMN simhash TEXT;
ALTER TABLE articles ADD COLUMN sh0 INTEGER;
ALTER TABLE articles ADD COLUMN sh1 INTEGER;
ALTER TABLE articles ADD COLUMN sh2 INTEGER;
ALTER TABLE articles ADD COLUMN sh3 INTEGER;
UPDATE articles SET cluster = key;
CREATE INDEX articles_cluster ON articles (cluster);
CREATE INDEX articles_sh0 ON articles (sh0);
CREATE INDEX articles_sh1 ON articles (sh1);
CREATE INDEX articles_sh2 ON articles (sh2);
CREATE INDEX articles_sh3 ON articles (sh3);
CREATE TABLE feeds (
  url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT, polled_at TEXT NOT NULL, status INTEGER NOT NULL, error TEXT
);
`,
  },
  {
    version: 3,
    name: 'store generation (for caches), reviews (kept apart from events so that re-analysis keeps them)',
    sql: `
CREATE TABLE store_state (id INTEGER PRIMARY KEY CHECK (id = 1), generation BIGINT NOT NULL);
INSERT INTO store_state (id, generation) VALUES (1, 0);
CREATE SEQUENCE reviews_seq;
CREATE TABLE reviews (
  article_id TEXT NOT NULL, event_index INTEGER NOT NULL, verdict TEXT NOT NULL,
  cameo TEXT, source TEXT, target TEXT, date TEXT, note TEXT, reviewer TEXT NOT NULL,
  evidence TEXT NOT NULL, original_cameo TEXT NOT NULL, at TEXT NOT NULL,
  seq BIGINT NOT NULL DEFAULT nextval('reviews_seq'),
  PRIMARY KEY (article_id, event_index)
);
CREATE INDEX reviews_seq_idx ON reviews (seq);
CREATE INDEX events_day_key ON events (day, key);
`,
  },
];
