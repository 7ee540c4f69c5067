// HTML pages: the article body by Readability over a linkedom DOM, reduced to paragraphs of text.
import { linkedom, readability } from './dom.js';
import type { RawArticle } from '../model/types.js';
import { InputError } from '../errors.js';
import { fromText, type TextMeta } from './text.js';

const BLOCK_TAGS = new Set([
  'P', 'DIV', 'SECTION', 'ARTICLE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'BLOCKQUOTE', 'PRE',
  'TABLE', 'TR', 'UL', 'OL', 'FIGURE', 'FIGCAPTION', 'HEADER', 'FOOTER', 'ASIDE', 'MAIN', 'DD', 'DT', 'BR', 'HR',
]);

/** True when a text looks like an HTML document rather than plain text. */
export function looksLikeHtml(text: string): boolean {
  return /^\s*(<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])/i.test(text) || /<(p|div|article)[\s>][\s\S]*<\/(p|div|article)>/i.test(text.slice(0, 20000));
}

/** Extracts the article from an HTML page; meta tags give the title and publication date. */
export function fromHtml(html: string, meta: TextMeta): RawArticle {
  const { document } = linkedom().parseHTML(html);
  const title = metaContent(document, ['og:title', 'twitter:title']) ?? (document.querySelector('title')?.textContent?.trim() || null);
  const published = meta.published ?? publishedFromMeta(document);
  const url = meta.url ?? metaContent(document, ['og:url']) ?? null;
  const reader = new (readability().Readability)(document as unknown as Document, { charThreshold: 100 });
  const parsed = reader.parse();
  if (!parsed || !parsed.content) {
    throw new InputError('input-no-article', `${meta.source}: no article text found in this HTML page.`);
  }
  const { document: content } = linkedom().parseHTML(`<!doctype html><html><body>${parsed.content}</body></html>`);
  const extracted = blocksToText(content.body as unknown as Element);
  const headline = meta.title ?? title ?? parsed.title ?? null;
  // The headline is part of the article (it often names the main event): keep it as the first paragraph.
  const body = headline && !extracted.startsWith(headline) ? `${headline}\n\n${extracted}` : extracted;
  if (!extracted.trim()) throw new InputError('input-no-article', `${meta.source}: the HTML page has no article text.`);
  const fromMeta = !meta.published && published;
  return fromText(body, {
    ...meta,
    title: headline,
    published,
    publishedFrom: fromMeta ? 'meta' : meta.publishedFrom,
    url,
  });
}

function metaContent(document: { querySelector(s: string): { getAttribute(n: string): string | null } | null }, names: string[]): string | null {
  for (const name of names) {
    const el = document.querySelector(`meta[property="${name}"]`) ?? document.querySelector(`meta[name="${name}"]`);
    const v = el?.getAttribute('content')?.trim();
    if (v) return v;
  }
  return null;
}

function publishedFromMeta(document: Parameters<typeof metaContent>[0] & { querySelector(s: string): { getAttribute(n: string): string | null } | null }): string | null {
  const raw =
    metaContent(document, ['article:published_time', 'og:published_time', 'datePublished', 'pubdate', 'publish-date', 'date', 'dc.date']) ??
    document.querySelector('time[datetime]')?.getAttribute('datetime') ??
    null;
  const m = raw ? /^(\d{4}-\d{2}-\d{2})/.exec(raw.trim()) : null;
  return m ? m[1] : null;
}

/** Reduces an element tree to text: one paragraph per block element, blank lines between them. */
function blocksToText(root: Element): string {
  const paragraphs: string[] = [];
  let current = '';
  const flush = (): void => {
    const t = current.replace(/\s+/g, ' ').trim();
    if (t) paragraphs.push(t);
    current = '';
  };
  const walk = (node: Node): void => {
    if (node.nodeType === 3) {
      current += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== 1) return;
    const tag = (node as Element).tagName.toUpperCase();
    if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'NOSCRIPT') return;
    const block = BLOCK_TAGS.has(tag);
    if (block) flush();
    for (const child of Array.from(node.childNodes)) walk(child);
    if (block) flush();
  };
  walk(root);
  flush();
  return paragraphs.join('\n\n');
}
