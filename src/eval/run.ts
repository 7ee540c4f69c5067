// Running the evaluation: analyse every gold article and sentence, add up the figures.
import { readFileSync, existsSync } from 'node:fs';
import { join, basename } from 'node:path';
import { fromText } from '../ingest/text.js';
import { analyzeArticle, type Knowledge } from '../pipeline/analyze.js';
import { loadGoldArticles, loadGoldSentences } from './gold.js';
import { scoreArticle, tally, type ArticleScore, type Tally } from './score.js';
import { emptySentenceScore, scoreSentence, type SentenceScore } from './sentences.js';

/** Where the gold sets are. */
export interface EvalPaths {
  shared: string;
  goldDir: string;
  sentencesDir: string;
}

/** The figures of one run: article groups and sentence sets by name. */
export interface EvalResult {
  articles: Record<string, ArticleScore & { count: number }>;
  sentences: Record<string, SentenceScore & { count: number }>;
  seconds: number;
}

const ARTICLE_KEYS = ['mentions', 'coreference', 'times', 'eventRecall', 'eventPrecision', 'eventDates', 'eventModality', 'quotes', 'attributions', 'flags', 'boilerplate'] as const;

/** The group an article's scores are added to: "seed" for the founding article, else its id's prefix. */
function groupOf(id: string): string {
  return id.startsWith('seed') ? 'seed' : id.split('-')[0];
}

/** Analyses and scores every gold article and sentence set under `paths`. */
export function runEval(paths: EvalPaths, knowledge: Knowledge): EvalResult {
  const t0 = performance.now();
  const articles: EvalResult['articles'] = {};
  for (const gold of loadGoldArticles(paths.goldDir)) {
    const file = join(paths.shared, gold.file);
    if (!existsSync(file)) continue;
    const raw = fromText(readFileSync(file, 'utf8'), { source: gold.file, id: gold.id, published: gold.published, publishedFrom: 'option' });
    const score = scoreArticle(analyzeArticle(raw, knowledge), gold);
    const group = groupOf(gold.id);
    const acc = (articles[group] ??= { ...emptyArticleScore(), count: 0 });
    acc.count++;
    for (const k of ARTICLE_KEYS) add(acc[k], score[k]);
    acc.misses.push(...score.misses.map((m) => `${gold.id}: ${m}`));
  }
  const sentences: EvalResult['sentences'] = {};
  for (const name of ['cameo-examples', 'plover-gsr']) {
    const file = join(paths.sentencesDir, `${name}.jsonl`);
    if (!existsSync(file)) continue;
    const acc = (sentences[basename(name)] = { ...emptySentenceScore(), count: 0 });
    for (const gold of loadGoldSentences(file)) {
      const raw = fromText(gold.text, { source: gold.id, id: gold.id, title: null, published: gold.published ?? null });
      scoreSentence(analyzeArticle(raw, knowledge), gold, acc);
      acc.count++;
    }
  }
  return { articles, sentences, seconds: (performance.now() - t0) / 1000 };
}

function emptyArticleScore(): ArticleScore {
  const s = { misses: [] as string[] } as unknown as ArticleScore;
  for (const k of ARTICLE_KEYS) s[k] = tally();
  return s;
}

function add(into: Tally, from: Tally): void {
  into.hit += from.hit;
  into.total += from.total;
}

/** A tally as a ratio, or null when there was nothing to count. */
export function ratio(t: Tally): number | null {
  return t.total ? t.hit / t.total : null;
}

/** The flat figures of a run, keyed "group.figure", as ratios in [0, 1]. */
export function figures(result: EvalResult): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const [group, s] of Object.entries(result.articles)) {
    for (const k of ARTICLE_KEYS) out[`${group}.${k}`] = ratio(s[k]);
    const p = ratio(s.eventPrecision);
    const r = ratio(s.eventRecall);
    out[`${group}.eventF1`] = p !== null && r !== null && p + r > 0 ? (2 * p * r) / (p + r) : null;
  }
  for (const [set, s] of Object.entries(result.sentences)) {
    out[`${set}.rootRecall`] = ratio(s.rootRecall);
    out[`${set}.codeRecall`] = ratio(s.codeRecall);
    out[`${set}.actorRootRecall`] = ratio(s.actorRootRecall);
    out[`${set}.actorMentions`] = ratio(s.actorMentions);
  }
  return out;
}
