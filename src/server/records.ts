// Quotes and flags across stored articles, read from the records and cached until the store changes.
import type { Flag, Quote } from '../model/types.js';
import type { AnalysisRecord } from '../store/types.js';
import type { ApiDeps } from './route.js';

/** A quote with the article it is in and its position there. */
export type ApiQuote = Quote & { articleId: string; index: number };
/** A flag with the article it is in and its position there. */
export type ApiFlag = Flag & { articleId: string; index: number };

/** Every quote and flag of some records, in store order. */
export interface RecordParts {
  quotes: ApiQuote[];
  flags: ApiFlag[];
}

const PAGE = 200;

/** The quotes and flags of records, each tagged with its article and position. */
export function partsOf(records: readonly AnalysisRecord[]): RecordParts {
  const quotes: ApiQuote[] = [];
  const flags: ApiFlag[] = [];
  for (const r of records) {
    r.quotes.forEach((q, index) => quotes.push({ ...q, articleId: r.article.id, index }));
    r.flags.forEach((f, index) => flags.push({ ...f, articleId: r.article.id, index }));
  }
  return { quotes, flags };
}

/** Quotes and flags of the whole store, read page by page once and kept until the store's generation changes. */
export class PartsCache {
  private version = '';
  private parts: Promise<RecordParts> | null = null;

  /** The parts of one article (read directly), or of every article (cached). */
  async load(deps: ApiDeps, articleId?: string): Promise<RecordParts> {
    if (articleId !== undefined) {
      const record = await (deps.getRecord ?? ((id: string) => deps.store.getRecord(id)))(articleId);
      return partsOf(record ? [record] : []);
    }
    const version = await deps.store.generation();
    if (version !== this.version || !this.parts) {
      this.version = version;
      this.parts = readAll(deps);
    }
    return this.parts;
  }
}

async function readAll(deps: ApiDeps): Promise<RecordParts> {
  const all: RecordParts = { quotes: [], flags: [] };
  for (let offset = 0; ; offset += PAGE) {
    const records = await deps.store.listRecords({ limit: PAGE, offset });
    const parts = partsOf(records);
    all.quotes.push(...parts.quotes);
    all.flags.push(...parts.flags);
    if (records.length < PAGE) return all;
  }
}

/** True when the quote is by `speaker`: its actor id, or a speaker name holding it (case-insensitive). */
export function spokenBy(q: Quote, speaker: string): boolean {
  return q.actor === speaker || (q.speaker?.toLowerCase().includes(speaker.toLowerCase()) ?? false);
}
