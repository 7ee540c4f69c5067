// Scoring the sentence sets: one short text each, with the events it should give.
import type { Doc } from '../model/types.js';
import type { GoldSentence } from './gold.js';
import { eventCodesMatch, tally, type Tally } from './score.js';

/** What a sentence set scored. */
export interface SentenceScore {
  rootRecall: Tally;
  codeRecall: Tally;
  actorRootRecall: Tally;
  actorMentions: Tally;
}

/** An empty sentence-set score. */
export function emptySentenceScore(): SentenceScore {
  return { rootRecall: tally(), codeRecall: tally(), actorRootRecall: tally(), actorMentions: tally() };
}

/** Adds one analysed sentence's figures to `score`. */
export function scoreSentence(doc: Doc, gold: GoldSentence, score: SentenceScore): void {
  for (const g of gold.events) {
    const roots = g.roots ?? [];
    if (roots.length) {
      score.rootRecall.total++;
      if (doc.events.some((e) => roots.includes(e.root))) score.rootRecall.hit++;
    }
    if (g.code) {
      score.codeRecall.total++;
      if (doc.events.some((e) => e.cameo === g.code)) score.codeRecall.hit++;
    }
    if (roots.length && g.source !== undefined && (g.source !== null || g.target !== null)) {
      score.actorRootRecall.total++;
      if (doc.events.some((e) => eventCodesMatch(e, { ...g, roots }))) score.actorRootRecall.hit++;
    }
    for (const code of [g.source, g.target]) {
      if (!code) continue;
      score.actorMentions.total++;
      if (doc.mentions.some((m) => m.country === code || m.sector === code || (m.members ?? []).includes(code))) score.actorMentions.hit++;
    }
  }
}
