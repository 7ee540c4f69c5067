// `npm run bench:store`: ingest throughput into SQLite against analysis alone, and dyad+date query latency over 1,000,000 events.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeArticle, loadKnowledge } from '../pipeline/analyze.js';
import { toRecord } from '../pipeline/record.js';
import { parseJsonl } from '../ingest/jsonl.js';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';
import { ingestPaths } from '../store/ingest.js';
import { fixtureEvent, fixtureRecord, fixtureSave } from '../store/fixtures.js';
import type { AnalysisRecord } from '../store/types.js';
import type { RawArticle } from '../model/types.js';

const CORPUS = process.argv[2] ?? new URL('../../../shared/corpus/wikinews/wikinews-2019.jsonl', import.meta.url).pathname;
const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const PER_ARTICLE = 250;
const QUERIES = 200;
const CODES = ['RUS', 'UKR', 'USA', 'PUTIN'];

async function benchIngest(dir: string): Promise<void> {
  const knowledge = loadKnowledge();
  const analyze = (raw: RawArticle): AnalysisRecord => toRecord(analyzeArticle(raw, knowledge)) as unknown as AnalysisRecord;
  const raws = [...parseJsonl(readFileSync(CORPUS, 'utf8'), CORPUS)].flatMap((i) => (i.raw ? [i.raw] : []));
  const bytes = raws.reduce((n, r) => n + Buffer.byteLength(r.body), 0);
  for (const raw of raws) analyze(raw);
  let t0 = performance.now();
  for (const raw of raws) analyze(raw);
  const analyzeS = (performance.now() - t0) / 1000;
  const store = await openSqliteStore(join(dir, 'ingest.db'));
  t0 = performance.now();
  const summary = await ingestPaths([CORPUS], store, { analyze, pipelineVersion: 'bench' });
  const ingestS = (performance.now() - t0) / 1000;
  t0 = performance.now();
  await ingestPaths([CORPUS], store, { analyze, pipelineVersion: 'bench' });
  const againS = (performance.now() - t0) / 1000;
  await store.close();
  const mb = bytes / 1e6;
  console.log(`analysis alone: ${raws.length} articles, ${(mb / analyzeS).toFixed(2)} MB/s`);
  console.log(`ingest into SQLite: ${summary.stored} stored, ${summary.events} events, ${(mb / ingestS).toFixed(2)} MB/s = ${((100 * analyzeS) / ingestS).toFixed(0)}% of analysis throughput`);
  console.log(`re-ingest (all skipped): ${againS.toFixed(2)} s`);
}

function day(n: number): string {
  return new Date(Date.UTC(2020, 0, 1) + n * 86400000).toISOString().slice(0, 10);
}

async function benchQuery(dir: string): Promise<void> {
  const store = await openSqliteStore(join(dir, 'query.db'));
  let seed = 7;
  const rand = (n: number): number => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
  let t0 = performance.now();
  for (let a = 0; a * PER_ARTICLE < EVENTS; a++) {
    const events = Array.from({ length: PER_ARTICLE }, () => {
      const s = CODES[rand(CODES.length)];
      const t = CODES[rand(CODES.length)];
      return fixtureEvent(s, t === s ? null : t, ['112', '040', '138', '190'][rand(4)], day(rand(1096)));
    });
    await store.saveAnalysis(fixtureSave(fixtureRecord(`b${a}`, `bench article ${a}`, events)));
  }
  const loadS = (performance.now() - t0) / 1000;
  const pairs = [['RUS', 'UKR'], ['USA', 'RUS'], ['UKR', 'USA']];
  const time = async (query: (i: number) => Parameters<typeof store.queryEvents>[0]): Promise<number[]> => {
    const times: number[] = [];
    for (let i = 0; i < QUERIES; i++) {
      const q = query(i);
      t0 = performance.now();
      await store.queryEvents(q);
      times.push(performance.now() - t0);
    }
    return times.sort((x, y) => x - y);
  };
  const ranged = await time((i) => {
    const from = rand(1066);
    return { dyad: pairs[i % pairs.length].join('-'), from: day(from), to: day(from + 30), limit: 1000 };
  });
  // A first page with no date range: the list order (day, undated last) must come from the index, not a sort of every match.
  const firstPage = await time((i) => ({ dyad: pairs[i % pairs.length].join('-'), limit: 100, offset: (i % 4) * 100 }));
  const counts = await store.counts();
  await store.close();
  const pct = (times: number[], p: number): string => times[Math.min(times.length - 1, Math.floor(p * times.length))].toFixed(2);
  console.log(`stored ${counts.events} events in ${loadS.toFixed(1)} s (${Math.round(counts.events / loadS)} events/s)`);
  console.log(`dyad + 31-day query over ${counts.events} events: p50 ${pct(ranged, 0.5)} ms, p95 ${pct(ranged, 0.95)} ms (${QUERIES} queries)`);
  console.log(`dyad, one page of 100 in list order, no range: p50 ${pct(firstPage, 0.5)} ms, p95 ${pct(firstPage, 0.95)} ms (${QUERIES} queries)`);
}

const dir = mkdtempSync(join(tmpdir(), 'faultline-bench-store-'));
try {
  await benchIngest(dir);
  await benchQuery(dir);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
