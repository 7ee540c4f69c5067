// The quotes stage: direct quotations with their speakers, indirect speech, and claims the
// article attributes to media. Speakers come from the mentions the actors stage found.
import type { Doc } from '../model/types.js';
import type { QuoteContext } from './context.js';
import { findDirectQuotes } from './direct.js';
import { findIndirect } from './indirect.js';
import { INDIRECT_VERBS, REPORT_VERBS, SPEECH_VERBS } from './lexicon.js';
import { findQuoteSpans } from './marks.js';

/** Verb lemmas the stage reads; the defaults cover common English news usage. */
export interface QuoteOptions {
  speechVerbs?: ReadonlySet<string>;
  indirectVerbs?: ReadonlySet<string>;
  reportVerbs?: ReadonlySet<string>;
}

/** Fills `doc.quotes` and `doc.attributions`. */
export function findQuotes(doc: Doc, options: QuoteOptions = {}): Doc {
  const mentions = [...doc.mentions].sort((a, b) => a.start - b.start || b.end - a.end);
  const ctx: QuoteContext = { doc, spans: findQuoteSpans(doc.text, doc.paragraphs), mentions };
  const direct = findDirectQuotes(ctx, options.speechVerbs ?? SPEECH_VERBS);
  const indirect = findIndirect(ctx, options.indirectVerbs ?? INDIRECT_VERBS, options.reportVerbs ?? REPORT_VERBS);
  const quotes = [...direct, ...indirect.quotes].sort((a, b) => a.start - b.start);
  return { ...doc, quotes, attributions: indirect.attributions };
}
