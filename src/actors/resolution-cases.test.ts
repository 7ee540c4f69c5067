import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeDoc } from '../testing/make-doc.js';
import { loadKnowledgeBase } from './kb.js';
import { findMentions } from './find-mentions.js';
import { lookupName } from './lookup.js';
import type { Mention } from '../model/types.js';

const kb = loadKnowledgeBase();

function mentionsOf(text: string, published = '2015-06-01'): Mention[] {
  return findMentions(makeDoc(text, { published }), kb).mentions;
}

function covering(ms: Mention[], text: string): Mention[] {
  return ms.filter((m) => m.text.includes(text) || text.includes(m.text));
}

describe('resolution cases', () => {
  it('takes an appositive name over the guess a possessive title would make', () => {
    const ms = mentionsOf('The Saudi foreign minister arrived in Cairo. Russia sent a message too. Its foreign minister, Sergey Lavrov, is expected to visit Tehran.', '2021-03-01');
    const lavrov = ms.filter((m) => m.name === 'Sergey Lavrov');
    expect(lavrov).toHaveLength(1);
    expect(lavrov[0]).toMatchObject({ country: 'RUS', text: 'Sergey Lavrov' });
    expect(ms.some((m) => m.text === 'Its foreign minister' || (m.text.includes('foreign minister') && m.country === 'SAU' && m.sentence === 2))).toBe(false);
  });

  it('does not match a different given name to a known surname', () => {
    const ms = mentionsOf('Manhattan District Attorney Cyrus R. Vance announced the charges.');
    expect(ms.some((m) => m.actor === 'jd-vance')).toBe(false);
    const vance = ms.find((m) => m.text.endsWith('Vance'));
    expect(vance?.text.startsWith('Cyrus')).toBe(true);
    expect(lookupName(kb, 'Cyrus R. Vance').some((c) => c.entity.id === 'jd-vance')).toBe(false);
  });

  it('gives an unknown person the country of the demonym before the title', () => {
    const ms = mentionsOf('Indonesian military spokesman Fuad Basya said the boats were turned back. Basya added that talks continue.');
    expect(ms.find((m) => m.text === 'Fuad Basya')).toMatchObject({ country: 'IDN' });
    expect(ms.find((m) => m.text === 'Basya')).toMatchObject({ name: 'Fuad Basya', country: 'IDN' });
  });

  it('makes bare plural demonyms and sector nouns mentions', () => {
    const ms = mentionsOf('Palestinians marched in Ramallah while protesters and police clashed. Iraqis voted.');
    expect(ms.find((m) => m.text === 'Palestinians')).toMatchObject({ country: 'PSE' });
    expect(ms.find((m) => m.text === 'Iraqis')).toMatchObject({ country: 'IRQ' });
    expect(ms.find((m) => m.text === 'protesters')).toMatchObject({ sector: 'OPP', country: null });
    expect(ms.find((m) => m.text === 'police')).toMatchObject({ sector: 'COP' });
  });

  it('knows historic states and former capitals', () => {
    const ms = mentionsOf('Yugoslavia and the Soviet Union signed a pact. East Germany protested, and Bonn said it would respond. Czechoslovakia abstained.', '1985-05-01');
    expect(ms.find((m) => m.text === 'Yugoslavia')).toMatchObject({ country: 'YUG' });
    expect(ms.find((m) => m.text === 'the Soviet Union' || m.text === 'Soviet Union')).toMatchObject({ country: 'SUN' });
    expect(ms.find((m) => m.text === 'East Germany')).toMatchObject({ country: 'DDR' });
    expect(ms.find((m) => m.text === 'Bonn')).toMatchObject({ country: 'DEU', sector: 'GOV' });
    expect(ms.find((m) => m.text === 'Czechoslovakia')).toMatchObject({ country: 'CSK' });
  });

  it('resolves well-known companies as businesses', () => {
    const ms = mentionsOf('Microsoft and Google said Twitter would follow.');
    expect(ms.find((m) => m.text === 'Microsoft')).toMatchObject({ country: 'USA', sector: 'BUS' });
    expect(ms.find((m) => m.text === 'Twitter')).toMatchObject({ sector: 'BUS' });
  });

  it('codes a former officeholder as an elite', () => {
    const ms = mentionsOf('Former President Barack Obama criticised the plan.', '2019-05-01');
    expect(ms.find((m) => m.name === 'Barack Obama')).toMatchObject({ sector: 'ELI', country: 'USA' });
  });

  it('drops honorifics from names and refers back by given name', () => {
    const ms = mentionsOf('Professor Marta Quill of the institute spoke first. Quill said the data was clear. Later, Marta added a warning.');
    expect(ms.find((m) => m.text === 'Marta Quill')).toBeDefined();
    expect(ms.find((m) => m.text === 'Marta')).toMatchObject({ name: 'Marta Quill', via: 'coref' });
  });

  it('keeps the first full name for a shared surname', () => {
    const ms = mentionsOf('Tariq Haddad, 14, built a radio. His father Omar Selim Haddad was proud. Haddad said he wants to study.');
    expect(ms.find((m) => m.text === 'Haddad')).toMatchObject({ name: 'Tariq Haddad' });
  });

  it('gives unknown local names the article focus country', () => {
    const ms = mentionsOf('Kenya held elections. In Kenya, turnout was high, and Kenyan officials praised Kenya. Wanjiru Kamau won her seat in Kenya.');
    expect(ms.find((m) => m.text === 'Wanjiru Kamau')).toMatchObject({ country: 'KEN' });
  });

  it('reads a state as its national team in a match report, not elsewhere', () => {
    const report = 'Norway beat Chile 2-1. The striker scored a penalty after the goalkeeper fell, and the midfielder scored again before halftime.';
    expect(mentionsOf(report).find((m) => m.text === 'Norway')).toMatchObject({ name: 'Norway national football team', country: 'NOR', type: 'ORG' });
    expect(mentionsOf('Norway signed a trade deal with Chile.').find((m) => m.text === 'Norway')).toMatchObject({ name: 'Norway', type: 'GPE' });
  });

  it('reads users\' own entity files from an extra folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-'));
    writeFileSync(join(dir, 'mine.json'), JSON.stringify({ entities: [{ id: 'zorblat-union', kind: 'org', name: 'Zorblat Union', country: 'FRA', sector: 'LAB' }] }));
    const own = loadKnowledgeBase([dir]);
    expect(lookupName(own, 'Zorblat Union')[0]?.entity.id).toBe('zorblat-union');
  });
});
