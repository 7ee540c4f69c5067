import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadKnowledgeBase } from './kb.js';
import { entityById, holderOf, lookupName, placeByName } from './lookup.js';
import { ConfigError } from '../errors.js';

const kb = loadKnowledgeBase();

function dirWith(name: string, content: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'kb-'));
  writeFileSync(join(dir, name), content);
  return dir;
}

describe('loadKnowledgeBase', () => {
  it('builds states from world-countries with our aliases and memberships', () => {
    const usa = lookupName(kb, 'America')[0];
    expect(usa.entity.country).toBe('USA');
    const est = entityById(kb, 'estonia');
    expect(est?.memberships).toContainEqual({ body: 'NATO', start: '2004-03-29', end: null });
  });

  it('knows who held an office on a date', () => {
    expect(holderOf(kb, 'foreign-minister', 'GBR', '2022-01-20')?.name).toBe('Liz Truss');
    expect(holderOf(kb, 'foreign-minister', 'GBR', '2022-10-01')?.name).toBe('James Cleverly');
    expect(holderOf(kb, 'secretary-general', 'NATO', '2020-01-01')?.name).toBe('Jens Stoltenberg');
  });

  it('finds places by any of their names', () => {
    const kyiv = placeByName(kb, 'Kiev')[0];
    expect(kyiv).toMatchObject({ name: 'Kyiv', country: 'UKR' });
  });

  it('ranks close spellings of people with reasons', () => {
    const c = lookupName(kb, 'Annanna Barbock', '2022-01-20')[0];
    expect(c.entity.name).toBe('Annalena Baerbock');
    expect(c.reason).toBe('fuzzy');
  });

  it('adds entities from extra folders', () => {
    const dir = dirWith('extra.json', JSON.stringify({ entities: [{ id: 'zorg-party', kind: 'org', name: 'Zorg Party', country: 'FRA', sector: 'PTY' }] }));
    expect(entityById(loadKnowledgeBase([dir]), 'zorg-party')?.sector).toBe('PTY');
  });

  it('rejects a malformed entry naming the file, the entry and the problem', () => {
    const bad = { entities: [{ id: 'ok-one', kind: 'org', name: 'Ok' }, { id: 'bad-person', kind: 'person', name: 'Bad', offices: [{ title: 'X', role: 'head-of-state', for: 'FRA', sector: 'GOV', start: '2020-13', end: null }] }] };
    const dir = dirWith('broken.json', JSON.stringify(bad));
    expect(() => loadKnowledgeBase([dir])).toThrow(ConfigError);
    expect(() => loadKnowledgeBase([dir])).toThrow(/broken\.json:1: entities\[1\] \(id "bad-person"\): offices\[0\] start\/end must be YYYY-MM-DD/);
  });

  it('names the line where the bad entry starts in a file written over many lines', () => {
    const bad = { entities: [{ id: 'ok-one', kind: 'org', name: 'Ok' }, { id: 'no-kind', name: 'Nokind' }] };
    const text = JSON.stringify(bad, null, 2);
    const line = text.split('\n').findIndex((l) => l.includes('"no-kind"'));
    // The entry opens with "{" on the line before its id.
    expect(() => loadKnowledgeBase([dirWith('lines.json', text)])).toThrow(new RegExp(`lines\\.json:${line}: entities\\[1\\] \\(id "no-kind"\\): "kind" must be one of`));
  });

  it('rejects team sports whose sides are not a list of place ids, naming the file and the entry', () => {
    const dir = dirWith('sports.json', JSON.stringify({ teamSports: [{ team: '{state} national hockey team', words: ['puck'], sides: 'england' }] }));
    expect(() => loadKnowledgeBase([dir])).toThrow(/sports\.json:1: teamSports\[0\].*"sides" must be a list of place ids/);
  });

  it('rejects a file that is not JSON', () => {
    expect(() => loadKnowledgeBase([dirWith('oops.json', '{ nope')])).toThrow(/oops\.json:1:3: not valid JSON/);
    // A trailing comma on line 3 of a file written by hand.
    expect(() => loadKnowledgeBase([dirWith('comma.json', '{\n  "entities": [\n    {"id": "a", "kind": "org", "name": "A"},\n  ]\n}\n')])).toThrow(/comma\.json:4:3: not valid JSON/);
  });
});
