// `faultline serve`: the JSON API and the dashboard over the store; optionally seeds an empty store first.
import cluster from 'node:cluster';
import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import { createApp } from '../server/app.js';
import { warmEventIndex } from '../server/api.js';
import { PUBLIC_DIR } from '../server/static.js';
import { listen, openDeps } from '../server/server.js';
import { ingestPaths } from '../store/ingest.js';
import { safeFetcher, type SafeFetchOptions } from '../server/safe-fetch.js';
import { addStoreOptions, type StoreCliOptions } from './store-options.js';
import { knowledgeOptions } from './config.js';

interface ServeCliOptions extends StoreCliOptions {
  port: string;
  host: string;
  token?: string;
  readToken?: string;
  seed?: string[];
  data?: string[];
  allowPrivateUrls?: boolean;
  allowFetchFrom?: string[];
  workers: string;
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
    .option('--data <dir...>', 'extra data folders (actors/, lexicon/, clean/)')
    .option('--allow-fetch-from <cidr...>', 'networks a posted URL may be fetched from besides the public internet (e.g. 10.2.0.0/16)')
    .option('--allow-private-urls', 'fetch posted URLs from any address, private and loopback included (trusted networks only)')
    .option('--workers <n>', `server processes sharing the port, each with its own event index (0: one per CPU, ${availableParallelism()} here)`, '1');
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
  if (!/^\d{1,3}$/.test(options.workers)) {
    say(`--workers "${options.workers}": give a number of processes (0: one per CPU).`);
    return 2;
  }
  const workers = Number(options.workers) || availableParallelism();
  const urlFetch: SafeFetchOptions = { allowPrivate: options.allowPrivateUrls === true, allowNetworks: options.allowFetchFrom };
  try {
    safeFetcher(urlFetch);
  } catch (err) {
    say((err as Error).message);
    return 2;
  }
  const deps = await openDeps({ db: options.db, pg: options.pg ?? process.env.FAULTLINE_PG }, knowledgeOptions(options));
  if (cluster.isPrimary) deps.warnings.forEach((w) => say(w));
  if (cluster.isPrimary && options.seed?.length && (await deps.store.counts()).articles === 0) {
    say(`the store is empty: analysing ${options.seed.join(', ')} first ...`);
    const summary = await ingestPaths(options.seed, deps.store, { analyze: deps.analyze!, pipelineVersion: deps.pipelineVersion });
    say(`stored ${summary.stored} article(s) with ${summary.events} event(s).`);
  }
  if (cluster.isPrimary && workers > 1) {
    await deps.close();
    return superviseWorkers(workers, options.host, say);
  }
  const writeToken = options.token ?? process.env.FAULTLINE_TOKEN ?? null;
  const readToken = options.readToken ?? process.env.FAULTLINE_READ_TOKEN ?? null;
  const app = createApp({ ...deps, urlFetch, writeToken, readToken, publicDir: PUBLIC_DIR, onError: (err) => say(`error: ${err.stack ?? err.message}`) });
  const server = await listen(app, port, options.host).catch((err: Error) => err);
  if (server instanceof Error) {
    say(`cannot listen on ${options.host}:${port} (${server.message}).`);
    await deps.close();
    return 1;
  }
  warmEventIndex(deps).catch((err: Error) => say(`could not load the event index (${err.message}); the next events list tries again.`));
  if (cluster.isPrimary) {
    process.stdout.write(`Faultline dashboard at ${server.url}/  (API: ${server.url}/api, OpenAPI: ${server.url}/openapi.json)\n`);
    if (!writeToken) say('writes (POST, reviews) are refused: set FAULTLINE_TOKEN or --token to allow them.');
  }
  await new Promise<void>((resolve) => {
    const stop = (): void => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  await deps.close();
  // A cluster worker stays alive while its channel to the primary is open.
  if (cluster.isWorker && process.connected) process.disconnect();
  return 0;
}

/**
 * Runs `count` server processes on one port (node:cluster hands each connection to one of them) and waits for SIGINT/SIGTERM.
 * Each worker opens the store itself and keeps its own event index; a write in one is seen by the others through the store's generation.
 */
async function superviseWorkers(count: number, host: string, say: (msg: string) => boolean): Promise<number> {
  let stopping = false;
  let announced = false;
  cluster.on('listening', (_worker, address) => {
    if (announced) return;
    announced = true;
    const url = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
    process.stdout.write(`Faultline dashboard at ${url}/  (API: ${url}/api, OpenAPI: ${url}/openapi.json), ${count} server processes\n`);
  });
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    say(`server process ${worker.process.pid} stopped (${signal ?? `exit ${code}`}); starting another.`);
    cluster.fork();
  });
  for (let i = 0; i < count; i++) cluster.fork();
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      stopping = true;
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  const workers = Object.values(cluster.workers ?? {}).filter((w) => w !== undefined);
  await Promise.all(workers.map((w) => new Promise<void>((resolve) => {
    w.once('exit', () => resolve());
    w.kill('SIGTERM');
  })));
  return 0;
}
