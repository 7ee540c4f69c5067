// Ingesting RSS and Atom feeds served from a local HTTP server into a real (in-memory SQLite) store.
import { describe, it, expect, afterAll } from 'vitest';
import type { RawArticle } from '../model/types.js';
import { openSqliteStore } from './sqlite/sqlite-store.js';
import { ingestPaths } from './ingest.js';
import { fixtureEvent, fixtureRecord } from './fixtures.js';
import { newsPage, rssFeed, startTestServer } from './test-server.js';

/** Codes one RUS-UKR event per article and keeps the raw article's metadata. */
function analyze(raw: RawArticle) {
  return { ...fixtureRecord(raw.article.id, raw.body, [fixtureEvent('RUS', 'UKR', '112', null)], { published: raw.article.published }), article: { ...raw.article, timesRelative: false } };
}

const PARA = 'Ministers of Arland and Borvia met on Tuesday in the lakeside town of Kessel to settle a long quarrel over fishing rights, and both sides said the talks had been frank and useful.';

const server = await startTestServer({
  '/a1': { body: newsPage('Arland and Borvia meet in Kessel', [PARA, 'A second round is planned for next month in Drel, officials of both governments said on Tuesday evening.']) },
  '/atom': {
    type: 'application/xml',
    body: `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><entry><title>Envoys return</title><link href="/gone"/><id>urn:x:1</id>` +
      `<updated>2022-03-02T08:00:00Z</updated><summary type="html">&lt;p&gt;The envoys of Borvia returned home from Kessel on Wednesday.&lt;/p&gt;</summary></entry></feed>`,
  },
});
afterAll(() => server.close());

describe('ingesting feeds', () => {
  it('stores each RSS item from its page (or its own description), with the item link and date, and fetches nothing twice', async () => {
    const feed = rssFeed([
      { title: 'Arland and Borvia meet in Kessel', link: `${server.url}/a1`, date: 'Thu, 20 Jan 2022 10:00:00 GMT', description: 'short teaser' },
      { title: 'Fishermen protest', link: `${server.url}/missing`, date: 'Fri, 21 Jan 2022 09:00:00 GMT', description: '<p>Fishermen protested outside the hall in Kessel.</p><p>Police made no arrests.</p>' },
    ]);
    const store = await openSqliteStore(':memory:');
    const local = await startTestServer({ '/feed.xml': { type: 'application/rss+xml; charset=utf-8', body: feed } });
    const summary = await ingestPaths([`${local.url}/feed.xml`], store, { analyze, pipelineVersion: 't' });
    expect(summary).toMatchObject({ done: 2, total: 2, stored: 2, failed: 0 });
    const records = await store.listRecords();
    expect(records.map((r) => [r.article.url, r.article.published, r.article.title])).toEqual([
      [`${server.url}/a1`, '2022-01-20', 'Arland and Borvia meet in Kessel'],
      [`${server.url}/missing`, '2022-01-21', 'Fishermen protest'],
    ]);
    expect(records[0].text).toContain('lakeside town of Kessel');
    expect(records[0].text).not.toContain('short teaser');
    expect(records[1].text).toBe('Fishermen protest\n\nFishermen protested outside the hall in Kessel.\n\nPolice made no arrests.');
    const pageFetches = server.requests.length;
    expect(await ingestPaths([`${local.url}/feed.xml`], store, { analyze, pipelineVersion: 't' })).toMatchObject({ stored: 0, skipped: 2 });
    expect(server.requests.length).toBe(pageFetches);
    await local.close();
    await store.close();
  });

  it('recognises an Atom feed served as plain XML by its root element and resolves relative links', async () => {
    const store = await openSqliteStore(':memory:');
    expect(await ingestPaths([`${server.url}/atom`], store, { analyze, pipelineVersion: 't' })).toMatchObject({ stored: 1, failed: 0 });
    const [record] = await store.listRecords();
    expect(record.article).toMatchObject({ url: `${server.url}/gone`, published: '2022-03-02', title: 'Envoys return' });
    expect(record.text).toContain('returned home from Kessel');
    await store.close();
  });

  it('records a broken feed as a failure and goes on with the next input', async () => {
    const bad = await startTestServer({ '/bad': { type: 'application/rss+xml', body: '<rss><channel><item><title>cut off' } });
    const store = await openSqliteStore(':memory:');
    const summary = await ingestPaths([`${bad.url}/bad`, `${server.url}/atom`], store, { analyze, pipelineVersion: 't' });
    expect(summary).toMatchObject({ stored: 1, failed: 1 });
    expect((await store.listFailures())[0]).toMatchObject({ code: 'input-feed-item' });
    await bad.close();
    await store.close();
  });
});
