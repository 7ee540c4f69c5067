// The data the store keeps and hands back: records in, rows and summaries out.
import type { AnalysisRecord, Article, Attribution, CodedEvent, EventActor, EventLocation, Flag, Mention, Modality, Quote, Removed, Span, TimeExpr } from '../model/types.js';

/** The analysis record, defined with the other record types. */
export type { AnalysisRecord } from '../model/types.js';

/** What {@link Store.saveAnalysis} needs besides the record. */
export interface SaveInput {
  record: AnalysisRecord;
  /** Hash of the article's raw content (see `contentHash`): the same content is stored once. */
  contentHash: string;
  /** Version of the pipeline that coded the events (the package version). */
  pipelineVersion: string;
}

/** What {@link Store.replaceAnalysis} needs: the stored article's id and its new record. */
export interface ReplaceInput {
  articleId: string;
  record: AnalysisRecord;
  pipelineVersion: string;
}

/** The conditional-GET state of one polled feed. */
export interface FeedState {
  url: string;
  etag: string | null;
  lastModified: string | null;
  /** ISO timestamp of the last poll. */
  polledAt: string;
  /** HTTP status of the last poll (0 when the feed could not be reached). */
  status: number;
  /** Why the last poll failed, or null. */
  error: string | null;
}

/** Events of one near-duplicate cluster with the same source, target, code and day, merged (GDELT's counts). */
export interface EventGroup {
  /** The first event of the group (lowest id): the one exported. */
  id: number;
  /** Events merged (GDELT NumMentions). */
  mentions: number;
  /** Distinct outlets: URL hosts, else article sources (GDELT NumSources). */
  sources: number;
  /** Distinct articles (GDELT NumArticles). */
  articles: number;
}

/** Whether a save stored the article, or found it already stored (same id, URL or content). */
export interface SaveResult {
  stored: boolean;
  /** Events written (0 when the article was already stored). */
  events: number;
  /** The near-duplicate cluster the stored article joined (its own key when none). */
  cluster?: number;
}

/** Keys by which an article may already be stored; any one matching is enough. */
export interface ArticleKey {
  id?: string | null;
  url?: string | null;
  contentHash?: string | null;
}

/** An input that could not be stored, and why. */
export interface Failure {
  /** The file, `file:line` for JSON Lines, or URL. */
  source: string;
  code: string;
  message: string;
  attempts: number;
  /** ISO timestamp of the last attempt. */
  lastAt: string;
}

/** Filters for {@link Store.queryEvents}; every given filter must hold. */
export interface EventQuery {
  /** Actor id, country code, or part of the name, on either side. */
  actor?: string;
  /** Directed dyad of country codes, "RUS-UKR": source RUS, target UKR. */
  dyad?: string;
  /** First day (YYYY-MM-DD), inclusive. */
  from?: string;
  /** Last day (YYYY-MM-DD), inclusive. */
  to?: string;
  /** CAMEO root code, "13" (a single digit is padded: "4" is "04"). */
  root?: string;
  quad?: number;
  modality?: Modality;
  /** Words that must each appear (case-insensitive, as part of a word or whole) in the evidence sentence or an actor's name. */
  text?: string;
  /** Only events with an id above this one, in id order (for paging through everything). */
  afterId?: number;
  limit?: number;
  offset?: number;
}

/** A stored event with the article it came from. */
export interface StoredEvent {
  /** Store-wide event number (GDELT's GLOBALEVENTID). */
  id: number;
  articleId: string;
  /** Position of the event in its article's record. */
  index: number;
  /** The event's date as coded (YYYY-MM-DD, YYYY-MM, YYYY), or null. */
  date: string | null;
  /** The day used for date queries: the event's date, else the article's publication date. */
  day: string | null;
  source: EventActor;
  target: EventActor | null;
  cameo: string;
  root: string;
  quad: number;
  goldstein: number;
  plover: string;
  modality: Modality;
  location: EventLocation | null;
  evidence: string;
  /** Index of the sentence holding the event in its article (0: the lead). */
  sentence: number;
  confidence: number;
  pipelineVersion: string;
  url: string | null;
  published: string | null;
  /** When the article was stored (ISO timestamp). */
  addedAt: string;
}

/** A stored article without its record. */
export interface StoredArticle {
  id: string;
  title: string | null;
  published: string | null;
  source: string;
  url: string | null;
  contentHash: string;
  events: number;
  pipelineVersion: string;
  addedAt: string;
  /** Key of the near-duplicate cluster the article belongs to (its own key when it has no near-duplicate stored before it). */
  cluster?: number | null;
}

/** Paging for listings. */
export interface Page {
  limit?: number;
  offset?: number;
}

/** How many of each thing the store holds. */
export interface Counts {
  articles: number;
  events: number;
  mentions: number;
  quotes: number;
  flags: number;
  failures: number;
}
