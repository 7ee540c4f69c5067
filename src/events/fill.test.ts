import { describe, expect, it } from 'vitest';
import type { CodedEvent, Mention } from '../model/types.js';
import { makeDoc } from '../testing/make-doc.js';
import type { MentionSpec } from './fixtures/hand-mentions.js';
import { withMentions } from './fixtures/hand-mentions.js';
import { codeEvents, loadCodeTable, loadLexicon } from './index.js';

const codes = loadCodeTable();
const knowledge = { lexicon: loadLexicon([], codes), codes };

function code(text: string, specs: MentionSpec[], edit: (m: Mention) => Mention = (m) => m): CodedEvent[] {
  const doc = withMentions(makeDoc(text, { published: '2022-01-20' }), specs);
  return codeEvents({ ...doc, mentions: doc.mentions.map(edit) }, knowledge).events;
}

const pairs = (events: CodedEvent[]): string[] => events.map((e) => `${e.source.country ?? e.source.name}>${e.target?.country ?? '-'}:${e.root}`);

describe('subjects no actor mention covers', () => {
  it('codes an event whose subject is an unresolved noun phrase, taking its country from a place inside it', () => {
    const events = code('Angry farmers in Freedonia blocked the main highway on Monday.', [{ text: 'Freedonia', country: 'FRD', isLocation: true }]);
    expect(events).toHaveLength(1);
    expect(events[0].source).toMatchObject({ name: 'Angry farmers', country: 'FRD', sector: 'AGR', actor: null });
    expect(events[0].root).toBe('14');
    expect(events[0].explain?.sourceRole).toContain('noun phrase');
  });

  it('codes an event in a sentence with no actor mention at all', () => {
    const events = code('Hardline clerics appealed for calm after the riots.', []);
    expect(pairs(events)).toEqual(['Hardline clerics>-:02']);
  });

  it('does not take a bare generic plural as an actor', () => {
    expect(code('Countries must obtain approval before shipping any weapons.', [])).toEqual([]);
  });
});

describe('countries completed from the sentence', () => {
  it('takes the place where an event happens as its target when none is named', () => {
    const events = code('Oceanian troops detained dozens of students in Valoria on Sunday.', [
      { text: 'Oceanian troops', country: 'OCN', sector: 'MIL' }, { text: 'Valoria', country: 'VAL', isLocation: true },
    ]);
    expect(pairs(events)).toEqual(['OCN>VAL:17']);
    expect(events[0].explain?.targetRole).toContain('place of the event');
  });

  it('gives a target of no known country the country of its source (a domestic event)', () => {
    const events = code('Ruritanian rebels freed Mayor Ivan Petrov on Friday.', [
      { text: 'Ruritanian rebels', country: 'RUR', sector: 'REB' }, { text: 'Mayor Ivan Petrov', country: null },
    ]);
    expect(events.map((e) => `${e.source.country}>${e.target?.country}`)).toEqual(['RUR>RUR']);
    expect(events[0].target?.name).toBe('Mayor Ivan Petrov');
  });

  it('joins a demonym with the group noun after it into one source', () => {
    const events = code('Irish nationalist guerrillas wounded two Oceanian soldiers.', [
      { text: 'Irish', country: 'IRL' }, { text: 'guerrillas', country: null, sector: 'REB' }, { text: 'Oceanian soldiers', country: 'OCN', sector: 'MIL' },
    ], (m) => (m.text === 'Irish' ? { ...m, sector: null } : m));
    expect(events.map((e) => `${e.source.country}/${e.source.sector}>${e.target?.country}`)).toEqual(['IRL/REB>OCN']);
  });
});

describe('a target named after the trigger outside any role', () => {
  it('takes a demonym inside the object as the target', () => {
    const events = code('The Ruritanians rejected proposed Freedonian changes to the border deal.', [
      { text: 'Ruritanians', country: 'RUR' }, { text: 'Freedonian', country: 'FRD' },
    ]);
    expect(pairs(events)).toEqual(['RUR>FRD:12']);
    expect(events[0].explain?.targetRole).toContain('named after the trigger');
  });

  it('takes every actor of a list after the trigger', () => {
    const events = code('The Ruritanian parliament agreed to lift embargoes on medicine sales to Freedonia and Valoria.', [
      { text: 'Ruritanian parliament', country: 'RUR', sector: 'LEG' }, { text: 'Freedonia', country: 'FRD' }, { text: 'Valoria', country: 'VAL' },
    ]);
    expect(pairs(events)).toEqual(['RUR>FRD:03', 'RUR>VAL:03']);
  });

  it('does not take the source\'s own state as the target', () => {
    const events = code('Ruritanian police confiscated weapons near the Ruritanian border.', [
      { text: 'Ruritanian police', country: 'RUR', sector: 'COP' }, { text: 'Ruritanian', country: 'RUR' },
    ]);
    expect(pairs(events)).toEqual(['RUR>-:17']);
  });

  it('leaves several cooperating actors as each other\'s targets', () => {
    const events = code('Ruritania and Freedonia agreed to cooperate closely in Valoria.', [
      { text: 'Ruritania', country: 'RUR' }, { text: 'Freedonia', country: 'FRD' }, { text: 'Valoria', country: 'VAL' },
    ]);
    expect(pairs(events).sort()).toEqual(['FRD>RUR:03', 'RUR>FRD:03']);
  });
});
