// The store contract against SQLite, plus what only a file-backed SQLite store shows.
import { describe, it, expect } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runStoreContract } from '../contract.js';
import { openSqliteStore } from './sqlite-store.js';
import { fixtureEvent, fixtureRecord, fixtureSave } from '../fixtures.js';

runStoreContract('SQLite', () => openSqliteStore(':memory:'));

describe('SQLite store file', () => {
  it('keeps what was stored across a close and reopen', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'faultline-sqlite-')), 'f.db');
    const first = await openSqliteStore(file);
    await first.saveAnalysis(fixtureSave(fixtureRecord('k1', 'Russia warned Ukraine.', [fixtureEvent('RUS', 'UKR', '130', '2022-01-01')])));
    await first.close();
    const again = await openSqliteStore(file);
    expect(await again.counts()).toMatchObject({ articles: 1, events: 1 });
    await again.close();
  });

  it('names the file when it cannot be opened', async () => {
    await expect(openSqliteStore('/nonexistent-dir/x/f.db')).rejects.toThrow(/nonexistent-dir.*cannot open/);
  });
});
