import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = join(root, 'dist', 'eval', 'main.js');
const shared = process.env.FAULTLINE_SHARED ?? resolve(root, '..', 'shared');
const run = (args: string[], env: Record<string, string> = {}) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: root, env: { ...process.env, ...env } });

describe('npm run eval', () => {
  it('says there is nothing to score and exits 0 without ../shared', () => {
    const r = run([], { FAULTLINE_SHARED: join(tmpdir(), 'no-such-shared-folder') });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/nothing to score/);
  });

  it.skipIf(!existsSync(join(shared, 'eval', 'gold')))('fails, naming the figure, when a figure is below its floor, and writes --json', () => {
    const dir = mkdtempSync(join(tmpdir(), 'faultline-eval-'));
    const floors = join(dir, 'floors.json');
    const out = join(dir, 'figures.json');
    writeFileSync(floors, JSON.stringify({ 'seed.boilerplate': 1.01 }));
    const r = run(['--shared', shared, '--floors', floors, '--json', out]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/seed\.boilerplate: 100\.0% is below the floor of 101\.0%/);
    expect(r.stdout).toMatch(/event recall/);
    expect(existsSync(out)).toBe(true);
  });
});
