import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Token } from '../model/types.js';
import { loadCodeTable } from './codes.js';
import { lemmaOf } from './lemma.js';
import { loadLexicon } from './lexicon.js';
import { entriesFor } from './match.js';

const codes = loadCodeTable();

function token(text: string, lemma: string, pos = 'VERB'): Token {
  return { start: 0, end: text.length, text, pos, lemma, lower: text.toLowerCase(), negated: false, sentence: 0 };
}

/** A lexicon of our own words only, so that the shipped entries cannot answer for them. */
function lexiconOf(entries: object[]): ReturnType<typeof loadLexicon> {
  const dir = mkdtempSync(join(tmpdir(), 'lookup-'));
  writeFileSync(join(dir, 'own.json'), JSON.stringify({ entries }));
  return loadLexicon([dir], codes);
}

describe('lemmaOf', () => {
  it('lower-cases a capitalised or non-ASCII lemma and keeps a lower-case one as it is', () => {
    expect(lemmaOf(token('Talks', 'Talk'))).toBe('talk');
    expect(lemmaOf(token('ÉLYSÉE', 'ÉLYSÉE', 'PROPN'))).toBe('élysée');
    const lemma = 'negotiate';
    expect(lemmaOf(token('negotiated', lemma))).toBe(lemma);
  });
});

describe('entriesFor', () => {
  const lex = lexiconOf([
    { head: 'zorbe', pos: 'verb', code: '040' },
    { head: 'zorb', pos: 'verb', code: '051' },
    { head: 'quindle', pos: 'verb', code: '042' },
    { head: 'zo', pos: 'verb', code: '043' },
  ]);

  it('finds an entry by lemma, and by form when the lemma heads none', () => {
    expect(entriesFor(lex, token('quindles', 'quindle'))?.map((e) => e.code)).toEqual(['042']);
    expect(entriesFor(lex, token('quindle', 'quindl'))?.map((e) => e.code)).toEqual(['042']);
  });

  it('reads a past form the tagger left unlemmatised without "-d" before without "-ed"', () => {
    expect(entriesFor(lex, token('zorbed', 'zorbed'))?.map((e) => e.code)).toEqual(['040']);
    expect(entriesFor(lex, token('quindled', 'quindled'))?.map((e) => e.code)).toEqual(['042']);
  });

  it('does not strip "-ed" from a short word or when the lemma already heads an entry', () => {
    expect(entriesFor(lex, token('zoed', 'zoed'))).toBeNull();
    expect(entriesFor(lex, token('zorbed', 'zorb'))?.map((e) => e.code)).toEqual(['051']);
  });
});
