// `faultline events`, `faultline articles`, `faultline search`: read what the store holds.
import type { Command } from 'commander';
import type { EventQuery, StoredArticle, StoredEvent } from '../store/types.js';
import type { Modality } from '../model/types.js';
import { eventCsvHeader, toEventCsvLine } from '../export/csv.js';
import { addStoreOptions, openCliStore, type StoreCliOptions } from './store-options.js';
import type { Store } from '../store/store.js';
import { openReviews } from '../store/open.js';
import { exportedReview, reviewLookup, type ReviewLookup } from '../export/reviews.js';

/** Event filters as commander parses them. */
export interface EventFilterOptions extends StoreCliOptions {
  actor?: string;
  dyad?: string;
  from?: string;
  to?: string;
  root?: string;
  quad?: string;
  modality?: string;
  text?: string;
  limit?: string;
  offset?: string;
  format?: string;
}

const MODALITIES = new Set(['asserted', 'future', 'conditional', 'negated']);

/** Adds the event filter options to a command. */
export function addEventFilters(command: Command): Command {
  return command
    .option('--actor <name>', 'actor id, country code or part of a name, on either side')
    .option('--dyad <A-B>', 'source and target country codes, e.g. RUS-UKR')
    .option('--from <date>', 'first day, YYYY-MM-DD')
    .option('--to <date>', 'last day, YYYY-MM-DD')
    .option('--root <code>', 'CAMEO root code, e.g. 13')
    .option('--quad <n>', 'quad class 1-4')
    .option('--modality <m>', 'asserted, future, conditional or negated')
    .option('--text <words>', 'words that must each appear in the evidence sentence or an actor name (case-insensitive)');
}

/** The store query the options describe, or a message saying what is wrong. */
export function toEventQuery(o: EventFilterOptions): EventQuery | string {
  const q: EventQuery = { actor: o.actor, dyad: o.dyad, from: o.from, to: o.to, root: o.root, text: o.text };
  if (o.quad !== undefined) {
    if (!/^[1-4]$/.test(o.quad)) return `--quad must be 1, 2, 3 or 4 (got "${o.quad}").`;
    q.quad = Number(o.quad);
  }
  if (o.root !== undefined && !/^\d{1,2}$/.test(o.root)) return `--root must be a CAMEO root code 01-20 (got "${o.root}").`;
  if (o.modality !== undefined) {
    if (!MODALITIES.has(o.modality)) return `--modality must be asserted, future, conditional or negated (got "${o.modality}").`;
    q.modality = o.modality as Modality;
  }
  for (const [name, value] of [['limit', o.limit], ['offset', o.offset]] as const) {
    if (value === undefined) continue;
    if (!/^\d+$/.test(value)) return `--${name} must be a whole number (got "${value}").`;
    q[name] = Number(value);
  }
  return q;
}

/** Runs `fn` with the store the options name; usage problems exit 2, store errors 1. */
export async function withStore(command: string, options: StoreCliOptions, fn: (store: Store) => Promise<number>): Promise<number> {
  const store = await openCliStore(options).catch((err: Error) => err.message);
  if (typeof store === 'string') {
    process.stderr.write(`faultline ${command}: ${store}\n`);
    return 2;
  }
  try {
    return await fn(store);
  } catch (err) {
    process.stderr.write(`faultline ${command}: ${(err as Error).message}\n`);
    return 1;
  } finally {
    await store.close();
  }
}

/** Every review kept beside the store the options name, by event (call after the store opened: the options are valid). */
export async function storeReviews(options: StoreCliOptions): Promise<ReviewLookup> {
  const reviews = await openReviews({ db: options.db, pg: options.pg ?? process.env.FAULTLINE_PG });
  try {
    return await reviewLookup(reviews);
  } finally {
    await reviews.close();
  }
}

/** Adds the events, articles and search commands to the program. */
export function registerEvents(program: Command): void {
  const events = addEventFilters(program.command('events').description('list stored events matching every filter'))
    .option('--limit <n>', 'at most this many events (default 100 for tables)')
    .option('--offset <n>', 'skip this many first')
    .option('--format <format>', 'table, csv or jsonl', 'table');
  addStoreOptions(events).action(async (options: EventFilterOptions) => {
    process.exitCode = await runEvents(options);
  });
  const articles = program.command('articles').description('list stored articles').option('--limit <n>', 'at most this many', '100').option('--offset <n>', 'skip this many first', '0');
  addStoreOptions(articles).action(async (options: EventFilterOptions) => {
    process.exitCode = await withStore('articles', options, async (store) => {
      printArticles(await store.listArticles({ limit: Number(options.limit), offset: Number(options.offset) }));
      return 0;
    });
  });
  const search = program.command('search').description('full-text search over stored articles (every word must appear)').argument('<text>').option('--limit <n>', 'at most this many', '20');
  addStoreOptions(search).action(async (text: string, options: EventFilterOptions) => {
    process.exitCode = await withStore('search', options, async (store) => {
      printArticles(await store.searchArticles(text, { limit: Number(options.limit) }));
      return 0;
    });
  });
}

async function runEvents(options: EventFilterOptions): Promise<number> {
  const format = options.format ?? 'table';
  if (!['table', 'csv', 'jsonl'].includes(format)) {
    process.stderr.write(`faultline events: --format must be table, csv or jsonl (got "${format}").\n`);
    return 2;
  }
  const query = toEventQuery(options);
  if (typeof query === 'string') {
    process.stderr.write(`faultline events: ${query}\n`);
    return 2;
  }
  if (format === 'table' && query.limit === undefined) query.limit = 100;
  return withStore('events', options, async (store) => {
    const events = await store.queryEvents(query);
    const reviews = format === 'table' ? new Map() : await storeReviews(options);
    if (format === 'jsonl') for (const e of events) process.stdout.write(`${JSON.stringify({ ...e, review: exportedReview(e, reviews) })}\n`);
    else if (format === 'csv') process.stdout.write([eventCsvHeader(), ...events.map((e) => toEventCsvLine(e, exportedReview(e, reviews)))].join('\n') + '\n');
    else process.stdout.write(formatEventTable(events));
    return 0;
  });
}

/** Events as an aligned text table. */
export function formatEventTable(events: StoredEvent[]): string {
  if (!events.length) return 'no events\n';
  const rows = events.map((e) => [String(e.id), e.day ?? '-', actorLabel(e.source), e.cameo, e.target ? actorLabel(e.target) : '-', String(e.quad), String(e.goldstein), e.modality, clip(e.evidence, 60)]);
  return alignRows([['id', 'day', 'source', 'cameo', 'target', 'quad', 'goldstein', 'modality', 'evidence'], ...rows]);
}

function actorLabel(a: { name: string; country: string | null }): string {
  return a.country ? `${clip(a.name, 28)} (${a.country})` : clip(a.name, 34);
}

function clip(s: string, n: number): string {
  const flat = s.replace(/\s+/g, ' ');
  return flat.length > n ? `${flat.slice(0, n - 1)}…` : flat;
}

function alignRows(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]))).join('  ')).join('\n') + '\n';
}

function printArticles(articles: StoredArticle[]): void {
  if (!articles.length) {
    process.stdout.write('no articles\n');
    return;
  }
  const rows = articles.map((a) => [a.id, a.published ?? '-', String(a.events), clip(a.title ?? '(no title)', 70), a.url ?? a.source]);
  process.stdout.write(alignRows([['id', 'published', 'events', 'title', 'url or source'], ...rows]));
}
