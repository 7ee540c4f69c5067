// An unknown person's country from an apposition right after the name: "X, the State Department
// spokesperson," or "X, a Chilean farmer,". Lists of names and new clauses are no appositions.
// The sentences are made up for these tests.
import { describe, expect, it } from 'vitest';
import { makeDoc } from '../testing/make-doc.js';
import { loadKnowledgeBase } from './kb.js';
import { findMentions } from './find-mentions.js';
import type { Mention } from '../model/types.js';
import { fromText } from '../ingest/text.js';
import { analyzeArticle, loadKnowledge } from '../pipeline/analyze.js';

const kb = loadKnowledgeBase();

function personCountry(text: string, name: string): string | null {
  const ms: Mention[] = findMentions(makeDoc(text, { published: '2016-03-02' }), kb).mentions;
  return ms.find((m) => m.text === name)?.country ?? null;
}

describe('the country of an unknown person in apposition', () => {
  it('comes from a body or a demonym opening the apposition', () => {
    const body = 'Thai officials met in Bangkok. Thai police spoke. Thai ministers agreed. Mara Quell, the State Department spokesperson, said the talks went well.';
    expect(personCountry(body, 'Mara Quell')).toBe('USA');
    expect(personCountry('Tomas Irribarra, a Chilean farmer, lost his herd.', 'Tomas Irribarra')).toBe('CHL');
    expect(personCountry("Osvaldo Perna, Panama's coach, picked the squad.", 'Osvaldo Perna')).toBe('PAN');
  });

  it('does not come from a state used as a modifier, nor from a list or a new clause', () => {
    expect(personCountry('Ken Dobrow, an Iraq war veteran, led the march.', 'Ken Dobrow')).not.toBe('IRQ');
    expect(personCountry('After a speech by Tilde Varga, the Senate cancelled its hearing.', 'Tilde Varga')).not.toBe('USA');
  });
});

describe('a body taken from an apposition', () => {
  it("is not lent as a home country to the person's targets (events stage)", () => {
    const text = 'Hana Velk met reporters in Geneva. Agnes Morrow, a UN rapporteur for human rights, said the inquiry was slow. "It takes time," she said, asking Velk to be patient.';
    const doc = analyzeArticle(fromText(text, { source: 'a', id: 'a', published: '2019-12-23' }), loadKnowledge());
    const ask = doc.events.find((e) => e.source.name === 'Agnes Morrow' && e.target?.name === 'Hana Velk');
    expect(ask?.source.country).toBe('UN');
    expect(ask?.target?.country ?? null).toBeNull();
  });
});
