import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = join(root, 'dist', 'cli', 'main.js');
const dir = mkdtempSync(join(tmpdir(), 'faultline-cli-'));

function run(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [bin, ...args], { input, encoding: 'utf8', cwd: root });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const article = 'Talks in Oslo\n\nThe foreign ministers of Norway and Sweden met in Oslo on Monday.\n\nLeave a Reply\n\nYour email address will not be published.';

describe('faultline analyze', () => {
  it('prints one pretty JSON record for one input, with the spec fields', () => {
    const p = join(dir, 'a.txt');
    writeFileSync(p, article);
    const r = run(['analyze', p, '--published', '2021-03-01']);
    expect(r.status).toBe(0);
    const rec = JSON.parse(r.stdout);
    for (const k of ['article', 'text', 'removed', 'sentences', 'mentions', 'times', 'events', 'quotes', 'attributions', 'flags']) expect(rec).toHaveProperty(k);
    expect(rec.article.published).toBe('2021-03-01');
    expect(rec.text).not.toContain('Leave a Reply');
    expect(rec.removed.length).toBe(2);
  });

  it('reads stdin and prints JSON Lines for --format jsonl', () => {
    const r = run(['analyze', '-', '--format', 'jsonl'], article);
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]).article.source).toBe('stdin');
  });

  it('names each bad input on stderr, analyses the rest, and exits non-zero', () => {
    const good = join(dir, 'good.txt');
    const empty = join(dir, 'empty.txt');
    const binary = join(dir, 'bin.png');
    writeFileSync(good, article);
    writeFileSync(empty, '');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48]));
    const r = run(['analyze', join(dir, 'nope.txt'), empty, binary, good]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('nope.txt');
    expect(r.stderr).toContain('empty.txt');
    expect(r.stderr).toContain('bin.png');
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]).article.source).toBe(good);
  });

  it('keeps JSON Lines ids and says when times stay relative', () => {
    const p = join(dir, 'in.jsonl');
    writeFileSync(p, `${JSON.stringify({ id: 'n1', text: 'The army withdrew from the town.' })}\n${JSON.stringify({ id: 'n2', text: 'Talks began.', published: '2020-02-02' })}\n`);
    const r = run(['analyze', '--jsonl', p]);
    expect(r.status).toBe(0);
    const recs = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(recs.map((x) => x.article.id)).toEqual(['n1', 'n2']);
    expect(recs[0].article.timesRelative).toBe(true);
    expect(recs[1].article.published).toBe('2020-02-02');
  });

  it('refuses an unreadable --published date with exit status 2', () => {
    const r = run(['analyze', '-', '--published', 'last Tuesday'], article);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--published.*YYYY-MM-DD/);
  });

  it('takes users\' own lexicon entries from --data DIR and explains the event with --explain', () => {
    const data = join(dir, 'mydata');
    mkdirSync(join(data, 'lexicon'), { recursive: true });
    writeFileSync(join(data, 'lexicon', 'extra.json'), JSON.stringify({ entries: [{ head: 'parley', pos: 'verb', code: '040', target: ['with'] }] }));
    const text = 'Norway parleyed with Sweden on Monday.';
    const without = JSON.parse(run(['analyze', '-', '--published', '2021-03-03'], text).stdout);
    const r = run(['analyze', '-', '--published', '2021-03-03', '--data', data, '--explain'], text);
    expect(r.status).toBe(0);
    const rec = JSON.parse(r.stdout);
    expect(without.events).toEqual([]);
    expect(rec.events.map((e: { source: { country: string }; target: { country: string }; cameo: string }) => `${e.source.country}>${e.target.country}:${e.cameo}`)).toEqual(['NOR>SWE:040']);
    expect(rec.events[0].explain.pattern).toBe('parley');
    expect(rec.events[0].date).toBe('2021-03-01');
  });

  it('names a malformed data file and exits with 2', () => {
    const data = join(dir, 'baddata');
    mkdirSync(join(data, 'lexicon'), { recursive: true });
    writeFileSync(join(data, 'lexicon', 'broken.json'), JSON.stringify({ entries: [{ head: 'parley', pos: 'verb', code: '999' }] }));
    const r = run(['analyze', '-', '--data', data], 'Norway met Sweden.');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('broken.json');
  });

  it('prints a table with --format table', () => {
    const r = run(['analyze', join(root, 'examples', 'vienna-talks.txt'), '--format', 'table']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Ministers meet in Vienna');
    expect(r.stdout).toMatch(/\d+ sentences, \d+ mentions/);
  });
});
