// `npm run eval`: scores Faultline against the gold sets in ../shared/eval and checks the floors.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { packageRoot } from '../data/paths.js';
import { loadKnowledge } from '../pipeline/analyze.js';
import { figures, ratio, runEval, type EvalResult } from './run.js';
import type { Tally } from './score.js';

interface Args {
  shared: string;
  gold?: string;
  sentences?: string;
  json?: string;
  floors: string | null;
  verbose: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = {
    shared: process.env.FAULTLINE_SHARED ?? resolve(packageRoot, '..', 'shared'),
    floors: join(packageRoot, 'eval', 'floors.json'),
    verbose: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--shared') args.shared = resolve(next());
    else if (a === '--gold') args.gold = resolve(next());
    else if (a === '--sentences') args.sentences = resolve(next());
    else if (a === '--json') args.json = argv[i + 1] && !argv[i + 1].startsWith('--') ? next() : 'eval-results.json';
    else if (a === '--floors') args.floors = resolve(next());
    else if (a === '--no-floors') args.floors = null;
    else if (a === '--verbose' || a === '-v') args.verbose = true;
    else if (a === '--help' || a === '-h') {
      process.stdout.write('usage: npm run eval -- [--shared DIR] [--gold DIR] [--sentences DIR] [--json [FILE]] [--floors FILE | --no-floors] [--verbose]\n');
      process.exit(0);
    } else throw new Error(`unknown option ${a}`);
  }
  return args;
}

const ROWS: [string, string][] = [
  ['mentions', 'mentions resolved'],
  ['coreference', 'coreference links'],
  ['times', 'times'],
  ['eventRecall', 'event recall (required)'],
  ['eventPrecision', 'event precision'],
  ['eventF1', 'event F1'],
  ['eventDates', 'event dates'],
  ['eventModality', 'event modality'],
  ['quotes', 'quotes'],
  ['attributions', 'attributions'],
  ['flags', 'flags'],
  ['boilerplate', 'boilerplate removed'],
];
const SENTENCE_ROWS: [string, string][] = [
  ['rootRecall', 'root recall'],
  ['codeRecall', 'full-code recall'],
  ['actorRootRecall', 'actor+root recall'],
  ['actorMentions', 'actor codes found in sentence'],
];

function cell(t: Tally | undefined, value: number | null | undefined): string {
  if (value === null || value === undefined) return '-';
  const pct = `${(value * 100).toFixed(1)}%`;
  return t ? `${t.hit}/${t.total} ${pct}` : pct;
}

function printTable(result: EvalResult, figs: Record<string, number | null>): void {
  const groups = Object.keys(result.articles);
  const w = 34;
  const cw = 20;
  const lines: string[] = [];
  lines.push(`${'articles'.padEnd(w)}${groups.map((g) => `${g} (${result.articles[g].count})`.padEnd(cw)).join('')}`);
  for (const [key, label] of ROWS) {
    const cells = groups.map((g) => {
      const s = result.articles[g] as unknown as Record<string, Tally>;
      return cell(key === 'eventF1' ? undefined : s[key], figs[`${g}.${key}`]).padEnd(cw);
    });
    lines.push(`${label.padEnd(w)}${cells.join('')}`);
  }
  const sets = Object.keys(result.sentences);
  if (sets.length) {
    lines.push('', `${'sentence sets'.padEnd(w)}${sets.map((s) => `${s} (${result.sentences[s].count})`.padEnd(cw + 4)).join('')}`);
    for (const [key, label] of SENTENCE_ROWS) {
      const cells = sets.map((s) => cell((result.sentences[s] as unknown as Record<string, Tally>)[key], figs[`${s}.${key}`]).padEnd(cw + 4));
      lines.push(`${label.padEnd(w)}${cells.join('')}`);
    }
  }
  lines.push('', `(${result.seconds.toFixed(1)} s)`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

function checkFloors(file: string, figs: Record<string, number | null>): string[] {
  const floors = JSON.parse(readFileSync(file, 'utf8')) as Record<string, number>;
  const failures: string[] = [];
  for (const [key, floor] of Object.entries(floors)) {
    if (key.startsWith('_')) continue;
    const v = figs[key];
    if (v === null || v === undefined) failures.push(`${key}: no figure (floor ${floor})`);
    else if (v + 1e-9 < floor) failures.push(`${key}: ${(v * 100).toFixed(1)}% is below the floor of ${(floor * 100).toFixed(1)}%`);
  }
  return failures;
}

function main(): number {
  const args = parseArgs(process.argv.slice(2));
  const goldDir = args.gold ?? join(args.shared, 'eval', 'gold');
  const sentencesDir = args.sentences ?? join(args.shared, 'eval', 'sentences');
  if (!existsSync(goldDir) && !existsSync(sentencesDir)) {
    process.stdout.write(`eval: no gold sets at ${goldDir} or ${sentencesDir} (../shared is not here); nothing to score.\n`);
    return 0;
  }
  const result = runEval({ shared: args.shared, goldDir, sentencesDir }, loadKnowledge());
  const figs = figures(result);
  printTable(result, figs);
  if (args.verbose) {
    for (const [g, s] of Object.entries(result.articles)) {
      if (g !== 'seed' && !args.verbose) continue;
      process.stdout.write(`\nmisses (${g}):\n${s.misses.map((m) => `  ${m}`).join('\n')}\n`);
    }
  }
  if (args.json) {
    writeFileSync(args.json, `${JSON.stringify({ figures: figs, counts: result }, null, 2)}\n`);
    process.stdout.write(`figures written to ${args.json}\n`);
  }
  if (args.floors && existsSync(args.floors)) {
    const failures = checkFloors(args.floors, figs);
    if (failures.length) {
      process.stdout.write(`\nBELOW THE FLOORS (${args.floors}):\n${failures.map((f) => `  ${f}`).join('\n')}\n`);
      return 1;
    }
    process.stdout.write(`all figures at or above the floors in ${args.floors}\n`);
  }
  return 0;
}

try {
  process.exitCode = main();
} catch (err) {
  process.stderr.write(`eval: ${(err as Error).message}\n`);
  process.exitCode = 2;
}
