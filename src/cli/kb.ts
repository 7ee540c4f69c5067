// `faultline kb lookup NAME [--date YYYY-MM-DD]`: what a name resolves to in the knowledge base, and why.
import type { Command } from 'commander';
import { loadKnowledgeBase, lookupName, officesOn } from '../actors/index.js';
import type { KnowledgeBase, NameCandidate } from '../actors/index.js';
import { checkDate } from '../ingest/date.js';

interface LookupOptions {
  date?: string;
  kb?: string[];
  json?: boolean;
}

/** Adds the `kb` command group (lookup) to the program. */
export function registerKb(program: Command): void {
  const kb = program.command('kb').description('inspect the actor knowledge base');
  kb.command('lookup')
    .description('show the candidates a name resolves to, with scores and reasons')
    .argument('<name...>', 'the name as written in an article')
    .option('--date <date>', 'the day to resolve offices on (YYYY-MM-DD)')
    .option('--kb <dir...>', 'extra folders of entity files that extend the built-in knowledge base')
    .option('--json', 'print the candidates as JSON')
    .action((name: string[], options: LookupOptions) => {
      process.exitCode = runLookup(name.join(' '), options);
    });
}

function runLookup(name: string, options: LookupOptions): number {
  let date: string | null = null;
  try {
    date = options.date ? checkDate(options.date, '--date') : null;
  } catch (err) {
    process.stderr.write(`faultline kb lookup: ${(err as Error).message}\n`);
    return 2;
  }
  const t0 = performance.now();
  const kb = loadKnowledgeBase(options.kb ?? []);
  const loadMs = performance.now() - t0;
  const found = lookupName(kb, name, date);
  if (options.json) {
    process.stdout.write(`${JSON.stringify(found.map((c) => describe(kb, c, date)), null, 2)}\n`);
    return found.length ? 0 : 1;
  }
  process.stdout.write(`"${name}"${date ? ` on ${date}` : ''}: ${found.length} candidate(s) (knowledge base loaded in ${loadMs.toFixed(0)} ms)\n`);
  for (const c of found.slice(0, 10)) process.stdout.write(formatCandidate(kb, c, date));
  return found.length ? 0 : 1;
}

function describe(kb: KnowledgeBase, c: NameCandidate, date: string | null): Record<string, unknown> {
  const e = c.entity;
  const office = e.kind === 'person' ? officesOn(e, date)[0] ?? null : null;
  return {
    id: e.id, name: e.name, kind: e.kind, score: Number(c.score.toFixed(3)), reason: c.reason,
    country: office?.for ?? e.country, sector: office?.sector ?? e.sector, offices: c.offices,
    ...(e.metonymOf ? { standsFor: kb.entities.get(e.metonymOf)?.name ?? e.metonymOf } : {}),
  };
}

function formatCandidate(kb: KnowledgeBase, c: NameCandidate, date: string | null): string {
  const d = describe(kb, c, date);
  const why = { exact: 'canonical name', alias: 'known alias', surname: 'surname only', fuzzy: 'close spelling' }[c.reason];
  const offices = c.offices.length ? `; holds ${c.offices.join(', ')}` : '';
  const stands = d.standsFor ? `; stands for ${String(d.standsFor)}` : '';
  return `  ${c.score.toFixed(2)}  ${c.entity.name} [${c.entity.id}] ${c.entity.kind} ${String(d.country ?? '-')}/${String(d.sector ?? '-')} (${why}${offices}${stands})\n`;
}
