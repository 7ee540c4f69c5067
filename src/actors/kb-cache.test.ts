import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cacheEnabled, cacheKey } from './kb-cache.js';
import { buildKnowledgeBase, loadKnowledgeBase } from './kb.js';
import { holderOf, lookupName } from './lookup.js';

const dir = mkdtempSync(join(tmpdir(), 'faultline-kbcache-'));
const saved = { dir: process.env.FAULTLINE_CACHE_DIR, on: process.env.FAULTLINE_CACHE };
afterAll(() => {
  process.env.FAULTLINE_CACHE_DIR = saved.dir;
  process.env.FAULTLINE_CACHE = saved.on;
});

describe('the compiled knowledge-base cache', () => {
  it('gives back exactly the base it was built from', () => {
    process.env.FAULTLINE_CACHE_DIR = dir;
    delete process.env.FAULTLINE_CACHE;
    const built = loadKnowledgeBase();
    expect(built.cached).toBeFalsy();
    expect(readdirSync(dir).filter((f) => f.endsWith('.bin'))).toHaveLength(1);
    const read = loadKnowledgeBase();
    expect(read.cached).toBe(true);
    expect(read.entities.size).toBe(built.entities.size);
    expect(read.index.size).toBe(built.index.size);
    expect([...read.entities.keys()]).toEqual([...built.entities.keys()]);
    for (const name of ['Annanna Barbock', 'Jo-Yves Le Drian', 'Sergey Lavrov', 'the Kremlin']) {
      expect(lookupName(read, name, '2022-01-20').map((c) => [c.entity.id, c.score])).toEqual(lookupName(built, name, '2022-01-20').map((c) => [c.entity.id, c.score]));
    }
    expect(holderOf(read, 'foreign-minister', 'GBR', '2022-01-20')?.id).toBe(holderOf(built, 'foreign-minister', 'GBR', '2022-01-20')?.id);
    // Shared objects stay shared: an office holder is the same object as the entity.
    expect(read.officeHolders[0]).toBe(read.entities.get(read.officeHolders[0].id));
  });

  it('changes its key when a data file changes', () => {
    const data = mkdtempSync(join(tmpdir(), 'faultline-kbdata-'));
    writeFileSync(join(data, 'a.json'), '{"entities": []}');
    const before = cacheKey(data);
    expect(cacheKey(data)).toBe(before);
    writeFileSync(join(data, 'a.json'), '{"entities": [ ]}');
    expect(cacheKey(data)).not.toBe(before);
  });

  it('keeps a base with extra folders under its own key, rebuilt when a file there changes', () => {
    process.env.FAULTLINE_CACHE_DIR = dir;
    delete process.env.FAULTLINE_CACHE;
    const extra = mkdtempSync(join(tmpdir(), 'faultline-kbextra-'));
    const person = (name: string): string => JSON.stringify({ entities: [{ id: 'cache-test-person', kind: 'person', name, country: 'EST', aliases: [] }] });
    writeFileSync(join(extra, 'mine.json'), person('Kaarel Tammsaare'));
    const first = loadKnowledgeBase([extra]);
    expect(first.cached).toBeFalsy();
    const again = loadKnowledgeBase([extra]);
    expect(again.cached).toBe(true);
    expect(again.entities.get('cache-test-person')?.name).toBe('Kaarel Tammsaare');
    // The built-in base alone is still its own entry, without the extra entity.
    expect(loadKnowledgeBase().entities.has('cache-test-person')).toBe(false);
    // A changed file (another size) is a new key: built again, with the new name.
    writeFileSync(join(extra, 'mine.json'), person('Kaarel Tammsaare-Hansen'));
    const changed = loadKnowledgeBase([extra]);
    expect(changed.cached).toBeFalsy();
    expect(changed.entities.get('cache-test-person')?.name).toBe('Kaarel Tammsaare-Hansen');
    // A folder that does not exist is reported as such, not as a cache problem.
    expect(() => loadKnowledgeBase([join(extra, 'missing')])).toThrow(/cannot read the knowledge-base folder/);
  });

  it('is not used when switched off', () => {
    process.env.FAULTLINE_CACHE_DIR = dir;
    process.env.FAULTLINE_CACHE = '0';
    expect(cacheEnabled()).toBe(false);
    expect(loadKnowledgeBase().cached).toBeFalsy();
    expect(buildKnowledgeBase().cached).toBeFalsy();
    expect(existsSync(dir)).toBe(true);
  });
});
