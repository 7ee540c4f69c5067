// A test application over a temporary SQLite store holding hand-written fixture records.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';
import { openSqliteReviews } from '../store/reviews-sqlite.js';
import { fixtureEvent, fixtureRecord, fixtureSave } from '../store/fixtures.js';
import type { AnalysisRecord } from '../store/types.js';
import type { RawArticle } from '../model/types.js';
import { InputError } from '../errors.js';
import { createApp, type AppOptions } from './app.js';
import { PUBLIC_DIR } from './static.js';

/** An application on fixture data, with the folder to remove afterwards. */
export interface TestApp {
  app: Hono;
  dir: string;
  close(): Promise<void>;
}

/** A fake analyser: one record whose text is the posted text, with no events. */
export function fakeAnalyze(raw: RawArticle): AnalysisRecord {
  return { ...fixtureRecord(raw.article.id, raw.body, []), article: { ...raw.article, timesRelative: raw.article.published === null } };
}

/** Answers the fixture page for http://news.test/story and fails for every other URL (no network in tests). */
export async function fakeFetch(url: string): Promise<{ body: Uint8Array; contentType: string }> {
  if (url === 'http://news.test/empty') return { body: new TextEncoder().encode('<html><body></body></html>'), contentType: 'text/html' };
  if (url !== 'http://news.test/story') throw new InputError('input-fetch', `${url}: the server answered 404 Not Found.`);
  const html = '<html><head><title>Talks resume</title></head><body><article><h1>Talks resume</h1><p>Delegates met in Geneva on Monday to resume talks about the border.</p></article></body></html>';
  return { body: new TextEncoder().encode(html), contentType: 'text/html; charset=utf-8' };
}

/** Opens a temporary store with three fixture articles and builds the app on it. */
export async function makeTestApp(options: Partial<AppOptions> = {}): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'faultline-server-'));
  const file = join(dir, 'test.db');
  const store = await openSqliteStore(file);
  await store.saveAnalysis(fixtureSave(fixtureRecord('a1', 'Russia threatened Ukraine.', [
    fixtureEvent('RUS', 'UKR', '138', '2022-01-10', { location: { name: 'Kharkiv', country: 'UKR', lat: 49.99, lon: 36.23 } }), fixtureEvent('USA', 'RUS', '036', '2022-01-11', { evidence: 'Washington wants talks' }),
  ], { published: '2022-01-12' })));
  await store.saveAnalysis(fixtureSave(fixtureRecord('a2', 'Putin spoke.', [fixtureEvent('PUTIN', 'UKR', '172', '2022-01-12', { modality: 'future' })], { published: '2022-01-12' })));
  await store.saveAnalysis(fixtureSave(fixtureRecord('a3', 'Nothing <script>happened</script>.', [])));
  const reviews = openSqliteReviews(file);
  const app = createApp({ store, reviews, analyze: fakeAnalyze, fetchUrl: fakeFetch, pipelineVersion: '0.0.1-test', publicDir: PUBLIC_DIR, writeToken: 'sesame', ...options });
  return {
    app, dir,
    close: async () => {
      await reviews.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
