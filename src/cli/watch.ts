// `faultline watch`: poll feeds every so often and ingest their new items until SIGINT/SIGTERM.
import type { Command } from 'commander';
import { parseInterval, watchFeeds } from '../store/watch.js';
import { addStoreOptions, openCliStore, storeAnalyzer, type StoreCliOptions } from './store-options.js';

interface WatchCliOptions extends StoreCliOptions {
  every: string;
  once?: boolean;
  data?: string[];
}

/** Adds the watch command to the program. */
export function registerWatch(program: Command): void {
  const command = program
    .command('watch')
    .description('poll RSS/Atom feeds (conditional GET) and ingest their new items into the store until interrupted')
    .argument('<feeds...>', 'feed URLs')
    .option('--every <interval>', 'time between polls: 30s, 15m, 1h', '15m')
    .option('--once', 'poll every feed once and stop')
    .option('--data <dir...>', 'extra data folders (actors/, lexicon/, clean/)');
  addStoreOptions(command).action(async (feeds: string[], options: WatchCliOptions) => {
    process.exitCode = await runWatch(feeds, options);
  });
}

async function runWatch(feeds: string[], options: WatchCliOptions): Promise<number> {
  const say = (msg: string): boolean => process.stderr.write(`faultline watch: ${msg}\n`);
  const everyMs = parseInterval(options.every);
  if (everyMs === null) {
    say(`--every "${options.every}": give an interval such as 30s, 15m or 1h.`);
    return 2;
  }
  const bad = feeds.find((f) => !/^https?:\/\//i.test(f));
  if (bad) {
    say(`"${bad}" is not an http(s) URL; watch takes feed URLs.`);
    return 2;
  }
  // A bad folder or knowledge file is a configuration error (exit 2), found before the store is opened.
  const analyzer = storeAnalyzer(options);
  const store = await openCliStore(options).catch((err: Error) => err.message);
  if (typeof store === 'string') {
    say(store);
    return 2;
  }
  const controller = new AbortController();
  const onSignal = (signal: NodeJS.Signals): void => {
    if (controller.signal.aborted) process.exit(130);
    say(`${signal}: stopping after the current article.`);
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    say(`watching ${feeds.length} feed(s) every ${options.every}.`);
    await watchFeeds(feeds, store, {
      everyMs,
      rounds: options.once ? 1 : undefined,
      signal: controller.signal,
      ...analyzer,
      log: (line) => say(line),
      onFailure: (source, error) => say(error.message.includes(source) ? error.message : `${source}: ${error.message}`),
    });
    return 0;
  } catch (err) {
    say((err as Error).message);
    return 1;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await store.close();
  }
}
