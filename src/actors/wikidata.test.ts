import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importWikidata, parseWikidataMap, parseWikidataRecords, type WikidataItem } from './wikidata.js';
import { loadKnowledgeBase } from './kb.js';
import { holderOf, lookupName } from './lookup.js';
import { ConfigError, InputError } from '../errors.js';
import { dataPath } from '../data/paths.js';

const fixture = fileURLToPath(new URL('./fixtures/wikidata-sample.json', import.meta.url));
const text = readFileSync(fixture, 'utf8');
const map = parseWikidataMap(JSON.parse(readFileSync(dataPath('wikidata', 'map.json'), 'utf8')), 'map.json');
const kb = loadKnowledgeBase();
const items = parseWikidataRecords(text, 'sample.json');
const run = (keepKnown = false) => importWikidata(items, map, kb, { languages: ['en'], keepKnown });
const byName = (name: string, keepKnown = false) => run(keepKnown).entities.find((e) => e.name === name);

describe('parseWikidataRecords', () => {
  it('reads Special:EntityData output, arrays, dumps and JSON Lines alike', () => {
    const list = items.slice(0, 3);
    expect(items.map((i) => i.id)).toContain('Q76');
    expect(parseWikidataRecords(JSON.stringify(list), 'a').map((i) => i.id)).toEqual(list.map((i) => i.id));
    const dump = `[\n${list.map((i) => JSON.stringify(i)).join(',\n')}\n]\n`;
    expect(parseWikidataRecords(dump, 'd').map((i) => i.id)).toEqual(list.map((i) => i.id));
    expect(parseWikidataRecords(list.map((i) => JSON.stringify(i)).join('\n'), 'j')).toHaveLength(3);
  });

  it('names the line of a record it cannot read, and refuses an empty file', () => {
    expect(() => parseWikidataRecords('{"id":"Q1"}\n{"id": oops}\n', 'bad.jsonl')).toThrow(/bad\.jsonl:2: not a Wikidata entity record/);
    expect(() => parseWikidataRecords('{"labels": {}}\n', 'noid.json')).toThrow(InputError);
    expect(() => parseWikidataRecords('  ', 'empty.json')).toThrow(/empty/);
  });
});

describe('importWikidata', () => {
  it('turns a person with P27 and P39 into an entity with dated offices, country from P298 of the item in the file', () => {
    const p = byName('Liisa Tamm-Kivi');
    expect(p).toMatchObject({ kind: 'person', country: 'EST', gender: 'f', wikidata: 'Q900000001', id: 'liisa-tamm-kivi-q900000001' });
    expect(p?.offices).toEqual([{ title: 'Minister of Foreign Affairs of Estonia', role: 'foreign-minister', for: 'EST', sector: 'GOV', body: null, start: '2031-05-02', end: null }]);
  });

  it('ignores deprecated statements and drops single-word aliases of people', () => {
    const p = byName('Liisa Tamm-Kivi');
    expect(p?.offices?.some((o) => o.role === 'head-of-government')).toBe(false);
    expect(p?.aliases).toEqual(['Liisa Tamm Kivi']);
  });

  it('leaves out an office whose dates are not given to the day, and says so', () => {
    const { entities, report } = run(true);
    const obama = entities.find((e) => e.wikidata === 'Q76');
    expect(obama?.offices?.map((o) => [o.role, o.start, o.end])).toEqual([['head-of-state', '2009-01-20', '2017-01-20'], ['legislator', '2005-01-03', '2008-11-16']]);
    expect(report.officesDropped).toContainEqual({ id: 'Q76', position: 'Q900000012', reason: 'start or end not given to the day' });
    expect(obama?.country).toBe('USA');
  });

  it('reports a position that matches no role instead of guessing one', () => {
    const { entities, report } = run();
    expect(entities.find((e) => e.wikidata === 'Q900000002')?.offices).toEqual([]);
    expect(report.officesDropped.find((o) => o.id === 'Q900000002')?.reason).toMatch(/matches no role pattern/);
  });

  it('skips what the knowledge base already knows unless asked to keep it', () => {
    const { report } = run();
    expect(report.skipped.find((s) => s.id === 'Q567')?.reason).toMatch(/already in the knowledge base as "angela-merkel"/);
    expect(byName('Angela Merkel', true)?.offices?.[0]).toMatchObject({ title: 'Chancellor of Germany', role: 'head-of-government', for: 'DEU', start: '2005-11-22', end: '2021-12-08' });
  });

  it('imports bodies and places with coordinates, and skips places without them and items of unknown classes', () => {
    expect(byName('Northern Testing Forum')).toMatchObject({ kind: 'org', sector: 'IGO', aliases: ['NTF'] });
    expect(byName('Testvik')).toMatchObject({ kind: 'place', country: 'EST', lat: 59.1, lon: 24.2 });
    const reasons = Object.fromEntries(run().report.skipped.map((s) => [s.id, s.reason]));
    expect(reasons.Q900000031).toMatch(/no coordinates/);
    expect(reasons.Q900000040).toMatch(/no known class in P31 \(Q3918\)/);
    expect(reasons.Q900000050).toMatch(/no label in en/);
    // Countries and positions given only as context are neither imported nor reported.
    expect(reasons.Q191).toBeUndefined();
    expect(reasons.Q900000010).toBeUndefined();
  });

  it('writes a file the knowledge base loads, and the office holder is found on a date', () => {
    const dir = mkdtempSync(join(tmpdir(), 'faultline-wd-'));
    writeFileSync(join(dir, 'imported.json'), JSON.stringify({ entities: run().entities }));
    const extended = loadKnowledgeBase([dir]);
    expect(lookupName(extended, 'Liisa Tamm-Kivi', '2031-06-01')[0]?.offices).toEqual(['Minister of Foreign Affairs of Estonia']);
    expect(lookupName(extended, 'Liisa Tamm-Kivi', '2031-05-01')[0]?.offices).toEqual([]);
    expect(holderOf(extended, 'foreign-minister', 'EST', '2031-05-01')?.name).not.toBe('Liisa Tamm-Kivi');
    // A re-import into the same folder is not skipped as already known.
    const again = importWikidata(items, map, extended, { languages: ['en'] });
    expect(again.entities.map((e) => e.id)).toContain('liisa-tamm-kivi-q900000001');
    expect(lookupName(extended, 'Liisa Tamm-Kivi')[0]?.entity.id).toBe('liisa-tamm-kivi-q900000001');
  });

  it('takes a label in another language when asked, keeping the rest as aliases', () => {
    const only: WikidataItem[] = [{ id: 'Q900000077', labels: { de: { value: 'Jana Beispiel' }, fr: { value: 'Jeanne Exemple' } }, claims: { P31: [{ mainsnak: { datavalue: { value: { id: 'Q5' } } } }] } }];
    const { entities } = importWikidata(only, map, kb, { languages: ['en', 'de', 'fr'] });
    expect(entities[0]).toMatchObject({ name: 'Jana Beispiel', aliases: ['Jeanne Exemple'] });
  });
});

describe('parseWikidataMap', () => {
  it('names the file and entry of a bad mapping', () => {
    expect(() => parseWikidataMap({ classes: { Q5: { kind: 'human' } } }, 'my-map.json')).toThrow(ConfigError);
    expect(() => parseWikidataMap({ classes: { Q5: { kind: 'human' } } }, 'my-map.json')).toThrow(/my-map\.json: classes\.Q5/);
    expect(() => parseWikidataMap({ roles: [{ pattern: '(', role: 'x', sector: 'GOV' }] }, 'm.json')).toThrow(/roles\[0\]: the pattern is not a valid regular expression/);
    expect(() => parseWikidataMap({ countries: { Germany: 'DEU' } }, 'm.json')).toThrow(/not an item id/);
  });

  it('lets a user mapping add classes and win over ours', () => {
    const merged = parseWikidataMap({ classes: { Q3918: { kind: 'org', sector: 'EDU' } } }, 'user.json', map);
    const { entities } = importWikidata(items, merged, kb, { languages: ['en'] });
    expect(entities.find((e) => e.name === 'Testvik College')).toMatchObject({ kind: 'org', sector: 'EDU' });
  });
});
