// `faultline ingest`: analyse articles into the store, skipping what is already there.
import type { Command } from 'commander';
import { checkDate } from '../ingest/date.js';
import { failedInputs, ingestPaths, type IngestSummary } from '../store/ingest.js';
import { addStoreOptions, openCliStore, storeAnalyzer, type StoreCliOptions } from './store-options.js';
import { formatSeconds, makeProgressReporter } from './progress.js';

interface IngestCliOptions extends StoreCliOptions {
  jsonl?: boolean;
  published?: string;
  retryFailed?: boolean;
  failures?: boolean;
  data?: string[];
  quiet?: boolean;
}

/** Adds the ingest command to the program. */
export function registerIngest(program: Command): void {
  const command = program
    .command('ingest')
    .description('analyse files, directories (recursive: .txt, .html, .htm, .jsonl), JSON Lines, URLs and RSS/Atom feeds into the store; re-ingesting changes nothing')
    .argument('[paths...]', 'files, directories, page URLs or feed URLs')
    .option('--jsonl', 'treat every named file as JSON Lines ({"id","text","published"?,"title"?,"url"?,"source"?} per line)')
    .option('--published <date>', 'publication date YYYY-MM-DD for every article')
    .option('--retry-failed', 'retry the inputs whose failures are recorded in the store')
    .option('--failures', 'list the recorded failures and stop')
    .option('--data <dir...>', 'extra data folders (actors/, lexicon/, clean/)')
    .option('--quiet', 'no progress, only the summary');
  addStoreOptions(command).action(async (paths: string[], options: IngestCliOptions) => {
    process.exitCode = await runIngest(paths, options);
  });
}

async function runIngest(paths: string[], options: IngestCliOptions): Promise<number> {
  const say = (msg: string): boolean => process.stderr.write(`faultline ingest: ${msg}\n`);
  let published: string | null = null;
  try {
    published = options.published ? checkDate(options.published, '--published') : null;
  } catch (err) {
    say((err as Error).message);
    return 2;
  }
  if (!paths.length && !options.retryFailed && !options.failures) {
    say('name at least one file, directory or URL (or give --retry-failed).');
    return 2;
  }
  const store = await openCliStore(options);
  if (typeof store === 'string') {
    say(store);
    return 2;
  }
  try {
    if (options.failures) {
      for (const f of await store.listFailures()) process.stdout.write(`${f.source}\t${f.code}\t${f.attempts}\t${f.message}\n`);
      return 0;
    }
    const specs = options.retryFailed ? [...new Set([...paths, ...(await failedInputs(store))])] : paths;
    const analyzer = storeAnalyzer(options);
    const reporter = options.quiet ? null : makeProgressReporter(process.stderr, 'ingest');
    const summary = await ingestPaths(specs, store, {
      ...analyzer,
      jsonl: options.jsonl,
      published,
      onProgress: (p) => reporter?.update(p),
      onFailure: (source, error) => {
        reporter?.interrupt();
        say(error.message.includes(source) ? error.message : `${source}: ${error.message}`);
      },
    });
    reporter?.finish();
    process.stdout.write(`${describeSummary(summary)}\n`);
    return summary.failed ? 1 : 0;
  } finally {
    await store.close();
  }
}

function describeSummary(s: IngestSummary): string {
  const rate = s.done / Math.max(0.001, s.elapsedMs / 1000);
  const failed = s.failed ? `, ${s.failed} failed (faultline ingest --failures lists them; --retry-failed retries them)` : '';
  return `ingested ${s.done} article(s) in ${formatSeconds(s.elapsedMs / 1000)} (${rate.toFixed(1)}/s): ${s.stored} stored with ${s.events} event(s), ${s.skipped} already stored${failed}.`;
}
