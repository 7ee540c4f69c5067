// Plain-text articles: the title is the first line when it is short and has no final period.
import { createHash } from 'node:crypto';
import type { Article, RawArticle } from '../model/types.js';

const TITLE_MAX_CHARS = 200;

/** A stable id derived from the content. */
export function contentId(text: string): string {
  return createHash('sha256').update(text.trim()).digest('hex').slice(0, 16);
}

/** Returns the first line of `body` when it reads as a title, else null. */
export function titleOf(body: string): string | null {
  const first = body.replace(/^\s+/, '').split(/\r?\n/, 1)[0]?.trim() ?? '';
  if (!first || first.length > TITLE_MAX_CHARS) return null;
  if (/[.!?]["”’)]?$/.test(first) && !/\.\.$/.test(first)) return null;
  if (/^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s)/i.test(first)) return null;
  return first;
}

/** Metadata known about a text input before reading it. */
export interface TextMeta {
  source: string;
  id?: string;
  title?: string | null;
  published?: string | null;
  publishedFrom?: Article['publishedFrom'];
  url?: string | null;
}

/** Wraps a plain-text body as a raw article. */
export function fromText(body: string, meta: TextMeta): RawArticle {
  const published = meta.published ?? null;
  return {
    article: {
      id: meta.id ?? contentId(body),
      title: meta.title !== undefined && meta.title !== null ? meta.title : titleOf(body),
      published,
      publishedFrom: published ? (meta.publishedFrom ?? 'option') : 'none',
      source: meta.source,
      url: meta.url ?? null,
      lang: 'en',
    },
    body,
  };
}
