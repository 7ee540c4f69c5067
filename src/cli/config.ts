// The configuration file: `faultline.config.json` in the working folder, or the file named by
// `--config FILE` / $FAULTLINE_CONFIG. It sets defaults for options the command line can override.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { ConfigError } from '../errors.js';
import type { KnowledgeOptions } from '../pipeline/analyze.js';

/** The default name of the configuration file, looked for in the working folder. */
export const CONFIG_FILE = 'faultline.config.json';

const schema = z.object({
  kb: z.array(z.string().min(1)).optional().describe('extra knowledge-base folders (entity files, format of data/actors/README.md)'),
  data: z.array(z.string().min(1)).optional().describe('extra data folders holding actors/, lexicon/, quotes/, clean/'),
  db: z.string().min(1).optional().describe('SQLite database file'),
  pg: z.string().min(1).optional().describe('PostgreSQL connection URL'),
  token: z.string().min(1).optional().describe('token that writes to the HTTP API must carry'),
  readToken: z.string().min(1).optional().describe('token that reads from the HTTP API must carry'),
  port: z.number().int().min(1).max(65535).optional().describe('HTTP port of `faultline serve`'),
}).strict();

/** A loaded configuration: folder paths are absolute (relative ones are read from the file's folder). */
export type CliConfig = z.infer<typeof schema> & { file: string | null };

let current: CliConfig = { file: null };
let globalKb: string[] = [];

/** Reads a configuration file; a bad file is a ConfigError naming the file and the key. */
export function readConfig(file: string): CliConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    const why = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message;
    throw new ConfigError('config-invalid', `${file}: cannot read the configuration (${why}).`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.length ? `"${issue.path.join('.')}"` : 'the file';
    const what = issue.code === 'unrecognized_keys' ? `unknown key(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}; known keys: ${Object.keys(schema.shape).join(', ')}` : issue.message;
    throw new ConfigError('config-invalid', `${file}: ${where}: ${what}.`);
  }
  const base = dirname(resolve(file));
  const abs = (dirs: string[] | undefined): string[] | undefined => dirs?.map((d) => resolve(base, d));
  const db = parsed.data.db ? resolve(base, parsed.data.db) : undefined;
  return { ...parsed.data, kb: abs(parsed.data.kb), data: abs(parsed.data.data), ...(db ? { db } : {}), file: resolve(file) };
}

/** The configuration file in use: the one named, $FAULTLINE_CONFIG, or ./faultline.config.json when present. */
export function findConfig(named: string | undefined, env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string | null {
  if (named) return named;
  if (env.FAULTLINE_CONFIG) return env.FAULTLINE_CONFIG;
  const local = resolve(cwd, CONFIG_FILE);
  return existsSync(local) ? local : null;
}

/** Knowledge-base folders from the configuration and the global --kb option, for every command that analyses. */
export function configuredKbDirs(): string[] {
  return [...(current.kb ?? []), ...globalKb];
}

/** The user's folders a command reads knowledge from: data folders (actors/, lexicon/, quotes/, clean/) and knowledge-base folders. */
export type CliKnowledge = Required<KnowledgeOptions>;

/**
 * The knowledge options of every command that analyses articles or resolves names: its `--data` folders
 * (the configuration's `data` first, put there by applyConfig) and the knowledge-base folders of the
 * configuration's `kb` and `--kb`, as absolute paths. A folder that does not exist stops the command here, before any work,
 * also for `serve`, which loads the knowledge only when the first article arrives.
 */
export function knowledgeOptions(options: { data?: string[] }): CliKnowledge {
  // A folder named twice (in the file and on the command line) is read once.
  const once = (dirs: string[]): string[] => [...new Set(dirs.map((d) => resolve(d)))];
  const dataDirs = once(options.data ?? []);
  const kbDirs = once(configuredKbDirs());
  for (const d of dataDirs) {
    if (!existsSync(d)) throw new ConfigError('data-dir-missing', `${d}: no such data folder; --data takes a folder holding actors/, lexicon/ or clean/.`);
  }
  for (const d of kbDirs) {
    if (!existsSync(d)) throw new ConfigError('KB_MISSING', `${d}: cannot read the knowledge-base folder; check the path.`);
  }
  return { dataDirs, kbDirs };
}

/** The folders of entity files these options add to the built-in ones, as loadKnowledge reads them: each data folder's actors/, then the knowledge-base folders. */
export function entityFolders(k: CliKnowledge): string[] {
  return [...k.dataDirs.map((d) => join(d, 'actors')).filter((d) => existsSync(d)), ...k.kbDirs];
}

/** The configuration loaded for this run. */
export function activeConfig(): CliConfig {
  return current;
}

const KEYS = ['data', 'db', 'pg', 'token', 'readToken', 'port'] as const;

/**
 * Loads the configuration before a command runs and fills in the options the command has but
 * the command line did not set; `--data` gets the configured folders first. Knowledge-base folders
 * (`kb` here, the global `--kb` option) are read through configuredKbDirs().
 */
export function applyConfig(program: Command, command: Command): void {
  const opts = program.opts<{ config?: string; kb?: string[] }>();
  const file = findConfig(opts.config);
  current = file ? readConfig(file) : { file: null };
  globalKb = opts.kb ?? [];
  for (const key of KEYS) {
    const value = current[key];
    if (value === undefined || !command.options.some((o) => o.attributeName() === key)) continue;
    const given = command.getOptionValueSource(key) === 'cli' ? command.getOptionValue(key) as unknown : undefined;
    if (Array.isArray(value)) {
      command.setOptionValueWithSource(key, [...value, ...(Array.isArray(given) ? given : [])], 'config');
    } else if (given === undefined) {
      command.setOptionValueWithSource(key, key === 'port' ? String(value) : value, 'config');
    }
  }
}
