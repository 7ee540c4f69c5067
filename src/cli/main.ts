#!/usr/bin/env node
// The faultline command: parses the command line and hands each command to its file.
import { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { packageRoot } from '../data/paths.js';
import { registerAnalyze } from './analyze.js';
import { registerIngest } from './ingest.js';
import { registerEvents } from './events.js';
import { registerExport } from './export.js';
import { registerKb } from './kb.js';
import { registerWatch } from './watch.js';
import { registerReanalyze } from './reanalyze.js';
import { registerServe } from './serve.js';
import { applyConfig, CONFIG_FILE } from './config.js';

const pkg = JSON.parse(readFileSync(`${packageRoot}package.json`, 'utf8')) as { version: string };

const program = new Command();
program
  .name('faultline')
  .description('News articles in, coded political events out: actors, CAMEO/PLOVER events, dates, places, quotes and their evidence.')
  .version(pkg.version)
  .option('--config <file>', `configuration file (default: $FAULTLINE_CONFIG, else ./${CONFIG_FILE} when present)`)
  .option('--kb <dir...>', 'extra knowledge-base folders of entity files (format: data/actors/README.md), for every command')
  .showHelpAfterError()
  .hook('preAction', (_program, command) => {
    applyConfig(program, command);
  });

registerAnalyze(program);
registerIngest(program);
registerEvents(program);
registerExport(program);
registerKb(program);
registerWatch(program);
registerReanalyze(program);
registerServe(program);

program.parseAsync(process.argv).catch((err: unknown) => {
  process.stderr.write(`faultline: ${(err as Error).message}\n`);
  process.exitCode = 2;
});
