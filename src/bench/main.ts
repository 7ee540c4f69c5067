// `npm run bench`: end-to-end throughput and memory over the Wikinews corpus, against wink-nlp alone.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { packageRoot } from '../data/paths.js';
import { fromText } from '../ingest/text.js';
import { analyzeArticle, loadKnowledge, type StageTimings } from '../pipeline/analyze.js';
import { WINK_PIPE } from '../nlp/nlp.js';
import { buildKnowledgeBase, loadKnowledgeBase } from '../actors/kb.js';

const MIN_BYTES = 5 * 1024 * 1024;

interface Item {
  id: string;
  text: string;
  published: string | null;
}

function loadCorpus(file: string): Item[] {
  const items = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Item);
  const out: Item[] = [];
  let bytes = 0;
  for (let round = 0; bytes < MIN_BYTES; round++) {
    for (const it of items) {
      out.push({ ...it, id: `${it.id}#${round}` });
      bytes += Buffer.byteLength(it.text);
    }
  }
  return out;
}

function cpuSeconds(usage: NodeJS.CpuUsage): number {
  return (usage.user + usage.system) / 1e6;
}

function actorsShare(timings: StageTimings): string {
  const actors = timings.actors ?? 0;
  const rest = Object.entries(timings).reduce((n, [k, v]) => (k === 'actors' ? n : n + v), 0);
  return rest > 0 ? `${((100 * actors) / rest).toFixed(1)}%` : 'n/a';
}

function mb(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(2);
}

function main(): number {
  const shared = process.env.FAULTLINE_SHARED ?? resolve(packageRoot, '..', 'shared');
  const file = process.argv[2] ?? join(shared, 'corpus', 'wikinews', 'wikinews-2019.jsonl');
  if (!existsSync(file)) {
    process.stdout.write(`bench: no corpus at ${file} (../shared is not here); nothing to measure.\n`);
    return 0;
  }
  const t0 = performance.now();
  const knowledge = loadKnowledge();
  const loadMs = performance.now() - t0;
  // The knowledge base alone: built from its files, then read back from its compiled cache.
  const tb = performance.now();
  buildKnowledgeBase();
  const buildMs = performance.now() - tb;
  const tc = performance.now();
  const again = loadKnowledgeBase();
  const cacheMs = performance.now() - tc;
  const items = loadCorpus(file);
  const bytes = items.reduce((n, it) => n + Buffer.byteLength(it.text), 0);

  for (const it of items.slice(0, 20)) analyzeArticle(fromText(it.text, { source: it.id, id: it.id, published: it.published }), knowledge);

  const timings: StageTimings = {};
  let tokens = 0;
  let events = 0;
  const t1 = performance.now();
  const c1 = process.cpuUsage();
  for (const it of items) {
    const doc = analyzeArticle(fromText(it.text, { source: it.id, id: it.id, published: it.published }), knowledge, timings);
    tokens += doc.tokens.length;
    events += doc.events.length;
  }
  const ours = (performance.now() - t1) / 1000;
  const oursCpu = cpuSeconds(process.cpuUsage(c1));

  const nlp = winkNLP(model, WINK_PIPE);
  const t2 = performance.now();
  const c2 = process.cpuUsage();
  let floorTokens = 0;
  for (const it of items) {
    const tokens = nlp.readDoc(it.text).tokens();
    tokens.out(nlp.its.pos);
    floorTokens += (tokens.out(nlp.its.lemma as never) as unknown as string[]).length;
  }
  const floor = (performance.now() - t2) / 1000;
  const floorCpu = cpuSeconds(process.cpuUsage(c2));

  const rss = process.resourceUsage().maxRSS * 1024;
  const lines = [
    `corpus: ${items.length} articles, ${mb(bytes)} MB (${file})`,
    `knowledge loaded in ${loadMs.toFixed(0)} ms (first load, knowledge base ${knowledge.kb.cached ? 'from its compiled cache' : 'built from its files'}); knowledge base alone: built from its files ${buildMs.toFixed(0)} ms, ${again.cached ? `from its cache ${cacheMs.toFixed(0)} ms` : 'no cache (FAULTLINE_CACHE=0 or unwritable)'}`,
    `faultline: ${(items.length / ours).toFixed(1)} articles/s, ${(bytes / 1024 / 1024 / ours).toFixed(2)} MB/s, ${Math.round(tokens / ours)} tokens/s, ${events} events, ${ours.toFixed(2)} s`,
    `wink-nlp alone (floor): ${(bytes / 1024 / 1024 / floor).toFixed(2)} MB/s, ${Math.round(floorTokens / floor)} tokens/s, ${floor.toFixed(2)} s`,
    `ratio ours/floor (time): ${(ours / floor).toFixed(2)}x`,
    // CPU seconds of the whole process (GC and compiler threads included): steadier than wall time
    // when other processes share the cores.
    `cpu: faultline ${oursCpu.toFixed(2)} s, floor ${floorCpu.toFixed(2)} s, ratio ${(oursCpu / floorCpu).toFixed(2)}x`,
    `stages (ms): ${Object.entries(timings).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ')}`,
    // Issue 3's limit: resolving all mentions (the actors stage) adds at most 25% to the rest of the analysis.
    `actors stage: adds ${actorsShare(timings)} to the other stages' time`,
    `peak RSS: ${mb(rss)} MB`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

process.exitCode = main();
