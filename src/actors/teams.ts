// National teams: in a match report, a state named as a side ("Sweden beat South Korea") is its national team.
import type { Doc, Mention } from '../model/types.js';
import type { Entity, KnowledgeBase } from './types.js';

const MIN_WORDS = 4;
const wordsCache = new WeakMap<KnowledgeBase, { map: Map<string, number[]>; lengths: Uint32Array }>();
const SHAPES = 1 << 12;

// A word's first char code (7 bits) and length (5 bits) as one number below SHAPES.
function shapeOf(w: string): number {
  return ((w.charCodeAt(0) & 127) << 5) | Math.min(w.length, 31);
}

// Word → the sports it shows, built once per knowledge base (one lookup per token instead of one per sport),
// with the (first char, length) pairs of the words as a bit set so that most tokens are passed over without a lookup.
function sportWords(kb: KnowledgeBase): { map: Map<string, number[]>; lengths: Uint32Array } {
  let words = wordsCache.get(kb);
  if (!words) {
    const map = new Map<string, number[]>();
    const lengths = new Uint32Array(SHAPES / 32);
    for (const [k, s] of kb.teamSports.entries()) {
      for (const w of s.words) {
        map.set(w, [...(map.get(w) ?? []), k]);
        const bit = shapeOf(w);
        lengths[bit >> 5] |= 1 << (bit & 31);
      }
    }
    words = { map, lengths };
    wordsCache.set(kb, words);
  }
  return words;
}
const MIN_DISTINCT = 3;

/** The sport the article reports (its index in `kb.teamSports`), or -1 when it reports none. */
export function sportIndex(doc: Doc, kb: KnowledgeBase): number {
  const sports = kb.teamSports;
  const counts = new Array<number>(sports.length).fill(0);
  const distinct = sports.map(() => new Set<string>());
  const toks = doc.tokens;
  const { map: bySport, lengths } = sportWords(kb);
  for (let i = 0; i < toks.length; i++) {
    const w = toks[i].lower;
    const bit = shapeOf(w);
    if ((lengths[bit >> 5] & (1 << (bit & 31))) === 0) continue;
    const ks = bySport.get(w);
    if (!ks) continue;
    for (const k of ks) {
      counts[k]++;
      distinct[k].add(w);
    }
  }
  let best = -1;
  for (let k = 0; k < sports.length; k++) {
    if (counts[k] >= MIN_WORDS && distinct[k].size >= MIN_DISTINCT && (best < 0 || counts[k] > counts[best])) best = k;
  }
  return best;
}

/** The national-team name pattern of the sport the article reports, or null when it reports none. */
export function sportOf(doc: Doc, kb: KnowledgeBase): string | null {
  const k = sportIndex(doc, kb);
  return k < 0 ? null : kb.teamSports[k].team;
}

/** In a sports report, turns states (and places with a side of their own) acting as sides, not places nor demonyms, into their national teams. */
export function asNationalTeams(doc: Doc, kb: KnowledgeBase, mentions: Mention[]): Mention[] {
  // The sport is only worked out when some mention could become a team.
  if (kb.teamSports.length === 0 || !mentions.some((m) => sideOf(m, kb, null))) return mentions;
  const k = sportIndex(doc, kb);
  if (k < 0) return mentions;
  const sport = kb.teamSports[k];
  return mentions.map((m) => {
    const e = sideOf(m, kb, sport.sides);
    if (!e) return m;
    const { subnational: _s, ...rest } = m;
    return { ...rest, type: 'ORG', name: sport.team.replace('{state}', e.name), sector: null };
  });
}

// The state (or place fielding its own side) a mention names by its own name, not as a place nor by a demonym, else null.
// Without `sides`, any place that fields a side in some sport counts (to decide whether to look for the sport at all).
function sideOf(m: Mention, kb: KnowledgeBase, sides: ReadonlySet<string> | null): Entity | null {
  const e = m.actor ? kb.entities.get(m.actor) : undefined;
  if (!e || m.isLocation || (m.via !== 'exact' && m.via !== 'alias')) return null;
  if (e.kind === 'state') return e;
  if (e.kind !== 'place') return null;
  return (sides ? sides.has(e.id) : kb.teamSports.some((s) => s.sides.has(e.id))) ? e : null;
}
