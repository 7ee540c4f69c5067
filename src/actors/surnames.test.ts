// Lone surnames: name suffixes ("Jr.", "III") are not surnames, names whose family name comes first
// ("Xi Jinping") are keyed on it, and a lone surname is a known office holder's only with a cue.
// The sentences are made up for these tests.
import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeDoc } from '../testing/make-doc.js';
import { loadKnowledgeBase } from './kb.js';
import { findMentions } from './find-mentions.js';
import { surnameKey } from './context.js';
import { isNameSuffix, nameSuffix, splitName } from './normalize.js';
import type { Mention } from '../model/types.js';

const kb = loadKnowledgeBase();

function mentionsOf(text: string, published: string | null = '2020-01-15'): Mention[] {
  return findMentions(makeDoc(text, { published }), kb).mentions;
}

function byText(ms: Mention[], text: string): Mention | undefined {
  return ms.find((m) => m.text === text);
}

function allByText(ms: Mention[], text: string): Mention[] {
  return ms.filter((m) => m.text === text);
}

describe('name suffixes', () => {
  it('splits the surname off before a suffix and keeps the suffix out of the key', () => {
    expect(splitName('Martin Luther King Jr.')).toEqual({ given: 'Martin', surname: 'King' });
    expect(splitName('Martin Luther King, Jr.')).toEqual({ given: 'Martin', surname: 'King' });
    expect(splitName('Hollis Bramwell Sr')).toEqual({ given: 'Hollis', surname: 'Bramwell' });
    expect(splitName('Edmund Carrow IV')).toEqual({ given: 'Edmund', surname: 'Carrow' });
    expect(splitName('Salman of Saudi Arabia').surname).toBe('Salman');
    // A single-letter numeral is left alone; a suffix alone stays what it is.
    expect(splitName('Malcolm X').surname).toBe('X');
    expect(splitName('Jr.').surname).toBe('Jr.');
    expect(surnameKey('Robert Dunmore Jr.')).toBe('dunmore');
    expect(surnameKey('Lydia Farrant III')).toBe('farrant');
    expect(nameSuffix('Ferdinand Marcos Jr.')).toBe('jr');
    expect(nameSuffix('Jr.')).toBe('');
    expect(['Jr.', 'Jr', 'Sr.', 'II', 'III', 'IV', 'XVI'].every(isNameSuffix)).toBe(true);
    expect(['Jrs', 'I', 'X', 'Ivy', 'Vic'].some(isNameSuffix)).toBe(false);
  });

  it('refers back to a suffixed name by the surname before the suffix', () => {
    const ms = mentionsOf('Bartholomew Quince Jr. opened the new library on Monday. Quince thanked the volunteers who had raised the money.');
    expect(byText(ms, 'Bartholomew Quince Jr.')).toBeDefined();
    expect(byText(ms, 'Quince')).toMatchObject({ name: 'Bartholomew Quince Jr.', via: 'coref' });
  });

  it('indexes a known person under the surname, not the suffix', () => {
    expect(kb.surnames.get('marcos')).toContain('bongbong-marcos');
    expect(kb.surnames.get('jr.')).toBeUndefined();
    expect(kb.surnames.get('iii')).toBeUndefined();
    // A regnal number names no surname ("Leo XIV"), though a title and name do ("Queen Elizabeth").
    expect(kb.surnames.get('leo')).toBeUndefined();
    expect(kb.surnames.get('elizabeth')).toContain('elizabeth-ii');
    const ms = mentionsOf('Ferdinand Marcos Jr. addressed the senate in Manila. Marcos promised to lower rice prices.', '2023-03-01');
    expect(byText(ms, 'Marcos')).toMatchObject({ actor: 'bongbong-marcos', via: 'coref' });
  });

  it('does not take a name without the suffix for the suffixed person, nor a lone suffix for anyone', () => {
    expect(mentionsOf('Ferdinand Marcos declared martial law across the islands.', '1972-10-01').some((m) => m.actor === 'bongbong-marcos')).toBe(false);
    const ms = mentionsOf('Donald Trump Jr. posted a video from the rally. Observers shared it widely.', '2020-10-01');
    expect(ms.some((m) => m.text === 'Jr.')).toBe(false);
    // Close spellings: the suffix must agree.
    expect(byText(mentionsOf('Donald Trumpp Jr. posted a video from the rally.', '2020-10-01'), 'Donald Trumpp Jr.')?.actor ?? null).toBeNull();
    expect(byText(mentionsOf('Ferdinand Marcoss Jr. thanked the voters.', '2022-07-01'), 'Ferdinand Marcoss Jr.')).toMatchObject({ actor: 'bongbong-marcos', misspelled: true });
  });
});

describe('names with the family name first', () => {
  it('keys a known person on the family name the data gives', () => {
    expect(surnameKey('Xi Jinping', kb)).toBe('xi');
    // Without the knowledge base a name splits by position.
    expect(surnameKey('Xi Jinping')).toBe('jinping');
    expect(surnameKey('Kim Jong Un', kb)).toBe('kim');
    expect(kb.surnames.get('xi')).toContain('xi-jinping');
    expect(kb.surnames.get('jinping')).toBeUndefined();
    expect(kb.surnames.get('lai')).toContain('lai-ching-te');
    // Unknown names split by position, as before.
    expect(surnameKey('Zhou Weiming', kb)).toBe('weiming');
  });

  it('refers back to Chinese and Korean leaders by the family name alone', () => {
    const ms = mentionsOf('Xi Jinping received Moon Jae-in at a lakeside guesthouse. Xi spoke first about tariffs, and Moon answered about the peninsula. Jinping was not mentioned again.', '2019-12-23');
    expect(byText(ms, 'Xi')).toMatchObject({ actor: 'xi-jinping', via: 'coref' });
    expect(byText(ms, 'Moon')).toMatchObject({ actor: 'moon-jae-in', via: 'coref' });
    expect(byText(ms, 'Jinping')?.actor ?? null).toBeNull();
  });

  it('reads every name form holding the family name, in either order', () => {
    const kim = mentionsOf('Kim Jong Un watched the launch from a bunker. Kim then inspected a factory.', '2021-03-10');
    expect(byText(kim, 'Kim')).toMatchObject({ actor: 'kim-jong-un', via: 'coref' });
    const lai = mentionsOf('William Lai toured the harbour on Friday. Lai later met fishermen.', '2024-08-02');
    expect(byText(lai, 'Lai')).toMatchObject({ actor: 'lai-ching-te', via: 'coref' });
  });

  it('validates the field', () => {
    const bad = (entity: object): (() => unknown) => () => {
      const dir = mkdtempSync(join(tmpdir(), 'kb-family-'));
      writeFileSync(join(dir, 'mine.json'), JSON.stringify({ entities: [entity] }));
      return loadKnowledgeBase([dir]);
    };
    expect(bad({ id: 'pak-sorin', kind: 'person', name: 'Pak So-rin', familyName: 'Park' })).toThrow(/familyName/);
    expect(bad({ id: 'quill-works', kind: 'org', name: 'Quill Works', familyName: 'Quill' })).toThrow(/familyName/);
    expect(bad({ id: 'pak-sorin', kind: 'person', name: 'Pak So-rin', familyName: 'Pak' })).not.toThrow();
  });
});

describe('a lone surname of an office holder', () => {
  it('is not the office holder without a cue', () => {
    const ms = mentionsOf('Johnson scored twice for the home side before the break, and the crowd stayed on its feet.');
    expect(ms.some((m) => m.actor === 'boris-johnson')).toBe(false);
  });

  it('is the office holder with a title or a country of theirs next to it', () => {
    expect(byText(mentionsOf('Prime Minister Johnson promised more nurses.'), 'Johnson')).toMatchObject({ actor: 'boris-johnson' });
    expect(byText(mentionsOf('Ministers met in Leeds, where British Johnson was cheered.'), 'Johnson')).toMatchObject({ actor: 'boris-johnson' });
  });

  it('is the office holder when the article names their country, before or after', () => {
    expect(byText(mentionsOf('Britain will hold talks next week. Johnson said a deal was close.'), 'Johnson')).toMatchObject({ actor: 'boris-johnson' });
    expect(byText(mentionsOf('Johnson said a deal was close. The talks will be held in Britain.'), 'Johnson')).toMatchObject({ actor: 'boris-johnson' });
  });

  it('is a leader when another state\'s leader is named in the same sentence', () => {
    expect(byText(mentionsOf('Putin agreed to call the president of Finland about the border.', null), 'Putin')).toMatchObject({ actor: 'vladimir-putin' });
  });

  it('is not a holder of another office than the title next to it gives', () => {
    // Jafar Hassan is a prime minister, not a king.
    const ms = mentionsOf('King Hassan welcomed the envoys to the palace.', '2025-01-15');
    expect(ms.some((m) => m.actor === 'jafar-hassan')).toBe(false);
  });

  it('is a place, not the person, where it is used as a place', () => {
    const ms = mentionsOf('The United States sent observers to the fair. The fair was held in Bolton last week, and Bolton was full of visitors.', '2019-01-15');
    expect(ms.some((m) => m.actor === 'john-bolton')).toBe(false);
    expect(allByText(ms, 'Bolton').every((m) => m.type === 'LOC')).toBe(true);
    // A possessive is a person's, after "in" too.
    const putin = mentionsOf('Russia has changed. Life in Putin\'s Russia is hard for reporters.', '2019-01-15');
    expect(byText(putin, 'Putin')).toMatchObject({ actor: 'vladimir-putin' });
  });

  it('still follows the person named in full earlier in the article', () => {
    const ms = mentionsOf('John Bolton left the White House on Tuesday. Bolton later wrote a book.', '2019-09-12');
    expect(byText(ms, 'Bolton')).toMatchObject({ actor: 'john-bolton', via: 'coref' });
  });
});
