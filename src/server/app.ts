// The HTTP application: the API routes, /openapi.json, the dashboard and its world map, security headers, limits and tokens.
import { createHash, timingSafeEqual } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { z } from 'zod';
import { API_ROUTES } from './api.js';
import { openApiDocument } from './openapi.js';
import { describeIssues } from './schemas.js';
import { HttpError, type ApiDeps, type Route } from './route.js';
import { loadStaticFiles } from './static.js';
import { worldGeoJson } from './world.js';

/** Everything the application needs. */
export interface AppOptions extends ApiDeps {
  /** Token that write requests must carry; without one, writes are refused. */
  writeToken?: string | null;
  /** When set, reads need this token (or the write token) too. */
  readToken?: string | null;
  /** Folder of the dashboard's files; null serves no dashboard. */
  publicDir?: string | null;
  /** Called with unexpected errors (the server logs them). */
  onError?: (err: Error) => void;
}

/** The largest body any request may send. */
export const MAX_BODY = 2_000_000;

const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
  + "frame-ancestors 'none'; form-action 'self'";

/** Headers on every answer: no inline script, no framing, no sniffing, no referrer. */
const SECURITY_HEADERS: readonly [string, string][] = [
  ['Content-Security-Policy', CSP], ['Cross-Origin-Opener-Policy', 'same-origin'], ['Cross-Origin-Resource-Policy', 'same-origin'],
  ['Origin-Agent-Cluster', '?1'], ['Referrer-Policy', 'no-referrer'], ['Strict-Transport-Security', 'max-age=15552000; includeSubDomains'],
  ['X-Content-Type-Options', 'nosniff'], ['X-DNS-Prefetch-Control', 'off'], ['X-Download-Options', 'noopen'], ['X-Frame-Options', 'DENY'],
  ['X-Permitted-Cross-Domain-Policies', 'none'], ['X-XSS-Protection', '0'],
];

const digest = (s: string): Buffer => createHash('sha256').update(s).digest();
const sameToken = (given: string, expected: string): boolean => timingSafeEqual(digest(given), digest(expected));

function tokenOf(c: Context): string | null {
  const auth = c.req.header('authorization');
  const m = auth ? /^Bearer\s+(\S+)$/i.exec(auth) : null;
  return m ? m[1] : (c.req.header('x-faultline-token') ?? null);
}

function checkAccess(c: Context, access: Route['access'], options: AppOptions): void {
  const given = tokenOf(c);
  if (access === 'write') {
    if (!options.writeToken) throw new HttpError(403, 'writes are disabled: start the server with FAULTLINE_TOKEN set (or --token) to allow them.');
    if (!given || !sameToken(given, options.writeToken)) throw new HttpError(401, 'this request needs the write token: send "Authorization: Bearer TOKEN".');
  } else if (options.readToken) {
    const ok = given && (sameToken(given, options.readToken) || (options.writeToken ? sameToken(given, options.writeToken) : false));
    if (!ok) throw new HttpError(401, 'reads need a token on this server: send "Authorization: Bearer TOKEN".');
  }
}

function parse<S extends z.ZodType | undefined>(schema: S, value: Record<string, unknown>, where: string): unknown {
  if (!schema) {
    const keys = Object.keys(value);
    if (keys.length) throw new HttpError(400, `${where}: unknown parameter${keys.length > 1 ? 's' : ''} ${keys.map((k) => `"${k}"`).join(', ')}`);
    return undefined;
  }
  const result = schema.safeParse(value);
  if (!result.success) throw new HttpError(400, `${where}: ${describeIssues(result.error)}`);
  return result.data;
}

function queryOf(c: Context): Record<string, string> {
  const all = c.req.queries();
  const repeated = Object.entries(all).filter(([, v]) => v.length > 1).map(([k]) => k);
  if (repeated.length) throw new HttpError(400, `query: give ${repeated.map((k) => `"${k}"`).join(', ')} once`);
  return Object.fromEntries(Object.entries(all).map(([k, v]) => [k, v[0]]));
}

async function bodyOf(c: Context): Promise<Record<string, unknown>> {
  if (!/^application\/json\b/i.test(c.req.header('content-type') ?? '')) throw new HttpError(415, 'send the body as JSON with "Content-Type: application/json".');
  let body: unknown;
  try {
    body = JSON.parse(await c.req.text());
  } catch (err) {
    throw new HttpError(400, `body: not valid JSON (${(err as Error).message}).`);
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new HttpError(400, 'body: send a JSON object.');
  return body as Record<string, unknown>;
}

function register(app: Hono, route: Route, options: AppOptions): void {
  const path = route.path.replace(/\{(\w+)\}/g, ':$1');
  const handler = async (c: Context): Promise<Response> => {
    checkAccess(c, route.access, options);
    const query = parse(route.query, queryOf(c), 'query');
    const params = parse(route.params, c.req.param() as Record<string, string>, 'path');
    const body = route.body ? parse(route.body, await bodyOf(c), 'body') : undefined;
    const result = await route.handle({ query, params, body } as never, options);
    if (result.raw !== undefined) return c.body(result.raw, (result.status ?? 200) as 200, { 'Content-Type': 'application/json' });
    return c.json(result.json as object, (result.status ?? 200) as 200);
  };
  if (route.method === 'get') {
    // A GET has no body to limit; one sent anyway is never read.
    app.get(path, handler);
    return;
  }
  const limit = bodyLimit({ maxSize: route.maxBody ?? MAX_BODY, onError: (c) => c.json({ error: `the body is larger than ${route.maxBody ?? MAX_BODY} bytes.` }, 413) });
  app.on(route.method.toUpperCase(), path, limit, handler);
}

/** Builds the application: JSON API under /api, /openapi.json, and the dashboard at /. */
export function createApp(options: AppOptions): Hono {
  const app = new Hono();
  // Headers are set before the handler runs: set after, they would make hono rebuild each answer as a stream.
  app.use('*', async (c, next) => {
    for (const [name, value] of SECURITY_HEADERS) c.header(name, value);
    if (c.req.path.startsWith('/api/')) c.header('Cache-Control', 'no-store');
    await next();
  });
  app.onError((err, c) => {
    if (err instanceof HttpError) return c.json({ error: err.message }, err.status as 400);
    options.onError?.(err);
    return c.json({ error: 'internal error; the server log has the details.' }, 500);
  });
  for (const route of API_ROUTES) register(app, route, options);
  const openapi = openApiDocument(API_ROUTES, options.pipelineVersion);
  app.get('/openapi.json', (c) => c.json(openapi));
  app.all('/api/*', (c) => c.json({ error: `no endpoint ${c.req.method} ${c.req.path}; /openapi.json lists them.` }, 404));
  app.get('/favicon.ico', (c) => c.body(null, 204));
  let world: string | null = null;
  app.get('/geo/countries.json', (c) => {
    world ??= worldGeoJson();
    return c.body(world, 200, { 'Content-Type': 'application/geo+json', 'Cache-Control': 'max-age=86400' });
  });
  const files = options.publicDir ? loadStaticFiles(options.publicDir) : new Map();
  app.get('*', (c) => {
    const file = files.get(c.req.path);
    if (!file) return c.json({ error: `no such page: ${c.req.path}` }, 404);
    return c.body(file.body as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': file.type, 'Cache-Control': 'no-cache' });
  });
  return app;
}
