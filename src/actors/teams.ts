// National teams: in a match report, a state named as a side ("Sweden beat South Korea") is its national team.
import type { Doc, Mention } from '../model/types.js';
import type { Entity, KnowledgeBase } from './types.js';

const MIN_WORDS = 4;
const wordsCache = new WeakMap<KnowledgeBase, Map<string, number[]>>();

// Word → the sports it shows, built once per knowledge base (one lookup per token instead of one per sport).
function sportWords(kb: KnowledgeBase): Map<string, number[]> {
  let map = wordsCache.get(kb);
  if (!map) {
    map = new Map();
    for (const [k, s] of kb.teamSports.entries()) for (const w of s.words) map.set(w, [...(map.get(w) ?? []), k]);
    wordsCache.set(kb, map);
  }
  return map;
}
const MIN_DISTINCT = 3;

/** The national-team name pattern of the sport the article reports, or null when it reports none. */
export function sportOf(doc: Doc, kb: KnowledgeBase): string | null {
  const sports = kb.teamSports;
  const counts = new Array<number>(sports.length).fill(0);
  const distinct = sports.map(() => new Set<string>());
  const toks = doc.tokens;
  const bySport = sportWords(kb);
  for (let i = 0; i < toks.length; i++) {
    const w = toks[i].lower;
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
  return best < 0 ? null : sports[best].team;
}

/** In a sports report, turns states acting as sides (not places, not demonyms) into their national teams. */
export function asNationalTeams(doc: Doc, kb: KnowledgeBase, mentions: Mention[]): Mention[] {
  // The sport is only worked out when some mention could become a team.
  if (kb.teamSports.length === 0 || !mentions.some((m) => sideOf(m, kb))) return mentions;
  const team = sportOf(doc, kb);
  if (!team) return mentions;
  return mentions.map((m) => {
    const e = sideOf(m, kb);
    return e ? { ...m, type: 'ORG', name: team.replace('{state}', e.name), sector: null } : m;
  });
}

// The state a mention names by its own name (not as a place, not by a demonym), else null.
function sideOf(m: Mention, kb: KnowledgeBase): Entity | null {
  const e = m.actor ? kb.entities.get(m.actor) : undefined;
  return e && e.kind === 'state' && !m.isLocation && (m.via === 'exact' || m.via === 'alias') ? e : null;
}
