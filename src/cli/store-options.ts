// The --db / --pg options every store command shares.
import type { Command } from 'commander';
import type { RawArticle } from '../model/types.js';
import { analyzeArticle, loadKnowledge } from '../pipeline/analyze.js';
import { toRecord } from '../pipeline/record.js';
import { DEFAULT_DB, openStore } from '../store/open.js';
import type { Store } from '../store/store.js';
import type { AnalysisRecord } from '../store/types.js';
import { codingVersion } from '../store/version.js';
import { knowledgeOptions } from './config.js';

/** The store options as commander parses them. */
export interface StoreCliOptions {
  db?: string;
  pg?: string;
}

/**
 * How a store command (ingest, watch, reanalyze) analyses articles: with the knowledge of its --data and the
 * configured/--kb folders (knowledgeOptions), stamping the records with a version that covers all of those folders.
 */
export function storeAnalyzer(options: { data?: string[] }): { analyze: (raw: RawArticle) => AnalysisRecord; pipelineVersion: string } {
  const folders = knowledgeOptions(options);
  const knowledge = loadKnowledge(folders);
  return {
    analyze: (raw) => toRecord(analyzeArticle(raw, knowledge)) as unknown as AnalysisRecord,
    pipelineVersion: codingVersion([...folders.dataDirs, ...folders.kbDirs]),
  };
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
