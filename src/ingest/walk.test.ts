// Listing and reading ingest inputs: directories, JSON Lines line numbers, errors that do not stop the rest.
import { describe, it, expect } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countArticles, listIngestInputs, readIngestInput, type IngestItem } from './walk.js';

function corpus(): string {
  const dir = mkdtempSync(join(tmpdir(), 'faultline-walk-'));
  mkdirSync(join(dir, 'b', 'deeper'), { recursive: true });
  writeFileSync(join(dir, 'a.txt'), 'Envoys met in Vienna.\n');
  writeFileSync(join(dir, 'b', 'page.HTML'), '<html><body><p>Envoys met in Oslo on Monday.</p></body></html>');
  writeFileSync(join(dir, 'b', 'deeper', 'feed.jsonl'), '{"id":"x1","text":"One."}\n\n{bad\n{"id":"x3","text":"Three.","published":"2022-01-02"}\n');
  writeFileSync(join(dir, 'b', 'notes.md'), 'skipped');
  writeFileSync(join(dir, '.hidden.txt'), 'skipped');
  writeFileSync(join(dir, 'LICENSE.txt'), 'skipped: not an article');
  writeFileSync(join(dir, 'b', 'README.txt'), 'skipped: not an article');
  return dir;
}

async function collect(gen: AsyncGenerator<IngestItem>): Promise<IngestItem[]> {
  const out: IngestItem[] = [];
  for await (const item of gen) out.push(item);
  return out;
}

describe('listIngestInputs', () => {
  it('walks directories recursively in name order, keeping .txt, .html and .jsonl but not LICENSE or README files', async () => {
    const dir = corpus();
    const { inputs, errors } = await listIngestInputs([dir, join(dir, 'missing.txt')]);
    expect(inputs.map((i) => [i.path.slice(dir.length + 1), i.kind])).toEqual([['a.txt', 'text'], ['b/deeper/feed.jsonl', 'jsonl'], ['b/page.HTML', 'html']]);
    expect(errors.map((e) => e.error?.code)).toEqual(['input-missing']);
    expect(await countArticles(inputs)).toBe(5);
  });
});

describe('readIngestInput', () => {
  it('names each JSON Lines article and error by its line, and applies --published', async () => {
    const dir = corpus();
    const items = await collect(readIngestInput({ path: join(dir, 'b/deeper/feed.jsonl'), kind: 'jsonl' }, { published: '2023-05-06' }));
    expect(items.map((i) => i.source.replace(`${dir}/`, ''))).toEqual(['b/deeper/feed.jsonl:1', 'b/deeper/feed.jsonl:3', 'b/deeper/feed.jsonl:4']);
    expect(items[1].error?.code).toBe('input-jsonl');
    expect(items[2].raw?.article).toMatchObject({ id: 'x3', published: '2023-05-06' });
  });

  it('reads HTML files as HTML', async () => {
    const dir = corpus();
    const [item] = await collect(readIngestInput({ path: join(dir, 'b/page.HTML'), kind: 'html' }));
    expect(item.raw?.body).toContain('Envoys met in Oslo on Monday.');
    expect(item.raw?.body).not.toContain('<p>');
  });
});
