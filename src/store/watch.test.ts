// Watching feeds served from a local HTTP server: conditional GET, only new items, bad feeds survived.
import { describe, it, expect, afterAll } from 'vitest';
import type { RawArticle } from '../model/types.js';
import { openSqliteStore } from './sqlite/sqlite-store.js';
import { parseInterval, pollFeed, watchFeeds } from './watch.js';
import { fixtureEvent, fixtureRecord } from './fixtures.js';
import { newsPage, rssFeed, startTestServer } from './test-server.js';

function analyze(raw: RawArticle) {
  return { ...fixtureRecord(raw.article.id, raw.body, [fixtureEvent('RUS', 'UKR', '112', null)]), article: { ...raw.article, timesRelative: false } };
}

const items = [{ title: 'Talks open in Kessel', link: '/p1', date: 'Thu, 20 Jan 2022 10:00:00 GMT' }];
const page = (n: number) => newsPage(`Story ${n}`, [`Delegates from Arland and Borvia met for round ${n} of talks in Kessel on Thursday, officials said, and agreed to meet again soon in Drel.`]);
const server = await startTestServer({
  '/feed': (headers) => {
    const etag = `"v${items.length}"`;
    if (headers['if-none-match'] === etag) return { status: 304, body: '' };
    return { type: 'application/rss+xml', body: rssFeed(items.map((i) => ({ ...i, link: `${server.url}${i.link}` }))), headers: { etag } };
  },
  '/p1': { body: page(1) },
  '/p2': { body: page(2) },
  '/broken': { type: 'application/rss+xml', body: 'this is not XML at all' },
});
afterAll(() => server.close());

describe('watching feeds', () => {
  it('sends If-None-Match on the next poll, gets 304, and ingests only items that are new', async () => {
    const store = await openSqliteStore(':memory:');
    const options = { analyze, pipelineVersion: 't' };
    expect(await pollFeed(`${server.url}/feed`, store, options)).toMatchObject({ status: 200, items: 1, stored: 1 });
    expect(await pollFeed(`${server.url}/feed`, store, options)).toMatchObject({ status: 304, stored: 0 });
    expect(server.requests.filter((r) => r.path === '/feed').map((r) => r.headers['if-none-match'])).toEqual([undefined, '"v1"']);
    items.push({ title: 'Talks resume', link: '/p2', date: 'Fri, 21 Jan 2022 10:00:00 GMT' });
    expect(await pollFeed(`${server.url}/feed`, store, options)).toMatchObject({ status: 200, items: 2, stored: 1, skipped: 1 });
    expect(server.requests.filter((r) => r.path === '/p1')).toHaveLength(1);
    expect(await store.getFeedState(`${server.url}/feed`)).toMatchObject({ etag: '"v2"', status: 200, error: null });
    await store.close();
  });

  it('goes on polling when a feed is down or malformed, logging each problem, and stops when aborted', async () => {
    const store = await openSqliteStore(':memory:');
    const lines: string[] = [];
    const controller = new AbortController();
    const results = await watchFeeds(['http://127.0.0.1:1/feed', `${server.url}/broken`, `${server.url}/feed`], store, {
      analyze, pipelineVersion: 't', everyMs: 10, rounds: 2, signal: controller.signal, log: (l) => lines.push(l),
    });
    expect(results.map((r) => [r.status, r.error === null])).toEqual([[0, false], [200, false], [200, true], [0, false], [200, false], [304, true]]);
    expect(lines[0]).toMatch(/127\.0\.0\.1:1\/feed: could not be fetched .*will retry next round/);
    expect(lines[1]).toMatch(/broken: not a.* RSS or Atom feed/);
    expect((await store.counts()).articles).toBe(2);
    controller.abort();
    expect(await watchFeeds([`${server.url}/feed`], store, { analyze, pipelineVersion: 't', everyMs: 10, signal: controller.signal })).toEqual([]);
    await store.close();
  });

  it('reads intervals such as 15m, 30s, 1h30m and 500ms', () => {
    expect([parseInterval('15m'), parseInterval('30s'), parseInterval('1h30m'), parseInterval('500ms')]).toEqual([900000, 30000, 5400000, 500]);
    expect([parseInterval('soon'), parseInterval('0s'), parseInterval('15')]).toEqual([null, null, null]);
  });
});
