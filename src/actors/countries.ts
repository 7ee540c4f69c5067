// Countries for mentions the knowledge base does not know: the state or demonym just before a
// title ("Indonesian military spokesman Fuad Basya", "Russia's envoy X"), else the article's focus.
import type { Doc, Mention, Token } from '../model/types.js';
import { tokenStartingAt } from '../nlp/token-search.js';

// Words that may stand between a country word and the name it qualifies.
const BETWEEN_POS = new Set(['NOUN', 'ADJ', 'PROPN', 'PART']);
const MAX_GAP = 5;
const FOCUS_MIN = 3;
const ACTOR_VIA = new Set(['demonym', 'exact', 'alias', 'generic', 'metonym']);

/** The country most mentioned in the article (states, places, demonyms, bodies), when clearly ahead. */
export function focusCountry(mentions: readonly Mention[]): string | null {
  const counts = new Map<string, number>();
  for (const m of mentions) {
    if (!m.country || m.via === 'unresolved' || m.via === 'coref' || m.type === 'PERSON') continue;
    if (m.country.length !== 3 || m.country === 'WST' || m.country === 'EUR') continue;
    counts.set(m.country, (counts.get(m.country) ?? 0) + 1);
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  const [top, second] = ranked;
  if (!top || top[1] < FOCUS_MIN) return null;
  return !second || top[1] >= 1.5 * second[1] ? top[0] : null;
}

function countryBefore(doc: Doc, tokStart: number, byEnd: ReadonlyMap<number, Mention>): string | null {
  const toks = doc.tokens;
  const sentence = toks[tokStart]?.sentence;
  for (let i = tokStart - 1; i >= 0 && i >= tokStart - MAX_GAP; i--) {
    const t = toks[i];
    if (t.sentence !== sentence) return null;
    const m = byEnd.get(t.end);
    if (m) return m.country && ACTOR_VIA.has(m.via) && m.type !== 'PERSON' ? m.country : null;
    if (!BETWEEN_POS.has(t.pos) && !/^['’]s?$/.test(t.text)) return null;
  }
  return null;
}

// "Jeff Rathke, the State Department spokesperson", "Ana Ruiz, a Chilean farmer": a person followed
// by a comma and a phrase opening with a state, demonym or body takes its country.
const APPOSITION_DETS = new Set(['the', 'a', 'an']);

function countryAfter(doc: Doc, tokStart: number, end: number, byStart: ReadonlyMap<number, Mention>): string | null {
  const toks = doc.tokens;
  let i = tokStart;
  while (i < toks.length && toks[i].end < end) i++;
  const comma = toks[i + 1];
  if (!comma || comma.text !== ',' || comma.sentence !== toks[tokStart].sentence) return null;
  const j = i + 2;
  if (!toks[j] || toks[j].sentence !== comma.sentence) return null;
  // The mention may take in its article ("the State Department") or start after it ("a Saudi journalist").
  const m = byStart.get(toks[j].start) ?? (APPOSITION_DETS.has(toks[j].lower) && toks[j + 1] ? byStart.get(toks[j + 1].start) : undefined);
  if (!m || !m.country || !ACTOR_VIA.has(m.via) || m.type === 'PERSON' || m.isLocation) return null;
  // The phrase goes on with the noun it qualifies ("journalist", "special rapporteur", "Spokesperson"):
  // not a list of names ("Deutsche Telekom, Daimler, and Siemens") nor a new clause ("X, the Senate cancelled").
  const after = byEndToken(doc, m.end);
  if (!after || after.sentence !== comma.sentence) return null;
  if (/^['’]s?$/.test(after.text)) return m.country;
  if (!APPOSITION_HEAD_POS.has(after.pos)) return null;
  // A demonym or a body says whose the person is ("a Saudi journalist", "the UN rapporteur"); a state
  // does only as a possessive ("Panama's coach"), not as a modifier ("an Iraq war veteran").
  return m.via === 'demonym' || m.type === 'ORG' || m.type === 'GROUP' ? m.country : null;
}
const APPOSITION_HEAD_POS = new Set(['NOUN', 'ADJ', 'PROPN']);

// The token right after the one ending at `end`, or null.
function byEndToken(doc: Doc, end: number): Token | null {
  const toks = doc.tokens;
  for (let i = 0; i < toks.length; i++) if (toks[i].end === end) return toks[i + 1] ?? null;
  return null;
}

/** Gives unresolved mentions without a country the country qualifying them, else the article's focus country. */
export function fillCountries(doc: Doc, mentions: Mention[]): Mention[] {
  if (!mentions.some((m) => m.actor === null && !m.country)) return mentions;
  const focus = focusCountry(mentions);
  const byEnd = new Map<number, Mention>();
  const byStart = new Map<number, Mention>();
  for (const m of mentions) {
    byEnd.set(m.end, m);
    if (!byStart.has(m.start)) byStart.set(m.start, m);
  }
  const byName = new Map<string, string>();
  return mentions.map((m) => {
    if (m.country && m.actor === null && !byName.has(m.name)) byName.set(m.name, m.country);
    if (m.country || (m.via !== 'unresolved' && !(m.via === 'coref' && m.actor === null))) return m;
    const at = tokenStartingAt(doc.tokens, m.start);
    const tok = at >= 0 ? at : undefined;
    const country = byName.get(m.name)
      ?? (tok !== undefined ? countryBefore(doc, tok, byEnd) ?? (m.type === 'PERSON' ? countryAfter(doc, tok, m.end, byStart) : null) : null)
      ?? focus;
    if (country && !byName.has(m.name)) byName.set(m.name, country);
    return country ? { ...m, country } : m;
  });
}
