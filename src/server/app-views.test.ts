import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { makeTestApp, type TestApp } from './test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(async () => t.close());

const get = async (path: string) => {
  const res = await t.app.request(path);
  return { status: res.status, body: (await res.json()) as any, headers: res.headers };
};
const post = async (path: string, body: unknown, headers: Record<string, string> = { authorization: 'Bearer sesame' }) => {
  const res = await t.app.request(path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as any };
};

describe('network, locations, quotes and flags', () => {
  it('answers the actor network with the events filters', async () => {
    const net = (await get('/api/network')).body;
    expect(net.by).toBe('actor');
    expect(net.edges.map((e: any) => `${e.source}>${e.target}:${e.events}`)).toEqual(['russia>ukraine:1', 'united-states>russia:1', 'vladimir-putin>ukraine:1']);
    expect((await get('/api/network?by=country')).body.edges.find((e: any) => e.source === 'RUS')).toMatchObject({ target: 'UKR', events: 2, goldstein: -5 });
    expect((await get('/api/network?quad=1')).body.edges).toHaveLength(1);
    expect((await get('/api/network?text=washington')).body.edges).toEqual([expect.objectContaining({ source: 'united-states' })]);
    expect((await get('/api/network?nodes=2')).body.omitted.nodes).toBeGreaterThan(0);
  });

  it('answers the places of located events and counts the others', async () => {
    const res = (await get('/api/locations')).body;
    expect(res.items).toEqual([expect.objectContaining({ name: 'Kharkiv', lat: 49.99, lon: 36.23, events: 1 })]);
    expect(res).toMatchObject({ unplaced: 2, total: 1, more: false });
    expect((await get('/api/locations?dyad=USA-RUS')).body).toMatchObject({ items: [], unplaced: 1 });
  });

  it('lists quotes and flags with filters and pages', async () => {
    const quotes = (await get('/api/quotes?limit=2')).body;
    expect(quotes).toMatchObject({ total: 3, more: true, limit: 2 });
    expect(quotes.items[0]).toMatchObject({ articleId: 'a1', index: 0, speaker: 'Vladimir Putin', kind: 'direct' });
    expect((await get('/api/quotes?speaker=putin&article=a2')).body.items.map((q: any) => q.articleId)).toEqual(['a2']);
    expect((await get('/api/quotes?kind=indirect')).body.items).toEqual([]);
    expect((await get('/api/flags?kind=role&offset=2')).body).toMatchObject({ total: 3, items: [{ articleId: 'a3', kind: 'role' }] });
    expect((await get('/api/flags?article=nope')).body.items).toEqual([]);
  });

  it('serves the world map as GeoJSON from the installed world-atlas', async () => {
    const res = await t.app.request('/geo/countries.json');
    expect(res.headers.get('content-type')).toContain('geo+json');
    const geo = (await res.json()) as any;
    expect(geo.features.length).toBeGreaterThan(150);
    expect(geo.features.map((f: any) => f.properties.name)).toContain('Ukraine');
  });

  it('says on every listed event whether a person reviewed it', async () => {
    const before = (await get('/api/events?actor=putin')).body.items[0];
    expect(before).toMatchObject({ reviewed: false, reviewStatus: null });
    expect((await post('/api/articles/a2/events/0/review', { verdict: 'confirm', reviewer: 'ana' })).status).toBe(201);
    expect((await get('/api/events?actor=putin')).body.items[0]).toMatchObject({ reviewed: true, reviewStatus: 'confirm' });
  });
});

describe('posting an article by URL', () => {
  it('fetches, reads and stores the page at a posted URL', async () => {
    const res = await post('/api/articles', { url: 'http://news.test/story', published: '2022-03-01' });
    expect(res).toMatchObject({ status: 201, body: { stored: true } });
    const record = (await get(`/api/articles/${encodeURIComponent(res.body.id)}`)).body;
    expect(record.text).toContain('Delegates met in Geneva');
    expect(record.article).toMatchObject({ url: 'http://news.test/story', published: '2022-03-01' });
    expect((await post('/api/articles', { url: 'http://news.test/story' })).status).toBe(200);
  });

  it('answers 422 when the URL cannot be fetched or holds no text', async () => {
    const missing = await post('/api/articles', { url: 'http://news.test/gone' });
    expect(missing.status).toBe(422);
    expect(missing.body.error).toMatch(/404/);
    expect((await post('/api/articles', { url: 'http://news.test/empty' })).status).toBe(422);
  });
});

describe('validation errors of the view endpoints', () => {
  const cases: [string, RegExp][] = [
    ['/api/network?by=person', /by must be actor or country/],
    ['/api/network?nodes=1', /nodes must be at least 2/],
    ['/api/network?nodes=999', /nodes must be at most 300/],
    ['/api/network?nodes=x', /nodes must be a whole number/],
    ['/api/network?quad=5', /quad must be 1, 2, 3 or 4/],
    ['/api/network?limit=5', /unknown parameter "limit"/],
    ['/api/locations?dyad=RUS', /dyad must be two country codes/],
    ['/api/locations?limit=0x1', /limit must be a whole number/],
    ['/api/locations?from=2022-1-1', /from must be a day/],
    ['/api/quotes?kind=loud', /kind must be direct or indirect/],
    ['/api/quotes?speaker=', /speaker must not be empty/],
    ['/api/quotes?offset=x', /offset must be a whole number/],
    ['/api/quotes?who=x', /unknown parameter "who"/],
    ['/api/flags?kind=odd', /kind must be fact, role or name/],
    ['/api/flags?limit=1001', /limit must be at most 1000/],
    ['/api/flags?article=', /article: /],
  ];
  for (const [path, message] of cases) {
    it(`answers 400 to ${path}`, async () => {
      const res = await get(path);
      expect(res.status).toBe(400);
      expect(res.body.error).toMatch(message);
    });
  }

  it('rejects posted articles without text or url, or with a URL that is not http(s)', async () => {
    expect((await post('/api/articles', { title: 'x' })).body.error).toMatch(/give the article as text, or a url to fetch/);
    expect((await post('/api/articles', { url: 'ftp://news.test/x' })).body.error).toMatch(/url must be an absolute http\(s\) URL/);
    expect((await post('/api/articles', { url: 'news.test/x' })).status).toBe(400);
  });
});
