// Quotations set off as paragraphs without quotation marks: a paragraph introduced by a speech
// verb and a colon ("the Church denied these allegations:"), and a pull quote signed with the
// speaker's name ("… because she was suppressive. Valeska Paris"), with any paragraph repeating it.
import type { Paragraph, Quote, Sentence } from '../model/types.js';
import { insideQuote, isQuoteMark } from './context.js';
import type { QuoteContext, Speaker } from './context.js';
import { speakerOfMention, speakerOfRun } from './names.js';
import { subjectOf } from './speaker.js';

const SIGNATURE_MAX_TOKENS = 4;
const OPENING_MARK = /^["“«„'‘]/;

/** Direct quotes for the unmarked quotation paragraphs of the document. */
export function findBlockQuotes(ctx: QuoteContext): Quote[] {
  const out: Quote[] = [];
  const paras = ctx.doc.paragraphs;
  for (let i = 0; i < paras.length; i++) {
    const p = paras[i];
    if (p.kind !== 'body') continue;
    const next = paras[i + 1];
    if (next && next.kind === 'body' && !OPENING_MARK.test(ctx.doc.text.slice(next.start, next.end).trimStart())) {
      const speaker = introducedBy(ctx, p);
      if (speaker) out.push(quoteOf(ctx, next.start, next.end, speaker));
    }
    const signed = signedQuote(ctx, p);
    if (signed) out.push(signed, ...repeats(ctx, signed, i));
  }
  return out;
}

// "In a statement, the Church denied these allegations:" ending a paragraph whose successor opens
// without a quotation mark.
function introducedBy(ctx: QuoteContext, p: Paragraph): Speaker | null {
  const text = ctx.doc.text;
  if (!text.slice(p.start, p.end).trimEnd().endsWith(':')) return null;
  const sentence = lastSentence(ctx, p);
  if (!sentence) return null;
  const tokens = ctx.doc.tokens;
  for (let k = sentence.tokenEnd - 1; k >= sentence.tokenStart; k--) {
    const t = tokens[k];
    if (isQuoteMark(t) || insideQuote(ctx, t.start)) return null;
    if (t.pos === 'VERB' && ctx.lexicon.speech.has(t.lemma)) return subjectOf(ctx, k, sentence.tokenStart);
  }
  return null;
}

// The last sentence starting inside the paragraph (binary search: sentences are in text order).
function lastSentence(ctx: QuoteContext, p: Paragraph): Sentence | null {
  const sentences = ctx.doc.sentences;
  let lo = 0;
  let hi = sentences.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid].start < p.end) lo = mid + 1;
    else hi = mid;
  }
  const found = sentences[lo - 1];
  return found && found.start >= p.start ? found : null;
}

// "…she was suppressive. Valeska Paris": a paragraph of speech ending in a bare name.
function signedQuote(ctx: QuoteContext, p: Paragraph): Quote | null {
  const sentence = lastSentence(ctx, p);
  if (!sentence || sentence.start <= p.start || OPENING_MARK.test(ctx.doc.text.slice(p.start, p.end).trimStart())) return null;
  const tokens = ctx.doc.tokens;
  let last = sentence.tokenEnd - 1;
  if (tokens[last]?.pos === 'PUNCT') last--;
  const count = last - sentence.tokenStart + 1;
  if (count < 2 || count > SIGNATURE_MAX_TOKENS) return null;
  for (let k = sentence.tokenStart; k <= last; k++) if (tokens[k].pos !== 'PROPN' || !/^\p{Lu}/u.test(tokens[k].text)) return null;
  const person = ctx.mentions.find((m) => m.type === 'PERSON' && m.start === tokens[sentence.tokenStart].start && m.end === tokens[last].end);
  const speaker = person ? speakerOfMention(ctx, person) : speakerOfRun(ctx, sentence.tokenStart, last);
  if (!speaker) return null;
  const body = ctx.doc.text.slice(p.start, sentence.start).trimEnd();
  return quoteOf(ctx, p.start, p.start + body.length, speaker);
}

// The same words again as a paragraph of their own: the pull quote set beside its source.
function repeats(ctx: QuoteContext, signed: Quote, index: number): Quote[] {
  const out: Quote[] = [];
  const paras = ctx.doc.paragraphs;
  for (let j = Math.max(0, index - 2); j < Math.min(paras.length, index + 3); j++) {
    const p = paras[j];
    if (j === index || p.kind !== 'body') continue;
    const text = ctx.doc.text.slice(p.start, p.end).trim();
    if (text === signed.text) out.push({ ...signed, start: ctx.doc.text.indexOf(text, p.start), end: ctx.doc.text.indexOf(text, p.start) + text.length });
  }
  return out;
}

function quoteOf(ctx: QuoteContext, from: number, to: number, speaker: Speaker): Quote {
  const raw = ctx.doc.text.slice(from, to);
  const start = from + (raw.length - raw.trimStart().length);
  const end = from + raw.trimEnd().length;
  return { start, end, text: ctx.doc.text.slice(start, end), speaker: speaker.name, actor: speaker.actor, kind: 'direct' };
}
