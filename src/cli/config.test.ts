import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findConfig, readConfig } from './config.js';
import { ConfigError } from '../errors.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = join(root, 'dist', 'cli', 'main.js');
const fixture = join(root, 'src', 'actors', 'fixtures', 'wikidata-sample.json');
const dir = mkdtempSync(join(tmpdir(), 'faultline-config-'));

function run(args: string[], cwd = root, input?: string) {
  const r = spawnSync(process.execPath, [bin, ...args], { input, encoding: 'utf8', cwd, env: { ...process.env, FAULTLINE_CONFIG: '' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function write(name: string, body: unknown): string {
  const p = join(dir, name);
  writeFileSync(p, typeof body === 'string' ? body : JSON.stringify(body));
  return p;
}

/** A knowledge-base folder with one invented person (dates in the 2030s). */
function kbFolder(name: string): string {
  const d = join(dir, name);
  mkdirSync(d, { recursive: true });
  writeFileSync(join(d, 'people.json'), JSON.stringify({ entities: [{ id: 'oskar-testmann', kind: 'person', name: 'Oskar Testmann', country: 'FJI', offices: [{ title: 'Minister for Foreign Affairs of Fiji', role: 'foreign-minister', for: 'FJI', sector: 'GOV', start: '2033-01-01', end: null }] }] }));
  return d;
}

describe('readConfig', () => {
  it('reads folders relative to the file and keeps the other settings', () => {
    mkdirSync(join(dir, 'sub'), { recursive: true });
    const c = readConfig(write('sub/faultline.config.json', { kb: ['my-kb'], data: ['../d'], db: 'f.db', port: 9090, token: 't' }));
    expect(c.kb).toEqual([join(dir, 'sub', 'my-kb')]);
    expect(c.data).toEqual([join(dir, 'd')]);
    expect(c.db).toBe(join(dir, 'sub', 'f.db'));
    expect(c).toMatchObject({ port: 9090, token: 't' });
  });

  it('names the file and the key that is wrong', () => {
    expect(() => readConfig(write('typo.json', { kbs: ['x'] }))).toThrow(/typo\.json: the file: unknown key\(s\) "kbs"; known keys: kb, data/);
    expect(() => readConfig(write('type.json', { kb: 'x' }))).toThrow(/type\.json: "kb": /);
    expect(() => readConfig(write('port.json', { port: 99999 }))).toThrow(/"port"/);
    expect(() => readConfig(write('broken.json', '{"kb": ['))).toThrow(ConfigError);
    expect(() => readConfig(join(dir, 'absent.json'))).toThrow(/absent\.json: cannot read the configuration \(no such file\)/);
  });

  it('is found by --config, then $FAULTLINE_CONFIG, then in the working folder', () => {
    expect(findConfig('a.json', { FAULTLINE_CONFIG: 'b.json' }, dir)).toBe('a.json');
    expect(findConfig(undefined, { FAULTLINE_CONFIG: 'b.json' }, dir)).toBe('b.json');
    const here = mkdtempSync(join(tmpdir(), 'faultline-cwd-'));
    expect(findConfig(undefined, {}, here)).toBeNull();
    writeFileSync(join(here, 'faultline.config.json'), '{}');
    expect(findConfig(undefined, {}, here)).toBe(join(here, 'faultline.config.json'));
  });
});

describe('knowledge-base folders from the configuration and --kb', () => {
  it('resolves a person from a configured folder in analyze and kb lookup', () => {
    const project = mkdtempSync(join(tmpdir(), 'faultline-project-'));
    kbFolder('kb-a');
    writeFileSync(join(project, 'faultline.config.json'), JSON.stringify({ kb: [join(dir, 'kb-a')] }));
    const look = run(['kb', 'lookup', 'Oskar', 'Testmann', '--date', '2033-02-01', '--json'], project);
    expect(look.status).toBe(0);
    expect(JSON.parse(look.stdout)[0]).toMatchObject({ id: 'oskar-testmann', country: 'FJI' });
    const r = run(['analyze', '-', '--published', '2033-02-03'], project, 'The Fijian foreign minister met Tongan officials in Suva on Tuesday.');
    expect(r.status).toBe(0);
    const rec = JSON.parse(r.stdout);
    expect(rec.mentions.find((m: { text: string }) => /foreign minister/i.test(m.text))?.actor).toBe('oskar-testmann');
    // Without the configuration the same text does not know him.
    const bare = run(['analyze', '-', '--published', '2033-02-03'], dir, 'The Fijian foreign minister met Tongan officials in Suva on Tuesday.');
    expect(JSON.parse(bare.stdout).mentions.some((m: { actor: string }) => m.actor === 'oskar-testmann')).toBe(false);
  });

  it('takes --kb after the command and --config before it', () => {
    const d = kbFolder('kb-b');
    expect(JSON.parse(run(['kb', 'lookup', 'Oskar Testmann', '--kb', d, '--json']).stdout)[0]?.id).toBe('oskar-testmann');
    const cfg = write('explicit.json', { kb: [d] });
    expect(JSON.parse(run(['--config', cfg, 'kb', 'lookup', 'Oskar Testmann', '--json']).stdout)[0]?.id).toBe('oskar-testmann');
  });

  it('stops with exit status 2 and the reason on a bad configuration', () => {
    const r = run(['--config', write('bad.json', { colour: 'red' }), 'kb', 'lookup', 'Putin']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/bad\.json: the file: unknown key\(s\) "colour"/);
  });
});

describe('faultline kb import-wikidata', () => {
  it('writes a knowledge-base file and reports what it left out', () => {
    const out = join(dir, 'imported', 'wd.json');
    const r = run(['kb', 'import-wikidata', fixture, '-o', out]);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/read 18 record\(s\); wrote 2 person, 1 org, 1 place to .*wd\.json; skipped 6; left out 1 office\(s\)/);
    const file = JSON.parse(readFileSync(out, 'utf8'));
    expect(file.entities.map((e: { id: string }) => e.id)).toContain('liisa-tamm-kivi-q900000001');
    const look = run(['kb', 'lookup', 'Liisa Tamm-Kivi', '--date', '2031-06-01', '--kb', join(dir, 'imported')]);
    expect(look.stdout).toMatch(/holds Minister of Foreign Affairs of Estonia/);
  });

  it('exits 1 naming the file when it cannot be read or holds no records', () => {
    const missing = run(['kb', 'import-wikidata', join(dir, 'nope.json')]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/nope\.json: cannot read the file \(ENOENT\)/);
    const bad = run(['kb', 'import-wikidata', write('junk.jsonl', 'hello\n')]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/junk\.jsonl:1: not a Wikidata entity record/);
  });
});
