// Choosing and opening a store from command-line style options.
import type { Store } from './store.js';
import { openSqliteStore } from './sqlite/sqlite-store.js';
import { openPostgresStore } from './postgres/postgres-store.js';
import type { ReviewStore } from './reviews.js';
import { openSqliteReviews } from './reviews-sqlite.js';
import { openPostgresReviews } from './postgres/postgres-reviews.js';

/** The SQLite file used when no store is named. */
export const DEFAULT_DB = './faultline.db';

/** Where to store: a SQLite file (default ./faultline.db) or a PostgreSQL URL. */
export interface StoreLocation {
  db?: string;
  pg?: string;
  /** PostgreSQL schema (default "public"). */
  schema?: string;
}

/** Opens and migrates the store named by `where`: PostgreSQL when `pg` is given, else SQLite. */
export async function openStore(where: StoreLocation = {}): Promise<Store> {
  if (where.pg) return openPostgresStore({ url: where.pg, schema: where.schema });
  return openSqliteStore(where.db ?? DEFAULT_DB);
}

/** Opens the analysts' reviews kept beside the store named by `where` (the same SQLite file or PostgreSQL schema). */
export async function openReviews(where: StoreLocation = {}): Promise<ReviewStore> {
  if (where.pg) return openPostgresReviews({ url: where.pg, schema: where.schema });
  return openSqliteReviews(where.db ?? DEFAULT_DB);
}
