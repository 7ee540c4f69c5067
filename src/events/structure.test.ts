import { describe, expect, it } from 'vitest';
import { codeWith as code, pairs, who } from './fixtures/code-with.js';

const FRD = { text: 'Freedonia', country: 'FRD', type: 'GPE' as const };
const SYL = { text: 'Sylvania', country: 'SYL', type: 'GPE' as const };

describe('codeEvents: promises, plans and offers', () => {
  it('codes a meeting offered on a condition as an intent to meet (036), not a future meeting', () => {
    const events = code('Freedonia said it would meet Sylvania if the shelling stopped.', [FRD, SYL]);
    expect(pairs(events)).toEqual(['FRD>SYL:036']);
    expect(events[0].modality).toBe('asserted');
  });

  it('keeps an unconditional future meeting a meeting', () => {
    expect(code('Freedonia will meet Sylvania next week.', [FRD, SYL]).map((e) => e.root)).toEqual(['04']);
  });

  it('reads "may" and "might" as a possibility (conditional), not as what happened', () => {
    expect(code('Freedonia may attack Sylvania.', [FRD, SYL]).map((e) => e.modality)).toEqual(['conditional']);
    expect(code('Officials said Freedonia might impose sanctions on Sylvania.', [FRD, SYL]).map((e) => e.modality)).toEqual(['conditional']);
    expect(code('Freedonia attacked Sylvania.', [FRD, SYL]).map((e) => e.modality)).toEqual(['asserted']);
  });

  it('codes a plan to impose restrictions as a threat (13)', () => {
    expect(code('Freedonia plans to impose restrictions on Sylvania.', [FRD, SYL]).map((e) => e.root)).toEqual(['13']);
  });
});

describe('codeEvents: who did it', () => {
  it('takes the subject of "undertook a mediation mission between X and Y" as the mediator of both', () => {
    const events = code('Ana Lopes undertook a mediation mission between Freedonia and Sylvania.', [{ text: 'Ana Lopes', country: 'RUR' }, FRD, SYL]);
    expect(pairs(events).sort()).toEqual(['RUR>FRD:045', 'RUR>SYL:045']);
  });

  it('does not take the possessor of the subject for a second source ("Ana Lopes\'s movement threatened")', () => {
    const events = code('Ana Lopes’s Freedom Front threatened to attack Sylvania.', [
      { text: 'Ana Lopes', country: 'RUR' }, { text: 'Freedom Front', country: 'FRD', sector: 'REB', type: 'ORG' }, SYL,
    ]);
    expect(events.map((e) => who(e.source))).toEqual(['FRD']);
  });

  it('does not take a hyphenated modifier of the subject for a second source ("Alliance-member Freedonia")', () => {
    const events = code('Alliance-member Freedonia attacked Sylvania.', [{ text: 'Alliance', country: 'ALL', sector: 'IGO', type: 'ORG' }, FRD, SYL]);
    expect(pairs(events)).toEqual(['FRD>SYL:190']);
  });

  it('takes a named group and its group noun for one source ("Freedom Front guerrillas")', () => {
    const events = code('Freedom Front guerrillas attacked Sylvanian soldiers.', [
      { text: 'Freedom Front', country: 'FRD', sector: 'REB', type: 'ORG' }, { text: 'guerrillas', country: null, sector: 'REB', type: 'GROUP' },
      { text: 'Sylvanian soldiers', country: 'SYL', sector: 'MIL', type: 'GROUP' },
    ]);
    expect(events.map((e) => `${e.source.name}>${who(e.target)}`)).toEqual(['Freedom Front>SYL']);
  });

  it('takes "supporters of X" for a group of X\'s country, not for X', () => {
    const events = code('About 200 supporters of former President Ivo Marek blocked roads in Sylvania.', [{ text: 'Ivo Marek', country: 'SYL' }, SYL]);
    expect(events.map((e) => `${e.source.name}/${e.source.country}`)).toEqual(['supporters of Ivo Marek/SYL']);
    expect(events[0].root).toBe('14');
  });

  it('takes a demonym before an event noun for its actor ("Freedonian riots against ...")', () => {
    const events = code('Freedonian riots against Sylvanian soldiers continued.', [
      { text: 'Freedonian', country: 'FRD', type: 'GPE', via: 'demonym', lat: 10, lon: 10 }, { text: 'Sylvanian soldiers', country: 'SYL', sector: 'MIL', type: 'GROUP' },
    ]);
    expect(pairs(events)).toEqual(['FRD>SYL:145']);
  });

  it('takes protesters of no known country for the people of the ruler they protest against', () => {
    const events = code('Islamist rebels began a hunger strike to demand the resignation of President Ivo Marek.', [
      { text: 'Islamist rebels', country: null, sector: 'REB', type: 'GROUP' }, { text: 'Ivo Marek', country: 'SYL' },
    ], (m) => (m.text === 'Ivo Marek' ? { ...m, sector: null } : m));
    expect(pairs(events)).toEqual(['SYL>SYL:1421']);
  });
});

describe('codeEvents: whom it was done to', () => {
  it('stops a list of targets at a closing attribution (", a weekly reports")', () => {
    const events = code('Freedonia threatened to attack Sylvania and Ruritania, a Grand Fenwick weekly reports.', [
      FRD, SYL, { text: 'Ruritania', country: 'RUR', type: 'GPE' }, { text: 'Grand Fenwick', country: 'GFW', type: 'GPE' },
    ]);
    expect(pairs(events).map((p) => p.split(':')[0]).sort()).toEqual(['FRD>RUR', 'FRD>SYL']);
  });

  it('does not take the source of a closing attribution for a target (", the Sylvanian army said")', () => {
    const events = code('Freedonian police confiscated weapons, the Sylvanian army said on Friday.', [
      { text: 'Freedonian police', country: 'FRD', sector: 'COP', type: 'GROUP' }, { text: 'Sylvanian army', country: 'SYL', sector: 'MIL', type: 'ORG' },
    ]);
    expect(events.map((e) => e.target)).toEqual([null]);
  });

  it('ends a list after a preposition at a closing attribution (", Defense Secretary Ana Lopes said")', () => {
    const events = code('Freedonian troops arrived in Sylvania, Defense Secretary Ana Lopes said.', [
      { text: 'Freedonian troops', country: 'FRD', sector: 'MIL', type: 'GROUP' }, SYL, { text: 'Ana Lopes', country: 'RUR' },
    ]);
    expect(events.map((e) => who(e.target))).toEqual(['SYL']);
  });

  it('runs a list of targets on past the first window ("to A, B, C, D and E")', () => {
    const names = ['Alba', 'Borduria', 'Carpania', 'Dorvia', 'Elbonia'];
    const events = code(`Freedonia agreed on Monday to lift the embargo on medicine sales in late spring to ${names.slice(0, 4).join(', ')} and ${names[4]}.`, [
      FRD, ...names.map((n) => ({ text: n, country: n.slice(0, 3).toUpperCase(), type: 'GPE' as const })),
    ]);
    expect(events.map((e) => who(e.target)).sort()).toEqual(['ALB', 'BOR', 'CAR', 'DOR', 'ELB']);
  });

  it('gives a target of no known country the country of the place named right after it', () => {
    const events = code('The Agency dispatched inspectors to the Tarn Conversion Plant (TCP) in central Sylvania.', [
      { text: 'Agency', country: 'IAEA', sector: 'IGO', type: 'ORG' }, { text: 'Tarn Conversion Plant', country: null, type: 'ORG' },
      { text: 'TCP', country: null, type: 'ORG' }, SYL,
    ]);
    expect(pairs(events).map((p) => p.split(':')[0])).toEqual(['IAEA>SYL']);
  });

  it('gives the target of a protest\'s aim to the protest', () => {
    const events = code('Deputy Ana Lopes started a hunger strike to protest President Ivo Marek’s failure to reform.', [
      { text: 'Ana Lopes', country: 'SYL', sector: 'LEG' }, { text: 'Ivo Marek', country: 'SYL' },
    ]);
    expect(pairs(events)).toEqual(['SYL>SYL:1422']);
  });
});

describe('codeEvents: force with no named doer, and against civilians', () => {
  it('codes an agentless passive with its subject as target and an unknown source', () => {
    const events = code('A Sylvanian journalist was killed in a car bomb explosion on Monday.', [{ text: 'Sylvanian journalist', country: 'SYL', sector: 'MED', type: 'GROUP' }]);
    expect(events).toHaveLength(1);
    expect(events[0].source).toMatchObject({ name: 'unknown', actor: null, country: null });
    expect(who(events[0].target)).toBe('SYL');
    expect(events[0].root).toBe('18');
    expect(events[0].explain?.sourceRole).toContain('unknown');
  });

  it('does not make the speaker of a reported clause the victim of its agentless passive', () => {
    const events = code('Freedonia said that the marriages were banned.', [FRD]);
    expect(events.filter((e) => e.source.name === 'unknown')).toEqual([]);
  });

  it('codes a plain attack on refugees as an assault (180), an attack on soldiers as force (190)', () => {
    const onRefugees = code('Sylvanian militiamen attacked Freedonian refugees.', [
      { text: 'Sylvanian militiamen', country: 'SYL', sector: 'REB', type: 'GROUP' }, { text: 'Freedonian refugees', country: 'FRD', sector: 'REF', type: 'GROUP' },
    ]);
    expect(pairs(onRefugees)).toEqual(['SYL>FRD:180']);
    const onSoldiers = code('Sylvanian militiamen attacked Freedonian soldiers.', [
      { text: 'Sylvanian militiamen', country: 'SYL', sector: 'REB', type: 'GROUP' }, { text: 'Freedonian soldiers', country: 'FRD', sector: 'MIL', type: 'GROUP' },
    ]);
    expect(pairs(onSoldiers)).toEqual(['SYL>FRD:190']);
  });
});
