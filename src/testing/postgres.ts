// The PostgreSQL server the tests use, and whether it answers.
import pg from 'pg';

/** The test database: $FAULTLINE_TEST_PG, else database "test" on 127.0.0.1:5432 with trust auth. */
export const TEST_PG_URL = process.env.FAULTLINE_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';

/** True when the server at `url` accepts a connection and a query within two seconds. */
export async function postgresReachable(url = TEST_PG_URL): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}
