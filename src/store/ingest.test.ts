// Ingesting into a real (in-memory SQLite) store with a stand-in analyser: skips, failures, retries.
import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RawArticle } from '../model/types.js';
import { openSqliteStore } from './sqlite/sqlite-store.js';
import { failedInputs, ingestPaths } from './ingest.js';
import { fixtureEvent, fixtureRecord } from './fixtures.js';
import { FaultlineError } from '../errors.js';

/** Codes one RUS-UKR event per article; refuses texts holding "poison". */
function analyze(raw: RawArticle) {
  if (raw.body.includes('poison')) throw new FaultlineError('analysis-failed', 'cannot analyse poison');
  return { ...fixtureRecord(raw.article.id, raw.body, [fixtureEvent('RUS', 'UKR', '112', raw.article.published)], { published: raw.article.published }), article: { ...raw.article, timesRelative: false } };
}

describe('ingestPaths', () => {
  it('stores each article once, skips repeats by content, records failures, and clears them once retried', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'faultline-ingest-lib-'));
    writeFileSync(join(dir, 'a.txt'), 'Russia accused Ukraine.\n');
    writeFileSync(join(dir, 'b.txt'), 'Russia  accused\nUkraine.\n');
    writeFileSync(join(dir, 'c.txt'), 'A poison pill.\n');
    const store = await openSqliteStore(':memory:');
    const options = { analyze, pipelineVersion: '1.2.3', published: '2022-01-20' };
    const first = await ingestPaths([dir], store, options);
    expect(first).toMatchObject({ done: 3, total: 3, stored: 1, skipped: 1, failed: 1, events: 1 });
    expect(await failedInputs(store)).toEqual([join(dir, 'c.txt')]);
    const again = await ingestPaths([dir], store, options);
    expect(again).toMatchObject({ stored: 0, skipped: 2, failed: 1 });
    expect((await store.listFailures())[0]).toMatchObject({ attempts: 2, code: 'analysis-failed' });
    writeFileSync(join(dir, 'c.txt'), 'Now a fine text.\n');
    const retried = await ingestPaths(await failedInputs(store), store, options);
    expect(retried).toMatchObject({ stored: 1, failed: 0 });
    expect(await store.counts()).toMatchObject({ articles: 2, events: 2, failures: 0 });
    expect((await store.queryEvents())[0].pipelineVersion).toBe('1.2.3');
    await store.close();
  });
});
