// When two mentions are one party, so that an event between them is no event ("Germany praised
// Germany"), and when two mentions of one country are still two parties, as PLOVER codes them:
// a government and a town of its own country, a court and a candidate, the police and a union.
import type { Mention } from '../model/types.js';

/** What the coder reads of the knowledge base: the entity id of each state by its code. */
export interface StateIndex {
  readonly byCode?: ReadonlyMap<string, string>;
}

/** A mention that stands for a place used as the target of an event ("imposed a curfew in Cizre"). */
export type PlaceTarget = Mention & { readonly asPlace?: true };

/** Marks a place mention as the target of an event: a territory and its people, not its state. */
export function asPlaceTarget(m: Mention): PlaceTarget {
  return { ...m, isLocation: false, asPlace: true };
}

/** Sectors of the state itself (a country and its government act as one). */
const STATE_SECTORS = new Set(['GOV']);

/** True when the mention names the state itself: the country, its demonym or its capital as metonym. */
export function isStateItself(m: Mention, states: StateIndex | null): boolean {
  if (m.country === null || m.members) return false;
  if (m.via === 'metonym' || m.via === 'demonym') return true;
  const id = states?.byCode?.get(m.country);
  // Without a knowledge base, a name that is no person and no organisation is taken for the state.
  if (id === undefined) return m.type !== 'PERSON' && m.type !== 'ORG';
  return m.actor === id;
}

/** True for a known place below the state ("Kirkuk", "Northern Ireland"), not the state nor its capital as metonym. */
export function isSubnationalPlace(m: Mention, states: StateIndex | null): boolean {
  if ((m.type !== 'GPE' && m.type !== 'LOC') || m.via === 'metonym' || m.country === null || m.actor === null) return false;
  // The actors stage marks the known places of a state (provinces, regions, cities).
  if (m.subnational === true) return true;
  const id = states?.byCode?.get(m.country);
  return id !== undefined ? m.actor !== id : m.lat !== undefined && m.isLocation === true;
}

/** How a mention stands for its country: the state, a place of it, a person, or another body (by sector). */
function standing(m: PlaceTarget, states: StateIndex | null): 'state' | 'place' | 'person' | 'body' {
  if (m.members) return 'state';
  if (m.asPlace || isSubnationalPlace(m, states)) return 'place';
  if (m.type === 'PERSON') return m.sector !== null && STATE_SECTORS.has(m.sector) ? 'state' : 'person';
  if (m.sector !== null) return STATE_SECTORS.has(m.sector) ? 'state' : 'body';
  // An unresolved group with no sector ("Kurds", "Leaders of the coalition") is not the state.
  return isStateItself(m, states) || (m.actor === null && m.type !== 'GROUP' && m.type !== 'ORG') ? 'state' : 'body';
}

function sameEntity(a: Mention, b: Mention): boolean {
  if (a === b) return true;
  if (a.actor !== null && b.actor !== null) return a.actor === b.actor;
  return a.name === b.name;
}

/**
 * True when `a` and `b` (acting for countries `ca` and `cb`) are one party. Parties of different
 * countries are two; of one country they are one when both are its state (the country, its
 * government, a leader in office) or the same body, sector or place. A person other than a state
 * official, a town or region, and a body of another sector are parties of their own.
 */
export function sameParty(a: PlaceTarget, ca: string | null, b: PlaceTarget, cb: string | null, states: StateIndex | null): boolean {
  if (ca !== null && cb !== null && ca !== cb) return false;
  if (sameEntity(a, b)) return true;
  if (ca === null || cb === null) return false;
  const sa = standing(a, states);
  const sb = standing(b, states);
  // A person acts for the body of their own sector ("the Director of the CIA" and the CIA).
  if ((sa === 'person' && sb === 'body') || (sa === 'body' && sb === 'person')) return a.sector !== null && a.sector === b.sector;
  if (sa !== sb) return false;
  if (sa === 'state') return true;
  if (sa === 'body') return a.sector !== null && a.sector === b.sector && (a.actor === null || b.actor === null);
  return false;
}
