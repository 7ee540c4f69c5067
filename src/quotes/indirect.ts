// Indirect speech ("X said that CLAIM", "X accused Y of CLAIM", "according to X, CLAIM") and
// attributions to media ("Reuters quoted an informed source as saying that CLAIM").
import type { Attribution, Quote, Sentence, Span, Token } from '../model/types.js';
import { insideQuote, isQuoteMark } from './context.js';
import type { QuoteContext, Speaker } from './context.js';
import { nameAfter, subjectOf } from './speaker.js';

const THAT_WINDOW = 8;
const BE_FORMS = new Set(['is', 'are', 'was', 'were', 'been', 'be', 'being']);

/** The claims of the sentences, as indirect quotes and media attributions. */
export interface IndirectFinds {
  quotes: Quote[];
  attributions: Attribution[];
}

/** Finds indirect speech and attributions, sentence by sentence. */
export function findIndirect(ctx: QuoteContext): IndirectFinds {
  const sayVerbs = ctx.lexicon.indirect;
  const reportVerbs = ctx.lexicon.report;
  const found: IndirectFinds = { quotes: [], attributions: [] };
  for (const sentence of ctx.doc.sentences) {
    const tokens = ctx.doc.tokens;
    for (let k = sentence.tokenStart; k < sentence.tokenEnd; k++) {
      const t = tokens[k];
      const according = t.lower === 'according' && tokens[k + 1]?.lower === 'to';
      const verb = t.pos === 'VERB' && (reportVerbs.has(t.lemma) || sayVerbs.has(t.lemma) || t.lemma === 'accuse');
      if ((!verb && !according) || insideQuote(ctx, t.start)) continue;
      if (according) addAccordingTo(ctx, sentence, k, found);
      if (!verb || isPassive(tokens, k, sentence)) continue;
      if (reportVerbs.has(t.lemma)) addAttribution(ctx, sentence, k, found);
      else if (t.lemma === 'accuse') addClaim(ctx, sentence, k, findWord(tokens, k, sentence, 'of'), found);
      else if (sayVerbs.has(t.lemma)) addClaim(ctx, sentence, k, findWord(tokens, k, sentence, 'that'), found);
    }
  }
  return found;
}

function addClaim(ctx: QuoteContext, sentence: Sentence, verb: number, marker: number, found: IndirectFinds): void {
  if (marker < 0) return;
  const speaker = subjectOf(ctx, verb, sentence.tokenStart);
  const claim = claimSpan(ctx, marker + 1, sentence);
  if (speaker && claim) found.quotes.push(quoteOf(ctx, claim, speaker));
}

// "According to X, CLAIM" or "CLAIM, according to X."
function addAccordingTo(ctx: QuoteContext, sentence: Sentence, k: number, found: IndirectFinds): void {
  const tokens = ctx.doc.tokens;
  const speaker = nameAfter(ctx, k + 1, sentence.tokenEnd);
  if (!speaker) return;
  let claim: Span | null;
  if (k === sentence.tokenStart) {
    const comma = findWord(tokens, k, sentence, ',', 12);
    claim = comma < 0 ? null : claimSpan(ctx, comma + 1, sentence);
  } else {
    const last = tokens[k - 1].text === ',' ? k - 2 : k - 1;
    claim = last < sentence.tokenStart ? null : { start: tokens[sentence.tokenStart].start, end: tokens[last].end };
  }
  if (!claim) return;
  found.quotes.push(quoteOf(ctx, claim, speaker));
  // The claim is the source's, not the article's: events inside it carry the attribution.
  found.attributions.push({ ...claim, text: ctx.doc.text.slice(claim.start, claim.end), name: speaker.name, actor: speaker.actor, via: null });
}

// "X reported that CLAIM"; "X quoted Y as saying (that) CLAIM" with Y as the go-between.
function addAttribution(ctx: QuoteContext, sentence: Sentence, verb: number, found: IndirectFinds): void {
  const tokens = ctx.doc.tokens;
  const source = subjectOf(ctx, verb, sentence.tokenStart);
  if (!source) return;
  let via: string | null = null;
  let from = findWord(tokens, verb, sentence, 'that');
  const as = findWord(tokens, verb, sentence, 'as', 14);
  if (as > verb + 1 && ctx.lexicon.saying.has(tokens[as + 1]?.lower ?? '')) {
    via = ctx.doc.text.slice(tokens[verb + 1].start, tokens[as - 1].end);
    from = tokens[as + 2]?.lower === 'that' ? as + 2 : as + 1;
  }
  const claim = from < 0 ? null : claimSpan(ctx, from + 1, sentence);
  if (!claim) return;
  const text = ctx.doc.text.slice(claim.start, claim.end);
  found.attributions.push({ ...claim, text, name: source.name, actor: source.actor, via });
}

function quoteOf(ctx: QuoteContext, claim: Span, speaker: Speaker): Quote {
  const text = ctx.doc.text.slice(claim.start, claim.end);
  return { ...claim, text, speaker: speaker.name, actor: speaker.actor, kind: 'indirect' };
}

// From token `from` to the end of the sentence, closing punctuation and marks left out.
function claimSpan(ctx: QuoteContext, from: number, sentence: Sentence): Span | null {
  const tokens = ctx.doc.tokens;
  let last = sentence.tokenEnd - 1;
  while (last >= from && (tokens[last].pos === 'PUNCT' || isQuoteMark(tokens[last]))) last--;
  if (last < from) return null;
  return { start: tokens[from].start, end: tokens[last].end };
}

// The first `word` within `window` tokens after `k`, not crossing a quotation mark or colon.
function findWord(tokens: readonly Token[], k: number, sentence: Sentence, word: string, window = THAT_WINDOW): number {
  for (let i = k + 1; i < Math.min(sentence.tokenEnd, k + 1 + window); i++) {
    if (tokens[i].lower === word) return i;
    if (isQuoteMark(tokens[i]) || tokens[i].text === ':' || tokens[i].text === ';') return -1;
  }
  return -1;
}

function isPassive(tokens: readonly Token[], k: number, sentence: Sentence): boolean {
  const prev = k - 1 >= sentence.tokenStart ? tokens[k - 1] : null;
  const prev2 = k - 2 >= sentence.tokenStart ? tokens[k - 2] : null;
  return Boolean((prev && BE_FORMS.has(prev.lower)) || (prev?.pos === 'ADV' && prev2 && BE_FORMS.has(prev2.lower)));
}
