// Reading the inputs named on a command line: files, "-" for stdin, URLs, JSON Lines.
import { readFile, stat } from 'node:fs/promises';
import type { RawArticle } from '../model/types.js';
import { InputError } from '../errors.js';
import { decodeText } from './decode.js';
import { fromText, type TextMeta } from './text.js';
import { fromHtml, looksLikeHtml } from './html.js';
import { parseJsonl } from './jsonl.js';

/** How to read inputs. */
export interface ReadOptions {
  /** Inputs are JSON Lines files. */
  jsonl?: boolean;
  /** Publication date for every input (YYYY-MM-DD), overriding what the inputs say. */
  published?: string | null;
  /** Reads standard input; injected so that tests and servers can supply their own. */
  readStdin?: () => Promise<Uint8Array>;
  /** Fetches a URL; injected for tests. */
  fetchUrl?: (url: string) => Promise<{ body: Uint8Array; contentType: string }>;
}

/** One input read: an article, or the error it gave, named by its source. */
export type InputItem = { source: string; raw: RawArticle; error?: undefined } | { source: string; raw?: undefined; error: InputError };

/** Reads every input in order, yielding each article or error; one bad input never stops the rest. */
export async function* readInputs(specs: string[], options: ReadOptions = {}): AsyncGenerator<InputItem> {
  for (const spec of specs) {
    try {
      const { text, source, url, contentType } = await readOne(spec, options);
      if (options.jsonl) {
        for (const item of parseJsonl(text, source)) {
          if (item.error) yield { source, error: item.error };
          else yield { source, raw: withPublished(item.raw, options.published) };
        }
        continue;
      }
      const meta: TextMeta = { source, url, published: options.published ?? null, publishedFrom: 'option' };
      const html = /html/i.test(contentType) || /\.x?html?$/i.test(spec) || looksLikeHtml(text);
      yield { source, raw: html ? fromHtml(text, meta) : fromText(text, meta) };
    } catch (err) {
      if (err instanceof InputError) yield { source: spec, error: err };
      else yield { source: spec, error: new InputError('input-unreadable', `${spec}: ${(err as Error).message}`) };
    }
  }
}

function withPublished(raw: RawArticle, published: string | null | undefined): RawArticle {
  if (!published) return raw;
  return { ...raw, article: { ...raw.article, published, publishedFrom: 'option' } };
}

async function readOne(spec: string, options: ReadOptions): Promise<{ text: string; source: string; url: string | null; contentType: string }> {
  if (spec === '-') {
    const bytes = await (options.readStdin ?? readStdin)();
    return { text: decodeText(bytes, 'stdin'), source: 'stdin', url: null, contentType: '' };
  }
  if (/^https?:\/\//i.test(spec)) {
    const { body, contentType } = await (options.fetchUrl ?? fetchUrl)(spec);
    return { text: decodeText(body, spec), source: spec, url: spec, contentType };
  }
  let info;
  try {
    info = await stat(spec);
  } catch {
    throw new InputError('input-missing', `${spec}: no such file; check the path.`);
  }
  if (info.isDirectory()) throw new InputError('input-directory', `${spec}: is a directory; name the files in it (or use faultline ingest for directories).`);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(spec);
  } catch (err) {
    throw new InputError('input-unreadable', `${spec}: cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}).`);
  }
  return { text: decodeText(bytes, spec), source: spec, url: null, contentType: '' };
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const FETCH_TIMEOUT_MS = 20000;

async function fetchUrl(url: string): Promise<{ body: Uint8Array; contentType: string }> {
  let res: Response;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), headers: { 'user-agent': 'faultline' } });
  } catch (err) {
    throw new InputError('input-fetch', `${url}: could not be fetched (${(err as Error).message}).`);
  }
  if (!res.ok) throw new InputError('input-fetch', `${url}: the server answered ${res.status} ${res.statusText}.`);
  return { body: new Uint8Array(await res.arrayBuffer()), contentType: res.headers.get('content-type') ?? '' };
}
