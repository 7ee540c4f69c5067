// JSON Lines input: one article per line, {"id", "text", "published"?, "title"?, "url"?, "source"?}.
import type { RawArticle } from '../model/types.js';
import { InputError } from '../errors.js';
import { fromText } from './text.js';
import { fromHtml, looksLikeHtml } from './html.js';
import { checkDate } from './date.js';

/** One line of a JSON Lines input: an article, or the error that line gave. */
export type JsonlItem = { raw: RawArticle; error?: undefined } | { raw?: undefined; error: InputError };

/** Parses JSON Lines text; each bad line gives an error naming the input and the line. */
export function* parseJsonl(text: string, name: string): Generator<JsonlItem> {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line) continue;
    const where = `${name}:${i + 1}`;
    try {
      yield { raw: parseRecord(line, where) };
    } catch (err) {
      if (err instanceof InputError) yield { error: err };
      else throw err;
    }
  }
}

function parseRecord(line: string, where: string): RawArticle {
  let rec: Record<string, unknown>;
  try {
    rec = JSON.parse(line) as Record<string, unknown>;
  } catch (err) {
    throw new InputError('input-jsonl', `${where}: not valid JSON (${(err as Error).message}).`);
  }
  if (!rec || typeof rec !== 'object' || Array.isArray(rec)) throw new InputError('input-jsonl', `${where}: each line must be a JSON object.`);
  if (typeof rec.text !== 'string' || !rec.text.trim()) {
    throw new InputError('input-empty', `${where}: the record has no "text" (a non-empty string is required).`);
  }
  const id = rec.id === undefined || rec.id === null ? undefined : String(rec.id);
  const published = rec.published === undefined || rec.published === null ? null : checkDate(String(rec.published), `${where}: "published"`);
  const meta = {
    source: typeof rec.source === 'string' ? rec.source : where,
    id,
    title: typeof rec.title === 'string' ? rec.title : undefined,
    published,
    publishedFrom: 'jsonl' as const,
    url: typeof rec.url === 'string' ? rec.url : null,
  };
  return looksLikeHtml(rec.text) ? fromHtml(rec.text, meta) : fromText(rec.text, meta);
}
