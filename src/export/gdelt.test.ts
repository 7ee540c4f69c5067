// GDELT 2.0 lines: 61 columns in GDELT's order, filled from what we have.
import { describe, it, expect } from 'vitest';
import type { StoredEvent } from '../store/types.js';
import { GDELT_COLUMNS, toGdeltLine } from './gdelt.js';
import { eventCsvHeader, toEventCsvLine, EVENT_CSV_FIELDS } from './csv.js';

const event: StoredEvent = {
  id: 42, articleId: 'a1', index: 0, date: '2022-02-24', day: '2022-02-24', sentence: 0,
  source: { actor: 'government-of-russia', name: 'Government of Russia', country: 'RUS', sector: 'GOV' },
  target: { actor: 'nato', name: 'NATO', country: 'NATO', sector: null },
  cameo: '1382', root: '13', quad: 3, goldstein: -6.5, plover: 'THREATEN', modality: 'asserted',
  location: { name: 'Kyiv', country: 'UKR', lat: 50.45, lon: 30.52 }, evidence: 'Moscow warned,\tthe "alliance"\nagain',
  confidence: 0.8, pipelineVersion: '0.1.0', url: 'https://example.org/a1', published: '2022-02-25', addedAt: '2022-03-01T12:34:56.789Z',
};

describe('toGdeltLine', () => {
  it('writes 61 tab-separated columns in GDELT 2.0 order', () => {
    const cols = toGdeltLine(event).split('\t');
    expect(cols.length).toBe(GDELT_COLUMNS);
    expect(cols.slice(0, 5)).toEqual(['42', '20220224', '202202', '2022', '2022.1507']);
    expect(cols.slice(5, 9)).toEqual(['RUSGOV', 'GOVERNMENT OF RUSSIA', 'RUS', '']);
    expect(cols[12]).toBe('GOV');
    expect(cols.slice(15, 19)).toEqual(['NATO', 'NATO', '', 'NATO']);
    expect(cols.slice(25, 31)).toEqual(['1', '1382', '138', '13', '3', '-6.5']);
    expect(cols.slice(31, 34)).toEqual(['1', '1', '1']);
    expect(cols.slice(51, 58)).toEqual(['4', 'Kyiv', 'UKR', '', '', '50.45', '30.52']);
    expect(cols[59]).toBe('20220301123456');
    expect(cols[60]).toBe('https://example.org/a1');
  });

  it('keeps 61 columns for an undated event without target or place', () => {
    const bare = { ...event, date: null, day: null, target: null, location: null, sentence: 3, url: null };
    const cols = toGdeltLine(bare).split('\t');
    expect(cols.length).toBe(GDELT_COLUMNS);
    expect(cols[1]).toBe('');
    expect(cols[25]).toBe('0');
  });
});

describe('event CSV', () => {
  it('quotes fields holding commas, quotes or line breaks, one field per header name', () => {
    expect(eventCsvHeader().split(',').length).toBe(EVENT_CSV_FIELDS.length);
    const line = toEventCsvLine(event);
    expect(line).toContain('"Moscow warned,\tthe ""alliance""\nagain"');
    expect(line.startsWith('42,2022-02-24,2022-02-24,government-of-russia,Government of Russia,RUS,GOV,1382,13,3,-6.5,THREATEN')).toBe(true);
  });
});
