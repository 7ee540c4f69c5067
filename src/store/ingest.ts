// Ingesting at volume: read inputs, skip what is stored, analyse the rest, save each in one transaction.
import type { RawArticle } from '../model/types.js';
import type { Store } from './store.js';
import type { AnalysisRecord } from './types.js';
import { countArticles, listIngestInputs, readIngestInput } from '../ingest/walk.js';
import { readUrl, type FetchUrl, type UrlItem } from '../ingest/url-input.js';
import { contentHash } from './rows.js';
import { FaultlineError } from '../errors.js';

/** Where a run stands, reported after every input. */
export interface IngestProgress {
  done: number;
  /** Articles the inputs hold, counted before the run. */
  total: number;
  stored: number;
  skipped: number;
  failed: number;
  events: number;
  elapsedMs: number;
}

/** What an ingest run did. */
export type IngestSummary = IngestProgress;

/** How to run an ingest. */
export interface IngestOptions {
  /** Analyses one raw article into its record (the pipeline, with its knowledge loaded once). */
  analyze: (raw: RawArticle) => AnalysisRecord;
  /** Version recorded on every event coded in this run. */
  pipelineVersion: string;
  /** Treat every file as JSON Lines. */
  jsonl?: boolean;
  /** Publication date for every article (YYYY-MM-DD). */
  published?: string | null;
  /** Called after every input. */
  onProgress?: (progress: IngestProgress) => void;
  /** Called for every input that failed. */
  onFailure?: (source: string, error: FaultlineError) => void;
  /** Fetches URLs (pages, feeds, feed items); injected in tests. */
  fetchUrl?: FetchUrl;
  /** Checked between articles: true stops the run after the current article (a signal arrived). */
  shouldStop?: () => boolean;
}

/** The inputs named by recorded failures: their files (the `:line` of JSON Lines dropped) or URLs, once each. */
export async function failedInputs(store: Store): Promise<string[]> {
  const out = new Set<string>();
  for (const f of await store.listFailures()) out.add(/^https?:\/\//i.test(f.source) ? f.source : f.source.replace(/:\d+$/, ''));
  return [...out];
}

/** Ingests every input into the store; articles already stored (same id, URL or content) are skipped, failures recorded. */
export async function ingestPaths(specs: string[], store: Store, options: IngestOptions): Promise<IngestSummary> {
  const t0 = performance.now();
  const { inputs, errors } = await listIngestInputs(specs, { jsonl: options.jsonl });
  const progress: IngestProgress = { done: 0, total: errors.length + (await countArticles(inputs)), stored: 0, skipped: 0, failed: 0, events: 0, elapsedMs: 0 };
  const step = await makeStepper(store, options, progress, t0);
  for (const item of errors) await step(item);
  for (const input of inputs) {
    if (options.shouldStop?.()) break;
    const items = input.kind === 'url' ? readUrlItems(input.path, store, options) : readIngestInput(input, { published: options.published });
    let n = 0;
    for await (const item of items) {
      // A feed holds more articles than the one counted for its URL.
      if (n++ > 0) progress.total++;
      await step(item);
      if (options.shouldStop?.()) break;
    }
  }
  progress.elapsedMs = performance.now() - t0;
  return { ...progress };
}

/** The articles of one URL (a page, or every item of a feed), stored feed items skipped before their pages are fetched. */
export function readUrlItems(url: string, store: Store, options: Pick<IngestOptions, 'published' | 'fetchUrl'>): AsyncGenerator<UrlItem> {
  return readUrl(url, { published: options.published, fetchUrl: options.fetchUrl, isKnown: (link) => store.hasArticle({ url: link }) });
}

/** A function ingesting one item and updating `progress` (shared by ingest and watch). */
export async function makeStepper(store: Store, options: IngestOptions, progress: IngestProgress, t0 = performance.now()): Promise<(item: UrlItem) => Promise<void>> {
  const failing = new Set((await store.listFailures()).map((f) => f.source));
  return async (item) => {
    await ingestItem(item, store, options, progress, failing);
    progress.done++;
    progress.elapsedMs = performance.now() - t0;
    options.onProgress?.(progress);
  };
}

async function ingestItem(item: UrlItem, store: Store, options: IngestOptions, progress: IngestProgress, failing: Set<string>): Promise<void> {
  const fail = async (error: FaultlineError): Promise<void> => {
    progress.failed++;
    await store.recordFailure(item.source, error);
    options.onFailure?.(item.source, error);
  };
  if (item.error) return fail(item.error);
  if (item.known) {
    progress.skipped++;
    return;
  }
  const raw = item.raw;
  const hash = contentHash(raw.body);
  try {
    if (await store.hasArticle({ id: raw.article.id, url: raw.article.url, contentHash: hash })) {
      progress.skipped++;
    } else {
      const saved = await store.saveAnalysis({ record: options.analyze(raw), contentHash: hash, pipelineVersion: options.pipelineVersion });
      if (saved.stored) progress.stored++;
      else progress.skipped++;
      progress.events += saved.events;
    }
  } catch (err) {
    const error = err instanceof FaultlineError ? err : new FaultlineError('analysis-failed', `${item.source}: analysis failed (${(err as Error).message}).`);
    return fail(error);
  }
  if (failing.delete(item.source)) await store.clearFailure(item.source);
}
