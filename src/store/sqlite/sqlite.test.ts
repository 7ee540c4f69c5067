// The store contract against SQLite, plus what only a file-backed SQLite store shows.
import { describe, it, expect } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runReviewContract, runStoreContract } from '../contract.js';
import { openSqliteStore } from './sqlite-store.js';
import { openSqliteReviews } from '../reviews-sqlite.js';
import { MemoryReviewStore } from '../reviews.js';
import { fixtureEvent, fixtureRecord, fixtureSave } from '../fixtures.js';

runStoreContract('SQLite', () => openSqliteStore(':memory:'));

runReviewContract('SQLite', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'faultline-reviews-')), 'r.db');
  const store = await openSqliteStore(file);
  const reviews = openSqliteReviews(file);
  return { store, reviews, close: async () => {
    await reviews.close();
    await store.close();
  } };
});

runReviewContract('in-memory', async () => {
  const store = await openSqliteStore(':memory:');
  return { store, reviews: new MemoryReviewStore(), close: () => store.close() };
});

describe('SQLite store file', () => {
  it('keeps what was stored across a close and reopen', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'faultline-sqlite-')), 'f.db');
    const first = await openSqliteStore(file);
    await first.saveAnalysis(fixtureSave(fixtureRecord('k1', 'Russia warned Ukraine.', [fixtureEvent('RUS', 'UKR', '130', '2022-01-01')])));
    await first.close();
    const again = await openSqliteStore(file);
    expect(await again.counts()).toMatchObject({ articles: 1, events: 1 });
    await again.close();
  });

  it('sees reviews and articles written by another connection in its generation', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'faultline-sqlite-')), 'g.db');
    const reader = await openSqliteStore(file);
    const writer = await openSqliteStore(file);
    const reviews = openSqliteReviews(file);
    const readerReviews = openSqliteReviews(file);
    const [g0, r0] = [await reader.generation(), await readerReviews.generation()];
    await writer.saveAnalysis(fixtureSave(fixtureRecord('k2', 'Russia warned Ukraine.', [fixtureEvent('RUS', 'UKR', '130', '2022-01-01')])));
    expect(await reader.generation()).not.toBe(g0);
    await reviews.saveReview({ articleId: 'k2', eventIndex: 0, verdict: 'confirm', reviewer: 'ana', evidence: 'x', originalCameo: '130' });
    expect(await readerReviews.generation()).not.toBe(r0);
    for (const s of [reviews, readerReviews, writer, reader]) await s.close();
  });

  it('names the file when it cannot be opened', async () => {
    await expect(openSqliteStore('/nonexistent-dir/x/f.db')).rejects.toThrow(/nonexistent-dir.*cannot open/);
  });
});
