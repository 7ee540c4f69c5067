// The store contract against a real PostgreSQL server (database "test" at 127.0.0.1:5432), one fresh schema per run.
import { describe, it, afterAll } from 'vitest';
import pg from 'pg';
import { postgresReachable } from '../../testing/postgres.js';
import { runReviewContract, runStoreContract } from '../contract.js';
import { openPostgresStore } from './postgres-store.js';
import { openPostgresReviews } from './postgres-reviews.js';

const URL = process.env.FAULTLINE_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
const RUN = `faultline_test_${process.pid}_${Date.now().toString(36)}`;
let made = 0;


const up = await postgresReachable(URL);

if (!up) {
  describe('PostgreSQL store contract', () => {
    it.skip(`skipped: start PostgreSQL on 127.0.0.1:5432 with a database "test" (or set FAULTLINE_TEST_PG) to run it`, () => undefined);
  });
  process.stderr.write(`postgres.test.ts: start PostgreSQL on 127.0.0.1:5432 (database "test", trust auth) to run the PostgreSQL contract suite; skipped.\n`);
} else {
  runStoreContract('PostgreSQL', () => openPostgresStore({ url: URL, schema: `${RUN}_${++made}` }));
  runReviewContract('PostgreSQL', async () => {
    const schema = `${RUN}_${++made}`;
    const store = await openPostgresStore({ url: URL, schema });
    const reviews = await openPostgresReviews({ url: URL, schema });
    return { store, reviews, close: async () => {
      await reviews.close();
      await store.close();
    } };
  });
  afterAll(async () => {
    const client = new pg.Client({ connectionString: URL });
    await client.connect();
    for (let i = 1; i <= made; i++) await client.query(`DROP SCHEMA IF EXISTS ${RUN}_${i} CASCADE`);
    await client.end();
  });
}
