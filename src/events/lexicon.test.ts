import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors.js';
import { loadCodeTable } from './codes.js';
import { compilePattern, loadLexicon } from './lexicon.js';

const codes = loadCodeTable();

function dirWith(content: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'lex-'));
  writeFileSync(join(dir, 'extra.json'), content);
  return dir;
}

describe('code table', () => {
  it('has all 312 codes, each with root, quad, Goldstein score and a PLOVER row', () => {
    expect(codes.size).toBe(312);
    for (const c of codes.values()) {
      expect(c.root).toBe(c.code.slice(0, 2));
      expect([1, 2, 3, 4]).toContain(c.quad);
      expect(Number.isFinite(c.goldstein)).toBe(true);
      if (c.root !== '01') expect(c.plover).toMatch(/^[A-Z]+$/);
    }
  });

  it('looks up 0234 as an appeal with quad 1 and 163 as a material-conflict sanction', () => {
    expect(codes.get('0234')).toMatchObject({ root: '02', quad: 1, plover: 'REQUEST' });
    expect(codes.get('163')).toMatchObject({ root: '16', quad: 4, goldstein: -8 });
    expect(codes.get('042')).toMatchObject({ plover: 'CONSULT', ploverMode: 'visit' });
  });
});

describe('loadLexicon', () => {
  it('loads the shipped lexicon and covers all 20 roots', () => {
    const lex = loadLexicon([], codes);
    const roots = new Set(lex.entries.flatMap((e) => [e.code, ...e.variants.map((v) => v.code)]).map((c) => c.slice(0, 2)));
    expect(roots.size).toBe(20);
    expect(lex.frames.get('threat')?.map.get('163')).toBe('1312');
  });

  it('throws ConfigError naming the file and entry for an unknown code', () => {
    const dir = dirWith(JSON.stringify({ entries: [{ head: 'parley', pos: 'verb', code: '999' }] }));
    expect(() => loadLexicon([dir], codes)).toThrow(ConfigError);
    expect(() => loadLexicon([dir], codes)).toThrow(/extra\.json: entry 1 \("parley"\).*999/);
  });

  it('throws ConfigError for a file that is not JSON', () => {
    expect(() => loadLexicon([dirWith('{ nope')], codes)).toThrow(/extra\.json.*not valid JSON/);
  });

  it('adds entries from an extra folder', () => {
    const dir = dirWith(JSON.stringify({ entries: [{ head: 'parley', pos: 'verb', code: '040', target: ['with'] }] }));
    expect(loadLexicon([dir], codes).byWord.get('parley')?.[0].code).toBe('040');
  });

  it('compiles "call on {T} to" into words, a target slot and a word', () => {
    expect(compilePattern('on|upon {T} * to').map((p) => p.kind)).toEqual(['word', 'target', 'skip', 'word']);
  });
});
