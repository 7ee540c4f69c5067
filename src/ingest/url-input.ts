// URLs for `faultline ingest` and `watch`: a page is one article; a feed is one article per item (its page, else its own content).
import { linkedom } from './dom.js';
import type { RawArticle } from '../model/types.js';
import { InputError } from '../errors.js';
import { decodeText } from './decode.js';
import { fromHtml, looksLikeHtml } from './html.js';
import { fromText } from './text.js';
import { readInputs } from './inputs.js';
import { absoluteLink, looksLikeFeed, parseFeed, type FeedItem } from './feed.js';

/** A fetched response: 304 (not modified) comes back with an empty body. */
export interface Fetched {
  status: number;
  body: Uint8Array;
  contentType: string;
  etag: string | null;
  lastModified: string | null;
}

/** Validators of an earlier response, sent as If-None-Match / If-Modified-Since. */
export interface Validators {
  etag?: string | null;
  lastModified?: string | null;
}

/** Fetches a URL (injected in tests and servers). */
export type FetchUrl = (url: string, validators?: Validators) => Promise<Fetched>;

/** One article read from a URL, an error, or an item already stored (its page not fetched). */
export type UrlItem =
  | { source: string; raw: RawArticle; error?: undefined; known?: undefined }
  | { source: string; raw?: undefined; error: InputError; known?: undefined }
  | { source: string; raw?: undefined; error?: undefined; known: true };

/** How to read a URL. */
export interface UrlReadOptions {
  published?: string | null;
  fetchUrl?: FetchUrl;
  /** True when an article with this URL is stored: its page is then not fetched. */
  isKnown?: (url: string) => Promise<boolean>;
}

const TIMEOUT_MS = 20000;

/** Fetches with conditional headers; network errors and statuses other than 2xx and 304 throw InputError. */
export const fetchConditional: FetchUrl = async (url, validators = {}) => {
  const headers: Record<string, string> = { 'user-agent': 'faultline', accept: 'application/rss+xml, application/atom+xml, text/html;q=0.9, */*;q=0.8' };
  if (validators.etag) headers['if-none-match'] = validators.etag;
  if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
  let res: Response;
  try {
    res = await fetch(url, { headers, signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (err) {
    throw new InputError('input-fetch', `${url}: could not be fetched (${(err as Error).message}).`);
  }
  if (res.status !== 304 && !res.ok) throw new InputError('input-fetch', `${url}: the server answered ${res.status} ${res.statusText}.`);
  const body = res.status === 304 ? new Uint8Array() : new Uint8Array(await res.arrayBuffer());
  return { status: res.status, body, contentType: res.headers.get('content-type') ?? '', etag: res.headers.get('etag'), lastModified: res.headers.get('last-modified') };
};

/** Reads one URL: a feed gives its items (stored ones skipped unfetched), any other page one article. */
export async function* readUrl(url: string, options: UrlReadOptions = {}): AsyncGenerator<UrlItem> {
  const fetchUrl = options.fetchUrl ?? fetchConditional;
  let fetched: Fetched;
  let text: string;
  try {
    fetched = await fetchUrl(url);
    text = decodeText(fetched.body, url);
  } catch (err) {
    yield { source: url, error: asInputError(err, url) };
    return;
  }
  if (!looksLikeFeed(text, fetched.contentType)) {
    const cached = async (): Promise<{ body: Uint8Array; contentType: string }> => fetched;
    yield* readInputs([url], { published: options.published, fetchUrl: cached });
    return;
  }
  yield* readFeedText(text, url, options);
}

/** The articles of a fetched feed, in feed order; a malformed feed gives one error item. */
export async function* readFeedText(text: string, feedUrl: string, options: UrlReadOptions = {}): AsyncGenerator<UrlItem> {
  let items: FeedItem[];
  try {
    items = parseFeed(text, feedUrl).items;
  } catch (err) {
    yield { source: feedUrl, error: asInputError(err, feedUrl) };
    return;
  }
  for (const item of items) {
    const link = absoluteLink(item.link, feedUrl);
    const source = link ?? `${feedUrl}#${item.guid ?? item.title ?? 'item'}`;
    if (link && options.isKnown && (await options.isKnown(link))) {
      yield { source, known: true };
      continue;
    }
    try {
      yield { source, raw: await feedItemArticle({ ...item, link }, source, options) };
    } catch (err) {
      yield { source, error: asInputError(err, source) };
    }
  }
}

/** One item as an article: its page extracted (Readability), else its own content; the item's link, title and date win. */
export async function feedItemArticle(item: FeedItem, source: string, options: UrlReadOptions = {}): Promise<RawArticle> {
  const published = options.published ?? item.published;
  const meta = { source, url: item.link, title: item.title, published, publishedFrom: (options.published ? 'option' : 'meta') as 'option' | 'meta' };
  let pageError: Error | null = null;
  if (item.link) {
    try {
      const page = await (options.fetchUrl ?? fetchConditional)(item.link);
      const html = decodeText(page.body, item.link);
      if (/html/i.test(page.contentType) || looksLikeHtml(html)) return fromHtml(html, meta);
      return fromText(item.title ? `${item.title}\n\n${html}` : html, meta);
    } catch (err) {
      pageError = err as Error;
    }
  }
  const own = item.content ? htmlToText(item.content) : '';
  if (!own) {
    throw new InputError('input-feed-item', `${source}: the item's page gave no article${pageError ? ` (${pageError.message})` : ''} and the item has no content of its own.`);
  }
  return fromText(item.title ? `${item.title}\n\n${own}` : own, meta);
}

/** Text of an HTML fragment (or plain text), one paragraph per block. */
export function htmlToText(fragment: string): string {
  if (!/<[a-z!/]/i.test(fragment)) return fragment.trim();
  const marked = fragment.replace(/<\/(p|div|li|h[1-6]|blockquote)>|<br\s*\/?>/gi, '$&\n\n');
  const { document } = linkedom().parseHTML(`<!doctype html><html><body>${marked}</body></html>`);
  return (document.body.textContent ?? '').split(/\n\s*\n/).map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean).join('\n\n');
}

function asInputError(err: unknown, source: string): InputError {
  return err instanceof InputError ? err : new InputError('input-unreadable', `${source}: ${(err as Error).message}`);
}
