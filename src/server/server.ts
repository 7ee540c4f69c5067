// Starting and stopping the HTTP server, and wiring a store location to the application's dependencies.
import { serve, type ServerType } from '@hono/node-server';
import type { Hono } from 'hono';
import type { RawArticle } from '../model/types.js';
import type { AnalysisRecord } from '../store/types.js';
import type { ApiDeps } from './route.js';
import { openReviews, openStore, type StoreLocation } from '../store/open.js';
import { analyzeArticle, loadKnowledge, type Knowledge, type KnowledgeOptions } from '../pipeline/analyze.js';
import { toRecord } from '../pipeline/record.js';
import { codingVersion } from '../store/version.js';

/** A running server. */
export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Listens on `host:port` (port 0 picks a free one). */
export function listen(app: Hono, port: number, host = '127.0.0.1'): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    let server: ServerType;
    const onError = (err: Error): void => reject(err);
    server = serve({ fetch: app.fetch, port, hostname: host }, (info) => {
      server.off('error', onError);
      const close = (): Promise<void> => new Promise((done) => server.close(() => done()));
      resolve({ url: `http://${host.includes(':') ? `[${host}]` : host}:${info.port}`, port: info.port, close });
    });
    server.once('error', onError);
  });
}

/** Analyses raw articles into records with explanations, loading the knowledge (built-in plus the user's folders) on first use. */
export function makeAnalyzer(options: KnowledgeOptions = {}): (raw: RawArticle) => AnalysisRecord {
  let knowledge: Knowledge | null = null;
  return (raw) => {
    knowledge ??= loadKnowledge(options);
    return toRecord(analyzeArticle(raw, knowledge), { explain: true }) as unknown as AnalysisRecord;
  };
}

/**
 * The application's dependencies for a store location, and how to release them. `knowledge` names the user's data and
 * knowledge-base folders; records are stamped with a version covering both, as the CLI's store commands do.
 */
export async function openDeps(where: StoreLocation, knowledge: KnowledgeOptions = {}): Promise<ApiDeps & { close(): Promise<void>; warnings: string[] }> {
  const store = await openStore(where);
  const warnings: string[] = [];
  const reviews = await openReviews(where).catch(async (err: unknown) => {
    await store.close();
    throw err;
  });
  const close = async (): Promise<void> => {
    await reviews.close();
    await store.close();
  };
  return { store, reviews, analyze: makeAnalyzer(knowledge), pipelineVersion: codingVersion([...(knowledge.dataDirs ?? []), ...(knowledge.kbDirs ?? [])]), close, warnings };
}
