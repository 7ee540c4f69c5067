// Test helper: a tokenised Doc with hand-made mentions, as the actors stage would leave it.
import type { Doc, Mention, MentionType, Quote } from '../model/types.js';
import { makeDoc } from '../testing/make-doc.js';

/** A name in a test text and the mention the actors stage would make of it. */
export interface Named {
  text: string;
  name: string;
  type?: MentionType;
  nth?: number;
  extra?: Partial<Mention>;
}

/** Builds a Doc with hand-made mentions, as the actors stage would leave it. */
export function docWith(text: string, names: Named[]): Doc {
  const doc = makeDoc(text, { published: '2023-03-16' });
  const mentions = names.map((n) => {
    let at = -1;
    for (let i = 0; i <= (n.nth ?? 0); i++) at = text.indexOf(n.text, at + 1);
    if (at < 0) throw new Error(`fixture: "${n.text}" not in text`);
    const sentence = doc.sentences.findIndex((s) => s.start <= at && at < s.end);
    return {
      start: at, end: at + n.text.length, text: n.text, type: n.type ?? 'PERSON', actor: n.name.toLowerCase().replace(/\s+/g, '-'),
      name: n.name, country: null, sector: null, role: null, via: 'exact', confidence: 1, sentence, ...n.extra,
    } satisfies Mention;
  });
  return { ...doc, mentions };
}

/** The quote overlapping `phrase`, if any. */
export function quoteAt(doc: Doc, phrase: string): Quote | undefined {
  const at = doc.text.indexOf(phrase);
  return doc.quotes.find((q) => q.start < at + phrase.length && at < q.end);
}
