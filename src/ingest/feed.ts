// RSS and Atom feeds: recognising them and reading their items (link, title, date, own content).
import { linkedom } from './dom.js';
import { InputError } from '../errors.js';
import { checkDate } from './date.js';

/** One item of a feed. */
export interface FeedItem {
  /** The item's page (RSS link, Atom alternate link), or null. */
  link: string | null;
  /** RSS guid or Atom id (the link when neither is given). */
  guid: string | null;
  title: string | null;
  /** Publication day, YYYY-MM-DD, or null. */
  published: string | null;
  /** The item's own content (content:encoded, Atom content) or description/summary, as HTML or text. */
  content: string | null;
}

/** A feed's title and items, in feed order. */
export interface Feed {
  title: string | null;
  items: FeedItem[];
}

const FEED_TYPE = /\b(rss|atom)\+xml\b|\b(application|text)\/(rdf\+)?xml\b/i;
const FEED_ROOT = /^(?:\s|<\?[^>]*\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>)*<(rss|feed|rdf:RDF)[\s>]/i;

/** True when a response is a feed: an RSS/Atom content type, or an XML body whose root element is rss, feed or rdf:RDF. */
export function looksLikeFeed(text: string, contentType = ''): boolean {
  if (/\b(rss|atom)\+xml\b/i.test(contentType)) return true;
  if (/html/i.test(contentType) && !FEED_TYPE.test(contentType)) return false;
  return FEED_ROOT.test(text.slice(0, 4000).replace(/^\ufeff/, ''));
}

type El = { tagName: string; textContent: string | null; children: ArrayLike<El>; getAttribute(name: string): string | null };

const childrenOf = (el: El): El[] => Array.from(el.children);
const nameOf = (el: El): string => el.tagName.toLowerCase();

function child(el: El, ...names: string[]): El | null {
  for (const name of names) {
    const found = childrenOf(el).find((c) => nameOf(c) === name);
    if (found) return found;
  }
  return null;
}

function text(el: El | null): string | null {
  const t = el?.textContent?.trim();
  return t ? t : null;
}

/** Parses RSS 2.0, RSS 1.0 (RDF) or Atom; throws InputError naming `source` when the XML holds no feed. */
export function parseFeed(xml: string, source: string): Feed {
  const doc = new (linkedom().DOMParser)().parseFromString(xml.replace(/^\ufeff/, ''), 'text/xml') as unknown as { documentElement: El | null };
  const root = doc.documentElement;
  const kind = root ? nameOf(root) : '';
  if (kind === 'feed') return { title: text(child(root!, 'title')), items: childrenOf(root!).filter((c) => nameOf(c) === 'entry').map(atomItem) };
  if (kind === 'rss' || kind === 'rdf:rdf') {
    const channel = child(root!, 'channel');
    const holder = kind === 'rss' ? channel : root!;
    if (holder) return { title: text(channel && child(channel, 'title')), items: childrenOf(holder).filter((c) => nameOf(c) === 'item').map(rssItem) };
  }
  throw new InputError('input-feed', `${source}: not a readable RSS or Atom feed (root element <${kind || 'none'}>); check the feed URL.`);
}

function rssItem(item: El): FeedItem {
  const link = text(child(item, 'link')) ?? item.getAttribute('rdf:about');
  const guid = text(child(item, 'guid')) ?? link;
  const content = text(child(item, 'content:encoded')) ?? text(child(item, 'description'));
  return { link, guid, title: text(child(item, 'title')), published: dayOf(text(child(item, 'pubdate', 'dc:date'))), content };
}

function atomItem(entry: El): FeedItem {
  const links = childrenOf(entry).filter((c) => nameOf(c) === 'link');
  const alternate = links.find((l) => (l.getAttribute('rel') ?? 'alternate') === 'alternate') ?? links[0];
  const link = alternate?.getAttribute('href') ?? null;
  const content = text(child(entry, 'content')) ?? text(child(entry, 'summary'));
  return { link, guid: text(child(entry, 'id')) ?? link, title: text(child(entry, 'title')), published: dayOf(text(child(entry, 'published', 'updated'))), content };
}

/** The YYYY-MM-DD day of an RFC 822 (RSS) or ISO 8601 (Atom) date, or null. */
export function dayOf(value: string | null): string | null {
  if (!value) return null;
  try {
    return checkDate(value, 'feed date');
  } catch {
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? null : new Date(ms).toISOString().slice(0, 10);
  }
}

/** Resolves an item link against the feed's URL (feeds sometimes give relative links). */
export function absoluteLink(link: string | null, feedUrl: string): string | null {
  if (!link) return null;
  try {
    return new URL(link, feedUrl).toString();
  } catch {
    return null;
  }
}
