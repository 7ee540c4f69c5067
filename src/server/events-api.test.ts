import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { makeTestApp, type TestApp } from './test-app.js';

let memory: TestApp;
let sql: TestApp;
beforeAll(async () => {
  memory = await makeTestApp();
  sql = await makeTestApp({ maxIndexedEvents: 0 });
});
afterAll(async () => {
  await memory.close();
  await sql.close();
});

const get = async (t: TestApp, path: string) => {
  const res = await t.app.request(path);
  return { status: res.status, type: res.headers.get('content-type'), body: (await res.json()) as any };
};
const review = (t: TestApp, path: string, body: unknown) =>
  t.app.request(path, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer sesame' }, body: JSON.stringify(body) });

describe('GET /api/events', () => {
  const queries = ['', 'dyad=RUS-UKR', 'actor=rus', 'actor=vladimir', 'from=2022-01-11', 'to=2022-01-10', 'root=13', 'root=3', 'quad=4', 'modality=future',
    'text=WASHINGTON', 'text=russia%20acted', 'text=russia%20washington', 'limit=1&offset=1', 'dyad=USA-RUS&text=talks&quad=1'];

  it('answers every filter the same from the in-memory index and from SQL, reviews included', async () => {
    await review(memory, '/api/articles/a1/events/1/review', { verdict: 'reject', reviewer: 'ana' });
    await review(sql, '/api/articles/a1/events/1/review', { verdict: 'reject', reviewer: 'ana' });
    for (const q of queries) {
      const [a, b] = [await get(memory, `/api/events?${q}`), await get(sql, `/api/events?${q}`)];
      expect(a.status, q).toBe(200);
      expect(a.type, q).toMatch(/^application\/json/);
      expect(b.body, q).toEqual({ ...a.body, items: a.body.items.map((e: any) => ({ ...e, review: e.review && { ...e.review, at: expect.any(String) } })) });
    }
    const rejected = (await get(memory, '/api/events?text=washington')).body.items[0];
    expect(rejected).toMatchObject({ reviewed: true, reviewStatus: 'reject', review: { reviewer: 'ana', stale: false } });
  });

  it('requires every word of text, in the evidence or an actor name', async () => {
    const codes = async (text: string) => (await get(memory, `/api/events?text=${encodeURIComponent(text)}`)).body.items.map((e: any) => e.cameo);
    expect(await codes('wants talks')).toEqual(['036']);
    expect(await codes('talks ukraine')).toEqual([]);
    expect(await codes('putin')).toEqual(['172']);
  });

  it('gives events in list form, without the fields only the detail has', async () => {
    const [e] = (await get(memory, '/api/events?dyad=RUS-UKR&limit=1')).body.items;
    expect(e).toMatchObject({ articleId: 'a1', index: 0, cameo: '138', day: '2022-01-10', evidence: expect.any(String), reviewed: false, reviewStatus: null, review: null });
    for (const field of ['pipelineVersion', 'addedAt', 'published', 'sentence']) expect(e).not.toHaveProperty(field);
  });
});

describe('GET /api/events/{id}', () => {
  it('gives one event whole with its review, from memory and from SQL', async () => {
    const [listed] = (await get(memory, '/api/events?dyad=RUS-UKR&limit=1')).body.items;
    for (const t of [memory, sql]) {
      const res = await get(t, `/api/events/${listed.id}`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ ...listed, pipelineVersion: '0.0.1-test', published: '2022-01-12', sentence: 0, addedAt: expect.any(String) });
    }
  });

  it('answers 404 for an unknown id and 400 for one that is not a number', async () => {
    expect(await get(memory, '/api/events/999999')).toMatchObject({ status: 404, body: { error: 'no event with id 999999 is stored.' } });
    expect(await get(sql, '/api/events/999999')).toMatchObject({ status: 404 });
    expect(await get(memory, '/api/events/abc')).toMatchObject({ status: 400, body: { error: 'path: id: id must be a whole number' } });
  });

  it('is documented in the OpenAPI document with its path parameter', async () => {
    const doc = (await get(memory, '/openapi.json')).body;
    expect(doc.paths['/api/events/{id}'].get.parameters).toEqual([expect.objectContaining({ name: 'id', in: 'path', required: true })]);
    expect(doc.paths['/api/events'].get.parameters.map((p: any) => p.name)).toEqual(expect.arrayContaining(['actor', 'dyad', 'from', 'to', 'root', 'quad', 'modality', 'text', 'limit', 'offset']));
  });
});
