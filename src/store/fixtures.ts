// Hand-written analysis records for the store tests: small, ours, and shaped like the real ones.
import type { CodedEvent, EventActor } from '../model/types.js';
import type { AnalysisRecord, SaveInput } from './types.js';
import { contentHash } from './rows.js';

const ACTORS: Record<string, EventActor> = {
  RUS: { actor: 'russia', name: 'Russia', country: 'RUS', sector: null },
  UKR: { actor: 'ukraine', name: 'Ukraine', country: 'UKR', sector: null },
  USA: { actor: 'united-states', name: 'United States', country: 'USA', sector: null },
  PUTIN: { actor: 'vladimir-putin', name: 'Vladimir Putin', country: 'RUS', sector: 'GOV' },
};

/** A coded event between two fixture actors ("RUS", "UKR", "USA", "PUTIN"). */
export function fixtureEvent(source: string, target: string | null, cameo: string, date: string | null, extra: Partial<CodedEvent> = {}): CodedEvent {
  const root = cameo.slice(0, 2);
  const quad = Number(root) <= 5 ? 1 : Number(root) <= 9 ? 2 : Number(root) <= 14 ? 3 : 4;
  return {
    start: 0, end: 10, sentence: 0, source: ACTORS[source], target: target ? ACTORS[target] : null,
    cameo, root, quad: quad as CodedEvent['quad'], goldstein: quad >= 3 ? -5 : 3, plover: quad >= 3 ? 'ACCUSE' : 'CONSULT',
    date, datePrecision: date ? 'day' : null, location: null, modality: 'asserted', attribution: null,
    evidence: `${ACTORS[source].name} acted`, confidence: 0.8, ...extra,
  };
}

/** An analysis record with the given text and events. */
export function fixtureRecord(id: string, text: string, events: CodedEvent[], meta: { published?: string | null; url?: string | null; title?: string } = {}): AnalysisRecord {
  const published = meta.published ?? null;
  return {
    article: { id, title: meta.title ?? `Story ${id}`, published, publishedFrom: published ? 'option' : 'none', timesRelative: !published, source: `${id}.txt`, url: meta.url ?? null, lang: 'en' },
    text,
    removed: [],
    sentences: [{ start: 0, end: text.length }],
    mentions: [{ start: 0, end: 6, text: text.slice(0, 6), type: 'GPE', actor: 'russia', name: 'Russia', country: 'RUS', sector: null, role: null, via: 'exact', confidence: 1, sentence: 0 }],
    times: [],
    events,
    quotes: [{ start: 0, end: 5, text: 'hello', speaker: 'Vladimir Putin', actor: 'vladimir-putin', kind: 'direct' }],
    attributions: [],
    flags: [{ start: 0, end: 4, kind: 'role', text: 'x', message: 'not so', expected: 'y' }],
  };
}

/** A save input for a fixture record, hashed on its text. */
export function fixtureSave(record: AnalysisRecord, pipelineVersion = '0.0.1-test'): SaveInput {
  return { record, contentHash: contentHash(record.text), pipelineVersion };
}

const PLACES = ['Kessel', 'Drel', 'Marn', 'Ostra', 'Velt', 'Pamir Gate', 'Lowford', 'Saint Ander'];
const DEEDS = ['met delegates from', 'accused officials of', 'signed a memorandum with', 'sent aid convoys to', 'held talks in', 'warned the council of', 'praised the mayor of'];

/** A long made-up wire story (about 700 words), different for each `seed`: near-duplicate tests need realistic lengths. */
export function wireStory(seed: number): string {
  const out: string[] = [];
  for (let i = 0; i < 48; i++) {
    const n = seed * 97 + i * 13;
    out.push(`The ${['foreign', 'trade', 'interior', 'defence'][n % 4]} minister ${DEEDS[n % DEEDS.length]} ${PLACES[(n >> 2) % PLACES.length]} on day ${i + 1}, and ${seed + i} observers reported ${n % 50} incidents near the ${PLACES[(n >> 3) % PLACES.length]} road.`);
  }
  return out.join(' ');
}
