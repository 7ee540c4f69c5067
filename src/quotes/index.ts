// The quotes stage: direct quotations with their speakers, indirect speech, and claims the
// article attributes to media. Speakers come from the mentions the actors stage found.
import type { Doc } from '../model/types.js';
import type { QuoteContext } from './context.js';
import { findBlockQuotes } from './blocks.js';
import { findDirectQuotes } from './direct.js';
import { findIndirect } from './indirect.js';
import { loadQuoteLexicon, type QuoteLexicon } from './lexicon.js';
import { findQuoteSpans } from './marks.js';

export { loadQuoteLexicon, makeQuoteLexicon, type QuoteLexicon } from './lexicon.js';

/** What the stage reads: its lexicon, from `loadQuoteLexicon()`. */
export interface QuoteOptions {
  lexicon?: QuoteLexicon;
}

let builtIn: QuoteLexicon | null = null;

// Callers should load the lexicon once and pass it; without one the built-in files are read on
// the first call only, so that older callers keep working.
function lexiconOf(options: QuoteOptions): QuoteLexicon {
  if (options.lexicon) return options.lexicon;
  builtIn ??= loadQuoteLexicon();
  return builtIn;
}

/** Fills `doc.quotes` and `doc.attributions`. */
export function findQuotes(doc: Doc, options: QuoteOptions = {}): Doc {
  const mentions = [...doc.mentions].sort((a, b) => a.start - b.start || b.end - a.end);
  const ctx: QuoteContext = { doc, spans: findQuoteSpans(doc.text, doc.paragraphs), mentions, lexicon: lexiconOf(options), cache: {} };
  const direct = findDirectQuotes(ctx);
  const blocks = findBlockQuotes(ctx);
  const indirect = findIndirect(ctx);
  const quotes = [...direct, ...blocks, ...indirect.quotes].sort((a, b) => a.start - b.start);
  return { ...doc, quotes, attributions: indirect.attributions };
}
