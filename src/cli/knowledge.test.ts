// The built CLI: every command that analyses articles (ingest, reanalyze, watch, serve) resolves an entity that only a
// --kb folder, a configuration file's `kb` or its `data` folders define, and stamps the records with a version covering them.
import { describe, expect, it, afterAll } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { packageRoot } from '../data/paths.js';
import { servedUrl } from '../testing/serve.js';
import { newsPage, rssFeed, startTestServer } from '../store/test-server.js';

const CLI = join(packageRoot, 'dist/cli/main.js');
const built = existsSync(CLI);
if (!built) process.stderr.write('cli/knowledge.test.ts: run `npm run build` first; these tests need dist/cli/main.js.\n');

const dir = mkdtempSync(join(tmpdir(), 'faultline-knowledge-'));
const TEXT = 'The Fijian foreign minister met Tongan officials in Suva on Tuesday.';
const PUBLISHED = '2033-02-03';
const PERSON = 'oskar-testmann';

/** An invented person (dates in the 2030s) known to no built-in file. */
const PEOPLE = { entities: [{ id: PERSON, kind: 'person', name: 'Oskar Testmann', country: 'FJI', offices: [{ title: 'Minister for Foreign Affairs of Fiji', role: 'foreign-minister', for: 'FJI', sector: 'GOV', start: '2033-01-01', end: null }] }] };

function folder(...parts: string[]): string {
  const d = join(dir, ...parts);
  mkdirSync(d, { recursive: true });
  return d;
}

/** A --kb folder holding the person. */
const kbDir = folder('kb');
writeFileSync(join(kbDir, 'people.json'), JSON.stringify(PEOPLE));
/** A working folder whose faultline.config.json names the --kb folder (relative to the file). */
const kbProject = folder('kb-project');
writeFileSync(join(kbProject, 'faultline.config.json'), JSON.stringify({ kb: ['../kb'] }));
/** A working folder whose faultline.config.json names a data folder holding the person under actors/. */
const dataProject = folder('data-project');
writeFileSync(join(folder('data-project', 'my-data', 'actors'), 'people.json'), JSON.stringify(PEOPLE));
writeFileSync(join(dataProject, 'faultline.config.json'), JSON.stringify({ data: ['my-data'] }));
/** A working folder without a configuration. */
const bare = folder('bare');
const articleFile = join(dir, 'fiji.txt');
writeFileSync(articleFile, `Fiji talks\n\n${TEXT}\n`);

function run(args: string[], cwd = bare): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd, env: { ...process.env, FAULTLINE_CONFIG: '' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The actors of the stored mentions of the foreign minister, and the versions the articles were coded with. */
function stored(db: string): { actors: (string | null)[]; versions: string[] } {
  const d = new Database(db, { readonly: true });
  const actors = (d.prepare("SELECT actor FROM mentions WHERE lower(text) LIKE '%foreign minister%'").all() as { actor: string | null }[]).map((r) => r.actor);
  const versions = (d.prepare('SELECT pipeline_version AS v FROM articles').all() as { v: string }[]).map((r) => r.v);
  d.close();
  return { actors, versions };
}

const dbFile = (name: string): string => join(dir, `${name}.db`);

describe.skipIf(!built)('knowledge options in every command that analyses (built CLI)', () => {
  it('ingest: resolves the person from --kb, from the configuration\'s kb and from its data, and not without them', () => {
    const runs: [string, string[], string][] = [
      ['bare', [], bare],
      ['kb-flag', ['--kb', kbDir], bare],
      ['kb-config', [], kbProject],
      ['data-config', [], dataProject],
    ];
    for (const [name, extra, cwd] of runs) {
      const r = run(['ingest', articleFile, '--db', dbFile(`ingest-${name}`), '--published', PUBLISHED, '--quiet', ...extra], cwd);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/1 stored/);
    }
    expect(stored(dbFile('ingest-bare')).actors).not.toContain(PERSON);
    for (const name of ['kb-flag', 'kb-config', 'data-config']) expect(stored(dbFile(`ingest-${name}`)).actors, name).toEqual([PERSON]);
    // The same folder from the configuration and --kb is read once (no duplicate ids).
    const twice = run(['ingest', articleFile, '--db', dbFile('ingest-twice'), '--published', PUBLISHED, '--quiet', '--kb', '../kb'], kbProject);
    expect(twice.status, twice.stderr).toBe(0);
    expect(stored(dbFile('ingest-twice')).actors).toEqual([PERSON]);
    // The version covers the knowledge-base folders: the same folder by --kb or by the configuration codes alike, and differs from none.
    const [none, flag, config] = ['bare', 'kb-flag', 'kb-config'].map((n) => stored(dbFile(`ingest-${n}`)).versions[0]);
    expect(flag).toBe(config);
    expect(flag).not.toBe(none);
  }, 60_000);

  it('reanalyze: re-codes articles stored without the knowledge-base folder once it is given, by --kb or by the configuration', () => {
    for (const [name, extra, cwd] of [['flag', ['--kb', kbDir], bare], ['config', [], kbProject]] as [string, string[], string][]) {
      const db = dbFile(`reanalyze-${name}`);
      expect(run(['ingest', articleFile, '--db', db, '--published', PUBLISHED, '--quiet']).status).toBe(0);
      expect(stored(db).actors).not.toContain(PERSON);
      const first = run(['reanalyze', '--db', db, '--quiet', ...extra], cwd);
      expect(first.stdout, first.stderr).toMatch(/re-coded 1 article\(s\)/);
      expect(stored(db).actors, name).toEqual([PERSON]);
      expect(run(['reanalyze', '--db', db, '--quiet', ...extra], cwd).stdout).toMatch(/re-coded 0 article\(s\).* 1 already at this version/);
    }
  }, 60_000);

  it('watch: resolves the person from --kb and from the configuration\'s kb', async () => {
    const site = await startTestServer({ '/p1': { body: newsPage('Fiji talks', [TEXT]) } });
    const feed = await startTestServer({ '/feed': { type: 'application/rss+xml', body: rssFeed([{ title: 'Fiji talks', link: `${site.url}/p1`, date: 'Thu, 03 Feb 2033 08:00:00 GMT' }]) } });
    try {
      for (const [name, extra, cwd] of [['flag', ['--kb', kbDir], bare], ['config', [], kbProject], ['bare', [], bare]] as [string, string[], string][]) {
        const db = dbFile(`watch-${name}`);
        const r = await runAsync(['watch', `${feed.url}/feed`, '--once', '--db', db, ...extra], cwd);
        expect(r.status, r.stderr).toBe(0);
        expect(r.stderr).toMatch(/1 new stored/);
        if (name === 'bare') expect(stored(db).actors).not.toContain(PERSON);
        else expect(stored(db).actors, name).toEqual([PERSON]);
      }
    } finally {
      await site.close();
      await feed.close();
    }
  }, 60_000);

  it('serve: a posted article and a --seed resolve the person from --kb and from the configuration\'s kb, with the version reanalyze uses', async () => {
    const posted = dbFile('serve-flag');
    const flag = await serve(['--db', posted, '--kb', kbDir], bare);
    try {
      expect(await flag.post({ id: 'fiji-1', text: TEXT, published: PUBLISHED })).toBe(201);
      expect(await flag.actors('fiji-1')).toEqual([PERSON]);
    } finally {
      await flag.stop();
    }
    // The server stamps the version the CLI computes for the same folders: nothing to re-code.
    expect(run(['reanalyze', '--db', posted, '--quiet', '--kb', kbDir]).stdout).toMatch(/re-coded 0 article\(s\).* 1 already at this version/);

    const seeded = await serve(['--db', dbFile('serve-config'), '--seed', articleFile], kbProject);
    try {
      const id = await seeded.firstArticleId();
      expect(await seeded.actors(id)).toEqual([PERSON]);
      expect(await seeded.post({ id: 'fiji-2', text: `${TEXT} Talks will go on.`, published: PUBLISHED })).toBe(201);
      expect(await seeded.actors('fiji-2')).toEqual([PERSON]);
    } finally {
      await seeded.stop();
    }

    const without = await serve(['--db', dbFile('serve-bare')], bare);
    try {
      expect(await without.post({ id: 'fiji-3', text: TEXT, published: PUBLISHED })).toBe(201);
      expect(await without.actors('fiji-3')).not.toContain(PERSON);
    } finally {
      await without.stop();
    }
  }, 90_000);

  it('kb lookup: finds the person in the configuration\'s data folders and in --data, as analyze does', () => {
    const lookup = (args: string[], cwd: string): string | undefined => {
      const r = run(['kb', 'lookup', 'Oskar Testmann', '--json', ...args], cwd);
      expect(r.stderr).toBe('');
      return (JSON.parse(r.stdout) as { id: string }[])[0]?.id;
    };
    expect(lookup([], dataProject)).toBe(PERSON);
    expect(lookup(['--data', join(dataProject, 'my-data')], bare)).toBe(PERSON);
    expect(lookup([], bare)).toBeUndefined();
  }, 60_000);

  it('stops naming the folder when a --kb folder does not exist, serve included', () => {
    for (const args of [['ingest', articleFile, '--db', dbFile('missing')], ['reanalyze', '--db', dbFile('missing')], ['serve', '--port', '0', '--db', dbFile('missing')]]) {
      const r = run([...args, '--kb', join(dir, 'no-such-kb')]);
      expect(r.status, args[0]).toBe(2);
      expect(r.stderr).toMatch(/no-such-kb: cannot read the knowledge-base folder/);
    }
  }, 60_000);
});

const children: ReturnType<typeof spawn>[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

function runAsync(args: string[], cwd: string): Promise<{ status: number | null; stderr: string }> {
  const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, FAULTLINE_CONFIG: '' }, stdio: ['ignore', 'ignore', 'pipe'] });
  children.push(child);
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on('exit', (status) => resolve({ status, stderr })));
}

/** Starts `faultline serve` on a free port with a write token, and helpers to post and read articles. */
async function serve(args: string[], cwd: string) {
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--token', 'sesame', ...args], { cwd, env: { ...process.env, FAULTLINE_CONFIG: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  const { url } = await servedUrl(child);
  return {
    async post(body: { id: string; text: string; published: string }): Promise<number> {
      const res = await fetch(`${url}/api/articles`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer sesame' }, body: JSON.stringify(body) });
      return res.status;
    },
    async firstArticleId(): Promise<string> {
      const res = await fetch(`${url}/api/articles`);
      const json = (await res.json()) as { items: { id: string }[] };
      return json.items[0].id;
    },
    async actors(id: string): Promise<(string | null)[]> {
      const res = await fetch(`${url}/api/articles/${encodeURIComponent(id)}`);
      expect(res.status).toBe(200);
      const rec = (await res.json()) as { mentions: { text: string; actor: string | null }[] };
      return rec.mentions.filter((m) => /foreign minister/i.test(m.text)).map((m) => m.actor);
    },
    stop(): Promise<number | null> {
      return new Promise((resolve) => {
        if (child.exitCode !== null) return resolve(child.exitCode);
        child.once('exit', (code) => resolve(code));
        child.kill('SIGTERM');
      });
    },
  };
}
