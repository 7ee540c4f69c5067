// Sentences, tokens, POS and lemmas from wink-nlp, behind a small interface of ours.
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Doc, Paragraph, Sentence, Token } from '../model/types.js';

/** The part of wink-nlp we use, loaded once per process. */
export interface Tokenizer {
  /** Tokenises one paragraph of `text` between `start` and `end`. */
  tokenize(text: string, start: number, end: number): { tokens: Omit<Token, 'sentence'>[]; sentences: Span2[] };
}

interface Span2 {
  tokenStart: number;
  tokenEnd: number;
}

let shared: Tokenizer | null = null;

/** Returns the process-wide wink-nlp tokenizer, loading the model on first use. */
export function getTokenizer(): Tokenizer {
  if (shared) return shared;
  const nlp = winkNLP(model);
  const its = nlp.its;
  shared = {
    tokenize(text, start, end) {
      const slice = text.slice(start, end);
      const wdoc = nlp.readDoc(slice);
      const values = wdoc.tokens().out(its.value) as string[];
      const pos = wdoc.tokens().out(its.pos) as string[];
      const lemmas = wdoc.tokens().out(its.lemma as never) as unknown as string[];
      const neg = wdoc.tokens().out(its.negationFlag) as unknown as boolean[];
      const tokens: Omit<Token, 'sentence'>[] = [];
      const indexMap: number[] = [];
      let cursor = 0;
      for (let i = 0; i < values.length; i++) {
        const v = values[i];
        const at = slice.indexOf(v, cursor);
        if (pos[i] === 'SPACE' || at < 0 || v.trim() === '') {
          indexMap.push(-1);
          continue;
        }
        cursor = at + v.length;
        indexMap.push(tokens.length);
        tokens.push({
          start: start + at,
          end: start + at + v.length,
          text: v,
          pos: pos[i],
          lemma: lemmas[i] ?? v.toLowerCase(),
          lower: v.toLowerCase(),
          negated: Boolean(neg[i]),
        });
      }
      const sentences: Span2[] = [];
      const spans = wdoc.sentences().out(its.span) as unknown as [number, number][];
      for (const [a, b] of spans) {
        let first = -1;
        let last = -1;
        for (let k = a; k <= b; k++) {
          const m = indexMap[k];
          if (m === undefined || m < 0) continue;
          if (first < 0) first = m;
          last = m;
        }
        if (first >= 0) sentences.push({ tokenStart: first, tokenEnd: last + 1 });
      }
      return { tokens, sentences };
    },
  };
  return shared;
}

/** Splits the body paragraphs of `doc` into sentences and tokens; headings are left out. */
export function tokenizeDoc(doc: Doc, tokenizer: Tokenizer = getTokenizer()): Doc {
  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  for (const para of doc.paragraphs) {
    if (para.kind !== 'body') continue;
    addParagraph(doc.text, para, tokenizer, tokens, sentences);
  }
  return { ...doc, tokens, sentences };
}

function addParagraph(text: string, para: Paragraph, tokenizer: Tokenizer, tokens: Token[], sentences: Sentence[]): void {
  const out = tokenizer.tokenize(text, para.start, para.end);
  if (out.tokens.length === 0) return;
  const base = tokens.length;
  const owner = new Array<number>(out.tokens.length).fill(-1);
  const ranges = out.sentences.length > 0 ? out.sentences : [{ tokenStart: 0, tokenEnd: out.tokens.length }];
  // Tokens wink-nlp left outside every sentence join the sentence before them.
  let next = 0;
  for (const r of ranges) {
    const index = sentences.length;
    const from = Math.min(next, r.tokenStart);
    for (let k = from; k < r.tokenEnd; k++) owner[k] = index;
    sentences.push({ start: 0, end: 0, tokenStart: base + from, tokenEnd: base + r.tokenEnd });
    next = r.tokenEnd;
  }
  const lastIndex = sentences.length - 1;
  for (let k = next; k < out.tokens.length; k++) owner[k] = lastIndex;
  sentences[lastIndex] = { ...sentences[lastIndex], tokenEnd: base + out.tokens.length };
  for (let k = 0; k < out.tokens.length; k++) tokens.push({ ...out.tokens[k], sentence: owner[k] });
  for (let i = sentences.length - ranges.length; i < sentences.length; i++) {
    const s = sentences[i];
    sentences[i] = { ...s, start: tokens[s.tokenStart].start, end: tokens[s.tokenEnd - 1].end };
  }
}
