// `faultline serve`: the JSON API and the dashboard over the store; optionally seeds an empty store first.
import type { Command } from 'commander';
import { createApp } from '../server/app.js';
import { PUBLIC_DIR } from '../server/static.js';
import { listen, openDeps } from '../server/server.js';
import { ingestPaths } from '../store/ingest.js';
import { addStoreOptions, type StoreCliOptions } from './store-options.js';

interface ServeCliOptions extends StoreCliOptions {
  port: string;
  host: string;
  token?: string;
  readToken?: string;
  seed?: string[];
  data?: string[];
}

/** Adds the serve command to the program. */
export function registerServe(program: Command): void {
  const command = program
    .command('serve')
    .description('serve the JSON API (/api, /openapi.json) and the dashboard (/) over the store')
    .option('--port <n>', 'port to listen on (0: any free port)', '8080')
    .option('--host <addr>', 'address to listen on', '127.0.0.1')
    .option('--token <t>', 'token that writes (POST) must carry (default: $FAULTLINE_TOKEN; none: writes refused)')
    .option('--read-token <t>', 'token that reads must carry too (default: $FAULTLINE_READ_TOKEN; none: reads open)')
    .option('--seed <paths...>', 'when the store holds no article, ingest these files or folders first')
    .option('--data <dir...>', 'extra data folders (actors/, lexicon/, clean/)');
  addStoreOptions(command).action(async (options: ServeCliOptions) => {
    process.exitCode = await runServe(options);
  });
}

async function runServe(options: ServeCliOptions): Promise<number> {
  const say = (msg: string): boolean => process.stderr.write(`faultline serve: ${msg}\n`);
  const port = Number(options.port);
  if (!/^\d+$/.test(options.port) || port > 65535) {
    say(`--port "${options.port}": give a port number, 0 to 65535.`);
    return 2;
  }
  if (options.db && options.pg) {
    say('give --db FILE or --pg URL, not both.');
    return 2;
  }
  const deps = await openDeps({ db: options.db, pg: options.pg ?? process.env.FAULTLINE_PG }, { dataDirs: options.data });
  deps.warnings.forEach((w) => say(w));
  if (options.seed?.length && (await deps.store.counts()).articles === 0) {
    say(`the store is empty: analysing ${options.seed.join(', ')} first ...`);
    const summary = await ingestPaths(options.seed, deps.store, { analyze: deps.analyze!, pipelineVersion: deps.pipelineVersion });
    say(`stored ${summary.stored} article(s) with ${summary.events} event(s).`);
  }
  const writeToken = options.token ?? process.env.FAULTLINE_TOKEN ?? null;
  const readToken = options.readToken ?? process.env.FAULTLINE_READ_TOKEN ?? null;
  const app = createApp({ ...deps, writeToken, readToken, publicDir: PUBLIC_DIR, onError: (err) => say(`error: ${err.stack ?? err.message}`) });
  const server = await listen(app, port, options.host).catch((err: Error) => err);
  if (server instanceof Error) {
    say(`cannot listen on ${options.host}:${port} (${server.message}).`);
    await deps.close();
    return 1;
  }
  process.stdout.write(`Faultline dashboard at ${server.url}/  (API: ${server.url}/api, OpenAPI: ${server.url}/openapi.json)\n`);
  if (!writeToken) say('writes (POST, reviews) are refused: set FAULTLINE_TOKEN or --token to allow them.');
  await new Promise<void>((resolve) => {
    const stop = (): void => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  await deps.close();
  return 0;
}
