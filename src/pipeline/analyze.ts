// The pipeline: the one place that knows the order of the stages.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Doc, RawArticle, Span } from '../model/types.js';
import { ConfigError } from '../errors.js';
import { cleanArticle } from '../clean/clean.js';
import { loadCleanRules, type CleanRules } from '../clean/rules.js';
import { tokenizeDoc } from '../nlp/nlp.js';
import { findMentions, loadKnowledgeBase, type KnowledgeBase } from '../actors/index.js';
import { resolveTimes } from '../time/index.js';
import { findQuotes, loadQuoteLexicon, type QuoteLexicon } from '../quotes/index.js';
import { codeEvents, loadCodeTable, loadLexicon, type CodeTable, type Lexicon } from '../events/index.js';
import { checkFacts } from '../facts/index.js';

/** Everything the stages know, loaded once and passed in. */
export interface Knowledge {
  clean: CleanRules;
  kb: KnowledgeBase;
  lexicon: Lexicon;
  codes: CodeTable;
  quotes: QuoteLexicon;
}

/** Where to find users' own data besides the built-in files. */
export interface KnowledgeOptions {
  /** Extra data folders; each may hold actors/, lexicon/, quotes/ and clean/ subfolders. */
  dataDirs?: string[];
  /** Extra knowledge-base folders holding entity files directly (`--kb`). */
  kbDirs?: string[];
}

/** Loads the built-in knowledge base, lexicons and rules, plus users' own data folders. */
export function loadKnowledge(options: KnowledgeOptions = {}): Knowledge {
  const dirs = options.dataDirs ?? [];
  for (const d of dirs) {
    if (!existsSync(d)) throw new ConfigError('data-dir-missing', `${d}: no such data folder; --data takes a folder holding actors/, lexicon/ or clean/.`);
  }
  // A user's folder need not hold every kind of data: only the subfolders it has are read.
  const sub = (name: string): string[] => dirs.map((d) => join(d, name)).filter((p) => existsSync(p));
  return {
    clean: loadCleanRules(dirs),
    kb: loadKnowledgeBase([...sub('actors'), ...(options.kbDirs ?? [])]),
    lexicon: loadLexicon(sub('lexicon')),
    codes: loadCodeTable(),
    quotes: loadQuoteLexicon(sub('quotes')),
  };
}

/** Adds the dateline ("Friday, January 4, 2019") as a time expression: it stays out of sentences (sentence -1). */
function withDatelineTime(doc: Doc, value: string, span: Span): Doc {
  const time = { ...span, text: doc.text.slice(span.start, span.end), value, precision: 'day' as const, sentence: -1, via: 'dateline' };
  return { ...doc, times: [time, ...doc.times] };
}

/** Milliseconds spent in each stage, added up over calls (for `npm run bench`). */
export type StageTimings = Record<string, number>;

/** Analyses one raw article: clean, tokenise, actors, times, quotes, events, facts. */
export function analyzeArticle(raw: RawArticle, knowledge: Knowledge, timings?: StageTimings): Doc {
  const step = <T>(name: string, fn: () => T): T => {
    if (!timings) return fn();
    const t0 = performance.now();
    const out = fn();
    timings[name] = (timings[name] ?? 0) + performance.now() - t0;
    return out;
  };
  const { doc: cleaned, dateline, datelineSpan } = step('clean', () => cleanArticle(raw, knowledge.clean));
  let doc = cleaned;
  // The article's own dateline outranks a page's meta date; an option or a JSON field outranks both.
  if (dateline && (!doc.article.published || doc.article.publishedFrom === 'meta')) {
    doc = { ...doc, article: { ...doc.article, published: dateline, publishedFrom: 'dateline' } };
  }
  doc = step('nlp', () => tokenizeDoc(doc));
  doc = step('actors', () => findMentions(doc, knowledge.kb));
  doc = step('time', () => resolveTimes(doc));
  if (dateline && datelineSpan) doc = withDatelineTime(doc, dateline, datelineSpan);
  doc = step('quotes', () => findQuotes(doc, { lexicon: knowledge.quotes }));
  doc = step('events', () => codeEvents(doc, { lexicon: knowledge.lexicon, codes: knowledge.codes, kb: knowledge.kb }));
  doc = step('facts', () => checkFacts(doc, knowledge.kb));
  return doc;
}
