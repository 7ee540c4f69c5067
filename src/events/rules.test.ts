import { describe, expect, it } from 'vitest';
import type { Attribution, CodedEvent, TimeExpr } from '../model/types.js';
import { makeDoc } from '../testing/make-doc.js';
import type { MentionSpec } from './fixtures/hand-mentions.js';
import { withMentions } from './fixtures/hand-mentions.js';
import { codeEvents, loadCodeTable, loadLexicon } from './index.js';

const codes = loadCodeTable();
const knowledge = { lexicon: loadLexicon([], codes), codes };

type TimeSpec = Omit<TimeExpr, 'sentence' | 'start' | 'end'>;

function code(text: string, specs: MentionSpec[], times: TimeSpec[] = [], attributions: Omit<Attribution, 'start' | 'end'>[] = []): CodedEvent[] {
  const doc = withMentions(makeDoc(text, { published: '2022-01-20' }), specs);
  const sentenceOf = (start: number): number => doc.sentences.findIndex((s) => s.start <= start && start < s.end);
  const placed = times.map((t) => {
    const start = text.indexOf(t.text);
    return { ...t, start, end: start + t.text.length, sentence: sentenceOf(start) };
  });
  const attrs = attributions.map((a) => ({ ...a, start: text.indexOf(a.text), end: text.indexOf(a.text) + a.text.length }));
  return codeEvents({ ...doc, times: placed, attributions: attrs }, knowledge).events;
}

const pairs = (events: CodedEvent[]): string[] => events.map((e) => `${e.source.country}>${e.target?.country ?? '-'}:${e.cameo}`);

describe('codeEvents: what is not an event', () => {
  it('does not code a possible or alleged invasion as an attack', () => {
    expect(code('Talks aim to prevent a possible Chilean invasion of Peru.', [{ text: 'Chilean', country: 'CHL' }, { text: 'Peru', country: 'PER' }])).toEqual([]);
    expect(code('Chile denied the alleged Chilean invasion of Peru.', [{ text: 'Chile', country: 'CHL' }, { text: 'Chilean', country: 'CHL' }, { text: 'Peru', country: 'PER' }]).map((e) => e.root)).not.toContain('19');
  });

  it('does not code what an assessment says is about to happen', () => {
    const events = code('Officials cited assessments that Chile is about to invade Peru.', [{ text: 'Chile', country: 'CHL' }, { text: 'Peru', country: 'PER' }]);
    expect(events.map((e) => e.root)).not.toContain('19');
  });

  it('drops an event noun with no target whose actor is only its possessor ("Blinken\'s trip")', () => {
    const events = code('Kenya criticised Uganda a week before Kenya’s trip.', [{ text: 'Kenya', country: 'KEN' }, { text: 'Uganda', country: 'UGA' }, { text: 'Kenya', country: 'KEN', nth: 1 }]);
    expect(pairs(events)).toEqual(['KEN>UGA:111']);
  });

  it('never makes the news agency that passes on a report the actor of what it reports', () => {
    const text = 'Reuters quoted a source as saying that Kenya sent troops to Somalia.';
    const events = code(text, [{ text: 'Reuters', country: null, sector: 'MED' }, { text: 'Kenya', country: 'KEN' }, { text: 'Somalia', country: 'SOM' }], [],
      [{ text: 'Kenya sent troops to Somalia.', name: 'Reuters', actor: 'reuters', via: 'a source' }]);
    expect(pairs(events)).toEqual(['KEN>SOM:072']);
    expect(events[0].attribution).toEqual({ name: 'Reuters', via: 'a source' });
  });

  it('reads a city named before an event noun as its place, not its actor ("the Oslo talks")', () => {
    const events = code('Norway welcomed the Oslo talks with Sweden.', [
      { text: 'Norway', country: 'NOR' }, { text: 'Oslo', country: 'NOR', type: 'GPE', lat: 59.9, lon: 10.7 }, { text: 'Sweden', country: 'SWE' },
    ]);
    expect(events.every((e) => e.source.name !== 'Oslo')).toBe(true);
  });

  it('does not read "the occupied territories" as an occupation', () => {
    expect(code('Israel built homes in the occupied territories.', [{ text: 'Israel', country: 'ISR' }]).map((e) => e.root)).not.toContain('19');
  });
});

describe('codeEvents: structure', () => {
  it('treats a short quoted word as part of its clause: respond with “severe” sanctions if', () => {
    const events = code('Japan will respond to China with “severe” economic sanctions if it attacks Taiwan.', [
      { text: 'Japan', country: 'JPN' }, { text: 'China', country: 'CHN' }, { text: 'Taiwan', country: 'TWN' },
    ]);
    expect(pairs(events)).toContain('JPN>CHN:1312');
    expect(events.find((e) => e.root === '13')?.modality).toBe('asserted');
    const attack = events.find((e) => e.root === '19');
    expect(attack && `${attack.source.country}>${attack.target?.country}:${attack.modality}`).toBe('CHN>TWN:conditional');
  });

  it('starts a new clause at ", and X verb" so X is its subject', () => {
    const events = code('Canada said the plan was fine, and Mexico added that it does not rule out talks with Cuba.', [
      { text: 'Canada', country: 'CAN' }, { text: 'Mexico', country: 'MEX' }, { text: 'Cuba', country: 'CUB' },
    ]);
    expect(pairs(events)).toContain('MEX>CUB:036');
  });

  it('gives "demands for X to ship arms to Y" X as the source, planned, not yet dated', () => {
    const events = code('Chile approved demands for Peru to ship weapons to Bolivia.', [
      { text: 'Chile', country: 'CHL' }, { text: 'Peru', country: 'PER' }, { text: 'Bolivia', country: 'BOL' },
    ]);
    const ship = events.find((e) => e.root === '07');
    expect(ship).toMatchObject({ modality: 'future', date: null });
    expect(`${ship?.source.country}>${ship?.target?.country}`).toBe('PER>BOL');
  });

  it('finds the target after "counterparts in": discussed with his counterparts in Peru and Chile', () => {
    const events = code('Evo Morales discussed the crisis with his counterparts in Peru and Chile.', [
      { text: 'Evo Morales', country: 'BOL' }, { text: 'Peru', country: 'PER', isLocation: true }, { text: 'Chile', country: 'CHL', isLocation: true },
    ]);
    expect(pairs(events).sort()).toEqual(['BOL>CHL:040', 'BOL>PER:040']);
  });

  it('dates an event by the time before it, not by "..., and a day before" another event', () => {
    const text = 'The talks come a day after the visit to Lima, where Bolivia met Peru, and a day before the summit tomorrow.';
    const events = code(text, [{ text: 'Bolivia', country: 'BOL' }, { text: 'Peru', country: 'PER' }], [
      { text: 'a day after', value: '2022-01-19', precision: 'day', via: 'anchor' },
      { text: 'a day before', value: '2022-01-21', precision: 'day', via: 'anchor' },
      { text: 'tomorrow', value: '2022-01-21', precision: 'day', via: 'chrono' },
    ]);
    expect(events.find((e) => e.source.country === 'BOL')?.date).toBe('2022-01-19');
  });

  it('reads a third-person verb the tagger took for a noun: "Libya attacks Tunisia"', () => {
    const events = code('Libya attacks Tunisia.', [{ text: 'Libya', country: 'LBY' }, { text: 'Tunisia', country: 'TUN' }]);
    expect(pairs(events)).toEqual(['LBY>TUN:190']);
  });
});
