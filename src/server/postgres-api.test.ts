// The API over PostgreSQL (database "test" at 127.0.0.1:5432, a fresh schema): filters from SQL, reviews kept in PostgreSQL through re-analysis.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import pg from 'pg';
import { postgresReachable } from '../testing/postgres.js';
import { openDeps } from './server.js';
import { createApp } from './app.js';
import { fixtureEvent, fixtureRecord, fixtureSave } from '../store/fixtures.js';
import { openPostgresReviews } from '../store/postgres/postgres-reviews.js';

const URL = process.env.FAULTLINE_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
const SCHEMA = `faultline_api_${process.pid}_${Date.now().toString(36)}`;


const up = await postgresReachable(URL);
if (!up) process.stderr.write('postgres-api.test.ts: start PostgreSQL on 127.0.0.1:5432 (database "test") to run the API tests over PostgreSQL; skipped.\n');

describe.runIf(up)('API over PostgreSQL', () => {
  let deps: Awaited<ReturnType<typeof openDeps>>;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    deps = await openDeps({ pg: URL, schema: SCHEMA });
    await deps.store.saveAnalysis(fixtureSave(fixtureRecord('p1', 'Russia threatened Ukraine.', [
      fixtureEvent('RUS', 'UKR', '138', '2022-01-10'), fixtureEvent('USA', 'RUS', '036', '2022-01-11', { evidence: 'Washington wants talks' }),
    ], { published: '2022-01-12' })));
    await deps.store.saveAnalysis(fixtureSave(fixtureRecord('p2', 'Putin spoke.', [fixtureEvent('PUTIN', 'UKR', '172', null, { modality: 'future' })], { published: '2022-01-12' })));
    app = createApp({ ...deps, maxIndexedEvents: 0, writeToken: 'sesame', publicDir: null });
  });
  afterAll(async () => {
    await deps?.close();
    const client = new pg.Client({ connectionString: URL });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
    await client.end();
  });
  const get = async (path: string) => (await app.request(path)).json() as Promise<any>;

  it('keeps reviews in PostgreSQL, with no warning', () => {
    expect(deps.warnings).toEqual([]);
    expect(deps.reviews.constructor.name).toBe('PostgresReviewStore');
  });

  it('answers every events filter from SQL', async () => {
    const codes = async (q: string) => (await get(`/api/events?${q}`)).items.map((e: any) => e.cameo);
    expect(await codes('')).toEqual(['138', '036', '172']);
    expect(await codes('dyad=RUS-UKR')).toEqual(['138', '172']);
    expect(await codes('actor=putin')).toEqual(['172']);
    expect(await codes('from=2022-01-11&to=2022-01-12')).toEqual(['036', '172']);
    expect(await codes('root=13')).toEqual(['138']);
    expect(await codes('quad=1')).toEqual(['036']);
    expect(await codes('modality=future')).toEqual(['172']);
    expect(await codes('text=wants%20washington')).toEqual(['036']);
    expect(await get('/api/events?limit=1&offset=1')).toMatchObject({ items: [{ cameo: '036' }], more: true });
  });

  it('stores a review in PostgreSQL that survives re-analysis and a restart', async () => {
    const res = await app.request('/api/articles/p1/events/0/review', {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer sesame' }, body: JSON.stringify({ verdict: 'correct', cameo: '130', reviewer: 'ana' }),
    });
    expect(res.status).toBe(201);
    expect((await get('/api/events?dyad=RUS-UKR')).items[0]).toMatchObject({ reviewed: true, reviewStatus: 'correct', review: { cameo: '130', stale: false } });
    const record = (await deps.store.getRecord('p1'))!;
    await deps.store.replaceAnalysis({ articleId: 'p1', record: { ...record, events: [fixtureEvent('RUS', 'UKR', '139', '2022-01-10')] }, pipelineVersion: '2' });
    expect((await get('/api/events?dyad=RUS-UKR')).items[0]).toMatchObject({ cameo: '139', reviewStatus: 'correct', review: { stale: true } });
    const again = await openPostgresReviews({ url: URL, schema: SCHEMA });
    expect((await again.listReviews({ articleId: 'p1' })).map((r) => [r.eventIndex, r.verdict, r.reviewer])).toEqual([[0, 'correct', 'ana']]);
    await again.close();
  });
});
