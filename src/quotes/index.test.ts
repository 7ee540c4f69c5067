import { describe, expect, it } from 'vitest';
import { findQuotes } from './index.js';
import { docWith, quoteAt } from './test-doc.js';

describe('findQuotes: direct quotations', () => {
  it('gives a quote-first quotation to the pronoun speaker after it, through the last person named', () => {
    const doc = findQuotes(docWith('Mayor Ana Ruiz visited the dam. “The water is rising,” she said.', [
      { text: 'Ana Ruiz', name: 'Ana Ruiz', extra: { gender: 'f' } },
    ]));
    const q = quoteAt(doc, 'water is rising');
    expect(q?.text).toBe('The water is rising');
    expect([q?.speaker, q?.actor, q?.kind]).toEqual(['Ana Ruiz', 'ana-ruiz', 'direct']);
  });

  it('skips persons of the wrong gender when resolving a pronoun', () => {
    const doc = findQuotes(docWith('Ana Ruiz met Piet Holm on the bridge. “We will rebuild,” she said.', [
      { text: 'Ana Ruiz', name: 'Ana Ruiz', extra: { gender: 'f' } },
      { text: 'Piet Holm', name: 'Piet Holm', extra: { gender: 'm' } },
    ]));
    expect(quoteAt(doc, 'We will rebuild')?.speaker).toBe('Ana Ruiz');
  });

  it('uses the coreference mention on the pronoun when the actors stage made one', () => {
    const doc = findQuotes(docWith('Piet Holm spoke. “Enough,” he said, “is enough.”', [
      { text: 'Piet Holm', name: 'Piet Holm' },
      { text: 'he', name: 'Lena Holm', nth: 0, extra: { via: 'coref' } },
    ]));
    expect(quoteAt(doc, 'Enough')?.speaker).toBe('Lena Holm');
  });

  it('reads "said X" after the quotation', () => {
    const doc = findQuotes(docWith('"Talks are over," said Karl Berg, the envoy.', [{ text: 'Karl Berg', name: 'Karl Berg' }]));
    expect(quoteAt(doc, 'Talks are over')?.speaker).toBe('Karl Berg');
  });

  it('reads a speaker with an appositive between the quotation and the verb', () => {
    const doc = findQuotes(docWith('"It could have been worse," Omar Haddad, editor of the Coast Daily, said.', [
      { text: 'Omar Haddad', name: 'Omar Haddad' },
      { text: 'Coast Daily', name: 'Coast Daily', type: 'ORG' },
    ]));
    expect(quoteAt(doc, 'could have been worse')?.speaker).toBe('Omar Haddad');
  });

  it('reads a speaker before the quotation with a colon', () => {
    const doc = findQuotes(docWith('The Harbour Authority added: "No ships will leave today."', [
      { text: 'Harbour Authority', name: 'Harbour Authority', type: 'ORG' },
    ]));
    expect(quoteAt(doc, 'No ships')?.speaker).toBe('Harbour Authority');
  });

  it('continues the speaker into the second part of a split quotation', () => {
    const doc = findQuotes(docWith('“We tried,” Karl Berg said, pointing to the map. “Nobody listened.”', [
      { text: 'Karl Berg', name: 'Karl Berg' },
    ]));
    expect(quoteAt(doc, 'Nobody listened')?.speaker).toBe('Karl Berg');
  });

  it('gives a partial quotation inside indirect speech to the subject, not to a name after it', () => {
    const doc = findQuotes(docWith('Minister Eva Lind said on Monday that Norland would face “severe” penalties from Estria.', [
      { text: 'Eva Lind', name: 'Eva Lind' },
      { text: 'Norland', name: 'Norland', type: 'GPE' },
      { text: 'Estria', name: 'Estria', type: 'GPE' },
    ]));
    const q = doc.quotes.find((x) => x.kind === 'direct');
    expect([q?.text, q?.speaker]).toEqual(['severe', 'Eva Lind']);
  });

  it('carries a quotation left open at a paragraph end into the next paragraph', () => {
    const text = 'Karl Berg said: “The first part ends here.\n\n“The second part goes on.”';
    const doc = findQuotes(docWith(text, [{ text: 'Karl Berg', name: 'Karl Berg' }]));
    expect(quoteAt(doc, 'first part')?.speaker).toBe('Karl Berg');
    expect(quoteAt(doc, 'second part')?.speaker).toBe('Karl Berg');
  });

  it('closes a carried quotation in a paragraph that has no opening mark', () => {
    const text = 'Ana Ruiz said, "We learned a lot.\n\nIt was an emotional day."\n\nThe match ended.';
    const doc = findQuotes(docWith(text, [{ text: 'Ana Ruiz', name: 'Ana Ruiz' }]));
    expect(quoteAt(doc, 'emotional day')?.speaker).toBe('Ana Ruiz');
    expect(quoteAt(doc, 'The match ended')).toBeUndefined();
  });

  it('drops short scare quotes that nobody says', () => {
    const doc = findQuotes(docWith('The so-called “peace plan” collapsed.', []));
    expect(doc.quotes).toEqual([]);
  });

  it('does not take a subject after a coordinated verb as the speaker of the quotation before', () => {
    const doc = findQuotes(docWith('Ana Ruiz said she had backed it "for years", and said it was "overdue".', [
      { text: 'Ana Ruiz', name: 'Ana Ruiz' },
    ]));
    expect(quoteAt(doc, 'for years')?.speaker).toBe('Ana Ruiz');
  });
});

describe('findQuotes: indirect speech', () => {
  it('records "X said that CLAIM" as an indirect quote with the claim span', () => {
    const doc = findQuotes(docWith('The Estrian government said that the border would reopen on Friday.', [
      { text: 'Estrian government', name: 'Government of Estria', type: 'ORG' },
    ]));
    const q = doc.quotes.find((x) => x.kind === 'indirect');
    expect([q?.text, q?.speaker]).toEqual(['the border would reopen on Friday', 'Government of Estria']);
  });

  it('records "X accused Y of CLAIM"', () => {
    const doc = findQuotes(docWith('Norland accused Estria of shelling the port.', [
      { text: 'Norland', name: 'Norland', type: 'GPE' },
      { text: 'Estria', name: 'Estria', type: 'GPE' },
    ]));
    const q = doc.quotes.find((x) => x.kind === 'indirect');
    expect([q?.text, q?.speaker]).toEqual(['shelling the port', 'Norland']);
  });

  it('records "according to X, CLAIM" and "CLAIM, according to X"', () => {
    const doc = findQuotes(docWith('According to Karl Berg, the talks failed. The dam held, according to the Harbour Authority.', [
      { text: 'Karl Berg', name: 'Karl Berg' },
      { text: 'Harbour Authority', name: 'Harbour Authority', type: 'ORG' },
    ]));
    expect(doc.quotes.map((q) => [q.text, q.speaker])).toEqual([
      ['the talks failed', 'Karl Berg'],
      ['The dam held', 'Harbour Authority'],
    ]);
  });
});

describe('findQuotes: attributions', () => {
  it('attributes "X reported that CLAIM" to the medium', () => {
    const doc = findQuotes(docWith('The Coast Daily reported that two ministers had resigned.', [
      { text: 'Coast Daily', name: 'The Coast Daily', type: 'ORG' },
    ]));
    expect(doc.attributions).toEqual([
      expect.objectContaining({ text: 'two ministers had resigned', name: 'The Coast Daily', actor: 'the-coast-daily', via: null }),
    ]);
  });

  it('records the go-between of "X quoted Y as saying that CLAIM"', () => {
    const doc = findQuotes(docWith('Nordpress quoted a senior diplomat as saying that the summit was cancelled.', [
      { text: 'Nordpress', name: 'Nordpress Agency', type: 'ORG' },
    ]));
    expect(doc.attributions.map((a) => [a.name, a.via, a.text])).toEqual([
      ['Nordpress Agency', 'a senior diplomat', 'the summit was cancelled'],
    ]);
  });

  it('names an unresolved source by its noun phrase', () => {
    const doc = findQuotes(docWith('The state news agency quoted officials as saying the road was shut.', []));
    expect(doc.attributions.map((a) => [a.name, a.via, a.text])).toEqual([['state news agency', 'officials', 'the road was shut']]);
  });

  it('does not treat a passive "was reported" as an attribution', () => {
    const doc = findQuotes(docWith('The fire was reported that night.', []));
    expect(doc.attributions).toEqual([]);
  });
});
