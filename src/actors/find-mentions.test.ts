import { describe, it, expect } from 'vitest';
import { makeDoc } from '../testing/make-doc.js';
import { loadKnowledgeBase } from './kb.js';
import { findMentions } from './find-mentions.js';
import type { Mention } from '../model/types.js';

const kb = loadKnowledgeBase();

function mentionsOf(text: string, published: string): Mention[] {
  return findMentions(makeDoc(text, { published }), kb).mentions;
}

function at(ms: Mention[], text: string, nth = 0): Mention {
  const found = ms.filter((m) => m.text === text)[nth];
  if (!found) throw new Error(`no mention "${text}" in ${ms.map((m) => m.text).join(' | ')}`);
  return found;
}

describe('findMentions', () => {
  it('resolves an exact name with the office held on the date', () => {
    const m = at(mentionsOf('Angela Merkel visited Paris on Monday.', '2019-05-01'), 'Angela Merkel');
    expect(m).toMatchObject({ actor: 'angela-merkel', country: 'DEU', role: 'Chancellor of Germany', via: 'exact', gender: 'f' });
  });

  it('resolves an alias to the canonical name', () => {
    const m = at(mentionsOf('Tony Blinken spoke to reporters.', '2022-02-01'), 'Tony Blinken');
    expect(m).toMatchObject({ name: 'Antony Blinken', country: 'USA', via: 'alias' });
    expect(m.misspelled).toBeUndefined();
  });

  it('resolves a garbled spelling and marks it misspelled', () => {
    const m = at(mentionsOf('The talks were opened by Emanuel Macronn at noon.', '2020-06-01'), 'Emanuel Macronn');
    expect(m).toMatchObject({ name: 'Emmanuel Macron', country: 'FRA', via: 'fuzzy', misspelled: true });
  });

  it('keeps the name span after a title and gives the role on the date', () => {
    const ms = mentionsOf('German Chancellor Olaf Scholz said the plan would work.', '2022-03-01');
    expect(at(ms, 'Olaf Scholz')).toMatchObject({ country: 'DEU', role: 'Chancellor of Germany' });
    expect(ms.some((m) => m.text === 'German')).toBe(false);
  });

  it('resolves a title without a name to the holder on the date', () => {
    const ms = mentionsOf('The British Foreign Secretary flew home on Friday.', '2022-01-20');
    const m = ms.find((x) => x.text.includes('Foreign Secretary'));
    expect(m).toMatchObject({ name: 'Liz Truss', country: 'GBR', via: 'role' });
  });

  it('resolves "his counterpart" through the role of the antecedent', () => {
    const ms = mentionsOf('Dmytro Kuleba met his Turkish counterpart in Ankara.', '2021-06-01');
    const m = ms.find((x) => x.text.includes('counterpart'));
    expect(m).toMatchObject({ name: 'Mevlüt Çavuşoğlu', country: 'TUR', via: 'role' });
  });

  it('links a subject pronoun to the last person of that gender, not pronouns inside quotes', () => {
    const ms = mentionsOf('Jacinda Ardern arrived in Sydney. She said “he is late” to the press.', '2018-03-01');
    expect(at(ms, 'She')).toMatchObject({ name: 'Jacinda Ardern', via: 'coref' });
    expect(ms.some((m) => m.text === 'he')).toBe(false);
  });

  it('links a later surname to the full name', () => {
    const ms = mentionsOf('Penny Wong met officials in Jakarta. Later Wong said the visit went well.', '2023-03-01');
    expect(at(ms, 'Wong')).toMatchObject({ name: 'Penny Wong', actor: 'penny-wong', via: 'coref' });
  });

  it('treats an acting capital as its government and a locative one as a place', () => {
    const ms = mentionsOf('Beijing rejected the claims, and officials in Beijing said more would follow.', '2021-01-10');
    expect(at(ms, 'Beijing', 0)).toMatchObject({ via: 'metonym', country: 'CHN', sector: 'GOV', name: 'Government of China' });
    expect(at(ms, 'Beijing', 1)).toMatchObject({ isLocation: true, country: 'CHN', type: 'GPE' });
    expect(at(ms, 'Beijing', 1).lat).toBeCloseTo(39.9, 1);
  });

  it('places a city after "the Swiss city of"', () => {
    expect(at(mentionsOf('The talks took place in the Swiss city of Geneva.', '2021-01-10'), 'Geneva')).toMatchObject({ isLocation: true, country: 'CHE' });
  });

  it('gives a bloc its members', () => {
    const m = at(mentionsOf('Officials from the Baltic states asked for help.', '2021-01-10'), 'the Baltic states');
    expect(m.members).toEqual(['EST', 'LVA', 'LTU']);
  });

  it('codes a demonym and a demonym with a sector noun', () => {
    const ms = mentionsOf('A Russian attack was reported, and Russian soldiers crossed the river.', '2021-01-10');
    expect(at(ms, 'Russian')).toMatchObject({ country: 'RUS', via: 'demonym' });
    expect(at(ms, 'Russian soldiers')).toMatchObject({ type: 'GROUP', country: 'RUS', sector: 'MIL' });
  });

  it('names an unknown person by the fullest form in the article', () => {
    const ms = mentionsOf('The fair was opened by Marta Quistenberg on Sunday. Later Quistenberg thanked the volunteers.', '2021-01-10');
    expect(at(ms, 'Quistenberg')).toMatchObject({ actor: null, name: 'Marta Quistenberg', type: 'PERSON' });
  });

  it('does not turn sentence-initial common words or months into mentions', () => {
    const ms = mentionsOf('Yesterday the market closed early. In March prices rose.', '2021-01-10');
    expect(ms).toEqual([]);
  });
});
