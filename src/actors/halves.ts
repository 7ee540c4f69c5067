// "The North" and "the South" in an article about both Koreas: North Korea and South Korea.
// A divided country's halves are named by a compass word only where the article names both.
import type { Doc, Mention } from '../model/types.js';
import type { KnowledgeBase } from './types.js';
import { entityFields } from './emit.js';

/** States that share a name and are told apart by a compass word (both must be named in the article). */
const HALVES: readonly (readonly { readonly word: string; readonly code: string }[])[] = [
  [{ word: 'north', code: 'PRK' }, { word: 'south', code: 'KOR' }],
];

const HALF_CODES = new Set(HALVES.flat().map((h) => h.code));

/** Resolves "the North" / "the South" (capitalised, not opening a longer name) to the half of a divided country the article names. */
export function resolveHalves(doc: Doc, kb: KnowledgeBase, mentions: Mention[]): Mention[] {
  // Most articles name neither half: only the codes of the halves are looked for.
  const named = new Set<string>();
  for (const m of mentions) if (m.country && m.type !== 'PERSON' && HALF_CODES.has(m.country)) named.add(m.country);
  if (named.size < 2) return mentions;
  const pairs = HALVES.filter((pair) => pair.every((h) => named.has(h.code)));
  if (pairs.length === 0) return mentions;
  const byWord = new Map(pairs.flat().map((h) => [h.word, h.code]));
  const toks = doc.tokens;
  const byStart = new Map(mentions.map((m, i) => [m.start, i]));
  const out = [...mentions];
  const added: Mention[] = [];
  for (let i = 1; i < toks.length; i++) {
    const t = toks[i];
    const code = byWord.get(t.lower);
    if (!code || t.text[0] !== t.text[0].toUpperCase() || toks[i - 1].lower !== 'the' || toks[i - 1].sentence !== t.sentence) continue;
    const after = toks[i + 1];
    if (after && after.sentence === t.sentence && /^\p{Lu}/u.test(after.text)) continue;
    const id = kb.byCode.get(code);
    const state = id ? kb.entities.get(id) : undefined;
    if (!state) continue;
    const at = byStart.get(t.start);
    if (at !== undefined && (out[at].actor !== null || out[at].end !== t.end)) continue;
    const m: Mention = { start: t.start, end: t.end, text: t.text, sentence: t.sentence, ...entityFields(state, 'alias', 0.7) };
    if (at !== undefined) out[at] = m;
    else added.push(m);
  }
  return added.length ? [...out, ...added].sort((a, b) => a.start - b.start || b.end - a.end) : out;
}
