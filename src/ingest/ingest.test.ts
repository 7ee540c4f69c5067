import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readInputs, type InputItem } from './inputs.js';
import { titleOf } from './text.js';
import { checkDate } from './date.js';
import { fromHtml } from './html.js';

const dir = mkdtempSync(join(tmpdir(), 'faultline-ingest-'));
const file = (name: string, content: string | Uint8Array): string => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};

async function collect(specs: string[], options = {}): Promise<InputItem[]> {
  const out: InputItem[] = [];
  for await (const item of readInputs(specs, options)) out.push(item);
  return out;
}

describe('readInputs', () => {
  it('reads a text file, takes its first short line as the title, and keeps --published', async () => {
    const p = file('a.txt', 'Talks in Oslo\n\nThe ministers met on Monday.');
    const [item] = await collect([p], { published: '2021-03-01' });
    expect(item.raw?.article.title).toBe('Talks in Oslo');
    expect(item.raw?.article.published).toBe('2021-03-01');
    expect(item.raw?.article.id).toMatch(/^[0-9a-f]{16}$/);
  });

  it('names a missing, an empty and a binary file and still reads the others', async () => {
    const good = file('good.txt', 'Headline\n\nThe army withdrew.');
    const empty = file('empty.txt', '');
    const binary = file('bin.dat', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 1, 2, 3]));
    const items = await collect([join(dir, 'missing.txt'), empty, binary, good]);
    expect(items.map((i) => i.error?.code ?? 'ok')).toEqual(['input-missing', 'input-empty', 'input-binary', 'ok']);
    expect(items[0].error?.message).toContain('missing.txt');
    expect(items[1].error?.message).toContain('empty.txt');
    expect(items[2].error?.message).toContain('bin.dat');
  });

  it('reads JSON Lines, keeps ids and dates, and reports a bad line by its number', async () => {
    const p = file('a.jsonl', '{"id":"x1","text":"The army withdrew.","published":"2019-01-04"}\n{not json}\n{"id":"x3","text":"Talks began.","published":"soon"}\n');
    const items = await collect([p], { jsonl: true });
    expect(items[0].raw?.article.id).toBe('x1');
    expect(items[0].raw?.article.published).toBe('2019-01-04');
    expect(items[0].raw?.article.publishedFrom).toBe('jsonl');
    expect(items[1].error?.message).toContain('a.jsonl:2');
    expect(items[2].error?.code).toBe('input-date');
  });

  it('reads standard input', async () => {
    const items = await collect(['-'], { readStdin: async () => new TextEncoder().encode('Headline\n\nBody text here.') });
    expect(items[0].source).toBe('stdin');
    expect(items[0].raw?.body).toContain('Body text');
  });

  it('fetches a URL through the injected fetcher and extracts HTML', async () => {
    const html = `<html><head><meta property="article:published_time" content="2020-05-02T08:00:00Z"><title>T</title></head><body><article><h1>T</h1><p>${'The minister visited the capital on Friday and met officials there. '.repeat(5)}</p></article></body></html>`;
    const items = await collect(['https://news.example/a'], { fetchUrl: async () => ({ body: new TextEncoder().encode(html), contentType: 'text/html' }) });
    expect(items[0].raw?.article.published).toBe('2020-05-02');
    expect(items[0].raw?.article.url).toBe('https://news.example/a');
  });
});

describe('fromHtml', () => {
  it('keeps the article paragraphs and drops menus, taking the date from meta', () => {
    const body = '<p>The foreign ministers met in Vienna on Tuesday to discuss the crisis and agreed to meet again next month.</p>'.repeat(3);
    const html = `<!doctype html><html><head><meta property="og:title" content="Ministers meet"><meta property="article:published_time" content="2021-06-01T10:00:00+00:00"></head><body><nav><ul><li><a href="/">Home</a></li><li><a href="/w">World</a></li></ul></nav><article>${body}<h2>next steps</h2>${body}</article></body></html>`;
    const raw = fromHtml(html, { source: 'page.html' });
    expect(raw.article.title).toBe('Ministers meet');
    expect(raw.article.published).toBe('2021-06-01');
    expect(raw.article.publishedFrom).toBe('meta');
    expect(raw.body).toContain('next steps');
    expect(raw.body).not.toContain('Home');
    expect(raw.body.split('\n\n').length).toBeGreaterThanOrEqual(7);
  });
});

describe('titleOf and checkDate', () => {
  it('takes a short first line without a final period as the title', () => {
    expect(titleOf('Crisis talks.. sanctions threatened\n\nText.')).toBe('Crisis talks.. sanctions threatened');
    expect(titleOf('The ministers met on Monday.\nMore.')).toBeNull();
  });
  it('accepts YYYY-MM-DD and timestamps, refuses the rest', () => {
    expect(checkDate('2022-01-20', 'x')).toBe('2022-01-20');
    expect(checkDate('2022-01-20T10:00:00+00:00', 'x')).toBe('2022-01-20');
    expect(() => checkDate('2022-02-30', '--published')).toThrow(/--published/);
    expect(() => checkDate('yesterday', '--published')).toThrow(/YYYY-MM-DD/);
  });
});
