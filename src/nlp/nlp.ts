// Sentences, tokens, POS and lemmas from wink-nlp, behind a small interface of ours.
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Doc, Paragraph, Sentence, Token } from '../model/types.js';

/** The wink-nlp annotations we use: no sentiment, no named-entity automaton (we find names ourselves). */
export const WINK_PIPE = ['sbd', 'negation', 'pos'];

/** Tokenises text: the part of wink-nlp we use, loaded once per process. */
export interface Tokenizer {
  /**
   * Tokenises the body paragraphs of `text` in one pass: tokens inside other paragraphs are
   * dropped, and a sentence never runs across a paragraph boundary.
   */
  tokenize(text: string, paragraphs: readonly Paragraph[]): { tokens: Token[]; sentences: Sentence[] };
}

let shared: Tokenizer | null = null;

/** Returns the process-wide wink-nlp tokenizer, loading the model on first use. */
export function getTokenizer(): Tokenizer {
  if (shared) return shared;
  const nlp = winkNLP(model, WINK_PIPE);
  const its = nlp.its;
  shared = {
    tokenize(text, paragraphs) {
      const tokens: Token[] = [];
      const sentences: Sentence[] = [];
      const wdoc = nlp.readDoc(text);
      const all = wdoc.tokens();
      const values = all.out(its.value) as string[];
      if (values.length === 0) return { tokens, sentences };
      const pos = all.out(its.pos) as string[];
      const lemmas = all.out(its.lemma as never) as unknown as string[];
      const neg = all.out(its.negationFlag) as unknown as boolean[];
      const spans = wdoc.sentences().out(its.span) as unknown as [number, number][];
      let nextBreak = spans.length > 1 ? spans[1][0] : Infinity;
      let spanIndex = 1;
      let cursor = 0;
      let para = 0;
      let sentenceStartToken = 0;
      const close = (): void => {
        if (tokens.length > sentenceStartToken) {
          sentences.push({
            start: tokens[sentenceStartToken].start,
            end: tokens[tokens.length - 1].end,
            tokenStart: sentenceStartToken,
            tokenEnd: tokens.length,
          });
        }
        sentenceStartToken = tokens.length;
      };
      for (let i = 0; i < values.length; i++) {
        if (i === nextBreak) {
          close();
          spanIndex++;
          nextBreak = spanIndex < spans.length ? spans[spanIndex][0] : Infinity;
        }
        const v = values[i];
        const p = pos[i];
        if (p === 'SPACE') continue;
        const at = text.indexOf(v, cursor);
        if (at < 0 || v.trim() === '') continue;
        cursor = at + v.length;
        if (para < paragraphs.length && at >= paragraphs[para].end) {
          close();
          while (para < paragraphs.length && at >= paragraphs[para].end) para++;
        }
        if (para >= paragraphs.length || paragraphs[para].kind !== 'body' || at < paragraphs[para].start) continue;
        const lower = v.toLowerCase();
        tokens.push({
          start: at,
          end: at + v.length,
          text: v,
          pos: p,
          lemma: lemmas[i] ?? lower,
          lower,
          negated: neg[i] === true,
          sentence: sentences.length,
        });
      }
      close();
      return { tokens, sentences };
    },
  };
  return shared;
}

/** Splits the body paragraphs of `doc` into sentences and tokens; headings are left out. */
export function tokenizeDoc(doc: Doc, tokenizer: Tokenizer = getTokenizer()): Doc {
  const { tokens, sentences } = tokenizer.tokenize(doc.text, doc.paragraphs);
  return { ...doc, tokens, sentences };
}
