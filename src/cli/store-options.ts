// The --db / --pg options every store command shares.
import type { Command } from 'commander';
import { DEFAULT_DB, openStore } from '../store/open.js';
import type { Store } from '../store/store.js';

/** The store options as commander parses them. */
export interface StoreCliOptions {
  db?: string;
  pg?: string;
}

/** Adds --db and --pg to a command. */
export function addStoreOptions(command: Command): Command {
  return command
    .option('--db <file>', `SQLite database file (default ${DEFAULT_DB})`)
    .option('--pg <url>', 'PostgreSQL URL instead of SQLite (postgres://user@host:5432/db)');
}

/** Opens the store the options name; `--db` and `--pg` together are a usage error (returns a message). */
export async function openCliStore(options: StoreCliOptions): Promise<Store | string> {
  if (options.db && options.pg) return 'give --db FILE or --pg URL, not both.';
  return openStore({ db: options.db, pg: options.pg ?? process.env.FAULTLINE_PG });
}
