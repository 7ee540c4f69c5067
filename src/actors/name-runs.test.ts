// Where a run of proper-name tokens starts and ends: initials opening a name, particles joined by a
// hyphen, affiliation words before a name, and a name or title before "Jr." read as one name.
// The sentences are made up for these tests.
import { describe, expect, it } from 'vitest';
import { makeDoc } from '../testing/make-doc.js';
import { loadKnowledgeBase } from './kb.js';
import { findMentions } from './find-mentions.js';
import type { Mention } from '../model/types.js';

const kb = loadKnowledgeBase();

function mentionsOf(text: string, published: string | null = '2021-05-04'): Mention[] {
  return findMentions(makeDoc(text, { published }), kb).mentions;
}

const texts = (ms: Mention[]): string[] => ms.map((m) => m.text);

describe('name runs', () => {
  it('keeps an initial that opens a name ("T. Walden Pryce"), but not one before a closed-class word', () => {
    const ms = mentionsOf('The essay by T. Walden Pryce was reprinted twice.');
    expect(texts(ms)).toContain('T. Walden Pryce');
    expect(texts(ms)).not.toContain('Walden Pryce');
    expect(texts(mentionsOf('He chose plan B. The rest of the team agreed.'))).not.toContain('B.');
  });

  it('joins a particle written with a hyphen to the name it opens', () => {
    const ms = mentionsOf('The trader Karim al-Dabbagh was questioned in the port city.');
    expect(texts(ms)).toContain('Karim al-Dabbagh');
    expect(texts(ms)).not.toContain('Karim');
    expect(texts(mentionsOf('Farida el-Masri chaired the meeting.'))).toContain('Farida el-Masri');
  });

  it('leaves a pro-/anti-/pan- word out of the person or acronym it describes', () => {
    const ms = mentionsOf('Pan-unionist Morag Tennant won the seat, and the Pro-Harbour MDA lost two.');
    expect(texts(ms)).toContain('Morag Tennant');
    expect(texts(ms)).toContain('MDA');
    expect(texts(ms).some((t) => /^Pan-|^Pro-/.test(t))).toBe(false);
    // Alone it is an adjective, no mention.
    expect(texts(mentionsOf('Several Anti-Harbour candidates withdrew.'))).not.toContain('Anti-Harbour');
  });

  it('keeps an organisation whose name starts with such a word whole', () => {
    expect(texts(mentionsOf('The Pan-Pacific Rowing League met in Suva.'))).toContain('Pan-Pacific Rowing League');
  });

  it("keeps a plural possessive inside an organisation's name, and splits at a singular one", () => {
    expect(texts(mentionsOf("The Dyers' Association met at the Saddlers' Hall."))).toEqual(expect.arrayContaining(["Dyers' Association", "Saddlers' Hall"]));
    expect(texts(mentionsOf("The New Farmers' Party and the Free People's Party of Ostrava merged."))).toEqual(expect.arrayContaining(["New Farmers' Party", "Free People's Party of Ostrava"]));
    const ms = mentionsOf("Russia's Foreign Ministry replied.");
    expect(ms.find((m) => m.text === 'Russia')?.actor).toBe('russia');
  });

  it('reads a known name followed by "Jr." as a longer, different name', () => {
    const ms = mentionsOf('Donald Trump Jr. spoke at the rally on Tuesday.', '2020-10-06');
    const m = ms.find((x) => x.text.startsWith('Donald Trump'));
    expect(m?.text).toBe('Donald Trump Jr.');
    expect(m?.actor).not.toBe('donald-trump');
  });
});
