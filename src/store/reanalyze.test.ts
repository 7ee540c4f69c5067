// Re-coding stored articles: events replaced in one transaction per article, the new version recorded, current ones skipped.
import { describe, it, expect } from 'vitest';
import type { RawArticle } from '../model/types.js';
import { openSqliteStore } from './sqlite/sqlite-store.js';
import { ingestPaths } from './ingest.js';
import { reanalyzeStore } from './reanalyze.js';
import { fixtureEvent, fixtureRecord } from './fixtures.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A stand-in coder: `cameo` for every article; refuses texts holding "poison" when `strict`. */
function coder(cameo: string, strict = false) {
  return (raw: RawArticle) => {
    if (strict && raw.body.includes('poison')) throw new Error('cannot code poison');
    return { ...fixtureRecord(raw.article.id, raw.body, [fixtureEvent('RUS', 'UKR', cameo, raw.article.published)]), article: { ...raw.article, timesRelative: false } };
  };
}

describe('reanalyzeStore', () => {
  it('re-codes each article from its stored text, records the new version, and leaves current articles alone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'faultline-reanalyze-'));
    writeFileSync(join(dir, 'a.txt'), 'Russia accused Ukraine.\n');
    writeFileSync(join(dir, 'b.txt'), 'Russia threatened Ukraine with poison.\n');
    const store = await openSqliteStore(':memory:');
    await ingestPaths([dir], store, { analyze: coder('112'), pipelineVersion: 'v1', published: '2022-01-20' });
    const seen: string[] = [];
    const first = await reanalyzeStore(store, {
      analyze: (raw) => (seen.push(raw.body), coder('138', true)(raw)), pipelineVersion: 'v2',
    });
    expect(first).toMatchObject({ done: 2, stored: 1, failed: 1 });
    expect(seen[0]).toBe('Russia accused Ukraine.\n');
    const events = await store.queryEvents();
    expect(events.map((e) => [e.articleId, e.cameo, e.pipelineVersion, e.day]).sort()).toEqual([
      [expect.any(String), '112', 'v1', '2022-01-20'], [expect.any(String), '138', 'v2', '2022-01-20'],
    ].sort());
    expect(await reanalyzeStore(store, { analyze: coder('138'), pipelineVersion: 'v2' })).toMatchObject({ stored: 1, skipped: 1 });
    expect(await reanalyzeStore(store, { analyze: coder('138'), pipelineVersion: 'v2', all: true })).toMatchObject({ stored: 2, skipped: 0 });
    expect(await store.counts()).toMatchObject({ articles: 2, events: 2 });
    await store.close();
  });
});
