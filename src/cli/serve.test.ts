// The built `faultline serve` with several server processes on one port: every process answers, a write is seen by all, and SIGTERM stops them all.
import { describe, it, expect } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../data/paths.js';
import { servedUrl } from '../testing/serve.js';

const CLI = join(packageRoot, 'dist/cli/main.js');
const built = existsSync(CLI);

describe.runIf(built)('faultline serve --workers', () => {
  it('serves from two processes sharing the port and stops cleanly on SIGTERM', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'faultline-serve-')), 's.db');
    const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--db', db, '--workers', '2', '--token', 'sesame'], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      await exercise(child);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 90_000);
});

/** Reads the URL, stores an article through one process, reads it through both, and stops the server. */
async function exercise(child: ReturnType<typeof spawn>): Promise<void> {
  const { url, out } = await servedUrl(child);
  expect(out).toMatch(/2 server processes/);
  const post = await fetch(`${url}/api/articles`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer sesame' },
    body: JSON.stringify({ text: 'Russia accused Ukraine of shelling the border on Monday.', published: '2022-01-20', id: 'w1' }),
  });
  expect(post.status).toBe(201);
  // New connections go to either process: each must see the article the other stored.
  for (let i = 0; i < 6; i++) {
    const res = await fetch(`${url}/api/events?actor=russia`, { headers: { connection: 'close' } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { items: { articleId: string }[] }).items.map((e) => e.articleId)).toContain('w1');
  }
  const code = await new Promise<number | null>((resolve) => {
    child.once('exit', (c) => resolve(c));
    child.kill('SIGTERM');
  });
  expect(code).toBe(0);
}
