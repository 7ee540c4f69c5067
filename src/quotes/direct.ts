// Direct quotations: the speaker comes from a speech verb after the closing mark ("…,” she said),
// before the opening mark ("He added: “…”"), or from the quotation just before (split quotes).
import type { Quote } from '../model/types.js';
import { insideQuote, isQuoteMark, isStop, mentionAt, tokenIndexAt } from './context.js';
import type { Token } from '../model/types.js';
import type { QuoteContext, Speaker } from './context.js';
import type { QuoteSpan } from './marks.js';
import { nameAfter, subjectOf } from './speaker.js';

const AFTER_WINDOW = 6;
const LONG_WINDOW = 14;
const SCARE_QUOTE_WORDS = 3;

/** Builds a direct Quote for every quotation span with a speaker, or long enough to be speech. */
export function findDirectQuotes(ctx: QuoteContext): Quote[] {
  const verbs = ctx.lexicon.speech;
  const out: Quote[] = [];
  let previous: { span: QuoteSpan; speaker: Speaker | null } | null = null;
  for (const span of ctx.spans) {
    let speaker = speakerAfter(ctx, span, verbs) ?? speakerBefore(ctx, span, verbs);
    if (!speaker && previous && continues(ctx, previous.span, span)) speaker = previous.speaker;
    previous = { span, speaker };
    const text = ctx.doc.text.slice(span.start, span.end);
    if (!speaker && text.split(/\s+/).length <= SCARE_QUOTE_WORDS) continue;
    out.push({ start: span.start, end: span.end, text, speaker: speaker?.name ?? null, actor: speaker?.actor ?? null, kind: 'direct' });
  }
  return out;
}

// "“A,” he said. “B.”": B goes on in A's voice when it follows in the same paragraph, when A ran
// open to the end of its paragraph, or when B opens the paragraph after A's.
function continues(ctx: QuoteContext, before: QuoteSpan, span: QuoteSpan): boolean {
  if (before.paragraph === span.paragraph) return true;
  if (before.paragraph !== span.paragraph - 1) return false;
  const para = ctx.doc.paragraphs[span.paragraph];
  return before.unclosed || !para || ctx.doc.text.slice(para.start, span.open).trim() === '';
}

function speakerAfter(ctx: QuoteContext, span: QuoteSpan, verbs: ReadonlySet<string>): Speaker | null {
  if (span.unclosed) return null;
  const tokens = ctx.doc.tokens;
  const first = tokenIndexAt(tokens, span.close);
  if (!quoteFirst(ctx, span, tokens[first])) return null;
  const paraEnd = ctx.doc.paragraphs[span.paragraph]?.end ?? ctx.doc.text.length;
  let end = first;
  while (end < tokens.length && end - first < 14 && tokens[end].start < paraEnd && !isStop(tokens[end]) && !isQuoteMark(tokens[end])) end++;
  // "…,” Khaled Al-Maeena, editor at large at the Gazette, said: a name first allows a longer reach.
  const lead = tokens[first]?.text === ',' ? first + 1 : first;
  const named = lead < end && (mentionAt(ctx, tokens[lead]) !== null || tokens[lead].pos === 'PRON' || tokens[lead].pos === 'PROPN');
  for (let k = first; k < Math.min(end, first + (named ? LONG_WINDOW : AFTER_WINDOW)); k++) {
    const t = tokens[k];
    if (isAccordingTo(tokens, k)) return nameAfter(ctx, k + 1, end);
    if (t.pos !== 'VERB' || !verbs.has(t.lemma)) continue;
    // "…”, and said it was …": a coordinated verb belongs to the sentence before the quotation.
    if (tokens[k - 1]?.lower === 'and') return null;
    return subjectOf(ctx, k, first) ?? nameAfter(ctx, k, end);
  }
  return null;
}

// "…,” he said" / "…?” asked X" / "….” Smith said": the quotation ends a clause and the
// attribution follows; "the “militarization” of Ukraine" does not.
function quoteFirst(ctx: QuoteContext, span: QuoteSpan, next: Token | undefined): boolean {
  if (!next) return false;
  const text = ctx.doc.text;
  const tail = text.slice(Math.max(span.start, span.end - 1), span.close);
  if (/[,!?…—–-]/.test(tail) || next.text === ',' || next.text === '—') return true;
  return /[.]/.test(tail) && (next.pos === 'PROPN' || next.pos === 'PRON' || /^[a-z]/.test(next.text));
}

function speakerBefore(ctx: QuoteContext, span: QuoteSpan, verbs: ReadonlySet<string>): Speaker | null {
  const tokens = ctx.doc.tokens;
  const open = tokenIndexAt(tokens, span.open);
  const limit = clauseStart(ctx, open);
  for (let k = open - 1; k >= limit; k--) {
    const t = tokens[k];
    if (insideQuote(ctx, t.start) || isQuoteMark(t)) continue;
    if (isAccordingTo(tokens, k)) return nameAfter(ctx, k + 1, open);
    if (t.pos !== 'VERB' || !verbs.has(t.lemma)) continue;
    return subjectOf(ctx, k, limit) ?? nameAfter(ctx, k, open);
  }
  return null;
}

// The first token of the sentence holding token `k`, not crossing a sentence-ending mark.
function clauseStart(ctx: QuoteContext, k: number): number {
  const tokens = ctx.doc.tokens;
  let i = k - 1;
  while (i >= 0 && k - i < 60 && !isStop(tokens[i])) i--;
  return i + 1;
}

// "according to X" and "in the words of X": the name follows.
function isAccordingTo(tokens: readonly Token[], k: number): boolean {
  const next = tokens[k + 1]?.lower;
  return (tokens[k].lower === 'according' && next === 'to') || (tokens[k].lower === 'words' && next === 'of');
}
