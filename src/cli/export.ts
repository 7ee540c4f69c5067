// `faultline export`: the stored events as GDELT 2.0 lines, PLOVER records or CSV, or the analysis records as JSON Lines.
import type { Command } from 'commander';
import type { Store } from '../store/store.js';
import type { EventQuery, StoredEvent } from '../store/types.js';
import { toGdeltLine } from '../export/gdelt.js';
import { toPloverRecord } from '../export/plover.js';
import { loadCodeTable } from '../events/codes.js';
import { eventCsvHeader, toEventCsvLine } from '../export/csv.js';
import { exportedReview, type ReviewLookup } from '../export/reviews.js';
import type { AnalysisRecord } from '../store/types.js';
import { addEventFilters, storeReviews, toEventQuery, withStore, type EventFilterOptions } from './events.js';
import { addStoreOptions } from './store-options.js';

const PAGE = 5000;

/** Adds the export command to the program. */
export function registerExport(program: Command): void {
  const command = addEventFilters(program.command('export').description('write stored events (gdelt, plover, csv) or analysis records (jsonl) to standard output'))
    .requiredOption('--format <format>', 'gdelt (GDELT 2.0 event table, 61 tab-separated columns), plover (JSON Lines), csv (with a header) or jsonl (analysis records)')
    .option('--no-merge', 'gdelt and plover: one line per stored event instead of one per near-duplicate cluster, source, target, code and day')
    .option('--reviews', 'gdelt: append 9 review columns (62-70: reviewed, verdict, reviewer, reviewed at, corrected cameo, source, target, date, stale); csv, plover and jsonl always carry reviews');
  addStoreOptions(command).action(async (options: ExportOptions) => {
    process.exitCode = await runExport(options);
  });
}

type ExportOptions = EventFilterOptions & { merge?: boolean; reviews?: boolean };

async function runExport(options: ExportOptions): Promise<number> {
  const format = options.format ?? '';
  if (!['gdelt', 'plover', 'csv', 'jsonl'].includes(format)) {
    process.stderr.write(`faultline export: --format must be gdelt, plover, csv or jsonl (got "${format}").\n`);
    return 2;
  }
  const query = toEventQuery(options);
  if (typeof query === 'string') {
    process.stderr.write(`faultline export: ${query}\n`);
    return 2;
  }
  return withStore('export', options, async (store) => {
    const reviews = await storeReviews(options);
    if (format === 'jsonl') await exportRecords(store, reviews);
    else if (format === 'csv') {
      await write(`${eventCsvHeader()}\n`);
      await exportEvents(store, query, (e) => toEventCsvLine(e, exportedReview(e, reviews)));
    } else {
      const groups = options.merge === false ? null : new Map((await store.groupEvents(query)).map((g) => [g.id, g]));
      const codes = format === 'plover' ? loadCodeTable() : null;
      await exportEvents(store, query, (e) => {
        const group = groups?.get(e.id);
        if (groups && !group) return null;
        if (!codes) return toGdeltLine(e, group, options.reviews ? exportedReview(e, reviews) : undefined);
        const record = toPloverRecord(e, codes, group, exportedReview(e, reviews));
        return record ? JSON.stringify(record) : null;
      });
    }
    return 0;
  });
}

/** Writes a line per event (none when `line` gives null), paging through the events by id. */
async function exportEvents(store: Store, query: EventQuery, line: (e: StoredEvent) => string | null): Promise<void> {
  let afterId = 0;
  for (;;) {
    const page = await store.queryEvents({ ...query, afterId, limit: PAGE, offset: undefined });
    if (!page.length) return;
    await write(page.map(line).filter((l) => l !== null).map((l) => `${l}\n`).join(''));
    afterId = page[page.length - 1].id;
  }
}

/** Writes each analysis record with its reviews (`reviews`: the latest review of each reviewed event, by event position). */
async function exportRecords(store: Store, reviews: ReviewLookup): Promise<void> {
  const reviewsOf = (r: AnalysisRecord) => r.events.flatMap((e, index) => {
    const review = exportedReview({ articleId: r.article.id, index, evidence: e.evidence, cameo: e.cameo }, reviews);
    return review ? [{ eventIndex: index, ...review }] : [];
  });
  for (let offset = 0; ; offset += PAGE / 10) {
    const records = await store.listRecords({ limit: PAGE / 10, offset });
    if (!records.length) return;
    await write(records.map((r) => `${JSON.stringify({ ...r, reviews: reviewsOf(r) })}\n`).join(''));
  }
}

/** Writes to stdout, waiting when the pipe is full. */
function write(text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (process.stdout.write(text)) resolve();
    else process.stdout.once('drain', resolve).once('error', reject);
  });
}
