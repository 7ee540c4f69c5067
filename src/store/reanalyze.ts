// Re-coding stored articles after the knowledge base or lexicons change: from each stored record's cleaned text.
import type { RawArticle } from '../model/types.js';
import type { Store } from './store.js';
import type { AnalysisRecord } from './types.js';
import type { IngestProgress } from './ingest.js';
import { FaultlineError } from '../errors.js';

/** How to re-analyse. */
export interface ReanalyzeOptions {
  analyze: (raw: RawArticle) => AnalysisRecord;
  /** Version recorded on every re-coded event. */
  pipelineVersion: string;
  /** Re-code articles already coded by this version too. */
  all?: boolean;
  onProgress?: (progress: IngestProgress) => void;
  onFailure?: (articleId: string, error: FaultlineError) => void;
  /** Checked between articles: true stops after the current one. */
  shouldStop?: () => boolean;
}

const PAGE = 200;

/** The raw article a stored record was made from, as far as the record keeps it: its metadata and cleaned text. */
export function rawFromRecord(record: AnalysisRecord): RawArticle {
  const { timesRelative: _relative, ...article } = record.article;
  return { article, body: record.text };
}

/** Re-codes every stored article (those coded by another version, unless `all`), each replaced in one transaction. */
export async function reanalyzeStore(store: Store, options: ReanalyzeOptions): Promise<IngestProgress> {
  const t0 = performance.now();
  const progress: IngestProgress = { done: 0, total: (await store.counts()).articles, stored: 0, skipped: 0, failed: 0, events: 0, elapsedMs: 0 };
  for (let offset = 0; !options.shouldStop?.(); offset += PAGE) {
    const page = await store.listArticles({ limit: PAGE, offset });
    if (!page.length) break;
    for (const article of page) {
      if (options.shouldStop?.()) break;
      if (!options.all && article.pipelineVersion === options.pipelineVersion) progress.skipped++;
      else await recodeOne(store, article.id, options, progress);
      progress.done++;
      progress.elapsedMs = performance.now() - t0;
      options.onProgress?.(progress);
    }
  }
  progress.elapsedMs = performance.now() - t0;
  return { ...progress };
}

async function recodeOne(store: Store, id: string, options: ReanalyzeOptions, progress: IngestProgress): Promise<void> {
  try {
    const record = await store.getRecord(id);
    if (!record) return void progress.skipped++;
    const recoded = options.analyze(rawFromRecord(record));
    await store.replaceAnalysis({ articleId: id, record: { ...recoded, article: { ...recoded.article, id } }, pipelineVersion: options.pipelineVersion });
    progress.stored++;
    progress.events += recoded.events.length;
  } catch (err) {
    progress.failed++;
    const error = err instanceof FaultlineError ? err : new FaultlineError('analysis-failed', `${id}: re-analysis failed (${(err as Error).message}).`);
    options.onFailure?.(id, error);
  }
}
