// Finding and reading the inputs of `faultline ingest`: files, directories (recursive), JSON Lines, URLs.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { RawArticle } from '../model/types.js';
import { InputError } from '../errors.js';
import { decodeText } from './decode.js';
import { fromText } from './text.js';
import { fromHtml, looksLikeHtml } from './html.js';
import { parseJsonl } from './jsonl.js';
import { readInputs } from './inputs.js';

/** One input to ingest: a file of a known kind, or a URL. */
export interface IngestInput {
  path: string;
  kind: 'text' | 'html' | 'jsonl' | 'url';
}

/** One article read (or the error it gave); `source` names it for failure records: the path, `path:line`, or the URL. */
export type IngestItem = { source: string; raw: RawArticle; error?: undefined } | { source: string; raw?: undefined; error: InputError };

const KINDS: Record<string, IngestInput['kind']> = { '.txt': 'text', '.html': 'html', '.htm': 'html', '.jsonl': 'jsonl' };

function kindOf(path: string, jsonl: boolean): IngestInput['kind'] | null {
  if (jsonl) return 'jsonl';
  const m = /\.[a-z]+$/i.exec(path);
  return m ? (KINDS[m[0].toLowerCase()] ?? null) : null;
}

/** Expands paths into inputs: directories recursively (.txt, .html, .htm, .jsonl, sorted; LICENSE/README-style files skipped), files as named; missing paths are errors. */
export async function listIngestInputs(specs: string[], options: { jsonl?: boolean } = {}): Promise<{ inputs: IngestInput[]; errors: IngestItem[] }> {
  const inputs: IngestInput[] = [];
  const errors: IngestItem[] = [];
  for (const spec of specs) {
    if (/^https?:\/\//i.test(spec)) {
      inputs.push({ path: spec, kind: 'url' });
      continue;
    }
    let info;
    try {
      info = await stat(spec);
    } catch {
      errors.push({ source: spec, error: new InputError('input-missing', `${spec}: no such file or directory; check the path.`) });
      continue;
    }
    if (info.isDirectory()) {
      for (const path of await walkDirectory(spec)) {
        const kind = kindOf(path, false);
        if (kind && !isProjectFile(path)) inputs.push({ path, kind });
      }
    } else {
      inputs.push({ path: spec, kind: kindOf(spec, options.jsonl ?? false) ?? 'text' });
    }
  }
  return { inputs, errors };
}

/** Licence, readme and changelog files sit beside corpora; inside a directory they are not articles. */
const PROJECT_FILE = /^(licen[cs]e|copying|readme|changelog|notice|authors)(\.[a-z]+)?$/i;

function isProjectFile(path: string): boolean {
  return PROJECT_FILE.test(path.slice(path.lastIndexOf('/') + 1));
}

async function walkDirectory(dir: string): Promise<string[]> {
  const out: string[] = [];
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await walkDirectory(path)));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

/** How many articles the inputs hold (one per file or URL, one per non-empty line of JSON Lines): for progress and ETA. */
export async function countArticles(inputs: IngestInput[]): Promise<number> {
  let n = 0;
  for (const input of inputs) {
    if (input.kind !== 'jsonl') {
      n++;
      continue;
    }
    try {
      n += nonEmptyLines((await readFile(input.path, 'utf8')).split('\n')).length;
    } catch {
      n++;
    }
  }
  return n;
}

function nonEmptyLines(lines: string[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < lines.length; i++) if (lines[i].trim()) out.push(i + 1);
  return out;
}

/** Reads the articles of one input; a bad file or line gives an error item and the rest goes on. */
export async function* readIngestInput(input: IngestInput, options: { published?: string | null } = {}): AsyncGenerator<IngestItem> {
  const published = options.published ?? null;
  if (input.kind === 'url') {
    yield* readInputs([input.path], { published });
    return;
  }
  let text: string;
  try {
    text = decodeText(await readFile(input.path), input.path);
  } catch (err) {
    yield { source: input.path, error: err instanceof InputError ? err : new InputError('input-unreadable', `${input.path}: cannot be read (${(err as Error).message}).`) };
    return;
  }
  if (input.kind !== 'jsonl') {
    const meta = { source: input.path, url: null, published, publishedFrom: 'option' as const };
    yield { source: input.path, raw: input.kind === 'html' || looksLikeHtml(text) ? fromHtml(text, meta) : fromText(text, meta) };
    return;
  }
  const lines = nonEmptyLines(text.split('\n'));
  let i = 0;
  for (const item of parseJsonl(text, input.path)) {
    const source = `${input.path}:${lines[i++] ?? '?'}`;
    if (item.error) yield { source, error: item.error };
    else yield { source, raw: published ? { ...item.raw, article: { ...item.raw.article, published, publishedFrom: 'option' } } : item.raw };
  }
}
