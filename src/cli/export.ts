// `faultline export`: the stored events as GDELT 2.0 lines or CSV, or the analysis records as JSON Lines.
import type { Command } from 'commander';
import type { Store } from '../store/store.js';
import type { EventQuery } from '../store/types.js';
import { toGdeltLine } from '../export/gdelt.js';
import { eventCsvHeader, toEventCsvLine } from '../export/csv.js';
import { addEventFilters, toEventQuery, withStore, type EventFilterOptions } from './events.js';
import { addStoreOptions } from './store-options.js';

const PAGE = 5000;

/** Adds the export command to the program. */
export function registerExport(program: Command): void {
  const command = addEventFilters(program.command('export').description('write stored events (gdelt, csv) or analysis records (jsonl) to standard output'))
    .requiredOption('--format <format>', 'gdelt (GDELT 2.0 event table, 61 tab-separated columns), csv (with a header) or jsonl (analysis records)');
  addStoreOptions(command).action(async (options: EventFilterOptions) => {
    process.exitCode = await runExport(options);
  });
}

async function runExport(options: EventFilterOptions): Promise<number> {
  const format = options.format ?? '';
  if (!['gdelt', 'csv', 'jsonl'].includes(format)) {
    process.stderr.write(`faultline export: --format must be gdelt, csv or jsonl (got "${format}").\n`);
    return 2;
  }
  const query = toEventQuery(options);
  if (typeof query === 'string') {
    process.stderr.write(`faultline export: ${query}\n`);
    return 2;
  }
  return withStore('export', options, async (store) => {
    if (format === 'jsonl') await exportRecords(store);
    else {
      if (format === 'csv') await write(`${eventCsvHeader()}\n`);
      await exportEvents(store, query, format === 'gdelt' ? toGdeltLine : toEventCsvLine);
    }
    return 0;
  });
}

async function exportEvents(store: Store, query: EventQuery, line: (e: Awaited<ReturnType<Store['queryEvents']>>[number]) => string): Promise<void> {
  let afterId = 0;
  for (;;) {
    const page = await store.queryEvents({ ...query, afterId, limit: PAGE, offset: undefined });
    if (!page.length) return;
    await write(page.map((e) => `${line(e)}\n`).join(''));
    afterId = page[page.length - 1].id;
  }
}

async function exportRecords(store: Store): Promise<void> {
  for (let offset = 0; ; offset += PAGE / 10) {
    const records = await store.listRecords({ limit: PAGE / 10, offset });
    if (!records.length) return;
    await write(records.map((r) => `${JSON.stringify(r)}\n`).join(''));
  }
}

/** Writes to stdout, waiting when the pipe is full. */
function write(text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (process.stdout.write(text)) resolve();
    else process.stdout.once('drain', resolve).once('error', reject);
  });
}
