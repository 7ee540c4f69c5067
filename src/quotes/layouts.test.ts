import { describe, expect, it } from 'vitest';
import type { Doc } from '../model/types.js';
import { findQuotes, loadQuoteLexicon } from './index.js';
import { docWith, quoteAt } from './test-doc.js';
import type { Named } from './test-doc.js';

const lexicon = loadQuoteLexicon();
const UNRESOLVED = { actor: null, via: 'unresolved' as const };

function run(text: string, names: Named[]): Doc {
  return findQuotes(docWith(text, names), { lexicon });
}

describe('findQuotes: speakers named with titles and appositives', () => {
  it('takes the title off a speaker the knowledge base does not know', () => {
    const doc = run('Minister of Education Eva Lindqvist said "the schools will open".', [
      { text: 'Education Eva Lindqvist', name: 'Education Eva Lindqvist', extra: UNRESOLVED },
    ]);
    expect(quoteAt(doc, 'schools will open')?.speaker).toBe('Eva Lindqvist');
  });

  it('takes an organisation and its office off the name: "CEO of the Harbour Council Omar Haddad"', () => {
    const doc = run('CEO of the Harbour Council Omar Haddad told reporters: “We are ready.”', []);
    expect(quoteAt(doc, 'We are ready')?.speaker).toBe('Omar Haddad');
  });

  it('keeps an honorific surname when no fuller name was given', () => {
    const doc = run('Undersecretary for Trade Mr. Brandvold says “prices will rise”.', []);
    expect(quoteAt(doc, 'prices will rise')?.speaker).toBe('Brandvold');
  });

  it('gives the quotation to the name before an appositive, not to the appositive', () => {
    const doc = run('Karl Berg, the Harbour Authority spokesperson, said, “The port stays shut.”', [
      { text: 'Karl Berg', name: 'Karl Berg', extra: UNRESOLVED },
    ]);
    expect(quoteAt(doc, 'port stays shut')?.speaker).toBe('Karl Berg');
  });

  it('reads "in the words of the chief prosecutor, Ana Ruiz, QC"', () => {
    const doc = run('In the words of the chief prosecutor, Ana Ruiz, QC, “the evidence is overwhelming.”', [
      { text: 'Ana Ruiz', name: 'Ana Ruiz' },
    ]);
    expect(quoteAt(doc, 'evidence is overwhelming')?.speaker).toBe('Ana Ruiz');
  });

  it('keeps a hyphenated particle in the name: "General Omar al-Farsi"', () => {
    const doc = run('Coast Guard director General Omar al-Farsi, in remarks to local radio, said "All are safe."', []);
    expect(quoteAt(doc, 'All are safe')?.speaker).toBe('Omar al-Farsi');
  });

  it('reads a newspaper named after a place: "according to the Lakeside Morning Star"', () => {
    const doc = run('The bridge was “beyond repair”, according to the Lakeside Morning Star.', [
      { text: 'Lakeside', name: 'Lakeside', type: 'GPE' },
    ]);
    expect(quoteAt(doc, 'beyond repair')?.speaker).toBe('Lakeside Morning Star');
  });

  it('gives a document\'s words to the organisation that wrote it', () => {
    const doc = run('The Harbour Authority letter reads "all berths are closed until further notice".', [
      { text: 'Harbour Authority', name: 'Harbour Authority', type: 'ORG' },
    ]);
    expect(quoteAt(doc, 'all berths')?.speaker).toBe('Harbour Authority');
  });
});

describe('findQuotes: short references to a speaker named before', () => {
  it('links a surname after a title to the full name given earlier', () => {
    const doc = run('Professor Ingrid Solberg led the study. "The decline is steep," Professor Solberg said.', [
      { text: 'Professor Ingrid Solberg', name: 'Professor Ingrid Solberg', extra: UNRESOLVED },
    ]);
    expect(quoteAt(doc, 'decline is steep')?.speaker).toBe('Ingrid Solberg');
  });

  it('links a surname spelt with a slip to the name given earlier', () => {
    const doc = run('Lydia Marchetti spoke for the agency. "It will take time," Ms Marchettti said.', [
      { text: 'Lydia Marchetti', name: 'Lydia Marchetti', extra: UNRESOLVED },
    ]);
    expect(quoteAt(doc, 'take time')?.speaker).toBe('Lydia Marchetti');
  });

  it('links "the Church" to the Church named in full before', () => {
    const doc = run('Members of the Church of Valdoria protested. The Church also says that the vote was unfair.', [
      { text: 'Church', name: 'Church', type: 'ORG', extra: UNRESOLVED },
      { text: 'Valdoria', name: 'Valdoria', type: 'ORG', extra: UNRESOLVED },
      { text: 'Church', name: 'Church', type: 'ORG', nth: 1, extra: UNRESOLVED },
    ]);
    expect(quoteAt(doc, 'vote was unfair')?.speaker).toBe('Church of Valdoria');
  });

  it('joins a name the tokenizer split at a non-ASCII letter', () => {
    const doc = run('Kowalczyński said, "We prepared the changes."', []);
    expect(quoteAt(doc, 'prepared the changes')?.speaker).toBe('Kowalczyński');
  });
});

describe('findQuotes: quotations without marks', () => {
  it('takes the paragraph after "X denied the allegations:" as X\'s words', () => {
    const doc = run('In a statement, the Harbour Authority denied the allegations:\n\nNo ship was ever turned away.\n\nThe port reopened.', [
      { text: 'Harbour Authority', name: 'Harbour Authority', type: 'ORG' },
    ]);
    expect(quoteAt(doc, 'No ship was ever')?.speaker).toBe('Harbour Authority');
    expect(quoteAt(doc, 'The port reopened')).toBeUndefined();
  });

  it('reads a pull quote signed with a name, and the paragraph that repeats it', () => {
    const words = 'I was sent away and told never to come back.';
    const doc = run(`She left in 2010.\n\n${words} Mara Vellin\n\n${words}\n\nShe now lives abroad.`, []);
    const found = doc.quotes.filter((q) => q.text === words);
    expect(found.map((q) => q.speaker)).toEqual(['Mara Vellin', 'Mara Vellin']);
    expect(found[0].start).not.toBe(found[1].start);
  });

  it('does not take a closing name line for a signature when the paragraph is one sentence', () => {
    const doc = run('Photo credit: Mara Vellin', []);
    expect(doc.quotes).toEqual([]);
  });
});

describe('findQuotes: quotation marks and attributions', () => {
  it('reads straight and curly marks alike', () => {
    const straight = run('"We will rebuild," Ana Ruiz said.', [{ text: 'Ana Ruiz', name: 'Ana Ruiz' }]);
    const curly = run('“We will rebuild,” Ana Ruiz said.', [{ text: 'Ana Ruiz', name: 'Ana Ruiz' }]);
    expect(quoteAt(straight, 'rebuild')?.speaker).toBe('Ana Ruiz');
    expect(quoteAt(curly, 'rebuild')?.speaker).toBe('Ana Ruiz');
  });

  it('records "according to X" as an attribution that events inside the claim carry', () => {
    const doc = run('Two ministers resigned on Friday, according to the Coast Daily.', [
      { text: 'Coast Daily', name: 'The Coast Daily', type: 'ORG' },
    ]);
    expect(doc.attributions.map((a) => [a.name, a.via, a.text])).toEqual([['The Coast Daily', null, 'Two ministers resigned on Friday']]);
  });
});
