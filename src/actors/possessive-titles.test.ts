// Whose office a title without a name refers to: a state's possessive before it says so ("Thailand's
// foreign minister"), even when another state's holder was named just before; without a date, a
// person the article named who held the office at some time is meant. The sentences are made up.
import { describe, expect, it } from 'vitest';
import { makeDoc } from '../testing/make-doc.js';
import { loadKnowledgeBase } from './kb.js';
import { findMentions } from './find-mentions.js';
import type { Mention } from '../model/types.js';

const kb = loadKnowledgeBase();

function mentionsOf(text: string, published: string | null): Mention[] {
  return findMentions(makeDoc(text, { published }), kb).mentions;
}

describe("a state's possessive before a title", () => {
  it('resolves the title to that state\'s office holder on the date', () => {
    const ms = mentionsOf("Antony Blinken called Germany's foreign minister on Tuesday.", '2022-01-18');
    expect(ms.find((m) => m.text === 'foreign minister')).toMatchObject({ actor: 'annalena-baerbock', country: 'DEU' });
  });

  it("keeps the title with that state when its holder is unknown, not with the last actor's country", () => {
    const ms = mentionsOf("The Secretary of State, John Kerry, phoned Thailand's foreign minister about the boats.", '2015-05-20');
    const fm = ms.find((m) => m.text === 'foreign minister');
    expect(fm?.actor ?? null).not.toBe('john-kerry');
    expect(fm).toMatchObject({ country: 'THA', sector: 'GOV' });
  });

  it('gives a name after the title the hint of that state', () => {
    const ms = mentionsOf("Russia's President Vladimir Putin spoke first.", '2019-06-03');
    expect(ms.find((m) => m.text === 'Vladimir Putin')).toMatchObject({ actor: 'vladimir-putin', country: 'RUS' });
  });
});

describe('a title in an undated article', () => {
  it('refers to the person the article named who held the office, not to whoever holds it today', () => {
    const ms = mentionsOf('Madeleine Albright, the Secretary of State, flew to Geneva.', null);
    expect(ms.find((m) => m.text === 'Secretary of State')).toMatchObject({ actor: 'madeleine-albright' });
  });
});

describe("a state's possessive before a body's name", () => {
  it("resolves the body to that state's own (\"Russia's Defence Ministry\" is the Russian one)", () => {
    const ms = mentionsOf("Russia's Defence Ministry said the convoy had turned back, and Ukraine's Foreign Ministry disputed it.", '2022-03-01');
    expect(ms.find((m) => m.text === 'Defence Ministry')).toMatchObject({ actor: 'ministry-of-defence-of-russia', country: 'RUS' });
    expect(ms.find((m) => m.text === 'Foreign Ministry')).toMatchObject({ actor: 'ministry-of-foreign-affairs-of-ukraine', country: 'UKR' });
  });
});
