// Reading the gold sets of ../shared/eval (format: ../shared/eval/FORMAT.md).
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';

/** A gold mention or coreference link. */
export interface GoldMention {
  text: string;
  name: string;
  aliases?: string[];
  type?: string;
  country?: string;
  start?: number;
}

/** A gold time expression. */
export interface GoldTime {
  text: string;
  value: string;
  tolerance_days?: number;
  start?: number;
}

/** A gold event. */
export interface GoldEvent {
  source: string | null;
  target: string | null;
  roots: string[];
  code?: string;
  date?: string;
  date_tolerance_days?: number;
  location?: string;
  modality?: string;
  required?: boolean;
  evidence?: string;
}

/** A gold quote. */
export interface GoldQuote {
  speaker: string;
  speaker_aliases?: string[];
  text: string;
  required?: boolean;
  start?: number;
}

/** A gold attribution. */
export interface GoldAttribution {
  source: string;
  aliases?: string[];
  via?: string;
  claim: string;
}

/** A gold flag. */
export interface GoldFlag {
  kind: string;
  text: string;
  expected?: string;
  required?: boolean;
}

/** One gold-annotated article. */
export interface GoldArticle {
  id: string;
  file: string;
  published: string | null;
  removed?: string[];
  mentions?: GoldMention[];
  coreference?: GoldMention[];
  times?: GoldTime[];
  events?: GoldEvent[];
  quotes?: GoldQuote[];
  attributions?: GoldAttribution[];
  flags?: GoldFlag[];
}

/** One gold sentence of a sentence set. */
export interface GoldSentence {
  id: string;
  text: string;
  published: string | null;
  events: GoldEvent[];
}

/** Loads every gold article in `dir`. */
export function loadGoldArticles(dir: string): GoldArticle[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as GoldArticle);
}

/** Loads a sentence set (JSON Lines). */
export function loadGoldSentences(file: string): GoldSentence[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as GoldSentence);
}
