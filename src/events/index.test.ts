import { describe, expect, it } from 'vitest';
import type { CodedEvent, TimeExpr } from '../model/types.js';
import { makeDoc } from '../testing/make-doc.js';
import type { MentionSpec } from './fixtures/hand-mentions.js';
import { withMentions } from './fixtures/hand-mentions.js';
import { codeEvents, loadCodeTable, loadLexicon } from './index.js';

const codes = loadCodeTable();
const knowledge = { lexicon: loadLexicon([], codes), codes };

function code(text: string, specs: MentionSpec[], times: Omit<TimeExpr, 'sentence'>[] = []): CodedEvent[] {
  const doc = withMentions(makeDoc(text, { published: '2022-01-20' }), specs);
  const sentenceOf = (start: number): number => doc.sentences.findIndex((s) => s.start <= start && start < s.end);
  return codeEvents({ ...doc, times: times.map((t) => ({ ...t, sentence: sentenceOf(t.start) })) }, knowledge).events;
}

const pairs = (events: CodedEvent[]): string[] => events.map((e) => `${e.source.country}>${e.target?.country ?? '-'}:${e.cameo}`);

describe('codeEvents', () => {
  it('codes subject-verb-object: "Iran criticised Iraq" as IRN>IRQ 111', () => {
    const events = code('Iran criticised Iraq on Monday.', [{ text: 'Iran', country: 'IRN' }, { text: 'Iraq', country: 'IRQ' }]);
    expect(pairs(events)).toEqual(['IRN>IRQ:111']);
    expect(events[0]).toMatchObject({ root: '11', quad: 3, plover: 'ACCUSE', modality: 'asserted' });
    expect(events[0].explain?.trigger).toBe('criticised');
  });

  it('reads the passive voice: "Kabul was attacked by rebels" gives rebels > Kabul', () => {
    const events = code('The Afghan army was attacked by Taliban fighters.', [{ text: 'Afghan army', country: 'AFG' }, { text: 'Taliban fighters', country: 'TLB' }]);
    expect(pairs(events)).toEqual(['TLB>AFG:190']);
  });

  it('codes one event per target of a compound: "met with X and Y, as well as Z"', () => {
    const events = code('Smith met in Oslo with his Dutch counterpart Jan Berg and Belgian Luc Peeters, as well as Danish minister Ole Lund, to discuss trade.', [
      { text: 'Smith', country: 'USA' }, { text: 'Oslo', country: 'NOR', isLocation: true }, { text: 'Jan Berg', country: 'NLD' },
      { text: 'Luc Peeters', country: 'BEL' }, { text: 'Ole Lund', country: 'DNK' },
    ]);
    expect(pairs(events).sort()).toEqual(['USA>BEL:040', 'USA>DNK:040', 'USA>NLD:040']);
    expect(events[0].location?.name).toBe('Oslo');
  });

  it('codes one event per member of a bloc', () => {
    const events = code('Poland criticised the Nordic states.', [{ text: 'Poland', country: 'POL' }, { text: 'the Nordic states', country: null, type: 'GROUP', members: ['DNK', 'NOR', 'SWE'] }]);
    expect(pairs(events).sort()).toEqual(['POL>DNK:111', 'POL>NOR:111', 'POL>SWE:111']);
  });

  it('takes the possessor as source of an event noun: "Smith\'s meeting with his Chinese counterpart"', () => {
    const events = code('A day before, Smith’s meeting with his Chinese counterpart Wang Li was cancelled.', [{ text: 'Smith', country: 'USA' }, { text: 'Wang Li', country: 'CHN' }]);
    expect(pairs(events)).toContain('USA>CHN:040');
  });

  it('recodes a complement: "threatened to impose sanctions on" gives 1312', () => {
    const events = code('France threatened to impose sanctions on Mali.', [{ text: 'France', country: 'FRA' }, { text: 'Mali', country: 'MLI' }]);
    expect(pairs(events)).toEqual(['FRA>MLI:1312']);
  });

  it('codes the embedded event of "allow X to send" with X as source', () => {
    const events = code('The deal will allow Norway to send tanks to Ukraine.', [{ text: 'Norway', country: 'NOR' }, { text: 'Ukraine', country: 'UKR' }]);
    expect(pairs(events)).toEqual(['NOR>UKR:072']);
    expect(events[0].modality).toBe('future');
  });

  it('codes the reported event, not the statement: "X said that Y attacked Z"', () => {
    const events = code('Kenya said that Somalia attacked Ethiopia.', [{ text: 'Kenya', country: 'KEN' }, { text: 'Somalia', country: 'SOM' }, { text: 'Ethiopia', country: 'ETH' }]);
    expect(pairs(events)).toEqual(['SOM>ETH:190']);
  });

  it('gives a bare statement code 010 with the target named after it', () => {
    const events = code('Chile said on Monday that Peru would need to remain calm.', [{ text: 'Chile', country: 'CHL' }, { text: 'Peru', country: 'PER' }]);
    expect(pairs(events)).toEqual(['CHL>PER:010']);
  });

  it('marks a negated trigger as negated', () => {
    const events = code('Spain did not criticise Morocco.', [{ text: 'Spain', country: 'ESP' }, { text: 'Morocco', country: 'MAR' }]);
    expect(events[0].modality).toBe('negated');
  });

  it('reads "does not rule out a meeting" as an intent to meet (036)', () => {
    const events = code('Cuba does not rule out a meeting with Mexico.', [{ text: 'Cuba', country: 'CUB' }, { text: 'Mexico', country: 'MEX' }]);
    expect(pairs(events)).toEqual(['CUB>MEX:036']);
    expect(events[0].modality).toBe('asserted');
  });

  it('marks an event inside an if-clause conditional and keeps the threat asserted', () => {
    const events = code('Egypt will impose sanctions on Libya if Libya attacks Tunisia.', [
      { text: 'Egypt', country: 'EGY' }, { text: 'Libya', country: 'LBY' }, { text: 'Libya', country: 'LBY', nth: 1 }, { text: 'Tunisia', country: 'TUN' },
    ]);
    const threat = events.find((e) => e.root === '13');
    const attack = events.find((e) => e.root === '19');
    expect(threat).toMatchObject({ cameo: '1312', modality: 'asserted' });
    expect(attack?.modality).toBe('conditional');
  });

  it('marks "will visit" as future', () => {
    const events = code('Austria will visit Hungary.', [{ text: 'Austria', country: 'AUT' }, { text: 'Hungary', country: 'HUN' }]);
    expect(events[0]).toMatchObject({ cameo: '042', modality: 'future', date: null });
  });

  it('takes the location from a locative mention in the clause', () => {
    const events = code('Brazil met Argentina in Geneva.', [{ text: 'Brazil', country: 'BRA' }, { text: 'Argentina', country: 'ARG' }, { text: 'Geneva', country: 'CHE', isLocation: true }]);
    expect(pairs(events)).toEqual(['BRA>ARG:040']);
    expect(events[0].location).toMatchObject({ name: 'Geneva', country: 'CHE' });
  });

  it('dates an event from the time expression in its sentence, else the publication date', () => {
    const text = 'Brazil met Argentina yesterday. Chile criticised Peru.';
    const events = code(text, [{ text: 'Brazil', country: 'BRA' }, { text: 'Argentina', country: 'ARG' }, { text: 'Chile', country: 'CHL' }, { text: 'Peru', country: 'PER' }],
      [{ start: text.indexOf('yesterday'), end: text.indexOf('yesterday') + 9, text: 'yesterday', value: '2022-01-19', precision: 'day', via: 'chrono' }]);
    expect(events.map((e) => e.date)).toEqual(['2022-01-19', '2022-01-20']);
    expect(events[1].explain?.dateFrom).toMatch(/publication/);
  });

  it('merges the same event reported twice in an article', () => {
    const events = code('Iran criticised Iraq. Iran also condemned Iraq.', [
      { text: 'Iran', country: 'IRN' }, { text: 'Iraq', country: 'IRQ' }, { text: 'Iran', country: 'IRN', nth: 1 }, { text: 'Iraq', country: 'IRQ', nth: 1 },
    ]);
    expect(events).toHaveLength(1);
    expect(events[0].spans).toHaveLength(2);
    expect(events[0].explain?.notes.join(' ')).toMatch(/also reported at/);
  });

  it('skips events whose source and target are the same country', () => {
    expect(code('Germany praised Germany.', [{ text: 'Germany', country: 'DEU' }, { text: 'Germany', country: 'DEU', nth: 1 }])).toEqual([]);
  });

  it('uses the subject of the main clause for a participle: ", accusing X of"', () => {
    const events = code('Russia rejected the plan, accusing the West of provoking it.', [{ text: 'Russia', country: 'RUS' }, { text: 'the West', country: 'WST' }]);
    expect(pairs(events)).toContain('RUS>WST:1123');
  });

  it('codes "called on X to stop" as a demand', () => {
    const events = code('Maria Ortiz called on Western countries to stop arming the rebels.', [{ text: 'Maria Ortiz', country: 'VEN' }, { text: 'Western countries', country: 'WST', type: 'GROUP' }]);
    expect(pairs(events)).toEqual(['VEN>WST:105']);
  });
});
