// What the quote finders share: the document, its quotation spans, and token lookups.
import type { Doc, Mention, Span, Token } from '../model/types.js';
import type { QuoteLexicon } from './lexicon.js';
import type { QuoteSpan } from './marks.js';
import type { NameIndex } from './names.js';
import { firstTokenFrom } from '../nlp/token-search.js';

/** The document and the quotation spans found in it. */
export interface QuoteContext {
  readonly doc: Doc;
  readonly spans: readonly QuoteSpan[];
  /** Mentions sorted by start. */
  readonly mentions: readonly Mention[];
  readonly lexicon: QuoteLexicon;
  /** What one call works out once and reuses. */
  readonly cache: { names?: NameIndex };
}

/** Who said something, as a quote or attribution records it. */
export interface Speaker {
  readonly name: string;
  readonly actor: string | null;
}

/** Index of the first token starting at or after `offset` (tokens.length when none). */
export function tokenIndexAt(tokens: readonly Token[], offset: number): number {
  return firstTokenFrom(tokens, offset);
}

/** True when the offset lies inside the marks of some quotation. */
export function insideQuote(ctx: QuoteContext, offset: number): boolean {
  // Spans come in text order and do not overlap: the last one opening at or before offset decides.
  const spans = ctx.spans;
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].open <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && offset < spans[lo - 1].close;
}

/** The mention covering `token` that is not a place named as a location, if any. */
export function mentionAt(ctx: QuoteContext, token: Span): Mention | null {
  const mentions = ctx.mentions;
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid].start < token.end) lo = mid + 1;
    else hi = mid;
  }
  let best: Mention | null = null;
  // Mentions are short: a few steps back from the first one starting after the token suffice.
  for (let i = lo - 1; i >= 0 && i >= lo - MENTION_LOOKBACK; i--) {
    const m = mentions[i];
    if (m.end <= token.start || m.isLocation) continue;
    if (!best || m.end - m.start > best.end - best.start) best = m;
  }
  return best;
}

const MENTION_LOOKBACK = 8;

/** True for a quotation mark token. */
export function isQuoteMark(t: Token): boolean {
  return /^["“”«»„]$/.test(t.text);
}

/** True for a token ending a sentence or clause chain (". ! ? ;"). */
export function isStop(t: Token): boolean {
  return t.text === '.' || t.text === '!' || t.text === '?' || t.text === ';';
}
