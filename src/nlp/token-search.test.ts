import { describe, expect, it } from 'vitest';
import { makeDoc } from '../testing/make-doc.js';
import { firstTokenFrom, tokenStartingAt } from './token-search.js';

describe('token search by offset', () => {
  const doc = makeDoc('Ministers met in Vienna on Friday.', { published: '2021-03-12' });
  const toks = doc.tokens;
  it('finds the token starting at an offset, or -1 inside or between tokens', () => {
    expect(tokenStartingAt(toks, doc.text.indexOf('Vienna'))).toBe(toks.findIndex((t) => t.text === 'Vienna'));
    expect(tokenStartingAt(toks, doc.text.indexOf('Vienna') + 1)).toBe(-1);
    expect(tokenStartingAt(toks, doc.text.length + 5)).toBe(-1);
  });
  it('finds the first token at or after an offset, from a given index on', () => {
    const vienna = toks.findIndex((t) => t.text === 'Vienna');
    expect(firstTokenFrom(toks, doc.text.indexOf('Vienna') + 1)).toBe(vienna + 1);
    expect(firstTokenFrom(toks, 0, vienna)).toBe(vienna);
    expect(firstTokenFrom(toks, doc.text.length)).toBe(toks.length);
  });
});
