import { describe, expect, it } from 'vitest';
import type { CodedEvent, Mention } from '../model/types.js';
import { makeDoc } from '../testing/make-doc.js';
import type { MentionSpec } from './fixtures/hand-mentions.js';
import { withMentions } from './fixtures/hand-mentions.js';
import { codeEvents, loadCodeTable, loadLexicon } from './index.js';
import { isSubnationalPlace, sameParty } from './parties.js';

const codes = loadCodeTable();
const states = { byCode: new Map([['RUR', 'ruritania']]) };
const knowledge = { lexicon: loadLexicon([], codes), codes, kb: states };

function code(text: string, specs: MentionSpec[], edit: (m: Mention) => Mention = (m) => m): CodedEvent[] {
  const doc = withMentions(makeDoc(text, { published: '2022-01-20' }), specs);
  return codeEvents({ ...doc, mentions: doc.mentions.map(edit) }, knowledge).events;
}

const pairs = (events: CodedEvent[]): string[] => events.map((e) => `${e.source.country}/${e.source.sector ?? '-'}>${e.target?.country ?? '-'}/${e.target?.sector ?? '-'}:${e.root}`);

function mention(over: Partial<Mention>): Mention {
  return { start: 0, end: 1, text: 'x', type: 'GPE', actor: null, name: 'x', country: 'RUR', sector: null, role: null, via: 'exact', confidence: 1, sentence: 0, ...over };
}

const ruritania = mention({ actor: 'ruritania', name: 'Ruritania' });
const government = mention({ type: 'ORG', actor: 'government-of-ruritania', name: 'Government of Ruritania', sector: 'GOV' });
const oldtown = mention({ actor: 'oldtown', name: 'Oldtown', lat: 45, lon: 20, isLocation: true });

describe('sameParty', () => {
  it('takes a country and its government for one party', () => {
    expect(sameParty(ruritania, 'RUR', government, 'RUR', states)).toBe(true);
  });

  it('keeps a town of the country apart from its state', () => {
    expect(isSubnationalPlace(oldtown, states)).toBe(true);
    expect(isSubnationalPlace(ruritania, states)).toBe(false);
    expect(sameParty(government, 'RUR', oldtown, 'RUR', states)).toBe(false);
  });

  it('takes the actors stage\'s subnational flag even without a state index, but never for a capital standing for its government', () => {
    const province = mention({ actor: 'north-province', name: 'North Province', subnational: true });
    expect(isSubnationalPlace(province, null)).toBe(true);
    expect(isSubnationalPlace({ ...province, subnational: undefined }, null)).toBe(false);
    expect(isSubnationalPlace({ ...province, via: 'metonym' }, null)).toBe(false);
  });

  it('keeps the police apart from an unresolved union of the same country, but not from other police', () => {
    const police = mention({ type: 'GROUP', name: 'police', sector: 'COP' });
    const union = mention({ type: 'ORG', name: 'Ruritanian Union of Miners' });
    expect(sameParty(police, 'RUR', union, 'RUR', states)).toBe(false);
    expect(sameParty(police, 'RUR', mention({ type: 'GROUP', name: 'riot police', sector: 'COP' }), 'RUR', states)).toBe(true);
  });

  it('takes a person for the body of their own sector ("the Director of the Agency")', () => {
    const director = mention({ type: 'PERSON', actor: 'jan-kovar', name: 'Jan Kovar', sector: 'SPY' });
    const agency = mention({ type: 'ORG', actor: 'ruritanian-agency', name: 'Ruritanian Agency', sector: 'SPY' });
    expect(sameParty(director, 'RUR', agency, 'RUR', states)).toBe(true);
  });

  it('never joins parties of two countries', () => {
    expect(sameParty(ruritania, 'RUR', mention({ actor: 'ruritania', name: 'Ruritania' }), 'FRD', states)).toBe(false);
  });
});

describe('codeEvents: events between parties of one country', () => {
  it('codes a curfew a government imposes on a town of its own country', () => {
    const events = code('The Ruritanian government imposed a curfew in Oldtown on Friday.', [
      { text: 'Ruritanian government', country: 'RUR', type: 'ORG' },
      { text: 'Oldtown', country: 'RUR', isLocation: true, lat: 45, lon: 20 },
    ], (m) => (m.text === 'Oldtown' ? { ...m, actor: 'oldtown', sector: null } : { ...m, actor: 'government-of-ruritania' }));
    expect(pairs(events)).toEqual(['RUR/GOV>RUR/-:17']);
  });

  it('codes police seizing arms from a group of their own country', () => {
    const events = code('Ruritanian police confiscated weapons from the Ruritanian Union of Miners.', [
      { text: 'Ruritanian police', country: 'RUR', sector: 'COP', type: 'GROUP' },
      { text: 'Ruritanian Union of Miners', country: 'RUR', type: 'ORG' },
    ], (m) => (m.type === 'ORG' ? { ...m, actor: null, sector: null, via: 'unresolved' } : m));
    expect(pairs(events)).toEqual(['RUR/COP>RUR/-:17']);
  });

  it('still drops an event between a country and its own government', () => {
    const events = code('Ruritania criticised the Ruritanian government.', [
      { text: 'Ruritania', country: 'RUR', type: 'GPE' }, { text: 'Ruritanian government', country: 'RUR', type: 'ORG' },
    ], (m) => (m.type === 'GPE' ? { ...m, actor: 'ruritania', sector: null } : m));
    expect(events).toEqual([]);
  });
});
