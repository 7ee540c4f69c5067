// Reads the seed and GUM gold from ../shared when present and prints how many gold times the stage
// gets right. Skipped when the shared folder is absent; asserts only a floor on the seed.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { makeDoc } from '../testing/make-doc.js';
import { resolveTimes } from './index.js';
import { daysBetween, parseYmd } from './calendar.js';

// ../shared from the project root, as every checkout has it.
const SHARED = fileURLToPath(new URL('../../../shared', import.meta.url));
const GOLD = join(SHARED, 'eval/gold');

interface GoldTime {
  text: string;
  value: string;
  start?: number;
  tolerance_days?: number;
}

function score(file: string): { hits: number; total: number; lines: string[] } {
  const gold = JSON.parse(readFileSync(join(GOLD, file), 'utf8')) as { file: string; published: string; times?: GoldTime[] };
  const text = readFileSync(join(SHARED, gold.file), 'utf8');
  const doc = resolveTimes(makeDoc(text, { published: gold.published }));
  const lines: string[] = [];
  let hits = 0;
  for (const g of gold.times ?? []) {
    const start = g.start ?? text.indexOf(g.text);
    const end = start + g.text.length;
    const over = doc.times.filter((t) => t.start < end && start < t.end);
    const ok = over.some((t) => sameValue(t.value, g.value, g.tolerance_days ?? 0));
    if (ok) hits++;
    lines.push(`${ok ? 'HIT ' : 'MISS'} ${JSON.stringify(g.text)} gold=${g.value} got=${over.map((t) => `${t.text}:${t.value}:${t.via}`).join(',') || '-'}`);
  }
  return { hits, total: (gold.times ?? []).length, lines };
}

function sameValue(got: string | null, want: string, tolerance: number): boolean {
  if (got === want) return true;
  const a = parseYmd(got);
  const b = parseYmd(want);
  return Boolean(a && b && Math.abs(daysBetween(a, b)) <= tolerance);
}

describe.skipIf(!existsSync(GOLD))('time self-check against the shared gold', () => {
  it('gets at least 8 of the 10 seed times', () => {
    const r = score('seed-ukraine-2022-01-20.json');
    console.log(`seed times ${r.hits}/${r.total}\n${r.lines.join('\n')}`);
    expect(r.hits).toBeGreaterThanOrEqual(8);
  });

  it('reports the GUM gold times', () => {
    let hits = 0;
    let total = 0;
    const misses: string[] = [];
    for (const f of readdirSync(GOLD).filter((n) => n.startsWith('gum-'))) {
      const r = score(f);
      hits += r.hits;
      total += r.total;
      misses.push(...r.lines.filter((l) => l.startsWith('MISS')).map((l) => `${f}: ${l}`));
    }
    console.log(`GUM times ${hits}/${total}\n${misses.join('\n')}`);
    expect(total).toBeGreaterThan(0);
  });
});
