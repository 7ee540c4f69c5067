// `faultline analyze`: analyse articles and print their analysis records.
import type { Command } from 'commander';
import { readInputs } from '../ingest/index.js';
import { checkDate } from '../ingest/date.js';
import { analyzeArticle, loadKnowledge } from '../pipeline/analyze.js';
import { toRecord } from '../pipeline/record.js';
import { formatTable } from './format-table.js';
import { FaultlineError } from '../errors.js';
import { knowledgeOptions } from './config.js';

interface AnalyzeOptions {
  jsonl?: boolean;
  published?: string;
  format?: string;
  explain?: boolean;
  data?: string[];
}

const FORMATS = new Set(['json', 'jsonl', 'table']);

/** Adds the analyze command to the program. */
export function registerAnalyze(program: Command): void {
  program
    .command('analyze')
    .description('analyse articles (files, URLs, "-" for stdin) and print their analysis records')
    .argument('[inputs...]', 'text or HTML files, URLs, or - for standard input')
    .option('--jsonl', 'inputs are JSON Lines: {"id","text","published"?,"title"?,"url"?,"source"?} per line')
    .option('--published <date>', 'publication date YYYY-MM-DD for every input (else: JSON field, dateline, HTML meta)')
    .option('--format <format>', 'json (one input), jsonl (one record per line) or table', '')
    .option('--explain', 'add to each event the pattern that fired, the roles found and where its date came from')
    .option('--data <dir...>', 'extra data folders (actors/, lexicon/, clean/) that extend the built-in ones')
    .action(async (inputs: string[], options: AnalyzeOptions) => {
      process.exitCode = await runAnalyze(inputs, options);
    });
}

async function runAnalyze(inputs: string[], options: AnalyzeOptions): Promise<number> {
  if (inputs.length === 0) {
    process.stderr.write('faultline analyze: name at least one input (a file, a URL, or - for standard input).\n');
    return 2;
  }
  const format = options.format || (inputs.length > 1 || options.jsonl ? 'jsonl' : 'json');
  if (!FORMATS.has(format)) {
    process.stderr.write(`faultline analyze: --format must be json, jsonl or table (got "${format}").\n`);
    return 2;
  }
  let published: string | null = null;
  try {
    published = options.published ? checkDate(options.published, '--published') : null;
  } catch (err) {
    process.stderr.write(`faultline analyze: ${(err as Error).message}\n`);
    return 2;
  }
  const knowledge = loadKnowledge(knowledgeOptions(options));
  let failed = 0;
  let records = 0;
  for await (const item of readInputs(inputs, { jsonl: options.jsonl, published })) {
    if (item.error) {
      failed++;
      process.stderr.write(`faultline analyze: ${item.error.message}\n`);
      continue;
    }
    try {
      const doc = analyzeArticle(item.raw, knowledge);
      const record = toRecord(doc, { explain: options.explain });
      records++;
      if (format === 'table') process.stdout.write(formatTable(doc, { explain: options.explain }));
      else if (format === 'json') process.stdout.write(`${JSON.stringify(record, null, 2)}\n`);
      else process.stdout.write(`${JSON.stringify(record)}\n`);
    } catch (err) {
      failed++;
      const what = err instanceof FaultlineError ? err.message : `analysis failed (${(err as Error).stack ?? err})`;
      process.stderr.write(`faultline analyze: ${item.source}: ${what}\n`);
    }
  }
  if (failed) process.stderr.write(`faultline analyze: ${failed} input(s) failed, ${records} analysed.\n`);
  return failed ? 1 : 0;
}
