// PLOVER-style JSON records: event type and mode (from our CAMEO→PLOVER mapping), actors, date, place, evidence.
import type { EventActor } from '../model/types.js';
import type { CodeTable } from '../events/codes.js';
import type { EventGroup, StoredEvent } from '../store/types.js';
import type { ExportedReview } from './reviews.js';

/** An actor as a PLOVER record names it. */
export interface PloverActor {
  name: string;
  /** Our actor id, or null when unresolved. */
  id: string | null;
  country: string | null;
  sector: string | null;
}

/** One event as a PLOVER-style record. */
export interface PloverRecord {
  id: string;
  event_type: string;
  mode: string | null;
  context: string[];
  actor1: PloverActor;
  actor2: PloverActor | null;
  date: string | null;
  date_precision: 'day' | 'month' | 'year' | 'published';
  location: { name: string; country: string | null; lat: number | null; lon: number | null } | null;
  modality: string;
  evidence: { text: string; sentence: number };
  cameo: { code: string; root: string; quad: number; goldstein: number };
  counts: { mentions: number; sources: number; articles: number };
  source: { article_id: string; url: string | null; published: string | null };
  pipeline_version: string;
  confidence: number;
  /** The latest analyst review (verdict, reviewer, corrected cameo/source/target/date), or null when no one reviewed the event. */
  review: ExportedReview | null;
}

function actorOf(a: EventActor): PloverActor {
  return { name: a.name, id: a.actor, country: a.country, sector: a.sector };
}

function precisionOf(e: StoredEvent): PloverRecord['date_precision'] {
  if (!e.date) return 'published';
  return e.date.length === 10 ? 'day' : e.date.length === 7 ? 'month' : 'year';
}

/** The PLOVER record of an event, or null for codes PLOVER drops (CAMEO 01, which has no event type). */
export function toPloverRecord(e: StoredEvent, codes: CodeTable, group?: EventGroup, review: ExportedReview | null = null): PloverRecord | null {
  const info = codes.get(e.cameo);
  const eventType = e.plover || info?.plover;
  if (!eventType) return null;
  return {
    id: `${e.articleId}:${e.index}`,
    event_type: eventType,
    mode: info?.ploverMode ?? null,
    context: [],
    actor1: actorOf(e.source),
    actor2: e.target ? actorOf(e.target) : null,
    date: e.date ?? e.day,
    date_precision: precisionOf(e),
    location: e.location ? { name: e.location.name, country: e.location.country, lat: e.location.lat, lon: e.location.lon } : null,
    modality: e.modality,
    evidence: { text: e.evidence, sentence: e.sentence },
    cameo: { code: e.cameo, root: e.root, quad: e.quad, goldstein: e.goldstein },
    counts: { mentions: group?.mentions ?? 1, sources: group?.sources ?? 1, articles: group?.articles ?? 1 },
    source: { article_id: e.articleId, url: e.url, published: e.published },
    pipeline_version: e.pipelineVersion,
    confidence: e.confidence,
    review,
  };
}
