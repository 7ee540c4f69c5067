import { describe, expect, it } from 'vitest';
import { makeDoc } from '../testing/make-doc.js';

describe('tokenizeDoc', () => {
  it('gives tokens offsets that point at their text', () => {
    const doc = makeDoc('US Secretary of State Anthony Blinken met his counterparts in Berlin. “My guess is he’s going to act,” he said.');
    expect(doc.tokens.length).toBeGreaterThan(10);
    for (const t of doc.tokens) expect(doc.text.slice(t.start, t.end)).toBe(t.text);
    expect(doc.sentences).toHaveLength(2);
    expect(doc.text.slice(doc.sentences[0].start, doc.sentences[0].end)).toBe(
      'US Secretary of State Anthony Blinken met his counterparts in Berlin.',
    );
  });

  it('never joins two paragraphs into one sentence', () => {
    const doc = makeDoc('The minister arrived\n\nThe talks began on Monday.');
    expect(doc.sentences).toHaveLength(2);
    expect(doc.tokens[doc.sentences[1].tokenStart].text).toBe('The');
  });

  it('gives lemmas, POS tags and negation', () => {
    const doc = makeDoc('Russia did not attack Ukraine.');
    const attack = doc.tokens.find((t) => t.text === 'attack');
    expect(attack?.pos).toBe('VERB');
    expect(attack?.negated).toBe(true);
    expect(doc.tokens.find((t) => t.text === 'did')?.lemma).toBe('do');
  });
});
