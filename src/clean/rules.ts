// Loading the line-level boilerplate rules (data/clean/*.json, plus users' own files).
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../errors.js';
import { dataPath } from '../data/paths.js';

/** One compiled boilerplate rule. */
export interface CleanRule {
  re: RegExp;
  reason: 'boilerplate' | 'comment-form' | 'share' | 'cookie' | 'related' | 'navigation';
  /** Drop this line and everything after it (comment sections, footers). */
  cutRest: boolean;
  /** Only applies in the last part of the article. */
  tailOnly: boolean;
  /** Lines with more words than this are never boilerplate under this rule. */
  maxWords: number;
}

/** The rules the clean stage applies. */
export interface CleanRules {
  rules: CleanRule[];
}

const REASONS = new Set(['boilerplate', 'comment-form', 'share', 'cookie', 'related', 'navigation']);

/** Loads the built-in rules and those in `extraDirs` (every *.json file with a `rules` array). */
export function loadCleanRules(extraDirs: string[] = []): CleanRules {
  const files = [dataPath('clean', 'boilerplate.json')];
  for (const dir of extraDirs) {
    const sub = existsSync(join(dir, 'clean')) ? join(dir, 'clean') : null;
    if (sub) for (const f of readdirSync(sub).sort()) if (f.endsWith('.json')) files.push(join(sub, f));
  }
  const rules: CleanRule[] = [];
  for (const file of files) rules.push(...parseRuleFile(file));
  return { rules };
}

function parseRuleFile(file: string): CleanRule[] {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new ConfigError('clean-rules-unreadable', `${file}: not valid JSON (${(err as Error).message}); fix the file or remove it.`);
  }
  const list = (data as { rules?: unknown }).rules;
  if (!Array.isArray(list)) throw new ConfigError('clean-rules-shape', `${file}: expected an object with a "rules" array.`);
  return list.map((raw, i) => compileRule(raw, `${file}: rules[${i}]`));
}

function compileRule(raw: unknown, where: string): CleanRule {
  const r = raw as Record<string, unknown>;
  if (typeof r?.pattern !== 'string') throw new ConfigError('clean-rules-shape', `${where}: "pattern" must be a string.`);
  const reason = r.reason ?? 'boilerplate';
  if (typeof reason !== 'string' || !REASONS.has(reason)) {
    throw new ConfigError('clean-rules-shape', `${where}: "reason" must be one of ${[...REASONS].join(', ')}.`);
  }
  let re: RegExp;
  try {
    re = new RegExp(r.pattern, 'iu');
  } catch (err) {
    throw new ConfigError('clean-rules-pattern', `${where}: bad regular expression (${(err as Error).message}).`);
  }
  return {
    re,
    reason: reason as CleanRule['reason'],
    cutRest: r.cut === 'rest',
    tailOnly: r.tail === true,
    maxWords: typeof r.maxWords === 'number' ? r.maxWords : 12,
  };
}
