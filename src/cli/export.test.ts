// The built `faultline export` says which events a person reviewed, in every format, and the reviews survive re-analysis.
import { describe, it, expect, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../data/paths.js';
import { openSqliteReviews } from '../store/reviews-sqlite.js';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';

const CLI = join(packageRoot, 'dist/cli/main.js');
const built = existsSync(CLI);
if (!built) process.stderr.write('cli/export.test.ts: run `npm run build` first; the end-to-end export tests need dist/cli/main.js.\n');

function run(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe.runIf(built)('faultline export with reviews', () => {
  const dir = mkdtempSync(join(tmpdir(), 'faultline-export-'));
  const db = join(dir, 'reviewed.db');
  let reviewed: { articleId: string; index: number; cameo: string };

  beforeAll(async () => {
    const file = join(dir, 'story.txt');
    writeFileSync(file, 'Russia accused Ukraine of shelling the border on Monday. France praised Germany for its help on Tuesday.\n');
    expect(run(['ingest', file, '--db', db, '--published', '2022-01-20', '--quiet']).status).toBe(0);
    const store = await openSqliteStore(db);
    const [first] = await store.queryEvents({ afterId: 0, limit: 1 });
    await store.close();
    expect(first).toBeDefined();
    reviewed = { articleId: first.articleId, index: first.index, cameo: first.cameo };
    const reviews = openSqliteReviews(db);
    await reviews.saveReview({ articleId: first.articleId, eventIndex: first.index, verdict: 'correct', cameo: '1121', target: 'Ukrainian army', reviewer: 'ana', evidence: first.evidence, originalCameo: first.cameo });
    await reviews.close();
  }, 60000);

  it('marks the reviewed event in CSV, PLOVER, JSON Lines records and (with --reviews) GDELT', () => {
    const csv = run(['export', '--format', 'csv', '--db', db]).stdout.trim().split('\n');
    const header = csv[0].split(',');
    const rows = csv.slice(1).map((l) => Object.fromEntries(l.split(',').slice(-9).map((v, i) => [header[header.length - 9 + i], v])));
    expect(rows.filter((r) => r.reviewed === '1')).toEqual([{ reviewed: '1', review_verdict: 'correct', reviewer: 'ana', reviewed_at: expect.any(String), review_cameo: '1121', review_source: '', review_target: 'Ukrainian army', review_date: '', review_stale: '0' }]);
    const plover = run(['export', '--format', 'plover', '--db', db, '--no-merge']).stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(plover.filter((r) => r.review).map((r) => [r.id, r.review.verdict, r.review.reviewer])).toEqual([[`${reviewed.articleId}:${reviewed.index}`, 'correct', 'ana']]);
    const records = run(['export', '--format', 'jsonl', '--db', db]).stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(records[0].reviews).toEqual([expect.objectContaining({ eventIndex: reviewed.index, verdict: 'correct', cameo: '1121', stale: false })]);
    const plain = run(['export', '--format', 'gdelt', '--db', db]).stdout.split('\n').filter(Boolean);
    expect(plain.every((l) => l.split('\t').length === 61)).toBe(true);
    const gdelt = run(['export', '--format', 'gdelt', '--db', db, '--reviews', '--no-merge']).stdout.split('\n').filter(Boolean).map((l) => l.split('\t'));
    expect(gdelt.every((cols) => cols.length === 70)).toBe(true);
    expect(gdelt.filter((cols) => cols[61] === '1').map((cols) => cols.slice(62, 64))).toEqual([['correct', 'ana']]);
  }, 60000);

  it('keeps the review through a re-analysis of the article', () => {
    expect(run(['reanalyze', '--db', db, '--all', '--quiet']).status).toBe(0);
    const records = run(['export', '--format', 'jsonl', '--db', db]).stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(records[0].reviews).toEqual([expect.objectContaining({ eventIndex: reviewed.index, verdict: 'correct', reviewer: 'ana' })]);
  }, 60000);
});
