// `npm run bench:api`: 50 concurrent clients on loopback against filtered /api/events over 100,000 stored events; latency percentiles.
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, get } from 'node:http';
import { fork, type ChildProcess } from 'node:child_process';
import cluster from 'node:cluster';
import { fileURLToPath } from 'node:url';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CodedEvent, EventActor } from '../model/types.js';
import type { AnalysisRecord } from '../store/types.js';
import { openSqliteStore, type SqliteStore } from '../store/sqlite/sqlite-store.js';
import { openSqliteReviews } from '../store/reviews-sqlite.js';
import { contentHash } from '../store/rows.js';
import { createApp } from '../server/app.js';
import { listen } from '../server/server.js';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const EVENTS = arg('events', 100_000);
const CLIENTS = arg('clients', 50);
const REQUESTS = arg('requests', 10_000);
const PER_ARTICLE = 20;
/** Pause of each client between its requests (ms); 0 is a closed loop, every client always waiting on the server. */
const THINK = arg('think', 0);
/** Server processes sharing the port (node:cluster), as `faultline serve --workers N` runs them. */
const WORKERS = arg('workers', 1);
const COUNTRIES = ['RUS', 'UKR', 'USA', 'CHN', 'DEU', 'FRA', 'GBR', 'POL', 'TUR', 'IRN', 'ISR', 'SYR', 'IND', 'PAK', 'JPN', 'KOR', 'PRK', 'BRA', 'MEX', 'NGA',
  'EGY', 'SAU', 'ETH', 'SDN', 'VEN', 'COL', 'AFG', 'IRQ', 'LBN', 'BLR', 'GEO', 'ARM', 'AZE', 'SRB', 'HUN', 'ITA', 'ESP', 'CAN', 'AUS', 'ZAF'];
const CODES: [string, number][] = [['010', 0], ['036', 4], ['040', 1], ['042', 1.9], ['057', 8], ['070', 7], ['112', -2], ['130', -4.4], ['138', -7], ['141', -6.5], ['172', -5], ['190', -10], ['193', -10], ['0841', 7]];
const MODALITIES: CodedEvent['modality'][] = ['asserted', 'asserted', 'asserted', 'future', 'conditional', 'negated'];

let seed = 12345;
const rand = (n: number): number => ((seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff) >>> 8) % n;
const day = (n: number): string => new Date(Date.UTC(2021, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
const quadOf = (root: number): CodedEvent['quad'] => (root <= 5 ? 1 : root <= 9 ? 2 : root <= 14 ? 3 : 4);

function actor(): EventActor {
  const country = COUNTRIES[Math.min(rand(COUNTRIES.length), rand(COUNTRIES.length))];
  const who = rand(4);
  if (who === 0) return { actor: country.toLowerCase(), name: `Republic of ${country}`, country, sector: null };
  return { actor: `${country.toLowerCase()}-${['gov', 'mil', 'opp', 'bus'][who]}`, name: `${country} ${['government', 'military', 'opposition', 'business'][who]}`, country, sector: ['GOV', 'MIL', 'OPP', 'BUS'][who] };
}

function syntheticEvent(i: number): CodedEvent {
  const [cameo, goldstein] = CODES[rand(CODES.length)];
  const root = cameo.slice(0, 2);
  const source = actor();
  let target: EventActor | null = rand(10) === 0 ? null : actor();
  if (target?.country === source.country && rand(2)) target = null;
  const located = rand(3) === 0;
  return {
    start: i * 40, end: i * 40 + 30, sentence: i, source, target, cameo, root, quad: quadOf(Number(root)), goldstein, plover: 'CONSULT',
    date: day(rand(730)), datePrecision: 'day', modality: MODALITIES[rand(MODALITIES.length)], attribution: null,
    location: located ? { name: `Place ${rand(500)}`, country: source.country, lat: rand(120) - 55, lon: rand(360) - 180 } : null,
    evidence: `${source.name} acted toward ${target?.name ?? 'no one'} in event ${cameo} (synthetic sentence ${i}).`, confidence: 0.8,
  };
}

function syntheticRecord(n: number): AnalysisRecord {
  const events = Array.from({ length: PER_ARTICLE }, (_, i) => syntheticEvent(i));
  const text = events.map((e) => e.evidence).join(' ');
  return {
    article: { id: `bench-${n}`, title: `Synthetic article ${n}`, published: day(rand(730)), publishedFrom: 'option', timesRelative: false, source: `bench-${n}.txt`, url: null, lang: 'en' },
    text, removed: [], sentences: [], mentions: [], times: [], events, quotes: [], attributions: [], flags: [],
  };
}

async function fill(store: SqliteStore): Promise<number> {
  const t0 = performance.now();
  for (let n = 0; n * PER_ARTICLE < EVENTS; n++) {
    const record = syntheticRecord(n);
    await store.saveAnalysis({ record, contentHash: contentHash(`${n}:${record.text}`), pipelineVersion: 'bench' });
  }
  return (performance.now() - t0) / 1000;
}

/** One filtered events request of the mix: dyad, actor, root+range, quad+dyad, range, modality+actor, dyad+text. */
function filteredPath(): { kind: string; path: string } {
  const c = (): string => COUNTRIES[rand(COUNTRIES.length)];
  const from = rand(600);
  const range = `from=${day(from)}&to=${day(from + 30 + rand(90))}`;
  const kinds = [
    ['dyad', `dyad=${c()}-${c()}`],
    ['actor', `actor=${c()}`],
    ['root+range', `root=${CODES[rand(CODES.length)][0].slice(0, 2)}&${range}`],
    ['quad+dyad', `quad=${1 + rand(4)}&dyad=${c()}-${c()}`],
    ['range', range],
    ['modality+actor', `modality=future&actor=${c().toLowerCase()}-gov`],
    ['dyad+text', `dyad=${c()}-${c()}&text=${['military', 'opposition', 'business', 'republic'][rand(4)]}`],
    ['dyad+offset', `dyad=${c()}-${c()}&limit=20&offset=20`],
  ];
  const [kind, query] = kinds[rand(kinds.length)];
  return { kind, path: `/api/events?${query}` };
}

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** One GET on a kept-alive connection: status and body size (node:http costs the client less CPU than fetch, leaving more to the server). */
function request(agent: Agent, url: string): Promise<{ status: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    get(url, { agent }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes }));
      res.on('error', reject);
    }).on('error', reject);
  });
}

async function load(base: string, total: number): Promise<{ all: number[]; byKind: Map<string, number[]>; wallS: number; errors: number; bytes: number }> {
  const all: number[] = [];
  const byKind = new Map<string, number[]>();
  const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
  let next = 0;
  let errors = 0;
  let bytes = 0;
  const client = async (): Promise<void> => {
    while (next < total) {
      next++;
      const { kind, path } = filteredPath();
      const t0 = performance.now();
      const res = await request(agent, base + path);
      const ms = performance.now() - t0;
      if (res.status !== 200) errors++;
      bytes += res.bytes;
      all.push(ms);
      (byKind.get(kind) ?? byKind.set(kind, []).get(kind)!).push(ms);
      if (THINK) await new Promise((resolve) => setTimeout(resolve, THINK));
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: CLIENTS }, client));
  const wallS = (performance.now() - t0) / 1000;
  agent.destroy();
  return { all, byKind, wallS, errors, bytes };
}

const load1 = (): string => loadavg().map((l) => l.toFixed(2)).join(' ');

const line = (label: string, ms: number[]): string => {
  const s = [...ms].sort((a, b) => a - b);
  return `${label.padEnd(16)} n=${String(s.length).padStart(6)}  p50 ${percentile(s, 50).toFixed(1).padStart(6)} ms  p95 ${percentile(s, 95).toFixed(1).padStart(6)} ms  p99 ${percentile(s, 99).toFixed(1).padStart(6)} ms`;
};

/** `--db FILE` keeps the generated store in FILE and reuses it when it already holds events. */
function dbArg(): string | null {
  const i = process.argv.indexOf('--db');
  return i > 0 ? process.argv[i + 1] : null;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'faultline-bench-api-'));
  const file = dbArg() ?? join(dir, 'bench.db');
  const store = await openSqliteStore(file);
  const reviews = openSqliteReviews(file);
  try {
    const before = (await store.counts()).events;
    const fillS = before ? 0 : await fill(store);
    const counts = await store.counts();
    console.log(`store: ${counts.events} events in ${counts.articles} articles, ${before ? 'reused' : `written in ${fillS.toFixed(1)} s`}`);
    // The server runs in its own process, as it would in production: its CPU time is measured apart from the clients'.
    const server = fork(fileURLToPath(import.meta.url), ['--serve-child', file, '--workers', String(WORKERS)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const url = await ask<string>(server, 'url');
    await load(url, Math.min(500, REQUESTS));
    const loadBefore = load1();
    const serverCpu0 = await ask<NodeJS.CpuUsage>(server, 'cpu');
    const cpu0 = process.cpuUsage();
    const run = await load(url, REQUESTS);
    const cpu = process.cpuUsage(cpu0);
    const serverCpu = await ask<NodeJS.CpuUsage>(server, 'cpu');
    server.disconnect();
    const serverMs = (serverCpu.user + serverCpu.system - serverCpu0.user - serverCpu0.system) / 1000 / run.all.length;
    console.log(`machine: ${cpus().length} CPUs, load average ${loadBefore} before the run, ${load1()} after (1, 5, 15 min)`);
    console.log(`${CLIENTS} concurrent clients${THINK ? ` (pausing ${THINK} ms between requests)` : ' (closed loop)'}, ${WORKERS} server process${WORKERS > 1 ? 'es' : ''}, on ${counts.events} events, ${run.all.length} filtered /api/events requests in ${run.wallS.toFixed(1)} s: ${(run.all.length / run.wallS).toFixed(0)} req/s, ${(run.bytes / run.all.length / 1024).toFixed(1)} KB per answer, ${run.errors} non-200`);
    console.log(`CPU per request: server ${serverMs.toFixed(3)} ms (one core serves at most ${Math.round(1000 / serverMs)} req/s), clients ${((cpu.user + cpu.system) / 1000 / run.all.length).toFixed(3)} ms; a loaded machine stretches wall time, not these`);
    console.log(line('all', run.all));
    for (const [kind, ms] of [...run.byKind].sort(([a], [b]) => a.localeCompare(b))) console.log(line(kind, ms));
    const p95 = percentile([...run.all].sort((a, b) => a - b), 95);
    console.log(p95 < 50 ? `p95 ${p95.toFixed(1)} ms: under the 50 ms target.` : `p95 ${p95.toFixed(1)} ms: OVER the 50 ms target.`);
  } finally {
    await reviews.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Sends `what` to the server process and waits for its answer. */
function ask<T>(child: ChildProcess, what: 'url' | 'cpu'): Promise<T> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null): void => reject(new Error(`the server process exited (${code}) before answering "${what}".`));
    child.once('exit', onExit);
    child.once('message', (m: { what: string; value: T }) => {
      child.off('exit', onExit);
      resolve(m.value);
    });
    child.send(what);
  });
}

/** The server process: opens the store, serves it on a free loopback port, and answers the parent's questions (its URL, its CPU time). */
async function serveChild(file: string): Promise<void> {
  if (WORKERS > 1 && cluster.isPrimary) return superviseChild(file);
  const store = await openSqliteStore(file);
  const reviews = openSqliteReviews(file);
  const server = await listen(createApp({ store, reviews, pipelineVersion: 'bench', publicDir: null }), 0);
  process.on('message', (what: string) => process.send!({ what, value: what === 'url' ? server.url : process.cpuUsage() }));
  if (!cluster.isWorker) process.on('disconnect', () => process.exit(0));
}

/** With --workers N: N cluster workers share one port; the URL is the first one's, the CPU time the sum of theirs. */
async function superviseChild(file: string): Promise<void> {
  cluster.setupPrimary({ exec: fileURLToPath(import.meta.url), args: ['--serve-child', file, '--workers', String(WORKERS)] });
  const workers = Array.from({ length: WORKERS }, () => cluster.fork());
  const urls = await Promise.all(workers.map((w) => new Promise<string>((resolve) => {
    w.once('message', (m: { value: string }) => resolve(m.value));
    w.once('listening', () => w.send('url'));
  })));
  const cpuOf = (w: (typeof workers)[number]): Promise<NodeJS.CpuUsage> => new Promise((resolve) => {
    w.once('message', (m: { value: NodeJS.CpuUsage }) => resolve(m.value));
    w.send('cpu');
  });
  process.on('message', async (what: string) => {
    if (what === 'url') return process.send!({ what, value: urls[0] });
    const all = await Promise.all(workers.map(cpuOf));
    process.send!({ what, value: { user: all.reduce((n, c) => n + c.user, 0), system: all.reduce((n, c) => n + c.system, 0) } });
  });
  process.on('disconnect', () => {
    for (const w of workers) w.kill();
    process.exit(0);
  });
}

const child = process.argv.indexOf('--serve-child');
if (child > 0) await serveChild(process.argv[child + 1]);
else await main();
