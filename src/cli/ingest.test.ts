// The built `faultline ingest` end to end: idempotence, a kill -9 part-way, and the GDELT export.
import { describe, it, expect, beforeAll } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { packageRoot } from '../data/paths.js';

const CLI = join(packageRoot, 'dist/cli/main.js');
const built = existsSync(CLI);
if (!built) process.stderr.write('cli/ingest.test.ts: run `npm run build` first; the end-to-end ingest tests need dist/cli/main.js.\n');

const STATES = ['Russia', 'Ukraine', 'France', 'Germany', 'China', 'Japan', 'India', 'Brazil', 'Turkey', 'Iran'];
const VERBS = ['accused', 'met with', 'threatened', 'praised', 'criticised', 'signed an agreement with', 'condemned'];

/** A small made-up article: three sentences between states, numbered so that each text differs. */
function article(i: number): string {
  const a = STATES[i % STATES.length];
  const b = STATES[(i * 3 + 1) % STATES.length] === a ? STATES[(i + 2) % STATES.length] : STATES[(i * 3 + 1) % STATES.length];
  const v = VERBS[i % VERBS.length];
  return `${a} ${v} ${b} on Monday over border incident number ${i}. ` +
    `Officials in ${b} said talks with ${a} would resume next week. ` +
    `The foreign minister of ${a} ${VERBS[(i + 3) % VERBS.length]} ${b} again on Tuesday.`;
}

function run(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function snapshot(db: string): { articles: number; events: number; failures: number; rows: string[] } {
  const d = new Database(db, { readonly: true });
  const n = (t: string): number => Number((d.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n);
  const rows = (d.prepare('SELECT a.id, e.idx, e.cameo, e.source_country, e.target_country FROM events e JOIN articles a ON a.key = e.article_key').all() as Record<string, unknown>[])
    .map((r) => Object.values(r).join('|')).sort();
  const out = { articles: n('articles'), events: n('events'), failures: n('failures'), rows };
  d.close();
  return out;
}

describe.skipIf(!built)('faultline ingest (built CLI)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'faultline-ingest-'));
  const corpus = join(dir, 'corpus');
  const N = 60;

  beforeAll(() => {
    mkdirSync(join(corpus, 'nested'), { recursive: true });
    const lines = Array.from({ length: N }, (_, i) => JSON.stringify({ id: `t${i}`, text: article(i), published: '2022-01-1' + (i % 10) }));
    lines.splice(7, 0, '{not json');
    writeFileSync(join(corpus, 'news.jsonl'), `${lines.join('\n')}\n`);
    writeFileSync(join(corpus, 'nested', 'one.txt'), `Border talks\n\n${article(1000)}\n`);
    writeFileSync(join(corpus, 'nested', 'copy-of-one.txt'), `Border talks\n\n${article(1000)}\n`);
    writeFileSync(join(corpus, 'nested', 'two.html'), `<html><head><title>Envoys meet</title></head><body><article><h1>Envoys meet</h1><p>${article(2000)}</p></article></body></html>`);
    writeFileSync(join(corpus, 'nested', 'empty.txt'), '   \n');
    writeFileSync(join(corpus, 'nested', 'ignored.md'), article(3000));
  });

  it('stores a corpus once: a second run stores nothing new, and bad inputs are recorded', () => {
    const db = join(dir, 'twice.db');
    const first = run(['ingest', corpus, '--db', db, '--published', '2022-01-20']);
    expect(first.status).toBe(1);
    expect(first.stdout).toMatch(/ingested 65 article\(s\).*: 62 stored with \d+ event\(s\), 1 already stored, 2 failed/);
    expect(first.stderr).toMatch(/news\.jsonl:8: .*not valid JSON/);
    expect(first.stderr).toMatch(/empty\.txt: the input holds only whitespace/);
    const once = snapshot(db);
    expect(once).toMatchObject({ articles: 62, failures: 2 });
    expect(once.events).toBeGreaterThan(62);
    run(['ingest', corpus, '--db', db, '--published', '2022-01-20']);
    expect(snapshot(db)).toEqual(once);
    const gdelt = run(['export', '--format', 'gdelt', '--db', db]).stdout.split('\n').filter(Boolean);
    expect(gdelt.length).toBe(once.events);
    for (const line of gdelt) expect(line.split('\t').length).toBe(61);
    const plover = run(['export', '--format', 'plover', '--db', db]).stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l));
    expect(plover.length).toBeGreaterThan(0);
    expect(plover[0]).toMatchObject({ event_type: expect.any(String), actor1: { name: expect.any(String) }, evidence: { text: expect.any(String) } });
  }, 60000);

  it('re-codes nothing already at the current version, everything with --all, and keeps the counts', () => {
    const db = join(dir, 'recode.db');
    run(['ingest', join(corpus, 'nested'), '--db', db, '--quiet']);
    const before = snapshot(db);
    expect(run(['reanalyze', '--db', db, '--quiet']).stdout).toMatch(/re-coded 0 article\(s\).* 2 already at this version/);
    expect(run(['reanalyze', '--db', db, '--all', '--quiet']).stdout).toMatch(/re-coded 2 article\(s\) with \d+ event\(s\) as \d+\.\d+\.\d+\+data\.[0-9a-f]{8}/);
    expect(snapshot(db)).toEqual(before);
  }, 60000);

  it('ends a run killed part-way (kill -9) and rerun with exactly what a clean run gives', async () => {
    const clean = join(dir, 'clean.db');
    const killed = join(dir, 'killed.db');
    run(['ingest', corpus, '--db', clean, '--quiet']);
    const child = spawn(process.execPath, [CLI, 'ingest', corpus, '--db', killed, '--quiet'], { stdio: 'ignore' });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    let partial = 0;
    for (let i = 0; i < 1200 && child.exitCode === null; i++) {
      await new Promise((r) => setTimeout(r, 10));
      if (!existsSync(killed)) continue;
      try {
        partial = snapshot(killed).articles;
      } catch {
        continue;
      }
      if (partial >= 10) break;
    }
    child.kill('SIGKILL');
    await exited;
    expect(partial).toBeGreaterThanOrEqual(10);
    expect(partial).toBeLessThan(62);
    run(['ingest', corpus, '--db', killed, '--quiet']);
    expect(snapshot(killed)).toEqual(snapshot(clean));
  }, 90000);

  it('prints plain progress lines and a summary when not on a terminal, and lists failures', () => {
    const db = join(dir, 'failures.db');
    const r = run(['ingest', join(corpus, 'nested'), '--db', db]);
    expect(r.stderr).toMatch(/^ingest 4\/4 \(100%\) · stored 2 · skipped 1 · failed 1 · [\d.]+ articles\/s · ETA 0s$/m);
    expect(run(['ingest', '--failures', '--db', db]).stdout).toMatch(/empty\.txt\tinput-empty\t1\t/);
  }, 60000);
});
