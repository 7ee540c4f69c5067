// The built `faultline watch`: polls a local feed, and SIGTERM ends it cleanly (exit 0, store closed).
import { describe, it, expect, afterAll } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { packageRoot } from '../data/paths.js';
import { newsPage, rssFeed, startTestServer } from '../store/test-server.js';

const CLI = join(packageRoot, 'dist/cli/main.js');
const built = existsSync(CLI);

const server = await startTestServer({
  '/p1': { body: newsPage('Russia and Ukraine hold talks', ['Russian and Ukrainian officials met in Minsk on Monday for talks on the ceasefire, the foreign ministry of Russia said in a statement.']) },
});
afterAll(() => server.close());

describe.skipIf(!built)('faultline watch (built CLI)', () => {
  it('ingests a feed\'s items, then exits 0 on SIGTERM with the store intact', async () => {
    const routes = await startTestServer({ '/feed': { type: 'application/rss+xml', body: rssFeed([{ title: 'Talks', link: `${server.url}/p1`, date: 'Mon, 17 Jan 2022 08:00:00 GMT' }]) } });
    const db = join(mkdtempSync(join(tmpdir(), 'faultline-watch-')), 'w.db');
    const child = spawn(process.execPath, [CLI, 'watch', `${routes.url}/feed`, 'http://127.0.0.1:1/down', '--every', '1h', '--db', db], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    for (let i = 0; i < 300 && !/down: /.test(stderr); i++) await new Promise((r) => setTimeout(r, 50));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stderr).toMatch(/\/feed: 1 item\(s\), 1 new stored/);
    expect(stderr).toMatch(/SIGTERM: stopping after the current article/);
    const d = new Database(db, { readonly: true });
    expect((d.prepare('SELECT url, published FROM articles').all() as unknown[])).toEqual([{ url: `${server.url}/p1`, published: '2022-01-17' }]);
    d.close();
    await routes.close();
  }, 30000);
});
