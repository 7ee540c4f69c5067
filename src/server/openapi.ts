// The OpenAPI 3.1 document, generated from the route table and its zod schemas.
import { z } from 'zod';
import type { Route } from './route.js';

type Json = Record<string, unknown>;

const inputSchema = (schema: z.ZodType): Json => {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Json;
  return rest;
};

function parametersOf(schema: z.ZodType | undefined, where: 'query' | 'path'): Json[] {
  if (!schema) return [];
  const json = inputSchema(schema);
  const properties = (json.properties ?? {}) as Record<string, Json>;
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries(properties).map(([name, prop]) => {
    const { description, ...rest } = prop;
    return { name, in: where, required: where === 'path' || required.has(name), ...(description ? { description } : {}), schema: rest };
  });
}

const errorResponse = (description: string): Json => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });

function operationOf(route: Route): Json {
  const ok = route.method === 'post' ? '201' : '200';
  const responses: Json = {
    [ok]: { description: route.returns, content: { 'application/json': { schema: {} } } },
    '400': errorResponse('A parameter or the body is malformed; the message says which and why.'),
  };
  if (route.params) responses['404'] = errorResponse('Nothing is stored under that id.');
  if (route.access === 'write') {
    responses['401'] = errorResponse('The token is missing or wrong.');
    responses['403'] = errorResponse('Writes are disabled (no token is configured).');
    responses['413'] = errorResponse('The body is too large.');
  }
  const op: Json = { summary: route.summary, parameters: [...parametersOf(route.params, 'path'), ...parametersOf(route.query, 'query')], responses };
  if (route.body) op.requestBody = { required: true, content: { 'application/json': { schema: inputSchema(route.body) } } };
  if (route.access === 'write') op.security = [{ token: [] }];
  return op;
}

/** The OpenAPI document of `routes`. */
export function openApiDocument(routes: readonly Route[], version: string): Json {
  const paths: Record<string, Json> = {};
  for (const route of routes) (paths[route.path] ??= {})[route.method] = operationOf(route);
  return {
    openapi: '3.1.0',
    info: { title: 'Faultline API', version, description: 'Coded political events, their articles and evidence. Reads are open unless a read token is set; writes need the write token (Authorization: Bearer TOKEN).' },
    paths,
    components: {
      securitySchemes: { token: { type: 'http', scheme: 'bearer' } },
      schemas: { Error: { type: 'object', properties: { error: { type: 'string' } }, required: ['error'] } },
    },
  };
}
