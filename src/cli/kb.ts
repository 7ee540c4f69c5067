// `faultline kb lookup NAME [--date YYYY-MM-DD]`: what a name resolves to in the knowledge base, and why.
// `faultline kb import-wikidata FILE`: Wikidata entity records → a knowledge-base file of ours.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type { Command } from 'commander';
import { loadKnowledgeBase, lookupName, officesOn } from '../actors/index.js';
import type { KnowledgeBase, NameCandidate } from '../actors/index.js';
import { importWikidata, parseWikidataMap, parseWikidataRecords, type WikidataMap } from '../actors/wikidata.js';
import { checkDate } from '../ingest/date.js';
import { dataPath } from '../data/paths.js';
import { ConfigError, FaultlineError } from '../errors.js';
import { entityFolders, knowledgeOptions } from './config.js';

interface LookupOptions {
  date?: string;
  json?: boolean;
  data?: string[];
}

const DATA_HELP = 'extra data folders whose actors/ extend the knowledge base, as for analyze';

/** Adds the `kb` command group (lookup) to the program. */
export function registerKb(program: Command): void {
  const kb = program.command('kb').description('inspect the actor knowledge base');
  kb.command('lookup')
    .description('show the candidates a name resolves to, with scores and reasons')
    .argument('<name...>', 'the name as written in an article')
    .option('--date <date>', 'the day to resolve offices on (YYYY-MM-DD)')
    .option('--json', 'print the candidates as JSON')
    .option('--data <dir...>', DATA_HELP)
    .action((name: string[], options: LookupOptions) => {
      process.exitCode = runLookup(name.join(' '), options);
    });
  kb.command('import-wikidata')
    .description('convert Wikidata entity records (P31, P27, P39 with P580/P582, labels, aliases) into a knowledge-base file')
    .argument('<file>', 'Wikidata JSON: Special:EntityData output, an array, a dump (one entity per line) or JSON Lines')
    .option('-o, --out <file>', 'write the knowledge-base file here (default: standard output); put it in a folder given to --kb')
    .option('--languages <list>', 'label languages, first preferred, the others become aliases', 'en')
    .option('--map <file>', 'extra class/country/position/role mappings (format of data/wikidata/map.json)')
    .option('--keep-known', 'also import entities the knowledge base already knows by the same name')
    .option('--data <dir...>', DATA_HELP)
    .action((file: string, options: ImportCliOptions) => {
      process.exitCode = runImport(file, options);
    });
}

interface ImportCliOptions {
  out?: string;
  languages: string;
  map?: string;
  keepKnown?: boolean;
  data?: string[];
}

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8')) as unknown;
}

/** Our mapping, with a user's mapping file over it. */
function loadMap(userFile: string | undefined): WikidataMap {
  const ours = dataPath('wikidata', 'map.json');
  const base = parseWikidataMap(readJson(ours), ours);
  if (!userFile) return base;
  let raw: unknown;
  try {
    raw = readJson(userFile);
  } catch (err) {
    throw new ConfigError('WIKIDATA_MAP_INVALID', `${userFile}: cannot read the mapping file (${(err as Error).message}).`);
  }
  return parseWikidataMap(raw, userFile, base);
}

function runImport(file: string, options: ImportCliOptions): number {
  const say = (line: string): void => { process.stderr.write(`faultline kb import-wikidata: ${line}\n`); };
  try {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (err) {
      say(`${file}: cannot read the file (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}).`);
      return 1;
    }
    const map = loadMap(options.map);
    const languages = options.languages.split(',').map((l) => l.trim()).filter(Boolean);
    const kb = loadKnowledgeBase(entityFolders(knowledgeOptions(options)));
    const items = parseWikidataRecords(text, file);
    const { entities, report } = importWikidata(items, map, kb, { languages, keepKnown: options.keepKnown });
    const out = { description: `Imported by faultline kb import-wikidata from ${basename(file)} (${new Date().toISOString().slice(0, 10)}).`, entities };
    // The file must load beside the built-in knowledge base: check it the way a --kb folder is read.
    const probe = mkdtempSync(join(tmpdir(), 'faultline-kb-'));
    try {
      writeFileSync(join(probe, 'imported.json'), JSON.stringify(out));
      loadKnowledgeBase([probe]);
    } finally {
      rmSync(probe, { recursive: true, force: true });
    }
    const json = `${JSON.stringify(out, null, 2)}\n`;
    if (options.out) {
      mkdirSync(dirname(options.out), { recursive: true });
      writeFileSync(options.out, json);
    } else {
      process.stdout.write(json);
    }
    const kinds = Object.entries(report.written).map(([k, n]) => `${n} ${k}`).join(', ') || 'nothing';
    say(`read ${report.read} record(s); wrote ${kinds}${options.out ? ` to ${options.out}` : ''}; skipped ${report.skipped.length}; left out ${report.officesDropped.length} office(s).`);
    for (const s of report.skipped) say(`  skipped ${s.id}: ${s.reason}`);
    for (const o of report.officesDropped) say(`  office ${o.position} of ${o.id} left out: ${o.reason}`);
    return entities.length ? 0 : 1;
  } catch (err) {
    if (err instanceof FaultlineError) {
      say(err.message);
      return err.code.startsWith('input') ? 1 : 2;
    }
    throw err;
  }
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
  const kb = loadKnowledgeBase(entityFolders(knowledgeOptions(options)));
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
