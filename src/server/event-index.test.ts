import { describe, it, expect, afterAll } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';
import { fixtureEvent, fixtureRecord, fixtureSave } from '../store/fixtures.js';
import { MemoryReviewStore } from '../store/reviews.js';
import { EventIndex, type IndexQuery } from './event-index.js';
import { matchesText } from './events.js';

const dir = mkdtempSync(join(tmpdir(), 'faultline-index-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SIDES = ['RUS', 'UKR', 'USA', 'PUTIN'];
const CODES = ['036', '112', '138', '172', '190', '0841'];

describe('EventIndex', () => {
  it('answers every filter, page and order exactly as the store does', async () => {
    const store = await openSqliteStore(join(dir, 'same.db'));
    let n = 0;
    for (let a = 0; a < 12; a++) {
      const events = Array.from({ length: 15 }, () => {
        n++;
        const s = SIDES[n % 4];
        const t = SIDES[(n * 7 + a) % 4];
        return fixtureEvent(s, t === s ? null : t, CODES[(n * 5) % CODES.length], n % 9 === 0 ? null : `2022-01-${String(1 + ((n * 11) % 28)).padStart(2, '0')}`,
          { modality: n % 5 === 0 ? 'future' : 'asserted', evidence: n % 3 ? `talks ${n}` : `Shelling near the border ${n}` });
      });
      await store.saveAnalysis(fixtureSave(fixtureRecord(`x${a}`, `story ${a}`, events, { published: a % 2 ? '2022-02-01' : null })));
    }
    const deps = { store, reviews: new MemoryReviewStore(), pipelineVersion: 't' };
    const table = (await new EventIndex().current(deps))!;
    const queries: IndexQuery[] = [{}, { dyad: 'RUS-UKR' }, { dyad: 'usa-rus' }, { actor: 'RUS' }, { actor: 'putin' }, { actor: 'vladimir-putin' }, { from: '2022-01-10', to: '2022-01-20' },
      { from: '2022-01-28' }, { to: '2022-01-03' }, { root: '13' }, { root: '8' }, { quad: 4, actor: 'ukr' }, { modality: 'future', dyad: 'RUS-UKR' }, { text: 'shelling' }, { text: 'border', from: '2022-01-05' },
      { dyad: 'RUS-UKR', root: '13' }, { actor: 'RUS', root: '13', from: '2022-01-04' }, { dyad: 'RUS-UKR', from: '2022-01-03', to: '2022-01-25' }, { root: '19', to: '2022-01-20' },
      { actor: 'ukraine', text: 'talks' }, { actor: 'nobody' }, { dyad: 'XXX-YYY' }, { root: '8', quad: 2, modality: 'asserted' }, { text: 'border shelling' }, { text: 'border talks' },
      { from: '2022-01-10', quad: 3, actor: 'putin' }];
    for (const q of queries) {
      const { text, ...rest } = q;
      const all = (await store.queryEvents(rest)).filter((e) => !text || matchesText(e, text)).map((e) => e.id);
      for (const [limit, offset] of [[1000, 0], [7, 0], [7, 7], [5, all.length - 3]]) {
        const page = table.query(q, limit, Math.max(0, offset));
        expect(page.rows.map((e) => e.id), JSON.stringify({ q, limit, offset })).toEqual(all.slice(Math.max(0, offset), Math.max(0, offset) + limit));
        expect(page.more).toBe(all.length > Math.max(0, offset) + limit);
      }
    }
    await store.close();
  });

  it('picks up newly stored and re-analysed articles', async () => {
    const store = await openSqliteStore(join(dir, 'fresh.db'));
    const deps = { store, reviews: new MemoryReviewStore(), pipelineVersion: 't' };
    const index = new EventIndex();
    await store.saveAnalysis(fixtureSave(fixtureRecord('p1', 'one', [fixtureEvent('RUS', 'UKR', '138', '2022-01-02')])));
    expect((await index.current(deps))!.events).toHaveLength(1);
    await store.saveAnalysis(fixtureSave(fixtureRecord('p2', 'two', [fixtureEvent('USA', 'RUS', '036', '2022-01-01')])));
    expect((await index.current(deps))!.events.map((e) => e.cameo)).toEqual(['036', '138']);
    await store.replaceAnalysis({ articleId: 'p1', record: fixtureRecord('p1', 'one', [fixtureEvent('RUS', 'UKR', '190', '2022-01-03'), fixtureEvent('RUS', 'UKR', '112', '2022-01-04')]), pipelineVersion: 't' });
    expect((await index.current(deps))!.events.map((e) => e.cameo)).toEqual(['036', '190', '112']);
    await store.close();
  });
});
