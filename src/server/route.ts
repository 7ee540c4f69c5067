// A route as data: one definition registers the handler, validates the request and documents it in OpenAPI.
import type { z } from 'zod';
import type { Store } from '../store/store.js';
import type { AnalysisRecord } from '../store/types.js';
import type { ReviewStore } from '../store/reviews.js';
import type { RawArticle } from '../model/types.js';
import type { ReadOptions } from '../ingest/inputs.js';
import type { SafeFetchOptions } from './safe-fetch.js';

/** What the handlers work with. */
export interface ApiDeps {
  store: Store;
  reviews: ReviewStore;
  /** The stored record of an article by id; the default is `store.getRecord`. */
  getRecord?: (id: string) => Promise<AnalysisRecord | null>;
  /** Analyses a posted article; without it POST /api/articles answers 501. */
  analyze?: (raw: RawArticle) => AnalysisRecord;
  pipelineVersion: string;
  /** Stores with more events than this answer event lists straight from SQL instead of the in-memory index (default 1,000,000). */
  maxIndexedEvents?: number;
  /** Fetches the URL of a posted article; the default is the guarded fetch of safe-fetch.ts under `urlFetch` (injected in tests). */
  fetchUrl?: ReadOptions['fetchUrl'];
  /** What the default fetch of posted URLs allows: private addresses, size, time (default: public addresses only, 5 MB, 10 s). */
  urlFetch?: SafeFetchOptions;
}

/** An error with the HTTP status to answer with. */
export class HttpError extends Error {
  /** Builds an error answered with `status` and `{ error: message }`. */
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

/** The validated parts of a request. */
export interface RouteInput<Q, P, B> {
  query: Q;
  params: P;
  body: B;
}

/** A JSON answer: a value to serialise, or JSON text already made. */
export type RouteResult = { status?: number; json: unknown; raw?: undefined } | { status?: number; raw: string; json?: undefined };

type Schema = z.ZodType;
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

/** One API endpoint. */
export interface Route<Q extends Schema | undefined = Schema | undefined, P extends Schema | undefined = Schema | undefined, B extends Schema | undefined = Schema | undefined> {
  method: 'get' | 'post';
  /** OpenAPI-style path: /api/articles/{id}. */
  path: string;
  summary: string;
  /** 'write' routes need the write token; 'read' routes need the read token when one is set. */
  access: 'read' | 'write';
  query?: Q;
  params?: P;
  body?: B;
  /** Largest accepted body in bytes (write routes). */
  maxBody?: number;
  /** What a success answers, for the OpenAPI document. */
  returns: string;
  handle: (input: RouteInput<Out<Q>, Out<P>, Out<B>>, deps: ApiDeps) => Promise<RouteResult>;
}

/** Declares a route with its handler typed by its schemas. */
export function defineRoute<Q extends Schema | undefined, P extends Schema | undefined, B extends Schema | undefined>(route: Route<Q, P, B>): Route {
  return route as unknown as Route;
}
