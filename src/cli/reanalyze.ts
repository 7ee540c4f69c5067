// `faultline reanalyze`: re-code stored articles after the knowledge base or lexicons change.
import type { Command } from 'commander';
import { reanalyzeStore } from '../store/reanalyze.js';
import { addStoreOptions, storeAnalyzer, type StoreCliOptions } from './store-options.js';
import { withStore } from './events.js';
import { formatSeconds, makeProgressReporter } from './progress.js';

interface ReanalyzeCliOptions extends StoreCliOptions {
  all?: boolean;
  data?: string[];
  quiet?: boolean;
}

/** Adds the reanalyze command to the program. */
export function registerReanalyze(program: Command): void {
  const command = program
    .command('reanalyze')
    .description('re-code stored articles from their stored text with the current knowledge base and lexicons (articles coded by another data version; --all for every one)')
    .option('--all', 're-code every article, even those coded by the current version')
    .option('--data <dir...>', 'extra data folders (actors/, lexicon/, clean/)')
    .option('--quiet', 'no progress, only the summary');
  addStoreOptions(command).action(async (options: ReanalyzeCliOptions) => {
    // A bad folder or knowledge file is a configuration error (exit 2), found before the store is opened.
    const analyzer = storeAnalyzer(options);
    process.exitCode = await withStore('reanalyze', options, async (store) => {
      const reporter = options.quiet ? null : makeProgressReporter(process.stderr, 'reanalyze');
      let stop = false;
      const onSignal = (): void => {
        stop = true;
      };
      process.once('SIGINT', onSignal).once('SIGTERM', onSignal);
      const s = await reanalyzeStore(store, {
        ...analyzer,
        all: options.all,
        shouldStop: () => stop,
        onProgress: (p) => reporter?.update(p),
        onFailure: (id, error) => {
          reporter?.interrupt();
          process.stderr.write(`faultline reanalyze: ${id}: ${error.message}\n`);
        },
      });
      process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
      reporter?.finish();
      process.stdout.write(`re-coded ${s.stored} article(s) with ${s.events} event(s) as ${analyzer.pipelineVersion} in ${formatSeconds(s.elapsedMs / 1000)}; ${s.skipped} already at this version${s.failed ? `, ${s.failed} failed` : ''}.\n`);
      return s.failed ? 1 : 0;
    });
  });
}
