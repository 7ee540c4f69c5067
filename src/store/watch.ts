// Watching feeds: poll each with a conditional GET, ingest only new items, survive bad feeds, stop when told.
import type { Store } from './store.js';
import { makeStepper, type IngestOptions, type IngestProgress } from './ingest.js';
import { decodeText } from '../ingest/decode.js';
import { fetchConditional, readFeedText } from '../ingest/url-input.js';
import { looksLikeFeed, parseFeed } from '../ingest/feed.js';
import { InputError } from '../errors.js';

/** How to watch feeds. */
export interface WatchOptions extends IngestOptions {
  /** Milliseconds between the starts of two rounds of polls. */
  everyMs: number;
  /** Aborted to stop: the current article is finished, then the watch returns. */
  signal?: AbortSignal;
  /** One line per poll and per problem. */
  log?: (line: string) => void;
  /** Stop after this many rounds (tests, `--once`). */
  rounds?: number;
}

/** What one poll of one feed did. */
export interface PollResult {
  url: string;
  /** HTTP status (304: not modified; 0: unreachable). */
  status: number;
  /** Items in the feed (0 when not modified or failed). */
  items: number;
  stored: number;
  skipped: number;
  failed: number;
  error: string | null;
}

/** Polls one feed once: conditional GET with the stored validators, new items ingested, the feed's state saved. */
export async function pollFeed(url: string, store: Store, options: IngestOptions): Promise<PollResult> {
  const previous = await store.getFeedState(url);
  const result: PollResult = { url, status: 0, items: 0, stored: 0, skipped: 0, failed: 0, error: null };
  const save = (etag: string | null, lastModified: string | null) =>
    store.saveFeedState({ url, etag, lastModified, polledAt: new Date().toISOString(), status: result.status, error: result.error });
  let text: string;
  let validators: { etag: string | null; lastModified: string | null };
  try {
    const fetched = await (options.fetchUrl ?? fetchConditional)(url, previous ?? {});
    result.status = fetched.status;
    if (fetched.status === 304) {
      await save(previous?.etag ?? null, previous?.lastModified ?? null);
      return result;
    }
    text = decodeText(fetched.body, url);
    if (!looksLikeFeed(text, fetched.contentType)) throw new InputError('input-feed', `${url}: the answer is not an RSS or Atom feed.`);
    result.items = parseFeed(text, url).items.length;
    validators = { etag: fetched.etag, lastModified: fetched.lastModified };
  } catch (err) {
    result.error = (err as Error).message;
    await save(previous?.etag ?? null, previous?.lastModified ?? null);
    return result;
  }
  const progress: IngestProgress = { done: 0, total: result.items, stored: 0, skipped: 0, failed: 0, events: 0, elapsedMs: 0 };
  const step = await makeStepper(store, options, progress);
  let finished = true;
  for await (const item of readFeedText(text, url, { published: options.published, fetchUrl: options.fetchUrl, isKnown: (link) => store.hasArticle({ url: link }) })) {
    await step(item);
    if (options.shouldStop?.()) {
      finished = false;
      break;
    }
  }
  Object.assign(result, { stored: progress.stored, skipped: progress.skipped, failed: progress.failed });
  // Validators are kept only once every item was seen: a poll cut short fetches the whole feed again next time.
  await save(finished ? validators.etag : (previous?.etag ?? null), finished ? validators.lastModified : (previous?.lastModified ?? null));
  return result;
}

/** One line describing a poll. */
export function describePoll(r: PollResult): string {
  if (r.error) return `${r.url}: ${r.error.startsWith(r.url) ? r.error.slice(r.url.length + 2) : r.error} (will retry next round)`;
  if (r.status === 304) return `${r.url}: not modified (304)`;
  return `${r.url}: ${r.items} item(s), ${r.stored} new stored, ${r.skipped} already stored${r.failed ? `, ${r.failed} failed` : ''}`;
}

/** Polls every feed, then waits `everyMs` (from the round's start), until the signal aborts or `rounds` are done. */
export async function watchFeeds(urls: string[], store: Store, options: WatchOptions): Promise<PollResult[]> {
  const stopped = (): boolean => options.signal?.aborted ?? false;
  const all: PollResult[] = [];
  const shouldStop = (): boolean => stopped() || (options.shouldStop?.() ?? false);
  for (let round = 0; !stopped() && (options.rounds === undefined || round < options.rounds); round++) {
    const t0 = Date.now();
    for (const url of urls) {
      if (stopped()) break;
      const r = await pollFeed(url, store, { ...options, shouldStop });
      all.push(r);
      options.log?.(describePoll(r));
    }
    if (options.rounds !== undefined && round + 1 >= options.rounds) break;
    await sleep(Math.max(0, options.everyMs - (Date.now() - t0)), options.signal);
  }
  return all;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** Parses an interval: "15m", "30s", "1h", "500ms", "1h30m". */
export function parseInterval(text: string): number | null {
  const parts = text.trim().toLowerCase().match(/^(?:\d+(?:\.\d+)?(?:ms|h|m|s))+$/) ? text.toLowerCase().match(/\d+(?:\.\d+)?(?:ms|h|m|s)/g) : null;
  if (!parts) return null;
  const unit: Record<string, number> = { ms: 1, s: 1000, m: 60000, h: 3600000 };
  const ms = parts.reduce((sum, p) => sum + parseFloat(p) * unit[/[a-z]+$/.exec(p)![0]], 0);
  return ms > 0 ? ms : null;
}
