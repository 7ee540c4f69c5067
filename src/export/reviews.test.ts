// Every export says which events a person reviewed: CSV and GDELT review columns, the PLOVER review field.
import { describe, it, expect } from 'vitest';
import type { StoredEvent } from '../store/types.js';
import { completeReview, reviewKey } from '../store/reviews.js';
import { loadCodeTable } from '../events/codes.js';
import { EVENT_CSV_FIELDS, eventCsvHeader, toEventCsvLine } from './csv.js';
import { GDELT_COLUMNS, GDELT_REVIEW_COLUMNS, toGdeltLine } from './gdelt.js';
import { toPloverRecord } from './plover.js';
import { REVIEW_FIELDS, exportedReview, type ReviewLookup } from './reviews.js';

const event: StoredEvent = {
  id: 9, articleId: 'a1', index: 1, date: '2022-02-24', day: '2022-02-24', sentence: 0,
  source: { actor: 'russia', name: 'Russia', country: 'RUS', sector: null }, target: { actor: 'ukraine', name: 'Ukraine', country: 'UKR', sector: null },
  cameo: '190', root: '19', quad: 4, goldstein: -10, plover: 'ASSAULT', modality: 'asserted', location: null, evidence: 'Russia attacked Ukraine.',
  confidence: 0.8, pipelineVersion: '0.1.0', url: null, published: '2022-02-24', addedAt: '2022-03-01T00:00:00Z',
};
const correction = completeReview({ articleId: 'a1', eventIndex: 1, verdict: 'correct', cameo: '193', target: 'Ukrainian army', date: '2022-02-25', reviewer: 'ana', evidence: event.evidence, originalCameo: '190' }, '2022-03-02T10:00:00.000Z');
const reviews: ReviewLookup = new Map([[reviewKey('a1', 1), correction]]);

describe('exported reviews', () => {
  it('gives the verdict, reviewer, time and corrections of a reviewed event, and null for the others', () => {
    expect(exportedReview(event, reviews)).toEqual({ verdict: 'correct', reviewer: 'ana', at: '2022-03-02T10:00:00.000Z', cameo: '193', source: null, target: 'Ukrainian army', date: '2022-02-25', note: null, stale: false });
    expect(exportedReview({ ...event, index: 0 }, reviews)).toBeNull();
  });

  it('marks a review stale when re-analysis changed the evidence or the code since', () => {
    expect(exportedReview({ ...event, cameo: '180' }, reviews)?.stale).toBe(true);
    expect(exportedReview({ ...event, evidence: 'Russia shelled Ukraine.' }, reviews)?.stale).toBe(true);
  });

  it('ends each CSV line with the review columns, reviewed 0 and blanks when no one reviewed the event', () => {
    const header = eventCsvHeader().split(',');
    expect(header.slice(-REVIEW_FIELDS.length)).toEqual([...REVIEW_FIELDS]);
    const cells = toEventCsvLine(event, exportedReview(event, reviews)).split(',');
    expect(cells).toHaveLength(EVENT_CSV_FIELDS.length);
    expect(cells.slice(-9)).toEqual(['1', 'correct', 'ana', '2022-03-02T10:00:00.000Z', '193', '', 'Ukrainian army', '2022-02-25', '0']);
    expect(toEventCsvLine(event).split(',').slice(-9)).toEqual(['0', '', '', '', '', '', '', '', '']);
  });

  it('appends the 9 review columns to GDELT lines only when asked', () => {
    expect(toGdeltLine(event).split('\t')).toHaveLength(GDELT_COLUMNS);
    const cols = toGdeltLine(event, undefined, exportedReview(event, reviews)).split('\t');
    expect(cols).toHaveLength(GDELT_COLUMNS + GDELT_REVIEW_COLUMNS);
    expect(cols.slice(GDELT_COLUMNS)).toEqual(['1', 'correct', 'ana', '2022-03-02T10:00:00.000Z', '193', '', 'Ukrainian army', '2022-02-25', '0']);
    expect(toGdeltLine(event, undefined, null).split('\t').slice(GDELT_COLUMNS)).toEqual(['0', '', '', '', '', '', '', '', '']);
  });

  it('carries the review in PLOVER records', () => {
    const codes = loadCodeTable();
    expect(toPloverRecord(event, codes, undefined, exportedReview(event, reviews))?.review).toMatchObject({ verdict: 'correct', reviewer: 'ana', cameo: '193' });
    expect(toPloverRecord(event, codes)?.review).toBeNull();
  });
});
