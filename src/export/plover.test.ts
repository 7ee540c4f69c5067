// PLOVER records: event type and mode from the mapping, actors, date, place, evidence and cluster counts.
import { describe, it, expect } from 'vitest';
import type { StoredEvent } from '../store/types.js';
import { loadCodeTable } from '../events/codes.js';
import { toPloverRecord } from './plover.js';

const codes = loadCodeTable();
const event: StoredEvent = {
  id: 7, articleId: 'a1', index: 2, date: '2022-01', day: '2022-01-01', sentence: 3,
  source: { actor: null, name: 'Fishermen', country: 'BRV', sector: 'CVL' },
  target: { actor: 'arland', name: 'Arland', country: 'ARL', sector: null },
  cameo: '141', root: '14', quad: 3, goldstein: -6.5, plover: 'PROTEST', modality: 'asserted',
  location: { name: 'Kessel', country: 'ARL', lat: null, lon: null }, evidence: 'Fishermen protested outside the hall.',
  confidence: 0.7, pipelineVersion: '0.1.0', url: 'https://example.org/a1', published: '2022-01-21', addedAt: '2022-01-22T00:00:00Z',
};

describe('toPloverRecord', () => {
  it('gives the PLOVER event type and the mode of our mapping, with actors, date, place, evidence and counts', () => {
    const r = toPloverRecord(event, codes, { id: 7, mentions: 3, sources: 2, articles: 2 });
    expect(r).toMatchObject({
      id: 'a1:2', event_type: 'PROTEST', mode: 'demo', date: '2022-01', date_precision: 'month',
      actor1: { name: 'Fishermen', id: null, country: 'BRV', sector: 'CVL' }, actor2: { name: 'Arland', id: 'arland' },
      location: { name: 'Kessel', country: 'ARL' }, evidence: { text: 'Fishermen protested outside the hall.', sentence: 3 },
      counts: { mentions: 3, sources: 2, articles: 2 }, source: { url: 'https://example.org/a1' },
    });
  });

  it('files an undated event under its publication day and drops CAMEO 01 statements, which PLOVER has no type for', () => {
    expect(toPloverRecord({ ...event, date: null, day: '2022-01-21' }, codes)).toMatchObject({ date: '2022-01-21', date_precision: 'published', counts: { mentions: 1 } });
    expect(toPloverRecord({ ...event, cameo: '010', root: '01', plover: '' }, codes)).toBeNull();
  });
});
