import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { makeTestApp, type TestApp } from './test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(async () => t.close());

const get = async (path: string, headers: Record<string, string> = {}) => {
  const res = await t.app.request(path, { headers });
  return { status: res.status, body: (await res.json()) as any, headers: res.headers };
};
const post = async (path: string, body: unknown, headers: Record<string, string> = { authorization: 'Bearer sesame' }) => {
  const res = await t.app.request(path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as any };
};

describe('reads', () => {
  it('lists articles with paging', async () => {
    const page = await get('/api/articles?limit=2');
    expect(page.body.items.map((a: any) => a.id)).toEqual(['a1', 'a2']);
    expect(page.body.more).toBe(true);
    expect((await get('/api/articles?limit=2&offset=2')).body).toMatchObject({ more: false, items: [{ id: 'a3' }] });
  });

  it('returns an article\'s full record and 404 for an unknown id', async () => {
    const a = await get('/api/articles/a1');
    expect(a.body).toMatchObject({ article: { id: 'a1' }, text: 'Russia threatened Ukraine.', reviews: [] });
    expect(a.body.events).toHaveLength(2);
    expect((await get('/api/articles/nope')).status).toBe(404);
  });

  it('filters events by dyad, quad, modality, actor and text', async () => {
    expect((await get('/api/events?dyad=RUS-UKR')).body.items.map((e: any) => e.cameo)).toEqual(['138', '172']);
    expect((await get('/api/events?quad=1')).body.items.map((e: any) => e.cameo)).toEqual(['036']);
    expect((await get('/api/events?modality=future')).body.items.map((e: any) => e.cameo)).toEqual(['172']);
    expect((await get('/api/events?actor=putin')).body.items).toHaveLength(1);
    expect((await get('/api/events?text=washington')).body.items.map((e: any) => e.cameo)).toEqual(['036']);
    expect((await get('/api/events?from=2022-01-11&to=2022-01-11')).body.items.map((e: any) => e.cameo)).toEqual(['036']);
    const paged = await get('/api/events?limit=1&offset=1');
    expect(paged.body).toMatchObject({ limit: 1, offset: 1, more: true });
  });

  it('searches the full text', async () => {
    expect((await get('/api/search?q=threatened')).body.items.map((a: any) => a.id)).toEqual(['a1']);
  });

  it('aggregates per day per dyad and lists dyads', async () => {
    expect((await get('/api/aggregates/daily?dyad=RUS-UKR')).body.items).toEqual([
      { day: '2022-01-10', dyad: 'RUS-UKR', events: 1, goldstein: -5, quads: [0, 0, 1, 0] },
      { day: '2022-01-12', dyad: 'RUS-UKR', events: 1, goldstein: -5, quads: [0, 0, 0, 1] },
    ]);
    expect((await get('/api/dyads')).body.items.map((d: any) => d.dyad)).toContain('USA-RUS');
    expect((await get('/api/actors')).body.items[0]).toHaveProperty('asSource');
    expect((await get('/api/aggregates/timeline')).body.items).toHaveLength(3);
  });

  it('computes the escalation index of a dyad', async () => {
    const esc = await get('/api/escalation?dyad=rus-ukr&threshold=4');
    expect(esc.body).toMatchObject({ dyad: 'RUS-UKR', halfLife: 7, threshold: 4 });
    // 2022-01-12 holds a future event: half its negative Goldstein counts.
    expect(esc.body.items).toEqual([
      { day: '2022-01-10', events: 1, pressure: 5, index: 5, crossed: true },
      { day: '2022-01-11', events: 0, pressure: 0, index: 4.529, crossed: false },
      { day: '2022-01-12', events: 1, pressure: 2.5, index: 6.602, crossed: false },
    ]);
  });

  it('sends security headers and no-store on the API', async () => {
    const res = await get('/api/articles');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('no-store');
  });
});

describe('validation errors', () => {
  const cases: [string, RegExp][] = [
    ['/api/events?limit=abc', /limit must be a whole number/],
    ['/api/events?limit=5000', /limit must be at most 1000/],
    ['/api/events?offset=-1', /offset must be a whole number/],
    ['/api/events?quad=7', /quad must be 1, 2, 3 or 4/],
    ['/api/events?dyad=RUSUKR', /dyad must be two country codes/],
    ['/api/events?from=2022-13', /from must be a day/],
    ['/api/events?to=yesterday', /to must be a day/],
    ['/api/events?root=abc', /root must be a CAMEO root code/],
    ['/api/events?root=99', /root must be a CAMEO root code/],
    ['/api/events?modality=maybe', /modality must be asserted/],
    ['/api/events?actr=RUS', /unknown parameter "actr"/],
    ['/api/events?quad=1&quad=2', /give "quad" once/],
    ['/api/articles?sort=title', /unknown parameter "sort"/],
    ['/api/search', /q: /],
    ['/api/search?q=', /q must not be empty/],
    ['/api/escalation', /dyad: /],
    ['/api/escalation?dyad=RUS-UKR&halfLife=0', /halfLife must be at least 0.5/],
    ['/api/escalation?dyad=RUS-UKR&threshold=-1', /threshold must be a non-negative number/],
    ['/api/aggregates/daily?dyad=x', /dyad must be two country codes/],
    ['/api/dyads?from=x', /from must be a day/],
    ['/api/reviews?limit=x', /limit must be a whole number/],
  ];
  for (const [path, message] of cases) {
    it(`answers 400 to ${path}`, async () => {
      const res = await get(path);
      expect(res.status).toBe(400);
      expect(res.body.error).toMatch(message);
    });
  }

  it('answers 404 with a pointer to /openapi.json for an unknown endpoint', async () => {
    const res = await get('/api/nothing');
    expect(res.status).toBe(404);
    expect(res.body.error).toContain('/openapi.json');
  });
});

describe('writes', () => {
  it('refuses writes without the right token', async () => {
    expect((await post('/api/articles', { text: 'x' }, {})).status).toBe(401);
    expect((await post('/api/articles', { text: 'x' }, { authorization: 'Bearer wrong' })).status).toBe(401);
    const closed = await makeTestApp({ writeToken: null });
    const res = await closed.app.request('/api/articles', { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer sesame' }, body: '{"text":"x"}' });
    expect(res.status).toBe(403);
    expect(((await res.json()) as any).error).toContain('FAULTLINE_TOKEN');
    await closed.close();
  });

  it('rejects bodies that are not JSON objects, too large, or invalid', async () => {
    const notJson = await t.app.request('/api/articles', { method: 'POST', headers: { authorization: 'Bearer sesame', 'content-type': 'text/plain' }, body: 'hi' });
    expect(notJson.status).toBe(415);
    expect((await post('/api/articles', '{oops')).body.error).toMatch(/body: not valid JSON/);
    expect((await post('/api/articles', '[1]')).body.error).toMatch(/JSON object/);
    expect((await post('/api/articles', { text: '' })).body.error).toMatch(/text must not be empty/);
    expect((await post('/api/articles', { text: 'a', published: '2022' })).body.error).toMatch(/published must be a day/);
    expect((await post('/api/articles', { text: 'a', extra: 1 })).body.error).toMatch(/unknown parameter "extra"/);
    expect((await post('/api/articles', { text: 'a'.repeat(2_100_000) })).status).toBe(413);
  });

  it('analyses and stores a posted article once', async () => {
    const first = await post('/api/articles', { text: 'A new story about talks.', published: '2022-02-01', id: 'posted' });
    expect(first).toMatchObject({ status: 201, body: { id: 'posted', stored: true } });
    expect((await post('/api/articles', { text: 'A new story about talks.', id: 'posted' })).status).toBe(200);
    expect((await get('/api/articles/posted')).body.article.published).toBe('2022-02-01');
  });

  it('validates reviews', async () => {
    expect((await post('/api/articles/a1/events/0/review', { verdict: 'maybe' })).body.error).toMatch(/verdict must be confirm, reject or correct/);
    expect((await post('/api/articles/a1/events/0/review', { verdict: 'correct' })).body.error).toMatch(/a correction must change/);
    expect((await post('/api/articles/a1/events/0/review', { verdict: 'correct', cameo: '1x' })).body.error).toMatch(/cameo must be a CAMEO code/);
    expect((await post('/api/articles/a1/events/x/review', { verdict: 'confirm' })).body.error).toMatch(/index must be a whole number/);
    expect((await post('/api/articles/a1/events/9/review', { verdict: 'confirm' })).status).toBe(404);
    expect((await post('/api/articles/zz/events/0/review', { verdict: 'confirm' })).status).toBe(404);
    expect((await post('/api/articles/a1/events/0/review', { verdict: 'confirm' }, {})).status).toBe(401);
  });

  it('stores a review, shows it on the event and leaves rejected events out of the aggregates', async () => {
    const saved = await post('/api/articles/a1/events/1/review', { verdict: 'correct', cameo: '040', reviewer: 'kim', note: 'a consultation' });
    expect(saved).toMatchObject({ status: 201, body: { articleId: 'a1', eventIndex: 1, verdict: 'correct', cameo: '040', originalCameo: '036' } });
    const ev = (await get('/api/events?text=washington')).body.items[0];
    expect(ev.review).toMatchObject({ verdict: 'correct', reviewer: 'kim', stale: false });
    expect((await get('/api/articles/a1')).body.reviews).toHaveLength(1);
    const rusUkr = async () => (await get('/api/dyads')).body.items.find((d: any) => d.dyad === 'RUS-UKR').events;
    expect(await rusUkr()).toBe(2);
    await post('/api/articles/a1/events/0/review', { verdict: 'reject' });
    expect(await rusUkr()).toBe(1);
    expect((await get('/api/reviews?article=a1')).body.items.map((r: any) => r.verdict)).toEqual(['reject', 'correct']);
  });
});

describe('reads closed by a read token', () => {
  it('needs the read or write token for reads when one is set', async () => {
    const closed = await makeTestApp({ readToken: 'peek' });
    expect((await closed.app.request('/api/articles')).status).toBe(401);
    expect((await closed.app.request('/api/articles', { headers: { authorization: 'Bearer peek' } })).status).toBe(200);
    expect((await closed.app.request('/api/articles', { headers: { authorization: 'Bearer sesame' } })).status).toBe(200);
    await closed.close();
  });
});

describe('openapi and dashboard', () => {
  it('documents every route with the parameters its schema validates', async () => {
    const doc = (await get('/openapi.json')).body;
    expect(doc.openapi).toBe('3.1.0');
    const events = doc.paths['/api/events'].get;
    const dyad = events.parameters.find((p: any) => p.name === 'dyad');
    expect(dyad).toMatchObject({ in: 'query', required: false, schema: { type: 'string' } });
    expect(dyad.schema.pattern).toBeTruthy();
    expect(doc.paths['/api/escalation'].get.parameters.find((p: any) => p.name === 'dyad').required).toBe(true);
    expect(doc.paths['/api/articles'].post.security).toEqual([{ token: [] }]);
    expect(doc.paths['/api/articles'].post.requestBody.content['application/json'].schema.anyOf).toEqual([{ required: ['text'] }, { required: ['url'] }]);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/network', '/api/locations', '/api/quotes', '/api/flags']));
    expect(doc.paths['/api/articles/{id}/events/{index}/review'].post.parameters.map((p: any) => p.name)).toEqual(['id', 'index']);
  });

  it('serves the dashboard files and nothing outside them', async () => {
    const index = await t.app.request('/');
    expect(index.headers.get('content-type')).toContain('text/html');
    expect(await index.text()).toContain('/js/main.js');
    expect((await t.app.request('/js/main.js')).headers.get('content-type')).toContain('javascript');
    expect((await t.app.request('/../package.json')).status).toBe(404);
    expect((await t.app.request('/js/../../package.json')).status).toBe(404);
  });
});
