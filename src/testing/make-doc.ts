// Builds a tokenised Doc from plain text for stage tests: paragraphs split on blank lines,
// every paragraph a body paragraph. Tests of one stage use this instead of the whole pipeline.
import type { Doc, Paragraph } from '../model/types.js';
import { newDoc } from '../clean/clean.js';
import { tokenizeDoc } from '../nlp/nlp.js';

/** Options for {@link makeDoc}. */
export interface MakeDocOptions {
  published?: string | null;
  id?: string;
}

/** Returns a Doc for `text` with paragraphs, sentences and tokens filled and nothing else. */
export function makeDoc(text: string, options: MakeDocOptions = {}): Doc {
  const paragraphs: Paragraph[] = [];
  const re = /[^\n]+(?:\n(?!\s*\n)[^\n]*)*/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].trim()) paragraphs.push({ start: m.index, end: m.index + m[0].length, kind: 'body' });
  }
  const published = options.published === undefined ? null : options.published;
  const article = { id: options.id ?? 'test', title: null, published, publishedFrom: published ? ('option' as const) : ('none' as const), source: 'test', url: null, lang: 'en' };
  return tokenizeDoc(newDoc(article, text, paragraphs));
}
