import { describe, expect, it } from 'vitest';
import type { CodedEvent, Doc, Mention } from '../model/types.js';
import { locate, locateAll } from './locate.js';
import { dateWithin, scoreArticle } from './score.js';
import type { GoldArticle } from './gold.js';

const text = 'Ann Lee met Bob Ray in Oslo. Bob Ray said he was pleased.\n\nLeave';

function doc(partial: Partial<Doc>): Doc {
  return {
    article: { id: 't', title: null, published: '2020-01-02', publishedFrom: 'option', source: 't', url: null, lang: 'en' },
    text, removed: [], paragraphs: [], tokens: [],
    sentences: [{ start: 0, end: 28, tokenStart: 0, tokenEnd: 0 }, { start: 29, end: 58, tokenStart: 0, tokenEnd: 0 }],
    mentions: [], times: [], events: [], quotes: [], attributions: [], flags: [],
    ...partial,
  };
}

const mention = (start: number, end: number, name: string, country: string): Mention => ({
  start, end, text: text.slice(start, end), type: 'PERSON', actor: null, name, country, sector: 'GOV', role: null, via: 'exact', confidence: 1, sentence: 0,
});

const event = (start: number, end: number, source: string, target: string, root: string, date: string | null): CodedEvent => ({
  start, end, sentence: 0, cameo: `${root}0`, root, quad: 1, goldstein: 1, plover: 'CONSULT', date, datePrecision: 'day', location: null,
  modality: 'asserted', attribution: null, evidence: text.slice(start, end), confidence: 1,
  source: { actor: null, name: source, country: source, sector: null }, target: { actor: null, name: target, country: target, sector: null },
});

describe('locate', () => {
  it('finds every occurrence, and the nearest one to a hint', () => {
    expect(locateAll(text, 'Bob Ray')).toHaveLength(2);
    expect(locate(text, 'Bob Ray', 30)).toEqual([{ start: 29, end: 36 }]);
  });
  it('treats "..." as a gap', () => {
    expect(locateAll(text, 'Ann Lee ... Oslo')).toEqual([{ start: 0, end: 27 }]);
  });
});

describe('scoreArticle', () => {
  const gold: GoldArticle = {
    id: 't', file: 'x', published: '2020-01-02',
    removed: ['Leave a Reply'],
    mentions: [{ text: 'Ann Lee', name: 'Ann Lee', country: 'NOR' }, { text: 'Bob Ray', name: 'Robert Ray', country: 'SWE', start: 12 }],
    events: [
      { source: 'NOR', target: 'SWE', roots: ['04'], date: '2020-01-02', required: true, evidence: 'Ann Lee met Bob Ray' },
      { source: 'SWE', target: 'NOR', roots: ['01'], required: false, evidence: 'Bob Ray said he was pleased' },
    ],
  };

  it('counts a mention only when its name and country are right', () => {
    const s = scoreArticle(doc({ mentions: [mention(0, 7, 'Ann Lee', 'NOR'), mention(12, 19, 'Bob Ray', 'SWE')] }), gold);
    expect(s.mentions).toEqual({ hit: 1, total: 2 });
    expect(s.boilerplate).toEqual({ hit: 1, total: 1 });
  });

  it('matches events by codes and by the sentence of their evidence', () => {
    const right = event(0, 27, 'NOR', 'SWE', '04', '2020-01-02');
    const elsewhere = event(29, 58, 'NOR', 'SWE', '04', '2020-01-02');
    const extra = event(0, 27, 'NOR', 'SWE', '19', null);
    const s = scoreArticle(doc({ events: [right, elsewhere, extra] }), gold);
    expect(s.eventRecall).toEqual({ hit: 1, total: 1 });
    expect(s.eventPrecision).toEqual({ hit: 1, total: 3 });
    expect(s.eventDates).toEqual({ hit: 1, total: 1 });
  });

  it('counts an optional gold event towards precision but not recall', () => {
    const s = scoreArticle(doc({ events: [event(29, 58, 'SWE', 'NOR', '01', null)] }), gold);
    expect(s.eventRecall).toEqual({ hit: 0, total: 1 });
    expect(s.eventPrecision).toEqual({ hit: 1, total: 1 });
  });
});

describe('dateWithin', () => {
  it('compares days with a tolerance and years by prefix', () => {
    expect(dateWithin('2022-01-13', '2022-01-12', 2)).toBe(true);
    expect(dateWithin('2022-01-16', '2022-01-12', 2)).toBe(false);
    expect(dateWithin('2014', '2014', 0)).toBe(true);
    expect(dateWithin('2014-03', '2014', 0)).toBe(true);
    expect(dateWithin(null, '2014', 0)).toBe(false);
  });
});
