// The request schemas (zod): they validate every request and generate /openapi.json.
import { z } from 'zod';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DYAD = /^[A-Za-z]{2,4}-[A-Za-z]{2,4}$/;

/** The largest page a list endpoint hands out. */
export const MAX_LIMIT = 1000;

const count = (what: string, max: number) =>
  z.string().regex(/^\d+$/, `${what} must be a whole number`).transform(Number)
    .pipe(z.number().int().max(max, `${what} must be at most ${max}`));

const day = (what: string) => z.string().regex(DAY, `${what} must be a day, YYYY-MM-DD`);
const dyad = z.string().regex(DYAD, 'dyad must be two country codes joined by a dash, for example RUS-UKR');

/** limit/offset on every list. */
export const pageFields = {
  limit: count('limit', MAX_LIMIT).optional().describe(`Page size (default 100, at most ${MAX_LIMIT}).`),
  offset: count('offset', 10_000_000).optional().describe('How many items to skip (default 0).'),
};

/** The filters of the events list. */
export const eventFilterFields = {
  actor: z.string().min(1).max(200).optional().describe('Actor id, country code or part of a name, on either side.'),
  dyad: dyad.optional().describe('Directed dyad SOURCE-TARGET of country codes, for example RUS-UKR.'),
  from: day('from').optional().describe('First day, inclusive (YYYY-MM-DD).'),
  to: day('to').optional().describe('Last day, inclusive (YYYY-MM-DD).'),
  root: z.string().regex(/^(0?[1-9]|1\d|20)$/, 'root must be a CAMEO root code, 01 to 20').optional().describe('CAMEO root code, 01 to 20.'),
  quad: z.enum(['1', '2', '3', '4'], 'quad must be 1, 2, 3 or 4').transform(Number).optional().describe('Quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.'),
  modality: z.enum(['asserted', 'future', 'conditional', 'negated'], 'modality must be asserted, future, conditional or negated').optional(),
  text: z.string().min(1).max(200).optional()
    .describe('Words (split at spaces, at most 8) that must each appear in the evidence sentence or an actor\'s name, case-insensitive; "kyiv shell" matches "shelling near Kyiv".'),
};

/** GET /api/events query. */
export const eventsQuery = z.strictObject({ ...eventFilterFields, ...pageFields });
/** GET /api/articles query. */
export const articlesQuery = z.strictObject({ ...pageFields });
/** GET /api/search query. */
export const searchQuery = z.strictObject({ q: z.string().min(1, 'q must not be empty').max(500).describe('Words every hit holds (stemmed).'), ...pageFields });
/** GET /api/dyads and /api/actors query. */
export const dyadsQuery = z.strictObject({ from: eventFilterFields.from, to: eventFilterFields.to, ...pageFields });
/** GET /api/aggregates/daily query. */
export const dailyQuery = z.strictObject({
  dyad: dyad.optional().describe('Only this directed dyad (default: every dyad).'),
  from: eventFilterFields.from,
  to: eventFilterFields.to,
  ...pageFields,
});
/** GET /api/escalation query. */
export const escalationQuery = z.strictObject({
  dyad: dyad.describe('Directed dyad SOURCE-TARGET, for example RUS-UKR.'),
  from: eventFilterFields.from,
  to: eventFilterFields.to,
  halfLife: z.string().regex(/^\d+(\.\d+)?$/, 'halfLife must be a number of days').transform(Number)
    .pipe(z.number().min(0.5, 'halfLife must be at least 0.5 days').max(365, 'halfLife must be at most 365 days')).optional()
    .describe('Half-life of the decay in days (default 7).'),
  threshold: z.string().regex(/^\d+(\.\d+)?$/, 'threshold must be a non-negative number').transform(Number).optional()
    .describe('Level whose crossing days are reported (default 10).'),
});
/** GET /api/timeline query: events per day per quad class. */
export const timelineQuery = z.strictObject({ dyad: dailyQuery.shape.dyad, actor: eventFilterFields.actor, from: eventFilterFields.from, to: eventFilterFields.to });
/** Path parameter of /api/articles/{id}. */
export const articleParams = z.strictObject({ id: z.string().min(1).max(300).describe('Article id.') });

/** POST /api/articles body: an article (its text, or a URL to fetch) to analyse and store. */
export const articleBody = z.strictObject({
  text: z.string().min(1, 'text must not be empty').max(1_000_000).optional().describe('The article text (plain text); without it, `url` is fetched and read (HTML or text).'),
  title: z.string().max(500).optional(),
  published: day('published').optional().describe('Publication day; relative dates are resolved against it.'),
  url: z.url({ protocol: /^https?$/, message: 'url must be an absolute http(s) URL' }).max(2000).optional(),
  id: z.string().min(1).max(300).optional().describe('Article id (default: a hash of the text).'),
}).refine((b) => b.text !== undefined || b.url !== undefined, { message: 'give the article as text, or a url to fetch' })
  .meta({ anyOf: [{ required: ['text'] }, { required: ['url'] }] });

/** POST /api/events/{id}/review body. */
export const reviewBody = z.strictObject({
  verdict: z.enum(['confirm', 'reject', 'correct'], 'verdict must be confirm, reject or correct'),
  cameo: z.string().regex(/^\d{2,4}$/, 'cameo must be a CAMEO code of 2 to 4 digits').optional(),
  source: z.string().min(1).max(200).optional().describe('Corrected source actor (name or code).'),
  target: z.string().min(1).max(200).optional().describe('Corrected target actor (name or code).'),
  date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'date must be YYYY, YYYY-MM or YYYY-MM-DD').optional(),
  note: z.string().max(2000).optional(),
  reviewer: z.string().min(1).max(100).optional().describe('Who reviewed (default "analyst").'),
}).refine((b) => b.verdict !== 'correct' || b.cameo || b.source || b.target || b.date, {
  message: 'a correction must change at least one of cameo, source, target or date',
});

/** GET /api/reviews query. */
export const reviewsQuery = z.strictObject({ article: z.string().min(1).max(300).optional().describe('Only this article.'), ...pageFields });

/** The parsed events query. */
export type EventsQuery = z.output<typeof eventsQuery>;
/** The parsed review body. */
export type ReviewBody = z.output<typeof reviewBody>;
/** The parsed article body. */
export type ArticleBody = z.output<typeof articleBody>;

/** A one-line message for a failed parse: every problem, each named by its field. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => {
    if (i.code === 'unrecognized_keys') return `unknown parameter${i.keys.length > 1 ? 's' : ''} ${i.keys.map((k) => `"${k}"`).join(', ')}`;
    const field = i.path.length ? `${i.path.join('.')}: ` : '';
    return `${field}${i.message}`;
  }).join('; ');
}

/** Path parameter of /api/events/{id}. */
export const eventParams = z.strictObject({
  id: z.string().regex(/^\d{1,15}$/, 'id must be a whole number').transform(Number).describe('Event id (the `id` of a listed event).'),
});

/** Path parameters of /api/articles/{id}/events/{index}/review. */
export const reviewParams = z.strictObject({
  id: articleParams.shape.id,
  index: z.string().regex(/^\d+$/, 'index must be a whole number').transform(Number).describe('Position of the event in the article.'),
});

/** GET /api/network query: the events filters, the level of the nodes and how many to keep. */
export const networkQuery = z.strictObject({
  ...eventFilterFields,
  by: z.enum(['actor', 'country'], 'by must be actor or country').optional().describe('Nodes are actors (default) or countries.'),
  nodes: count('nodes', 300).pipe(z.number().min(2, 'nodes must be at least 2')).optional().describe('Keep the busiest N nodes (default 40, at most 300).'),
});
/** GET /api/locations query: the events filters and paging. */
export const locationsQuery = z.strictObject({ ...eventFilterFields, ...pageFields });
/** GET /api/quotes query. */
export const quotesQuery = z.strictObject({
  article: z.string().min(1).max(300).optional().describe('Only this article.'),
  speaker: z.string().min(1, 'speaker must not be empty').max(200).optional().describe('Actor id, or part of the speaker\'s name (case-insensitive).'),
  kind: z.enum(['direct', 'indirect'], 'kind must be direct or indirect').optional(),
  ...pageFields,
});
/** GET /api/flags query. */
export const flagsQuery = z.strictObject({
  article: quotesQuery.shape.article,
  kind: z.enum(['fact', 'role', 'name'], 'kind must be fact, role or name').optional(),
  ...pageFields,
});
