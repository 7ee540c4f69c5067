// Groups with modifiers and lists, generic titled actors, sub-national places, offices given by a
// title, former officeholders, namesakes told apart by context, close spellings of surnames,
// national sides of sports reports and the halves of a divided country. People are fictional,
// added from a fixture folder so that the cases do not depend on the real people files.
import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeDoc } from '../testing/make-doc.js';
import { loadKnowledgeBase } from './kb.js';
import { findMentions } from './find-mentions.js';
import { holderOf } from './lookup.js';
import type { Mention } from '../model/types.js';

const dir = mkdtempSync(join(tmpdir(), 'faultline-actor-cases-'));
const office = (title: string, role: string, forCode: string, sector: string, start: string, end: string | null) => ({ title, role, for: forCode, sector, start, end });
writeFileSync(join(dir, 'fixture-people.json'), JSON.stringify({
  entities: [
    { id: 'tomas-quellberg', kind: 'person', name: 'Tomas Quellberg', country: 'SWE', gender: 'm', offices: [office('Secretary-General of the United Nations', 'secretary-general', 'UN', 'IGO', '1990-01-01', '1995-12-31')] },
    { id: 'marek-ostrowiak', kind: 'person', name: 'Marek Ostrowiak', country: 'POL', gender: 'm', offices: [office('Minister of Agriculture of Poland', 'agriculture-minister', 'POL', 'GOV', '1991-01-01', '1993-06-30')] },
    { id: 'anna-quorvath', kind: 'person', name: 'Anna Quorvath', country: 'HUN', gender: 'f', offices: [office('Minister of Culture of Hungary', 'culture-minister', 'HUN', 'GOV', '2030-01-01', null)] },
    { id: 'lajos-quorvath', kind: 'person', name: 'Lajos Quorvath', country: 'SVK', gender: 'm', offices: [office('Minister of Culture of Slovakia', 'culture-minister', 'SVK', 'GOV', '2030-01-01', null)] },
    { id: 'dmitry-vorontsovsky', kind: 'person', name: 'Dmitry Vorontsovsky', country: 'RUS', gender: 'm', offices: [office('Minister of Sport of Russia', 'sport-minister', 'RUS', 'GOV', '2030-01-01', null)] },
    { id: 'ilse-brennwald', kind: 'person', name: 'Ilse Brennwald', country: 'LIE', gender: 'f', offices: [office('Minister of Justice of Liechtenstein', 'justice-minister', 'LIE', 'GOV', '2030-02-01', null)] },
    { id: 'jonas-vilkaitis-minister', kind: 'person', name: 'Jonas Vilkaitis', country: 'LTU', gender: 'm', offices: [office('Minister of Finance of Lithuania', 'finance-minister', 'LTU', 'GOV', '2030-01-01', null)] },
    { id: 'jonas-vilkaitis-mayor', kind: 'person', name: 'Jonas Vilkaitis', country: 'LVA', gender: 'm', offices: [office('Minister of Finance of Latvia', 'finance-minister', 'LVA', 'GOV', '2010-01-01', '2012-01-01')] },
    { id: 'otto-brennwald', kind: 'person', name: 'Otto Brennwald', country: 'LIE', gender: 'm', offices: [office('Minister of Justice of Liechtenstein', 'justice-minister', 'LIE', 'GOV', '2029-01-01', null)] },
  ],
}));
const kb = loadKnowledgeBase([dir]);

function mentionsOf(text: string, published: string | null = '2031-06-01'): Mention[] {
  return findMentions(makeDoc(text, { published }), kb).mentions;
}

function byText(ms: Mention[], text: string): Mention | undefined {
  return ms.find((m) => m.text === text);
}

describe('groups named by a country word', () => {
  it('reads modifiers between the country word and the sector noun as one group', () => {
    const ms = mentionsOf('Bangladeshi peacekeeping troops arrived on Monday.');
    expect(byText(ms, 'Bangladeshi peacekeeping troops')).toMatchObject({ country: 'BGD', sector: 'MIL', type: 'GROUP', via: 'generic' });
    expect(byText(mentionsOf('French border police said the road was closed.'), 'French border police')).toMatchObject({ country: 'FRA', sector: 'COP' });
  });

  it('gives every country of a list the sector of the noun they share', () => {
    const ms = mentionsOf('Senior Hungarian and Romanian officials agreed on Wednesday to cooperate.');
    expect(ms.find((m) => m.country === 'HUN')).toMatchObject({ sector: 'GOV', via: 'generic' });
    expect(ms.find((m) => m.country === 'ROU')).toMatchObject({ sector: 'GOV', via: 'generic' });
  });

  it('does not take the verb of the clause for a modifier', () => {
    const ms = mentionsOf("North Korea puts military in 'quasi-state of war'.");
    expect(byText(ms, 'North Korea')).toMatchObject({ country: 'PRK', sector: null });
    expect(ms.some((m) => m.text.includes('puts'))).toBe(false);
  });

  it('makes a title qualified by a country but held by nobody known a generic actor of that country', () => {
    expect(byText(mentionsOf('A French minister threatened to impose import restrictions.'), 'French minister')).toMatchObject({ country: 'FRA', sector: 'GOV', actor: null, via: 'generic' });
  });

  it('reads the European Community as the European Union, an IGO', () => {
    expect(mentionsOf('The European Community gave the Ivory Coast 5 million dollars of aid.').find((m) => m.name === 'European Union')).toMatchObject({ country: 'EU', sector: 'IGO' });
  });

  it('knows short and common forms of state names and demonyms', () => {
    const ms = mentionsOf('Turkey and Bosnia signed a deal; Kyrgyz and Bosnian Serb leaders looked on, as did officials from Trinidad.');
    expect(ms.map((m) => m.country)).toEqual(expect.arrayContaining(['TUR', 'BIH', 'KGZ', 'TTO']));
    expect(ms.find((m) => m.text.startsWith('Bosnian Serb'))?.country).toBe('BIH');
  });
});

describe('places below the state', () => {
  it('marks a province or city of a state as sub-national, and the state itself not', () => {
    const ms = mentionsOf('The Russian government refused to accept the independence of Chechnya. Troops were sent from Moscow to Grozny.');
    expect(byText(ms, 'Chechnya')).toMatchObject({ country: 'RUS', subnational: true });
    expect(byText(ms, 'Russian government')?.subnational).toBeUndefined();
    expect(mentionsOf('Russia closed its border.').find((m) => m.country === 'RUS')?.subnational).toBeUndefined();
  });
});

describe('offices and dates', () => {
  it('takes the office a title gives a person when the text has no date', () => {
    const m = byText(mentionsOf('U.N. Secretary-General Tomas Quellberg announced that inspectors will leave.', null), 'Tomas Quellberg');
    expect(m).toMatchObject({ actor: 'tomas-quellberg', country: 'UN', sector: 'IGO' });
  });

  it('makes a person whose offices had all ended by the date a former officeholder (ELI)', () => {
    const m = byText(mentionsOf('Marek Ostrowiak criticised the new tariffs.', '2010-05-01'), 'Marek Ostrowiak');
    expect(m).toMatchObject({ actor: 'marek-ostrowiak', country: 'POL', sector: 'ELI', role: 'former Minister of Agriculture of Poland' });
    // A former official of a body acts for their own country.
    expect(byText(mentionsOf('Tomas Quellberg criticised the plan.', '2010-05-01'), 'Tomas Quellberg')).toMatchObject({ country: 'SWE', sector: 'ELI' });
    // In office on the date: the office, not ELI.
    expect(byText(mentionsOf('Marek Ostrowiak criticised the new tariffs.', '1992-05-01'), 'Marek Ostrowiak')).toMatchObject({ country: 'POL', sector: 'GOV' });
  });

  it('takes the latest appointee when two open-ended offices of one role overlap', () => {
    expect(holderOf(kb, 'justice-minister', 'LIE', '2031-06-01')?.id).toBe('ilse-brennwald');
    expect(holderOf(kb, 'justice-minister', 'LIE', '2029-06-01')?.id).toBe('otto-brennwald');
  });
});

describe('names', () => {
  it('leaves a surname shared by two officeholders unresolved with its candidates, and picks by the countries the article names', () => {
    const alone = byText(mentionsOf('Quorvath said the museum would reopen. Quorvath added that funds were short.'), 'Quorvath');
    expect(alone).toMatchObject({ actor: null });
    expect(alone?.candidates).toEqual(expect.arrayContaining(['anna-quorvath', 'lajos-quorvath']));
    const inSlovakia = byText(mentionsOf('Slovakia will fund the museum in Bratislava. Quorvath said it would reopen.'), 'Quorvath');
    expect(inSlovakia).toMatchObject({ actor: 'lajos-quorvath', country: 'SVK' });
  });

  it('tells two people sharing a name apart by the date, else by the countries the article names, else keeps both as candidates', () => {
    expect(byText(mentionsOf('Jonas Vilkaitis presented the budget.', '2031-06-01'), 'Jonas Vilkaitis')).toMatchObject({ actor: 'jonas-vilkaitis-minister', country: 'LTU' });
    const undated = byText(mentionsOf('Jonas Vilkaitis presented the budget.', null), 'Jonas Vilkaitis');
    expect(undated).toMatchObject({ actor: null, via: 'unresolved' });
    expect(undated?.candidates).toEqual(['jonas-vilkaitis-minister', 'jonas-vilkaitis-mayor']);
    expect(byText(mentionsOf('Latvia cut taxes. Jonas Vilkaitis presented the budget.', null), 'Jonas Vilkaitis')).toMatchObject({ actor: 'jonas-vilkaitis-mayor' });
  });

  it('tolerates transliteration variants of given names and surnames', () => {
    expect(byText(mentionsOf('Dmitrii Vorontsovsky opened the games.'), 'Dmitrii Vorontsovsky')).toMatchObject({ actor: 'dmitry-vorontsovsky', misspelled: true });
    // A lone surname is an office holder's only with a cue: here the article names Russia.
    expect(byText(mentionsOf('Russia hosted the games. Vorontsovskiy opened them. Vorontsovskiy said they were a success.'), 'Vorontsovskiy')).toMatchObject({ actor: 'dmitry-vorontsovsky', via: 'fuzzy' });
    expect(byText(mentionsOf('Vorontsovskiy opened the games. Vorontsovskiy said they were a success.'), 'Vorontsovskiy')).toMatchObject({ actor: null });
    // A capitalised word seen once is no mention, and is not guessed at.
    expect(mentionsOf('Vorontsovskiy opened the games.').some((m) => m.actor === 'dmitry-vorontsovsky')).toBe(false);
    // An unknown person named in full, then by a close spelling of the surname.
    const ms = mentionsOf('Aleksandr Prigozhinsky led the march. Later Prigozhinskiy spoke to reporters.');
    expect(byText(ms, 'Prigozhinskiy')).toMatchObject({ name: 'Aleksandr Prigozhinsky', via: 'coref' });
  });

  it('does not take a short word close to a surname for the person', () => {
    expect(mentionsOf('Vorontsov opened the games. Vorontsov left early.').some((m) => m.actor === 'dmitry-vorontsovsky')).toBe(false);
  });
});

describe('sports reports and divided countries', () => {
  const match = 'In the match, England beat Scotland 2-1 at Wembley. The striker scored a penalty after the goalkeeper fouled him; the defender was sent off after the kick-off.';

  it('makes England and Scotland national teams in a football report', () => {
    const ms = mentionsOf(match);
    expect(byText(ms, 'England')).toMatchObject({ type: 'ORG', name: 'England national football team' });
    expect(byText(ms, 'Scotland')).toMatchObject({ type: 'ORG', name: 'Scotland national football team' });
  });

  it('keeps England a place outside a sports report', () => {
    expect(byText(mentionsOf('England and Scotland agreed on a new water plan.'), 'England')).toMatchObject({ type: 'GPE', name: 'England' });
  });

  it('reads "the North" and "the South" as the two Koreas in an article naming both', () => {
    const ms = mentionsOf('North Korea fired a missile on Monday. South Korea protested. The North said the test was a success, while the South called it a provocation.');
    expect(byText(ms, 'North')).toMatchObject({ country: 'PRK' });
    expect(byText(ms, 'South')).toMatchObject({ country: 'KOR' });
    const other = mentionsOf('The storm hit Ireland. The South was spared.');
    expect(other.some((m) => m.country === 'KOR')).toBe(false);
  });
});
